"""Hostile and damaged input: nothing crashes, hangs, injects or writes.

The corpus (tests/hostile_cases.py) goes through `render.py numbers` in-process, a part of it
through `scene` and `slides` (refused while the example is checked, so nothing renders); then
the security items one by one: terminal escapes, spreadsheet formulas, alias bombs, output
paths that are devices, FIFOs or symlinks, and a standard output that cannot be written.
"""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

import pytest
from click.testing import CliRunner

import render
from attention_math.errors import MESSAGE_CHARS, ExampleError
from attention_math.loader import load_example
from attention_math.safe_text import first_unsafe, shown
from pipeline.files import atomic_path, atomic_write, publish
from pipeline.subtitles import escape_srt, to_vtt
from tests.conftest import ROOT
from tests.hostile_cases import CASES, ESC, GOOD, RENDER_SUBSET, laughs

HANG_LIMIT = 30  # seconds: a case still running then is a hang, reported as a failure


@contextmanager
def hang_guard():
    """Turn a hang (a FIFO read, an endless parse) into a failure instead of a stuck suite."""
    def expire(*_):
        raise TimeoutError(f"still running after {HANG_LIMIT} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(HANG_LIMIT)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def invoke(*args):
    with hang_guard():
        return CliRunner().invoke(render.cli, [str(a) for a in args])


def assert_well_behaved(result, expect) -> str:
    """Exit 0 or 2 (the expected one when known), at most one line of at most 300 characters on
    stderr, no traceback, no character a terminal could act on. Returns the stderr line."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in ((0, 2) if expect is None else (expect,)), (result.exit_code, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) <= 1, result.stderr
    line = lines[0] if lines else ""
    assert len(line) <= 300 and "Traceback" not in result.output
    assert first_unsafe(result.output.replace("\n", "")) is None, repr(result.output[:300])
    return line


@pytest.mark.parametrize("case", CASES, ids=[c.name.replace(ESC, "ESC") for c in CASES])
def test_numbers_survives_the_hostile_corpus(tmp_path, case):
    path = case.make(tmp_path)
    before = sorted(os.listdir(tmp_path))
    out = tmp_path / "numbers.json"
    result = invoke("numbers", "--format", "json", "--embeddings", path, "-o", out, *case.args)
    line = assert_well_behaved(result, case.expect)
    if result.exit_code == 2:
        assert line.startswith("error: ") and "; fix: " in line, line
        assert case.name in line  # the file is named: not the output, not an internal path
        for word in case.words:
            assert word in line, (word, line)
        if case.name.endswith(".csv"):  # a spreadsheet user is never told to write YAML
            assert not re.search(r"(dims|embeddings|sentences): [\[{]", line), line
        assert sorted(os.listdir(tmp_path)) == before  # nothing written, not even a temporary file
    else:
        document = json.loads(out.read_text(encoding="utf-8"))
        assert document["sentences"] and first_unsafe(json.dumps(document, ensure_ascii=False)) is None


def test_the_corpus_is_large_and_covers_every_outcome():
    assert len(CASES) >= 80 and len({c.name for c in CASES}) == len(CASES)
    assert {c.expect for c in CASES} == {0, 2, None}
    assert set(RENDER_SUBSET) <= {c.name for c in CASES}


@pytest.mark.parametrize("command", ["scene", "slides"])
def test_scene_and_slides_refuse_before_rendering(tmp_path, command):
    cases = {c.name: c for c in CASES}
    media = tmp_path / "media"
    for name in RENDER_SUBSET:
        case = cases[name]
        folder = tmp_path / name
        folder.mkdir()
        path = case.make(folder)
        args = ["scene", "scores"] if command == "scene" else ["slides"]
        result = invoke(*args, "--embeddings", path, "--media-dir", media, *case.args)
        line = assert_well_behaved(result, 2)
        assert line.startswith("error: ") and all(word in line for word in case.words), (name, line)
        assert not media.exists(), name  # refused before anything rendered or was written


@pytest.mark.parametrize("resolution,words", [
    ("¹⁹²⁰x¹⁰⁸⁰", ["is not WIDTHxHEIGHT"]),            # superscript digits are digits to str.isdigit
    ("１９２０x1080", ["is not WIDTHxHEIGHT"]),          # and so are full-width ones
    ("100000x100000", ["outside 16 to 7680 pixels"]),   # would allocate 40 GB a frame
    ("1920x1080\x1b[2J", ["\\x1b[2J"]),
])
def test_resolution_is_ascii_and_bounded(tmp_path, resolution, words):
    result = invoke("scene", "scores", "--resolution", resolution, "--media-dir", tmp_path / "media")
    line = assert_well_behaved(result, 2)
    assert line.startswith("error: --resolution: value: ") and all(word in line for word in words), line
    assert not (tmp_path / "media").exists()


def test_text_tables_never_carry_escapes_from_the_file_name(tmp_path):
    path = tmp_path / f"evil{ESC}]52;c;ZXZpbA==\x07.yaml"
    path.write_text(GOOD, encoding="utf-8")
    result = invoke("numbers", "--embeddings", path)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("evil\\x1b]52;c;ZXZpbA==\\x07  (d = 2")


# -- messages -----------------------------------------------------------------------------------


def test_error_messages_escape_and_cut_what_they_quote():
    token = f"{ESC}[2J" + "x" * 5000
    with pytest.raises(ExampleError) as caught:
        load_example(sentences=[token])
    message = str(caught.value)
    assert ESC not in message and "\\x1b[2J" in message and len(message) <= MESSAGE_CHARS
    assert shown("y" * 100) == "y" * 59 + "…" and shown(10 ** 400) == "<an integer of about 400 digits>"


@pytest.mark.parametrize("args,words", [
    (["numbers", "--bogus"], ["render.py numbers: --bogus: no such option", "fix: see `render.py numbers --help`"]),
    (["numbers", "--format", "x"], ["--format: 'x' is not one of 'text', 'json', 'xlsx'"]),
    (["scene"], ["render.py scene: NAME: missing", "fix: give one of: embeddings, scores"]),
    (["scene", "nope"], ["NAME: 'nope' is not one of"]),
    (["numbers", "--heads", "two"], ["--heads: 'two' is not a valid integer"]),
    (["all", "--fps", "0"], ["--fps: 0 is not in the range"]),
    (["numbers", "--format", f"{ESC}[2J"], ["'\\x1b[2J' is not one of"]),
])
def test_click_usage_errors_are_one_line_with_the_fix(args, words):
    with hang_guard():
        result = CliRunner().invoke(render.cli, args, prog_name="render.py")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Usage:" not in result.output and ESC not in result.output
    for word in words:
        assert word in result.stderr, (word, result.stderr)


def test_help_still_shows_the_usage():
    result = CliRunner().invoke(render.cli, ["numbers", "--help"], prog_name="render.py")
    assert result.exit_code == 0 and result.stdout.startswith("Usage: render.py numbers [OPTIONS]")


def test_too_long_sentence_option_is_blamed_on_the_option(tmp_path):
    result = invoke("scene", "scores", "--sentence", "cat and mouse are friends and cat are friends",
                    "--media-dir", tmp_path / "media")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --sentence: sentence 1: 9 tokens, the scenes draw at most 8")
    assert "built-in" not in result.stderr


# -- subtitles ----------------------------------------------------------------------------------


def test_subtitle_cues_are_plain_text():
    raw = "1\n00:00:00,000 --> 00:00:01,000\nthe token <i> & the arrow --> here\n\n"
    escaped = escape_srt(raw)
    assert "the token &lt;i&gt; &amp; the arrow --&gt; here" in escaped
    assert escaped.count("-->") == 1  # only the timing line
    import srt

    vtt = to_vtt(list(srt.parse(escaped)))
    assert "<i>" not in vtt and vtt.count("-->") == 1


# -- spreadsheet formula injection ----------------------------------------------------------------


def test_workbook_writes_example_text_as_text_and_keeps_its_formulas(tmp_path):
    from openpyxl import load_workbook

    dde = "=cmd|' /C calc'!A0"
    path = tmp_path / "ex.json"
    path.write_text(json.dumps({"name": "=HYPERLINK(\"http://evil\")", "dims": ["@SUM(A1)", "+1"],
                                "embeddings": {dde: [1, 0], "-2": [0, 1], "#N/A": [1, 1]},
                                "sentences": [[dde, "-2", "#N/A"]]}), encoding="utf-8")
    out = tmp_path / "numbers.xlsx"
    assert invoke("numbers", "--embeddings", path, "--format", "xlsx", "-o", out).exit_code == 0
    book = load_workbook(out)
    table = book["Embeddings"]
    assert [table.cell(row=r, column=1).value for r in (4, 5, 6)] == [dde, "-2", "#N/A"]
    assert [table.cell(row=3, column=c).value for c in (2, 3)] == ["@SUM(A1)", "+1"]
    assert table["A1"].value.startswith("=HYPERLINK")
    text_cells = [table.cell(row=r, column=1) for r in (4, 5, 6)] + [table["A1"], table["B3"], table["C3"]]
    assert all(cell.data_type == "s" for cell in text_cells)
    assert all(cell.quotePrefix for cell in text_cells if cell.value[0] in "=+-@")
    formulas = [cell.value for ws in book for row in ws.iter_rows() for cell in row if cell.data_type == "f"]
    assert formulas and not any("cmd" in f or "HYPERLINK" in f or "SUM(A1)" in f for f in formulas)
    assert book["1 Scores"]["B4"].value.startswith("=INDEX(MMULT(")  # our own formulas stay formulas


# -- YAML aliases ---------------------------------------------------------------------------------


def test_alias_bomb_is_refused_but_modest_aliases_work(tmp_path):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(laughs("name"), encoding="utf-8")
    with hang_guard(), pytest.raises(ExampleError, match="aliases expand to more than 10000 values"):
        load_example(bomb)
    reuse = tmp_path / "reuse.yaml"
    reuse.write_text(GOOD + "w_q: &w [[1, 0], [0, 1]]\nw_k: *w\nw_v: *w\n", encoding="utf-8")
    projection = load_example(reuse).projection
    assert projection.w_k.tolist() == projection.w_q.tolist() == [[1, 0], [0, 1]]


# -- output paths ---------------------------------------------------------------------------------


def test_dev_null_stays_a_device():
    """Run as root (as in CI containers) the rename would have replaced the system's /dev/null."""
    result = invoke("numbers", "--format", "json", "-o", "/dev/null")
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and not os.path.islink("/dev/null")


def test_fifo_output_is_written_in_place(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # the read end is open before the command runs (a reader thread that had not yet reached its
    # open() made the command see nobody reading, on a loaded machine); the thread drains it,
    # so output larger than the pipe's buffer cannot block the writer
    read_end = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    chunks, written = [], threading.Event()

    def drain():
        for _ in range(int(HANG_LIMIT / 0.01)):
            # asked before the read: an end of file read before the command wrote, with the command
            # over by the time of asking, dropped what it then wrote (seen once, on a loaded machine)
            command_over = written.is_set()
            try:
                chunk = os.read(read_end, 1 << 16)
            except BlockingIOError:  # a writer is connected and has nothing new yet
                chunk = None
            if chunk:
                chunks.append(chunk)
            elif chunk == b"" and command_over:  # no writer since the command ended: all read
                return
            else:
                time.sleep(0.01)

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        result = invoke("numbers", "--format", "json", "-o", fifo)
    finally:
        written.set()
        reader.join(HANG_LIMIT)
        os.close(read_end)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and json.loads(b"".join(chunks))["focus"] == "mouse"
    assert sorted(os.listdir(tmp_path)) == ["pipe"]


def test_fifo_nobody_reads_is_refused_not_waited_for(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = invoke("numbers", "-o", fifo)
    assert result.exit_code == 2 and "no program is reading" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_symlink_output_keeps_the_link_and_replaces_its_target(tmp_path):
    target, link = tmp_path / "real.json", tmp_path / "link.json"
    target.write_text("old")
    link.symlink_to(target)
    for write in (lambda p: atomic_write(p, "new"), lambda p: publish(target.with_name("src"), p)):
        target.with_name("src").write_text("new")
        write(link)
        assert link.is_symlink() and os.readlink(link) == str(target) and target.read_text() == "new"
        target.write_text("old")
    with atomic_path(link) as tmp:
        tmp.write_text("new")
    assert link.is_symlink() and target.read_text() == "new"


def test_directory_output_is_refused(tmp_path):
    with pytest.raises(IsADirectoryError):
        atomic_write(tmp_path, "x")
    result = invoke("numbers", "-o", tmp_path)
    assert result.exit_code == 2 and result.stderr.startswith("error: ")


def test_published_file_shares_no_bytes_with_its_source(tmp_path):
    source, published = tmp_path / "cache.mp4", tmp_path / "out" / "clip.mp4"
    source.write_bytes(b"clip")
    publish(source, published)
    source.write_bytes(b"XXXX")  # what a damaged cache entry would do, in place
    assert published.read_bytes() == b"clip" and os.stat(published).st_ino != os.stat(source).st_ino


def test_full_standard_output_is_one_line_exit_2():
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "render.py", "numbers"], cwd=ROOT, stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=HANG_LIMIT)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: standard output: ")
    assert "No space left on device" in result.stderr
