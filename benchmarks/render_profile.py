#!/usr/bin/env python3
"""Runs `render.py all` in a project tree as the command line does (api.request + runner.run) and
records where the time goes, for benchmarks/publish_bench.py (not a test; any tree of this
project, before or after a change, since it hooks manim and the runner from outside):

- per scene: the seconds its tasks took in the workers, and within them the main thread drawing
  (manim's Camera.capture_mobjects: cairo), the main thread blocked on the video encoder thread,
  and the encoder thread encoding (manim's or pipeline.encoding's segment encoder);
- per worker process: the seconds it was busy with tasks; and the run's wall time.

Usage: python benchmarks/render_profile.py TREE MEDIA_DIR JOBS OUTPUT.json [--quality high] [--scenes a,b]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import threading
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

RECORDS = "PUBLISH_BENCH_RECORDS"  # folder each process writes its records to
_totals: dict = defaultdict(float)   # this process: drawing, waiting, encoding seconds so far
_lock = threading.Lock()


def _timed(owner, name: str, key: str) -> None:
    original = getattr(owner, name, None)
    if original is None:
        return

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            with _lock:
                _totals[key] += time.perf_counter() - start

    setattr(owner, name, timed)


def _record(entry: dict) -> None:
    folder = Path(os.environ[RECORDS])
    with open(folder / f"{os.getpid()}.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")


def _task(module, name: str, scene_of) -> None:
    """Record each call of a runner task: its scene, worker and wall seconds."""
    original = getattr(module, name, None)
    if original is None:
        return

    def task(*args, **kwargs):
        start = time.monotonic()
        try:
            return original(*args, **kwargs)
        finally:
            _record({"task": name, "scene": scene_of(args, kwargs), "pid": os.getpid(), "start": start,
                     "end": time.monotonic()})

    task.__name__ = task.__qualname__ = name
    setattr(module, name, task)


def install() -> None:
    """Hook manim and the runner in this process (a worker's initializer, or the in-process run)."""
    from manim.camera.camera import Camera
    from manim.scene import scene_file_writer
    from manim.scene.scene import Scene
    from manim.scene.video_segment_encoder import VideoSegmentEncoder

    _timed(Camera, "capture_mobjects", "drawing")
    _timed(scene_file_writer._PartialMovieEncodeJob, "put", "waiting")  # the frame queue is full
    _timed(scene_file_writer.SceneFileWriter, "_join_job", "waiting")   # an animation's encoding must end
    encoders = [VideoSegmentEncoder]
    try:
        from pipeline.encoding import SegmentEncoder
        encoders.append(SegmentEncoder)
    except ImportError:  # a tree from before pipeline.encoding
        pass
    for encoder in encoders:
        _timed(encoder, "write_frame", "encoding")
        _timed(encoder, "finish", "encoding")

    render = Scene.render

    def recorded_render(scene, *args, **kwargs):
        before, start = dict(_totals), time.perf_counter()
        try:
            return render(scene, *args, **kwargs)
        finally:
            entry = {key: _totals[key] - before.get(key, 0.0) for key in ("drawing", "waiting", "encoding")}
            _record({"render": getattr(scene, "scene_name", type(scene).__name__), "pid": os.getpid(),
                     "seconds": time.perf_counter() - start, **entry})

    Scene.render = recorded_render
    from pipeline import runner

    _task(runner, "render_job", lambda args, kwargs: args[0].name)
    _task(runner, "piece_task", lambda args, kwargs: args[0].name)
    _task(runner, "finish_task", lambda args, kwargs: args[0].name)


def profiled_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=install)


def summarise(records: Path, wall: float, jobs: int) -> dict:
    """Per scene: task seconds, drawing, waiting, encoding; per worker: busy seconds and share."""
    scenes: dict = defaultdict(lambda: defaultdict(float))
    busy: dict = defaultdict(float)
    for path in records.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            if "task" in entry:
                seconds = entry["end"] - entry["start"]
                scenes[entry["scene"]]["task"] += seconds
                busy[entry["pid"]] += seconds
            else:
                for key in ("seconds", "drawing", "waiting", "encoding"):
                    scenes[entry["render"]][key] += entry[key]
    return {"wall": wall, "jobs": jobs, "scenes": {k: dict(v) for k, v in scenes.items()},
            "busy": {str(pid): seconds for pid, seconds in busy.items()},
            "busy_share": {str(pid): seconds / wall for pid, seconds in busy.items()}}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tree")
    parser.add_argument("media")
    parser.add_argument("jobs", type=int)
    parser.add_argument("output")
    parser.add_argument("--quality", default="high")
    parser.add_argument("--scenes", default="", help="comma-separated (default: all)")
    args = parser.parse_args()
    tree = Path(args.tree).resolve()
    os.chdir(tree)
    sys.path.insert(0, str(tree))
    records = Path(args.output).with_suffix(".records")
    records.mkdir(parents=True, exist_ok=True)
    os.environ[RECORDS] = str(records)

    from pipeline import api
    from pipeline.runner import run

    request = api.request(args.scenes.split(",") if args.scenes else None, quality=args.quality, media_dir=args.media,
                          jobs=args.jobs, quiet=True)
    request.checked_example()
    if args.jobs == 1:
        install()
    start = time.monotonic()
    summary = run(request, executor_factory=profiled_pool)
    wall = time.monotonic() - start
    if summary.failed:
        sys.exit(f"failed: {[(c.scene, c.error) for c in summary.failed]}")
    report = summarise(records, wall, args.jobs)
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    report["cpu"] = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime  # the workers have ended
    report["clips"] = {c.scene: str(c.path) for c in summary.clips}
    Path(args.output).write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
