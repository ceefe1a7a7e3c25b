import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # render.py is a script at the top level, not a package
# Silent by default (reading-time pacing, no synthesis) in every test and every process a test
# starts: only the tests about the voice ask for one (tests/test_voice.py).
os.environ["ATTENTION_VOICE"] = "none"


@pytest.fixture
def write(tmp_path):
    """write(name, text) -> path of a file in a fresh temporary folder."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    """The built-in example's workbook, as `render.py numbers --format xlsx` writes it."""
    from click.testing import CliRunner

    import render

    path = tmp_path_factory.mktemp("book") / "numbers.xlsx"
    result = CliRunner().invoke(render.cli, ["numbers", "--format", "xlsx", "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path
