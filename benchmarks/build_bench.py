#!/usr/bin/env python3
"""Scene build benchmark (not a test): how long the test suite's builds of some scenes take
(tests/scene_helpers.built_scene: the built-in example animated at the tests' tiny size, the second
example with animations skipped), each in a fresh process, measured in CPU seconds of that process
(less disturbed than wall time when the machine is shared). With --baseline DIR (another checkout
of this project, e.g. an older commit exported with `git archive`), the same builds there too, and
the ratio baseline / here.

Usage: .venv/bin/python benchmarks/build_bench.py [--scenes a,b] [--baseline DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("builtin", "second")

# Runs inside the checkout being measured: import first (not measured), then build.
PROBE = """
import json, os, sys, time, warnings
warnings.filterwarnings("ignore")
sys.path.insert(0, os.getcwd())
import manim  # noqa: F401  (import time is not build time)
from tests.scene_helpers import built_scene
name, key = sys.argv[1], sys.argv[2]
cpu, wall = time.process_time(), time.perf_counter()
built_scene(name, key)
print(json.dumps({"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}))
"""


def measure(root: Path, scene: str, key: str) -> dict:
    env = dict(os.environ, ATTENTION_VOICE="none")
    out = subprocess.run([sys.executable, "-c", PROBE, scene, key], cwd=root, env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenes", default="scores,dimensions,output,causal")
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument("--repeat", type=int, default=1, help="runs per build (the median is reported)")
    args = parser.parse_args()
    roots = {"here": ROOT} | ({"baseline": args.baseline.resolve()} if args.baseline else {})
    print(f"{'scene':12} {'example':8} " + " ".join(f"{name + ' cpu s':>16}" for name in roots)
          + ("   baseline/here" if args.baseline else ""))
    for scene in args.scenes.split(","):
        for key in EXAMPLES:
            cpu = {name: statistics.median(measure(root, scene, key)["cpu"] for _ in range(args.repeat))
                   for name, root in roots.items()}
            ratio = f"   {cpu['baseline'] / cpu['here']:13.1f}×" if args.baseline else ""
            print(f"{scene:12} {key:8} " + " ".join(f"{v:16.1f}" for v in cpu.values()) + ratio, flush=True)


if __name__ == "__main__":
    main()
