#!/usr/bin/env python3
"""Render benchmark (not a test): in one run, on this machine,

1. `render.py all --quality low` cold (empty media folder), then again cached;
2. the same scenes one after another with the plain manim CLI (`manim -ql file Class`);
3. per-scene time for examples of 4 and 8 tokens per sentence (how cost grows).

Prints seconds and the ratios; quote the ratios (absolute times on shared machines are noisy).
Usage: .venv/bin/python benchmarks/render_bench.py [--scenes a,b,...] [--skip-sizes]
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

from pipeline.catalog import by_name, scenes  # noqa: E402

SCENES = scenes()

PYTHON = sys.executable
MANIM = str(Path(PYTHON).with_name("manim"))


def timed(cmd, env=None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def sized_example(folder: Path, tokens: int) -> Path:
    """Two sentences of `tokens` tokens each, 4 dims, values readable at two decimals."""
    words = [f"w{k}" for k in range(tokens + 1)]
    lines = ["dims: [animal, tech, grammar, mood]", "embeddings:"]
    for k, w in enumerate(words):
        lines.append(f"  {w}: [{(k % 5) * 0.4:.1f}, {((k + 2) % 5) * 0.4:.1f}, {((k + 1) % 3) * 0.5:.1f}, {(k % 2) * 0.6:.1f}]")
    lines.append("sentences:")
    lines.append("  - " + " ".join(words[:tokens]))
    lines.append("  - " + " ".join(words[1:tokens + 1]))
    lines.append(f"focus: {words[1]}")
    path = folder / f"tokens{tokens}.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenes", default=",".join(s.name for s in SCENES))
    parser.add_argument("--skip-sizes", action="store_true")
    args = parser.parse_args()
    names = args.scenes.split(",")
    work = Path(tempfile.mkdtemp(prefix="attention-bench-"))
    print(f"machine: {os.cpu_count()} cores; scenes: {len(names)}; work folder {work}")

    # the pipeline renders every scene unless told otherwise; for a subset, use `scene` per name
    media = work / "pipeline"
    if len(names) == len(SCENES):
        cold = timed([PYTHON, "render.py", "all", "--quality", "low", "--quiet", "--media-dir", str(media)])
        cached = timed([PYTHON, "render.py", "all", "--quality", "low", "--quiet", "--media-dir", str(media)])
    else:
        cold = sum(timed([PYTHON, "render.py", "scene", n, "--quiet", "--media-dir", str(media)]) for n in names)
        cached = sum(timed([PYTHON, "render.py", "scene", n, "--quiet", "--media-dir", str(media)]) for n in names)

    sequential = 0.0
    for name in names:
        info = by_name(name)
        sequential += timed([MANIM, "-ql", "--media_dir", str(work / "cli"), f"scenes/{info.name}.py", info.class_name])

    print(f"\nrender.py all, cold:      {cold:7.1f} s")
    print(f"render.py all, cached:    {cached:7.1f} s")
    print(f"manim CLI, sequential:    {sequential:7.1f} s")
    print(f"speed-up cold vs CLI:     {sequential / cold:7.2f}x")
    print(f"speed-up cached vs cold:  {cold / cached:7.1f}x")

    if not args.skip_sizes:
        print("\nper scene, one process, 4 vs 8 tokens per sentence (seconds):")
        size_scenes = ["scores", "softmax", "output", "multihead"]
        times = {}
        for tokens in (4, 8):
            example = sized_example(work, tokens)
            for name in size_scenes:
                times[tokens, name] = timed([PYTHON, "render.py", "scene", name, "--quiet", "--embeddings", str(example),
                                             "--media-dir", str(work / f"size{tokens}")])
        print(f"{'scene':12s} {'4 tokens':>9s} {'8 tokens':>9s} {'ratio':>6s}")
        for name in size_scenes:
            print(f"{name:12s} {times[4, name]:9.1f} {times[8, name]:9.1f} {times[8, name] / times[4, name]:6.2f}")


if __name__ == "__main__":
    main()
