#!/usr/bin/env bash
# Entry point of the README's two commands:
#   ./run.sh render [render.py all options]   set up, then render the whole explainer
#   ./run.sh test [pytest options]            set up, then run the test suite
# Any other arguments are passed to render.py inside the project's virtual environment.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
if [ "${1:-}" = "test" ]; then bash scripts/setup.sh --test; else bash scripts/setup.sh; fi
case "${1:-render}" in
  render) shift || true; exec .venv/bin/python render.py all "$@" ;;
  test)
    shift
    # pytest exits 5 when it collected nothing: that is a broken suite, not a pass.
    set +e; .venv/bin/python -m pytest "$@"; status=$?; set -e
    if [ "$status" -eq 5 ]; then echo "run.sh: pytest collected no tests" >&2; exit 1; fi
    exit "$status" ;;
  *) exec .venv/bin/python render.py "$@" ;;
esac
