"""The render pipeline behind `render.py scene` and `render.py all`.

- Each scene renders in a worker process (one per core by default), in a private work folder
  with its own tex and partial-movie folders (manim's shared ones race across processes).
- Finished clips go to a content-addressed cache, media/.cache/<key>.<format>, where the key
  covers the example, theme, quality, resolution, fps, format, transparency and the code of
  scenes/ and attention_math/. Cache files never change once written; the stable paths
  media/<theme>/<folder>/<scene>.<format> are atomic links to them. So a re-run with the same
  inputs renders nothing, and two renders into one media folder cannot corrupt each other.
- The clips are joined (PyAV stream copy) into attention_explainer.<format> with one chapter
  per scene, a chapters text file and subtitles for the whole video.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Optional, Sequence

from attention_math import Example, load_example
from scenes.files import atomic_write, publish
from scenes.registry import BY_NAME

ROOT = Path(__file__).resolve().parents[1]
QUALITY = {"low": "low_quality", "medium": "medium_quality", "high": "high_quality", "4k": "fourk_quality"}
VIDEO_FORMATS = ("mp4", "webm", "mov", "gif")
JOINABLE = ("mp4", "webm", "mov")
FORMATS = VIDEO_FORMATS + ("png",)
EXPLAINER = "attention_explainer"
STANDARD_FRAME_WIDTH = 8.0 * 16 / 9  # manim's frame: 8 units tall, 16:9


@dataclass(frozen=True)
class RenderSettings:
    quality: str = "low"
    theme: str = "dark"
    fmt: str = "mp4"
    transparent: bool = False
    fps: Optional[int] = None
    resolution: Optional[tuple] = None  # (width, height) in pixels
    sections: bool = False  # also keep one video per step (manim sections), for the slide deck

    @property
    def folder(self) -> str:
        """The output folder under media/<theme>/: the quality, or the custom size and rate."""
        name = self.quality if self.resolution is None else f"{self.resolution[0]}x{self.resolution[1]}"
        if self.fps is not None:
            name += f"-{self.fps}fps"
        return name + ("-transparent" if self.transparent else "")

    def manim_config(self) -> dict:
        config = {"quality": QUALITY[self.quality], "format": self.fmt, "transparent": self.transparent,
                  "save_sections": self.sections}
        if self.fps is not None:
            config["frame_rate"] = self.fps
        if self.resolution is not None:
            width, height = self.resolution
            config.update(pixel_width=width, pixel_height=height)
            # keep the 16:9 layout's width: a taller frame (vertical video) gets more height,
            # never smaller text
            if width / height < 16 / 9:
                config.update(frame_width=STANDARD_FRAME_WIDTH, frame_height=STANDARD_FRAME_WIDTH * height / width)
            else:
                config.update(frame_height=8.0, frame_width=8.0 * width / height)
        return config


@dataclass(frozen=True)
class ExampleSource:
    """How to load the example: passed to worker processes instead of the (unpicklable) Example."""

    path: Optional[str] = None
    sentences: tuple = ()
    focus: Optional[str] = None
    heads: Optional[int] = None
    seed: Optional[int] = None

    def load(self) -> Example:
        return load_example(self.path, sentences=list(self.sentences) or None, focus=self.focus,
                            heads=self.heads, seed=self.seed)


def code_fingerprint() -> str:
    """Hash of every source file a clip depends on, plus the manim version."""
    import manim

    digest = hashlib.sha256(manim.__version__.encode())
    for folder in ("scenes", "attention_math"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def example_fingerprint(example: Example, weights: Sequence[str] = ("projection", "heads")) -> str:
    """Hash of what a scene draws from the example; learned weights only if the scene uses them,
    so a new seed re-renders the projection and multi-head scenes and nothing else."""
    def m(a):
        return None if a is None else [[float(v) for v in row] for row in a]

    data = {
        "name": example.name, "dims": list(example.dims), "focus": example.focus,
        "embeddings": {t: [float(v) for v in vec] for t, vec in example.embeddings.items()},
        "sentences": [list(s) for s in example.sentences],
    }
    if "projection" in weights:
        data["projection"] = [m(example.projection.w_q), m(example.projection.w_k), m(example.projection.w_v)]
    if "heads" in weights:
        data["heads"] = [[m(h.w_q), m(h.w_k), m(h.w_v)] for h in example.heads]
        data["w_o"] = m(example.w_o)
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def cache_key(scene: str, example_fp: str, code_fp: str, settings: RenderSettings) -> str:
    data = {"scene": scene, "example": example_fp, "code": code_fp, "settings": asdict(settings)}
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=list).encode()).hexdigest()[:32]


def stable_path(media_dir: Path, scene: str, settings: RenderSettings) -> Path:
    """Where a clip is documented to appear: media/<theme>/<folder>/<scene>.<format>."""
    return Path(media_dir) / settings.theme / settings.folder / f"{scene}.{settings.fmt}"


def render_clip(scene: str, example: Example, settings: RenderSettings, destination: Path) -> Path:
    """Render one scene in this process, in a private work folder, and move the result (and
    its .srt subtitles) to `destination` only once complete."""
    from manim import tempconfig

    from scenes.registry import scene_class
    from scenes.theme import theme_named

    destination.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".work-{scene}-", dir=destination.parent))
    try:
        config = {
            "media_dir": str(work), "tex_dir": str(work / "tex"), "partial_movie_dir": str(work / "partial"),
            "video_dir": str(work / "video"), "images_dir": str(work / "images"), "text_dir": str(work / "texts"),
            "sections_dir": str(work / "sections"),
            "output_file": scene, "disable_caching": True, "verbosity": "ERROR", "progress_bar": "none",
            **settings.manim_config(),
        }
        with tempconfig(config):
            instance = scene_class(BY_NAME[scene])(example=example, theme=theme_named(settings.theme))
            instance.render()
            plan = instance.renderer.file_writer.output_plan
            produced = Path(plan.primary_artifact)
            subtitles = Path(plan.subcaption_file) if plan.subcaption_file else None
            section_index = Path(plan.section_index) if settings.sections and plan.section_index else None
        if section_index is not None:
            # one video per step, beside the clip: <clip>.sections/ with an index.json
            folder = destination.with_suffix(".sections")
            shutil.rmtree(folder, ignore_errors=True)
            os.replace(section_index.parent, folder)
            os.replace(folder / section_index.name, folder / "index.json")
        if subtitles is not None and subtitles.exists():
            os.replace(subtitles, destination.with_suffix(".srt"))
        os.replace(produced, destination)
        return destination
    finally:
        shutil.rmtree(work, ignore_errors=True)


@dataclass
class ClipResult:
    scene: str
    path: Optional[Path] = None
    cached: bool = False
    seconds: float = 0.0      # wall time spent
    duration: float = 0.0     # clip length
    size: int = 0
    key: str = ""
    cache_path: Optional[Path] = None
    error: Optional[str] = None


def _publish_clip(cached: Path, final: Path) -> None:
    from scenes.video import to_vtt
    import srt

    publish(cached, final)
    subtitles = cached.with_suffix(".srt")
    if subtitles.exists():
        publish(subtitles, final.with_suffix(".srt"))
        atomic_write(final.with_suffix(".vtt"), to_vtt(list(srt.parse(subtitles.read_text(encoding="utf-8")))))


def render_job(scene: str, source: ExampleSource, settings: RenderSettings, media_dir: str, code_fp: str) -> ClipResult:
    """One scene, from cache if possible. Runs in a worker process; never raises."""
    start = time.perf_counter()
    result = ClipResult(scene)
    try:
        example = source.load()
        key = result.key = cache_key(scene, example_fingerprint(example, BY_NAME[scene].weights), code_fp, settings)
        cached = Path(media_dir) / ".cache" / f"{scene}-{key}.{settings.fmt}"
        result.cache_path = cached
        if cached.exists():
            result.cached = True
        else:
            render_clip(scene, example, settings, cached)
        final = stable_path(Path(media_dir), scene, settings)
        _publish_clip(cached, final)
        result.path = final
        result.size = final.stat().st_size
        if settings.fmt in VIDEO_FORMATS:
            from scenes.video import clip_duration

            result.duration = clip_duration(final)
    except Exception as exc:  # reported by the parent, with the scene's name
        result.error = f"{type(exc).__name__}: {exc}"
    result.seconds = time.perf_counter() - start
    return result


class Progress:
    """One display for the whole run: done/total, what is rendering, elapsed time."""

    def __init__(self, total: int, quiet: bool, stream=None):
        self.total, self.quiet, self.start = total, quiet, time.perf_counter()
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.done = 0

    def elapsed(self) -> str:
        seconds = int(time.perf_counter() - self.start)
        return f"{seconds // 60}:{seconds % 60:02d}"

    def status(self, running: Sequence[str]) -> None:
        if self.quiet or not self.tty:
            return
        line = f"[{self.done}/{self.total}] {self.elapsed()}  rendering: {', '.join(running) or '—'}"
        self.stream.write("\r\033[K" + line[:150])
        self.stream.flush()

    def finished(self, result: ClipResult) -> None:
        self.done += 1
        if self.quiet:
            return
        if result.error:
            what = f"FAILED: {result.error}"
        else:
            what = "cached" if result.cached else f"rendered in {result.seconds:.1f} s"
        prefix = "\r\033[K" if self.tty else ""
        self.stream.write(f"{prefix}[{self.done}/{self.total}] {self.elapsed()}  {result.scene}: {what}\n")
        self.stream.flush()


@dataclass
class RunSummary:
    clips: list = field(default_factory=list)
    joined: Optional[Path] = None
    extras: list = field(default_factory=list)  # chapters, subtitles of the joined video
    joined_duration: float = 0.0

    @property
    def failed(self) -> list:
        return [c for c in self.clips if c.error]


def run(scenes: Sequence[str], source: ExampleSource, settings: RenderSettings, media_dir: Path, *, jobs: int = 0,
        join: bool = True, quiet: bool = False, executor_factory: Optional[Callable] = None) -> RunSummary:
    """Render `scenes` (in explainer order) with `jobs` worker processes (0: one per core),
    then join them. Failed scenes are reported in the summary; the others still finish."""
    media_dir = Path(media_dir)
    code_fp = code_fingerprint()
    jobs = jobs or os.cpu_count() or 1
    progress = Progress(len(scenes), quiet)
    results: dict = {}
    if len(scenes) == 1 or jobs == 1:
        for name in scenes:
            progress.status([name])
            results[name] = render_job(name, source, settings, str(media_dir), code_fp)
            progress.finished(results[name])
    else:
        factory = executor_factory or (lambda n: ProcessPoolExecutor(max_workers=n, mp_context=get_context("spawn")))
        with factory(min(jobs, len(scenes))) as pool:
            pending = {pool.submit(render_job, name, source, settings, str(media_dir), code_fp): name for name in scenes}
            try:
                while pending:
                    progress.status(sorted(pending.values(), key=list(scenes).index)[:jobs])
                    done, _ = wait(pending, timeout=1.0, return_when=FIRST_COMPLETED)
                    for future in done:
                        name = pending.pop(future)
                        results[name] = future.result()
                        progress.finished(results[name])
            except KeyboardInterrupt:
                for future in pending:
                    future.cancel()
                raise
    summary = RunSummary(clips=[results[name] for name in scenes])
    if join and not summary.failed and settings.fmt in JOINABLE and len(scenes) > 1:
        join_explainer(summary, settings, media_dir)
    return summary


def join_explainer(summary: RunSummary, settings: RenderSettings, media_dir: Path) -> None:
    """attention_explainer.<fmt> with chapters, plus .chapters.txt, .srt and .vtt beside it."""
    import srt

    from scenes.video import chapters_text, join_clips, shifted_subtitles, to_vtt

    folder = media_dir / settings.theme / settings.folder
    final = folder / f"{EXPLAINER}.{settings.fmt}"
    clips = [c.path for c in summary.clips]
    titles = [f"{k}. {BY_NAME[c.scene].chapter}" for k, c in enumerate(summary.clips, 1)]
    # the joined video is cached by the clips it is made of
    key = hashlib.sha256(json.dumps([c.key for c in summary.clips] + titles).encode()).hexdigest()[:32]
    cached = media_dir / ".cache" / f"{EXPLAINER}-{key}.{settings.fmt}"
    chapters_cache = cached.with_suffix(".chapters.json")
    if cached.exists() and chapters_cache.exists():
        from scenes.video import Chapter

        chapters = [Chapter(**c) for c in json.loads(chapters_cache.read_text())]
    else:
        chapters = join_clips(clips, titles, cached)
        atomic_write(chapters_cache, json.dumps([asdict(c) for c in chapters]))
    publish(cached, final)
    atomic_write(final.with_suffix(".chapters.txt"), chapters_text(chapters))
    parts = [(c.path.with_suffix(".srt").read_text(encoding="utf-8"), ch.start)
             for c, ch in zip(summary.clips, chapters) if c.path.with_suffix(".srt").exists()]
    subtitles = shifted_subtitles(parts)
    atomic_write(final.with_suffix(".srt"), srt.compose(subtitles))
    atomic_write(final.with_suffix(".vtt"), to_vtt(subtitles))
    summary.joined = final
    summary.joined_duration = chapters[-1].end if chapters else 0.0
    summary.extras = [final.with_suffix(s) for s in (".chapters.txt", ".srt", ".vtt")]


def summary_table(summary: RunSummary, root: Path) -> str:
    """Each output's path, duration and size, one line each."""

    def rel(p: Path) -> str:
        try:
            return str(p.relative_to(root))
        except ValueError:
            return str(p)

    def size(n: int) -> str:
        return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"

    rows = [("scene", "status", "length", "size", "path")]
    for c in summary.clips:
        if c.error:
            rows.append((c.scene, "FAILED", "", "", c.error[:80]))
        else:
            rows.append((c.scene, "cached" if c.cached else "rendered", f"{c.duration:.1f} s" if c.duration else "",
                         size(c.size), rel(c.path)))
    if summary.joined is not None:
        rows.append(("explainer", "joined", f"{summary.joined_duration:.1f} s", size(summary.joined.stat().st_size),
                     rel(summary.joined)))
    widths = [max(len(r[k]) for r in rows) for k in range(5)]
    return "\n".join("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in rows) + "\n"
