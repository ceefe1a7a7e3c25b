#!/usr/bin/env python3
"""Publishing benchmark (not a test): `render.py all --quality high` cold, before and after the
encoder settings, held frames and scenes split between workers (issue 15), on the same scene
code. In one run, on this machine:

1. two copies of the project: "after" is this tree; "before" is this tree with the files this
   change touched as they were at BEFORE (git), so both render the very same scenes;
2. `all` cold with 2 jobs before, then after, then after with 1 job, each in a fresh media
   folder, profiled by benchmarks/render_profile.py: per scene the seconds spent drawing (cairo),
   encoding (the encoder thread), waiting for the encoder and the rest; per worker its busy share;
3. the cached re-run after (the command line, twice: the second is quoted);
4. the clips after against before: SSIM frame by frame (FFmpeg's ssim filter through PyAV, on
   the decoded frames at the same resolution) and the file sizes.

Prints seconds and ratios; quote the ratios (absolute times on a shared machine are noisy).
Usage: .venv/bin/python benchmarks/publish_bench.py [--quality high] [--before REV] [--keep]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
BEFORE = "e0c5ebe"  # the commit issue 15 started from
CHANGED = ("pipeline/runner.py", "pipeline/video.py", "pipeline/catalog.py", "pipeline/cache.py")
ADDED = ("pipeline/encoding.py", "pipeline/h264.py")
IGNORED = shutil.ignore_patterns(".venv", "media", ".git", "__pycache__", ".pytest_cache", "*.egg-info")


def project_copy(folder: Path, before: str = "") -> Path:
    """A copy of this tree; with `before`, the files this change touched as they were then."""
    shutil.copytree(ROOT, folder, ignore=IGNORED)
    (folder / ".venv").symlink_to(ROOT / ".venv")
    if before:
        for name in CHANGED:
            old = subprocess.run(["git", "show", f"{before}:{name}"], cwd=ROOT, capture_output=True, check=True).stdout
            (folder / name).write_bytes(old)
        for name in ADDED:
            (folder / name).unlink(missing_ok=True)
    return folder


def profiled_run(tree: Path, media: Path, jobs: int, quality: str, output: Path, scenes: str) -> dict:
    subprocess.run([PYTHON, str(ROOT / "benchmarks" / "render_profile.py"), str(tree), str(media), str(jobs),
                    str(output), "--quality", quality, "--scenes", scenes], check=True)
    return json.loads(output.read_text())


def cached_run(tree: Path, media: Path, quality: str, scenes: str) -> float:
    """Seconds of a cached re-run (the second of two: the first may find the OS's file cache cold)."""
    options = ["--quality", quality, "--quiet", "--media-dir", str(media)]
    commands = ([[PYTHON, "render.py", "scene", name, *options] for name in scenes.split(",")] if scenes
                else [[PYTHON, "render.py", "all", *options]])
    for command in commands:
        subprocess.run(command, cwd=tree, check=True, capture_output=True)
    start = time.perf_counter()
    for command in commands:
        subprocess.run(command, cwd=tree, check=True, capture_output=True)
    return time.perf_counter() - start


def ssim_per_frame(path: Path, reference: Path) -> list:
    """SSIM (all planes, FFmpeg's ssim filter) of each frame of `path` against `reference`'s."""
    import av

    with av.open(str(path)) as a, av.open(str(reference)) as b:
        frames_a, frames_b = a.decode(video=0), b.decode(video=0)
        values, graph = [], None
        for index, (x, y) in enumerate(zip(frames_a, frames_b)):
            if graph is None:
                graph = av.filter.Graph()
                inputs = [graph.add_buffer(width=f.width, height=f.height, format=f.format.name, time_base=Fraction(1, 60))
                          for f in (x, y)]
                ssim, sink = graph.add("ssim"), graph.add("buffersink")
                inputs[0].link_to(ssim, 0, 0)
                inputs[1].link_to(ssim, 0, 1)
                ssim.link_to(sink)
                graph.configure()
            x.pts = y.pts = index
            inputs[0].push(x)
            inputs[1].push(y)
            values.append(float(sink.pull().metadata["lavfi.ssim.All"]))
        if next(frames_a, None) is not None or next(frames_b, None) is not None:
            raise ValueError(f"{path} and {reference} have different frame counts")
    return values


def split_table(profile: dict) -> list:
    lines = [f"{'scene':12s} {'tasks':>7s} {'drawing':>8s} {'waiting':>8s} {'rest':>7s} {'encoder':>8s}"]
    for scene, s in profile["scenes"].items():
        rest = s.get("task", 0) - s.get("drawing", 0) - s.get("waiting", 0)
        lines.append(f"{scene:12s} {s.get('task', 0):7.1f} {s.get('drawing', 0):8.1f} {s.get('waiting', 0):8.1f} "
                     f"{rest:7.1f} {s.get('encoding', 0):8.1f}")
    total = {k: sum(s.get(k, 0) for s in profile["scenes"].values()) for k in ("task", "drawing", "waiting", "encoding")}
    lines.append(f"{'total':12s} {total['task']:7.1f} {total['drawing']:8.1f} {total['waiting']:8.1f} "
                 f"{total['task'] - total['drawing'] - total['waiting']:7.1f} {total['encoding']:8.1f}")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quality", default="high")
    parser.add_argument("--before", default=BEFORE, help="the git revision to compare with")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (trees, media, profiles)")
    parser.add_argument("--scenes", default="", help="comma-separated, to try the benchmark out (default: all)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="attention-publish-bench-"))
    after = project_copy(work / "after")
    before = project_copy(work / "before", args.before)
    print(f"work folder {work}; quality {args.quality}; before = {args.before} + this tree's scenes")

    runs = {}
    for name, tree, jobs in (("before", before, 2), ("after", after, 2), ("after-1job", after, 1)):
        runs[name] = profiled_run(tree, work / f"media-{name}", jobs, args.quality, work / f"{name}.json", args.scenes)
        print(f"{name:11s} cold: {runs[name]['wall']:7.1f} s wall, {runs[name]['cpu']:7.1f} s CPU; workers busy "
              + ", ".join(f"{share:.0%}" for share in runs[name]["busy_share"].values()), flush=True)
    cached = cached_run(after, work / "media-after", args.quality, args.scenes)

    print("\nwhere the time goes (seconds of worker time per scene; the encoder thread runs beside the main thread):")
    for name in ("before", "after"):
        print(f"\n{name}, 2 jobs:")
        print("\n".join(split_table(runs[name])))

    print("\nclips after against before (SSIM frame by frame; sizes):")
    print(f"{'scene':12s} {'frames':>7s} {'SSIM min':>9s} {'mean':>7s} {'size ratio':>11s}")
    everything, sizes = [], [0, 0]
    for scene, path in runs["after"]["clips"].items():
        reference = Path(runs["before"]["clips"][scene])
        values = ssim_per_frame(Path(path), reference)
        everything += values
        size, old = Path(path).stat().st_size, reference.stat().st_size
        sizes[0] += size
        sizes[1] += old
        print(f"{scene:12s} {len(values):7d} {min(values):9.4f} {sum(values) / len(values):7.4f} {size / old:11.2f}")
    print(f"{'all':12s} {len(everything):7d} {min(everything):9.4f} {sum(everything) / len(everything):7.4f} "
          f"{sizes[0] / sizes[1]:11.2f}")

    b, a, one = runs["before"]["wall"], runs["after"]["wall"], runs["after-1job"]["wall"]
    work_after = sum(s.get("task", 0) for s in runs["after"]["scenes"].values())
    print(f"\nall --quality {args.quality}, cold, 2 jobs: before {b:.1f} s, after {a:.1f} s: {b / a:.2f}x faster "
          f"(CPU time {runs['before']['cpu'] / runs['after']['cpu']:.2f}x less)")
    print(f"after, 1 job {one:.1f} s vs 2 jobs {a:.1f} s: {one / a:.2f}x "
          f"(worker time {work_after:.1f} s; wall / (worker time / 2) = {a / (work_after / 2):.2f})")
    print(f"after, cached re-run: {cached:.2f} s")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
