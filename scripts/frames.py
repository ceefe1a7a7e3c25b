#!/usr/bin/env python3
"""Save frames of a rendered clip as PNGs (PyAV, which manim already ships): for looking at
what a scene shows, and for handouts. Usage: frames.py VIDEO OUTDIR [--every SECONDS] [--last]"""

import argparse
from pathlib import Path

import av


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("video", type=Path)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--every", type=float, default=2.0, help="seconds between saved frames")
    args = parser.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    next_time, last = 0.0, None
    with av.open(str(args.video)) as container:
        for frame in container.decode(video=0):
            t = float(frame.pts * frame.time_base)
            last = frame
            if t + 1e-9 >= next_time:
                frame.to_image().save(args.outdir / f"{args.video.stem}-{t:06.2f}.png")
                next_time += args.every
    if last is not None:
        last.to_image().save(args.outdir / f"{args.video.stem}-last.png")


if __name__ == "__main__":
    main()
