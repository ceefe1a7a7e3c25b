#!/usr/bin/env bash
# One-time (and cheap to repeat) set-up: Debian packages, then a virtual environment in .venv
# with the project installed in editable mode. Re-running when everything is present takes
# about a second: it checks dpkg and a stamp of pyproject.toml before touching anything.
set -euo pipefail
# --test: also what the test suite needs (Chromium, to open the slide deck headless)
with_tests=0
[ "${1:-}" = "--test" ] && with_tests=1
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# cairo/pango headers for pycairo and manimpango (no Linux wheels), TeX for MathTex,
# DejaVu as the one text family, a CJK fallback font so tokens such as 猫 render.
packages=(libcairo2-dev libpango1.0-dev pkg-config texlive-latex-base texlive-latex-extra
          texlive-fonts-recommended dvisvgm fonts-dejavu-core fonts-wqy-microhei)
python="${PYTHON:-python3}"
REVEAL_VERSION=6.0.2  # the slide deck's reveal.js, from the npm registry
command -v npm >/dev/null 2>&1 || [ -f .venv/share/reveal.js/reveal.js ] || packages+=(npm)
[ "$with_tests" -eq 1 ] && packages+=(chromium)

if ! command -v "$python" >/dev/null 2>&1; then
  packages+=(python3)
  python=python3
fi
command -v cc >/dev/null 2>&1 || packages+=(gcc)
if command -v "$python" >/dev/null 2>&1; then
  "$python" -c 'import ensurepip, venv' >/dev/null 2>&1 || packages+=(python3-venv)
  "$python" -c 'import os, sysconfig, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
    || packages+=(python3-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: missing system packages (${missing[*]}) and no apt-get: install their equivalents, then re-run." >&2
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ]; then
    sudo_cmd=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo_cmd=(sudo)
  elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
    sudo_cmd=(sudo)   # sudo will ask for the password on this terminal
  else
    echo "setup: these system packages are missing. Run this, then re-run the command:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing system packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The venv is rebuilt only when pyproject.toml changed since the last successful install.
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  echo "setup: installing Python packages into .venv (first run takes a few minutes)"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test]'
  rm -f .venv/.installed-*
  touch "$stamp"
fi

# reveal.js for the offline slide deck, by package name through npm, kept inside .venv
if [ ! -f ".venv/share/reveal.js/.version-$REVEAL_VERSION" ]; then
  echo "setup: fetching reveal.js $REVEAL_VERSION with npm"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack "reveal.js@$REVEAL_VERSION" --silent >/dev/null && tar xzf "reveal.js-$REVEAL_VERSION.tgz")
  rm -rf .venv/share/reveal.js
  mkdir -p .venv/share
  mv "$tmp/package/dist" .venv/share/reveal.js
  rm -rf "$tmp"
  touch ".venv/share/reveal.js/.version-$REVEAL_VERSION"
fi
