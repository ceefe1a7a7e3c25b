"""The render pipeline behind `render.py scene`, `render.py all` and the slide deck.

- Each scene renders in a worker process (one per core by default), in a private work folder
  with its own tex and partial-movie folders (manim's shared ones race across processes).
- Finished clips go to a content-addressed cache, media/.cache/<scene>-<key>.<format>, keyed as
  pipeline.cache says (drawing code, example data, pixel settings). An mp4 clip keeps its
  steps as sections beside it, so one render serves the clip and the slide deck. Cache files
  never change once written, and are checked against their recorded checksums before use
  (pipeline.cache_entries: a damaged entry is dropped and rendered again); the stable paths
  media/<theme>/<folder>/<scene>.<format> are atomic copies of them. So a re-run with the same
  inputs renders nothing, and two renders into one media folder cannot corrupt each other.
- A render works in a locked folder media/.cache/.work-*; one left by a killed render is
  removed when the next run starts.
- A scene that fails leaves its full traceback in media/logs/, named in the one-line error.
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
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Optional, Sequence

from attention_math.example import Example
from pipeline import cache_entries
from pipeline.cache import clip_key, code_fingerprint, example_fingerprint
from pipeline.catalog import SceneInfo, scene_class
from pipeline.files import (WORK_PREFIX, atomic_write, claim_work_folder, publish, release_work_folder,
                            remove_stale_work_folders)
from pipeline.settings import JOINABLE, VIDEO_FORMATS, ExampleSource, RenderSettings, Request
from pipeline.voice import SPEECH_DIR, voice_fingerprint

ROOT = Path(__file__).resolve().parents[1]
EXPLAINER = "attention_explainer"
LOG_DIR = "logs"  # under the media folder: full tracebacks of failed scenes


def stable_path(media_dir: Path, scene: str, settings: RenderSettings) -> Path:
    """Where a clip is documented to appear: media/<theme>/<folder>/<scene>.<format>."""
    return Path(media_dir) / settings.theme / settings.folder / f"{scene}.{settings.fmt}"


def render_clip(info: SceneInfo, example: Example, settings: RenderSettings, destination: Path,
                speech_cache: Optional[Path] = None) -> Path:
    """Render one scene in this process, in a private work folder, and move the result (with its
    narration: sound, .srt subtitles and cues) to `destination` only once complete. The voice
    keeps its speech in `speech_cache` (default: the speech folder beside `destination`)."""
    from manim import tempconfig

    from pipeline.narration import narrate_clip
    from pipeline.video import make_faststart
    from pipeline.voice import voice_for
    from scenes.theme import theme_named

    destination.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".work-{info.name}-", dir=destination.parent))
    try:
        config = {
            "media_dir": str(work), "tex_dir": str(work / "tex"), "partial_movie_dir": str(work / "partial"),
            "video_dir": str(work / "video"), "images_dir": str(work / "images"), "text_dir": str(work / "texts"),
            "sections_dir": str(work / "sections"),
            "output_file": info.name, "disable_caching": True, "verbosity": "ERROR", "progress_bar": "none",
            **settings.manim_config(),
        }
        with tempconfig(config):
            voice = voice_for(settings.voice, speech_cache or destination.parent / SPEECH_DIR, settings.voice_dir)
            instance = scene_class(info)(example=example, theme=theme_named(settings.theme), voice=voice)
            instance.render()
            plan = instance.renderer.file_writer.output_plan
            produced = Path(plan.primary_artifact)
            section_index = Path(plan.section_index) if settings.sections and plan.section_index else None
        for video in [produced, *(section_index.parent.glob("*.mp4") if section_index is not None else ())]:
            make_faststart(video)  # MP4/MOV index first: a web player starts before the download ends
        if section_index is not None:
            # one video per step, beside the clip: <clip>.sections/ with an index.json
            folder = destination.with_suffix(".sections")
            shutil.rmtree(folder, ignore_errors=True)
            os.replace(section_index.parent, folder)
            os.replace(folder / section_index.name, folder / "index.json")
        narrate_clip(produced, instance.cues, settings, destination)  # sound, subtitles and cues beside it
        return destination
    finally:
        shutil.rmtree(work, ignore_errors=True)


@dataclass
class ClipResult:
    scene: str
    title: str = ""           # "4. Row-wise softmax": its chapter in the joined video
    path: Optional[Path] = None
    cached: bool = False
    seconds: float = 0.0      # wall time spent
    duration: float = 0.0     # clip length
    size: int = 0
    key: str = ""
    cache_path: Optional[Path] = None
    error: Optional[str] = None
    log: Optional[Path] = None  # the full traceback of a failure


def write_log(media_dir: Path, scene: str, text: str) -> Optional[Path]:
    """Keep a failed scene's traceback where the user can find it; None if even that fails."""
    try:
        path = media_dir / LOG_DIR / f"{scene}-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
        atomic_write(path, text)
        return path
    except OSError:
        return None


def _publish_clip(cached: Path, final: Path) -> None:
    from pipeline.subtitles import to_vtt
    import srt

    publish(cached, final)
    subtitles = cached.with_suffix(".srt")
    if subtitles.exists():
        publish(subtitles, final.with_suffix(".srt"))
        atomic_write(final.with_suffix(".vtt"), to_vtt(list(srt.parse(subtitles.read_text(encoding="utf-8")))))


def render_job(info: SceneInfo, source: ExampleSource, settings: RenderSettings, media_dir: str) -> ClipResult:
    """One scene, from cache if possible. Runs in a worker process; never raises: a failure is
    reported in the result, with the full traceback written to media/logs/<scene>-<time>.log."""
    start = time.perf_counter()
    scene = info.name
    result = ClipResult(scene, title=info.title)
    try:
        example = source.load()
        key = result.key = clip_key(scene, example_fingerprint(example, info.needs), code_fingerprint(info.module), settings,
                                    voice_fingerprint(settings, scene))
        cached = Path(media_dir) / ".cache" / f"{scene}-{key}.{settings.fmt}"
        result.cache_path = cached
        result.cached = cache_entries.usable(cached)  # checked against its record; a damaged one is dropped
        if not result.cached:
            # rendered in a work folder of its own, installed in the cache whole
            staging = claim_work_folder(cached.parent, f"{WORK_PREFIX}{scene}-")
            try:
                render_clip(info, example, settings, staging / cached.name, speech_cache=cached.parent / SPEECH_DIR)
                cache_entries.install(staging / cached.name, cached)
            finally:
                release_work_folder(staging)
        final = stable_path(Path(media_dir), scene, settings)
        _publish_clip(cached, final)
        result.path = final
        result.size = cached.stat().st_size  # the cache entry: `final` may be a device or FIFO
        if settings.fmt in VIDEO_FORMATS:
            from pipeline.video import clip_duration

            result.duration = clip_duration(cached)
    except Exception as exc:  # reported by the parent, with the scene's name
        result.error = f"{type(exc).__name__}: {str(exc)[:200]}"
        result.log = write_log(Path(media_dir), scene, traceback.format_exc())
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


def run(request: Request, *, join: bool = True, executor_factory: Optional[Callable] = None) -> RunSummary:
    """Render the request's scenes (in explainer order) with `jobs` worker processes (0: one
    per core), then join them. Failed scenes are reported in the summary; the others finish."""
    scenes, source, settings = request.scenes, request.source, request.settings
    media_dir, quiet = Path(request.media_dir), request.quiet
    jobs = request.jobs or os.cpu_count() or 1
    remove_stale_work_folders(media_dir / ".cache")  # left by renders that were killed
    progress = Progress(len(scenes), quiet)
    results: dict = {}
    if len(scenes) == 1 or jobs == 1:
        for info in scenes:
            progress.status([info.name])
            results[info.name] = render_job(info, source, settings, str(media_dir))
            progress.finished(results[info.name])
    else:
        factory = executor_factory or (lambda n: ProcessPoolExecutor(max_workers=n, mp_context=get_context("spawn")))
        with factory(min(jobs, len(scenes))) as pool:
            pending = {pool.submit(render_job, info, source, settings, str(media_dir)): info.name for info in scenes}
            order = [info.name for info in scenes]
            try:
                while pending:
                    progress.status(sorted(pending.values(), key=order.index)[:jobs])
                    done, _ = wait(pending, timeout=1.0, return_when=FIRST_COMPLETED)
                    for future in done:
                        name = pending.pop(future)
                        results[name] = future.result()
                        progress.finished(results[name])
            except KeyboardInterrupt:
                for future in pending:
                    future.cancel()
                raise
    summary = RunSummary(clips=[results[info.name] for info in scenes])
    if join and not summary.failed and settings.fmt in JOINABLE and len(scenes) > 1:
        join_explainer(summary, settings, media_dir)
    return summary


def join_explainer(summary: RunSummary, settings: RenderSettings, media_dir: Path) -> None:
    """attention_explainer.<fmt> with chapters, plus .chapters.txt, .chapters.vtt, .srt and .vtt
    beside it, and for mp4 and webm an .html page that plays it with both tracks."""
    import srt

    from pipeline.subtitles import chapters_vtt, shifted_subtitles, to_vtt
    from pipeline.video import chapters_text, join_clips
    from pipeline.web_page import WEB_FORMATS, explainer_page

    folder = media_dir / settings.theme / settings.folder
    final = folder / f"{EXPLAINER}.{settings.fmt}"
    clips = [c.path for c in summary.clips]
    titles = [c.title for c in summary.clips]
    # the joined video is cached by the clips it is made of
    key = hashlib.sha256(json.dumps([c.key for c in summary.clips] + titles).encode()).hexdigest()[:32]
    cached = media_dir / ".cache" / f"{EXPLAINER}-{key}.{settings.fmt}"
    chapters_cache = cached.with_suffix(".chapters.json")
    if cached.exists() and chapters_cache.exists():
        from pipeline.video import Chapter

        chapters = [Chapter(**c) for c in json.loads(chapters_cache.read_text())]
    else:
        captions = [c.path.with_suffix(".srt").read_text(encoding="utf-8") for c in summary.clips]
        chapters = join_clips(clips, titles, cached, subtitles=captions)  # with the narration as a soft track
        atomic_write(chapters_cache, json.dumps([asdict(c) for c in chapters]))
    publish(cached, final)
    atomic_write(final.with_suffix(".chapters.txt"), chapters_text(chapters))
    atomic_write(final.with_suffix(".chapters.vtt"), chapters_vtt(chapters))
    parts = [(c.path.with_suffix(".srt").read_text(encoding="utf-8"), ch.start)
             for c, ch in zip(summary.clips, chapters) if c.path.with_suffix(".srt").exists()]
    subtitles = shifted_subtitles(parts)
    atomic_write(final.with_suffix(".srt"), srt.compose(subtitles))
    atomic_write(final.with_suffix(".vtt"), to_vtt(subtitles))
    extras = [".chapters.txt", ".chapters.vtt", ".srt", ".vtt"]
    if settings.fmt in WEB_FORMATS:
        atomic_write(final.with_suffix(".html"), explainer_page(final, "Self-attention, step by step"))
        extras.append(".html")
    summary.joined = final
    summary.joined_duration = chapters[-1].end if chapters else 0.0
    summary.extras = [final.with_suffix(s) for s in extras]


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
