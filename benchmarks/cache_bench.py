#!/usr/bin/env python3
"""Cache benchmark (not a test): which edits invalidate which clips, and what a second output
costs after the first. In one run, on a private copy of the project (the tree is not touched):

1. `render.py all` cold, then `render.py slides` with the same settings: how many clips the deck
   had to render (0 expected) and its time as a share of the cold run;
2. an edit to pipeline/slides.py and to attention_math/report.py: clips still valid (10 cached);
3. an edit to scenes/softmax.py: only softmax re-renders.

Prints counts and ratios. Usage: .venv/bin/python benchmarks/cache_bench.py [--quality low]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def render(copy: Path, media: Path, command: str, quality: str) -> tuple:
    """(seconds, scenes rendered, scenes cached) of one command in the copy."""
    start = time.perf_counter()
    result = subprocess.run([PYTHON, "render.py", command, "--quality", quality, "--media-dir", str(media)],
                            cwd=copy, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    return seconds, len(re.findall(r": rendered in", result.stderr)), len(re.findall(r": cached", result.stderr))


def edit(path: Path) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n# an edit that changes no behaviour\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quality", default="low")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="attention-cache-bench-"))
    copy = work / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "media", ".git", "__pycache__", ".pytest_cache"))
    (copy / ".venv").symlink_to(ROOT / ".venv")  # reveal.js for the deck lives there
    media = work / "media"

    cold, rendered, _ = render(copy, media, "all", args.quality)
    print(f"all, cold:                         {cold:6.1f} s, {rendered} scenes rendered")
    deck, rendered, cached = render(copy, media, "slides", args.quality)
    print(f"slides after all:                  {deck:6.1f} s, {rendered} rendered, {cached} cached "
          f"({deck / cold:.2f}x the cold run)")
    edit(copy / "pipeline" / "slides.py")
    edit(copy / "attention_math" / "report.py")
    again, rendered, cached = render(copy, media, "all", args.quality)
    print(f"after editing slides.py, report.py: {again:6.1f} s, {rendered} rendered, {cached} cached")
    edit(copy / "scenes" / "softmax.py")
    result = subprocess.run([PYTHON, "render.py", "all", "--quality", args.quality, "--media-dir", str(media)],
                            cwd=copy, capture_output=True, text=True, check=True)
    rerendered = re.findall(r"\] [0-9:]+  (\w+): rendered", result.stderr)
    print(f"after editing scenes/softmax.py:   re-rendered {rerendered or 'nothing'}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
