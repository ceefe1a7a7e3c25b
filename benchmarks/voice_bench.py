#!/usr/bin/env python3
"""Voice benchmark (not a test): what the spoken narration costs, in one run on this machine.

1. `render.py all --quality low --voice none` cold (empty media folder): the silent baseline;
2. the same with `--voice joe`, cold (no clips and no speech cached), then again cached;
3. the synthesis real-time factor: seconds of speech per second of synthesis, one thread (as
   each render worker runs it), over the explainer's own sentences (from step 2's speech cache).

Prints seconds and ratios; quote the ratios (absolute times on a shared machine are noisy).
Target: voice cold at most 1.25x the silent cold run.
Usage: .venv/bin/python benchmarks/voice_bench.py [--sentences N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PYTHON = sys.executable


def render_all(media: Path, voice: str) -> float:
    start = time.perf_counter()
    subprocess.run([PYTHON, "render.py", "all", "--quality", "low", "--quiet", "--voice", voice, "--media-dir", str(media)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def synthesis_speed(speech_dir: Path, sentences: int) -> tuple:
    """(seconds of speech, seconds of synthesis, seconds of model load, sentences) for
    re-synthesising up to `sentences` of the rendered cues' texts into a fresh cache."""
    import json

    from pipeline import voice as voice_module

    texts = []
    for cues in sorted(speech_dir.parent.glob("*.cues.json")):
        texts += [c["text"] for c in json.loads(cues.read_text(encoding="utf-8")) if c["source"] == "joe"]
    texts = list(dict.fromkeys(texts))[:sentences]
    start = time.perf_counter()
    voice_module._piper()
    load = time.perf_counter() - start
    voice = voice_module.PiperVoice(Path(tempfile.mkdtemp(prefix="voice-bench-")))
    start = time.perf_counter()
    spoken = sum(voice.speak("bench", text).duration for text in texts)
    return spoken, time.perf_counter() - start, load, len(texts)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=20, help="sentences for the real-time factor")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="voice-bench-"))
    print(f"machine: {os.cpu_count()} cores; work folder {work}")

    silent = render_all(work / "silent", "none")
    spoken = render_all(work / "voice", "joe")
    cached = render_all(work / "voice", "joe")
    speech, synthesis, load, count = synthesis_speed(work / "voice" / ".cache" / "speech", args.sentences)

    print(f"\nrender.py all --voice none, cold:  {silent:7.1f} s")
    print(f"render.py all --voice joe, cold:   {spoken:7.1f} s   {spoken / silent:5.2f}x the silent run (target <= 1.25x)")
    print(f"render.py all --voice joe, cached: {cached:7.1f} s   {spoken / cached:5.1f}x faster than cold")
    print(f"synthesis: {speech:.1f} s of speech ({count} sentences) in {synthesis:.1f} s: "
          f"{speech / synthesis:.1f}x real time, one thread; model load {load:.1f} s")


if __name__ == "__main__":
    main()
