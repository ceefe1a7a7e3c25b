"""The render pipeline behind `render.py scene`, `render.py all` and the slide deck.

- Scenes render in worker processes (one per core by default), each in a private work folder
  with its own tex and partial-movie folders (manim's shared ones race across processes). With
  several workers a scene is split into pieces, one step each (pipeline.encoding renders a range
  of steps), handed out across scenes so that every worker stays busy to the end; a scene's
  pieces are then joined by stream copy into the very clip one worker would have made. With one
  worker, or one scene, scenes render whole in this process.
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
from collections import deque
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


def render_piece(info: SceneInfo, example: Example, settings: RenderSettings, folder: Path,
                 steps: Optional[range] = None, speech_cache: Optional[Path] = None) -> int:
    """Render the steps `steps` of one scene (None: all of them) in this process, in a private
    work folder, into `folder`: the silent video <scene>.<format>, its sections <scene>.sections/
    and the narration cues of the scene up to the last of those steps, <scene>.cues.json. Returns
    the number of frames written. The voice keeps its speech in `speech_cache`."""
    from manim import tempconfig

    from pipeline.encoding import ExplainerRenderer
    from pipeline.h264 import encoder_config
    from pipeline.narration import CUES_SUFFIX, write_cues
    from pipeline.voice import voice_for
    from scenes.theme import theme_named

    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".work-{info.name}-", dir=folder))
    try:
        config = {
            "media_dir": str(work), "tex_dir": str(work / "tex"), "partial_movie_dir": str(work / "partial"),
            "video_dir": str(work / "video"), "images_dir": str(work / "images"), "text_dir": str(work / "texts"),
            "sections_dir": str(work / "sections"),
            "output_file": info.name, "disable_caching": True, "verbosity": "ERROR", "progress_bar": "none",
            **settings.manim_config(), **encoder_config(settings.fmt, settings.transparent),
            "max_inflight_encoders": 2,  # an animation is encoded while the next one is drawn
        }
        with tempconfig(config):
            voice = voice_for(settings.voice, speech_cache or folder / SPEECH_DIR, settings.voice_dir)
            renderer = ExplainerRenderer(steps)
            instance = scene_class(info)(example=example, theme=theme_named(settings.theme), voice=voice, renderer=renderer)
            instance.render()
            plan = instance.renderer.file_writer.output_plan
            produced = Path(plan.primary_artifact)
            section_index = Path(plan.section_index) if settings.sections and plan.section_index else None
        video = folder / f"{info.name}.{settings.fmt}"
        os.replace(produced, video)
        if section_index is not None:
            os.replace(section_index.parent, video.with_suffix(".sections"))
        write_cues(video.with_suffix(CUES_SUFFIX), instance.cues)
        return renderer.file_writer.frames_written
    finally:
        shutil.rmtree(work, ignore_errors=True)


def finish_clip(info: SceneInfo, settings: RenderSettings, pieces: Sequence[Path], frames: Sequence[int],
                destination: Path) -> Path:
    """The clip from the folders its pieces were rendered into (render_piece, in the order of
    their steps): their videos joined by stream copy (each checked to hold the frames it was
    rendered with), their sections in one folder, the narration (sound, .srt subtitles and cues)
    added; all moved to `destination` only once complete."""
    from pipeline.narration import narrate_clip, read_cues
    from pipeline.video import join_pieces, make_faststart

    videos = [Path(folder) / f"{info.name}.{settings.fmt}" for folder in pieces]
    video = Path(pieces[0]) / f"{info.name}-joined.{settings.fmt}"
    if settings.fmt in JOINABLE:
        join_pieces(videos, frames, video)  # with the MP4/MOV index first: a web player starts at once
    else:  # gif and png: one piece, nothing to join
        os.replace(videos[0], video)
    if settings.sections:
        join_sections([v.with_suffix(".sections") for v in videos], destination.with_suffix(".sections"),
                      after=make_faststart)
    narrate_clip(video, read_cues(videos[-1]), settings, destination)  # the last piece played every step's cues
    return destination


def join_sections(folders: Sequence[Path], joined: Path, after: Callable[[Path], None]) -> None:
    """One folder of step videos with one index.json, from the section folders of a scene's pieces
    (manim numbers the sections of a piece as in the whole scene); `after` is applied to each video."""
    shutil.rmtree(joined, ignore_errors=True)
    joined.mkdir(parents=True)
    index = []
    for folder in folders:
        entries = json.loads((folder / f"{folder.stem}.json").read_text(encoding="utf-8"))
        for entry in entries:
            after(folder / entry["video"])
            os.replace(folder / entry["video"], joined / entry["video"])
        index += entries
    atomic_write(joined / "index.json", json.dumps(index, indent=4))


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


def prepare_clip(info: SceneInfo, source: ExampleSource, settings: RenderSettings, media_dir: Path) -> ClipResult:
    """A scene's cache key and entry, and whether the cache holds it intact (a damaged entry is
    dropped); on failure, the error and its log."""
    result = ClipResult(info.name, title=info.title)
    try:
        example = source.load()
        result.key = clip_key(info.name, example_fingerprint(example, info.needs), code_fingerprint(info.module), settings,
                              voice_fingerprint(settings, info.name))
        result.cache_path = Path(media_dir) / ".cache" / f"{info.name}-{result.key}.{settings.fmt}"
        result.cached = cache_entries.usable(result.cache_path)  # checked against its record
    except Exception as exc:
        _failed(result, info.name, exc, media_dir)
    return result


def _failed(result, scene: str, exc: Exception, media_dir: Path) -> None:
    """Record a failure in a result (the parent reports it with the scene's name), the full
    traceback in media/logs/<scene>-<time>.log."""
    result.error = f"{type(exc).__name__}: {str(exc)[:200]}"
    result.log = write_log(Path(media_dir), scene, traceback.format_exc())


def complete_clip(result: ClipResult, settings: RenderSettings, media_dir: Path) -> ClipResult:
    """Publish a cached clip at its stable path, with its size and duration."""
    try:
        final = stable_path(Path(media_dir), result.scene, settings)
        _publish_clip(result.cache_path, final)
        result.path = final
        result.size = result.cache_path.stat().st_size  # the cache entry: `final` may be a device or FIFO
        if settings.fmt in VIDEO_FORMATS:
            from pipeline.video import clip_duration

            result.duration = clip_duration(result.cache_path)
    except Exception as exc:
        _failed(result, result.scene, exc, media_dir)
    return result


def render_job(info: SceneInfo, source: ExampleSource, settings: RenderSettings, media_dir: str) -> ClipResult:
    """One scene, from cache if possible, rendered whole in this process. Never raises: a failure
    is reported in the result, with the full traceback written to media/logs/<scene>-<time>.log."""
    start = time.perf_counter()
    result = prepare_clip(info, source, settings, Path(media_dir))
    if not result.error and not result.cached:
        # rendered in a work folder of its own, installed in the cache whole
        staging = claim_work_folder(result.cache_path.parent, f"{WORK_PREFIX}{info.name}-")
        try:
            piece = staging / "piece-0"
            frames = render_piece(info, source.load(), settings, piece, speech_cache=result.cache_path.parent / SPEECH_DIR)
            finish_clip(info, settings, [piece], [frames], staging / result.cache_path.name)
            cache_entries.install(staging / result.cache_path.name, result.cache_path)
        except Exception as exc:
            _failed(result, info.name, exc, Path(media_dir))
        finally:
            release_work_folder(staging)
    if not result.error:
        complete_clip(result, settings, Path(media_dir))
    result.seconds = time.perf_counter() - start
    return result


@dataclass
class TaskReport:
    """What a task in a worker process did: its result, and when it ran in which worker."""

    worker: int = 0      # process id
    start: float = 0.0   # time.monotonic(): one clock for all processes of this machine
    end: float = 0.0
    frames: int = 0      # a piece: the frames it rendered
    clip: Optional[ClipResult] = None  # a finished clip
    error: Optional[str] = None
    log: Optional[Path] = None


def piece_task(info: SceneInfo, source: ExampleSource, settings: RenderSettings, media_dir: str, folder: Path,
               steps: range) -> TaskReport:
    """Render the steps `steps` of a scene into `folder` (a worker process's task)."""
    report = TaskReport(os.getpid(), time.monotonic())
    try:
        report.frames = render_piece(info, source.load(), settings, folder, steps,
                                     speech_cache=Path(media_dir) / ".cache" / SPEECH_DIR)
    except Exception as exc:
        _failed(report, info.name, exc, Path(media_dir))
    report.end = time.monotonic()
    return report


def finish_task(info: SceneInfo, settings: RenderSettings, media_dir: str, result: ClipResult, folders: list,
                frames: list, staging: Path) -> TaskReport:
    """Join a scene's pieces into its clip, install it in the cache and publish it (a worker
    process's task)."""
    report = TaskReport(os.getpid(), time.monotonic(), clip=result)
    try:
        finish_clip(info, settings, folders, frames, staging / result.cache_path.name)
        cache_entries.install(staging / result.cache_path.name, result.cache_path)
        complete_clip(result, settings, Path(media_dir))
    except Exception as exc:
        _failed(result, info.name, exc, Path(media_dir))
    report.end = time.monotonic()
    return report


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
    seconds: float = 0.0                         # wall time of the rendering (before the join)
    busy: dict = field(default_factory=dict)     # worker process id -> seconds it spent on tasks

    @property
    def failed(self) -> list:
        return [c for c in self.clips if c.error]


def run(request: Request, *, join: bool = True, executor_factory: Optional[Callable] = None) -> RunSummary:
    """Render the request's scenes (in explainer order) with `jobs` worker processes (0: one
    per core), then join them. Failed scenes are reported in the summary; the others finish.
    One scene, or one job: rendered in this process, scene by scene."""
    scenes, source, settings = request.scenes, request.source, request.settings
    media_dir, quiet = Path(request.media_dir), request.quiet
    jobs = request.jobs or os.cpu_count() or 1
    remove_stale_work_folders(media_dir / ".cache")  # left by renders that were killed
    progress = Progress(len(scenes), quiet)
    start = time.monotonic()
    if len(scenes) == 1 or jobs == 1:
        results = {}
        for info in scenes:
            progress.status([info.name])
            results[info.name] = render_job(info, source, settings, str(media_dir))
            progress.finished(results[info.name])
        busy = {os.getpid(): time.monotonic() - start}
    else:
        factory = executor_factory or (lambda n: ProcessPoolExecutor(max_workers=n, mp_context=get_context("spawn")))
        results, busy = PoolRun(request, jobs, progress).run(factory)
    summary = RunSummary(clips=[results[info.name] for info in scenes], seconds=time.monotonic() - start, busy=busy)
    if join and not summary.failed and settings.fmt in JOINABLE and len(scenes) > 1:
        join_explainer(summary, settings, media_dir)
    return summary


def plan_pieces(info: SceneInfo, settings: RenderSettings, jobs: int) -> list:
    """The steps of each piece a scene is rendered in: when several workers share the work and
    the pieces can be joined by stream copy, `jobs` runs of consecutive steps (as even as the step
    count allows), so no worker waits long for the last scene; else the whole scene (None).
    Not one step each: a piece first plays the scene's earlier steps without drawing them; with
    one-step pieces the workers' Python time (building and replaying) was 1.29x that of whole
    scenes, with one run per worker 0.98x (benchmarks/publish_bench.py, 1080p60, two workers),
    and the spread was as good (wall = 1.04 x worker time / 2 in both)."""
    count = min(jobs, len(info.steps))
    if count > 1 and settings.fmt in JOINABLE:
        bounds = [round(k * len(info.steps) / count) for k in range(count + 1)]
        return [range(bounds[k], bounds[k + 1]) for k in range(count)]
    return [None]


@dataclass
class SceneWork:
    """A scene being rendered in pieces by the pool."""

    info: SceneInfo
    result: ClipResult
    staging: Path                 # its work folder in the cache: the pieces, then the clip
    pieces: list                  # the steps of each piece
    reports: dict = field(default_factory=dict)  # piece index -> TaskReport, as they end
    running: int = 0              # its tasks submitted and not yet ended

    def folder(self, index: int) -> Path:
        return self.staging / f"piece-{index}"


class PoolRun:
    """The scenes' pieces as tasks for `jobs` worker processes, so that the wall time approaches
    the total work divided by the workers: no scene, however long, is one worker's alone. Pieces
    are handed out round-robin across scenes (a scene's next piece starts after its previous one
    ended, so the speech its skipped steps need is cached by then, not synthesised twice); once a
    scene's pieces are all done, joining them into its clip comes first."""

    def __init__(self, request: Request, jobs: int, progress: Progress):
        self.request, self.jobs, self.progress = request, jobs, progress
        self.settings, self.media_dir = request.settings, Path(request.media_dir)
        self.results: dict = {}
        self.busy: dict = {}
        self.works: dict = {}
        self.queue: deque = deque()  # (scene, piece index; None: finish the clip)

    def plan(self) -> None:
        for info in self.request.scenes:
            result = prepare_clip(info, self.request.source, self.settings, self.media_dir)
            if result.error or result.cached:
                self.done(complete_clip(result, self.settings, self.media_dir) if result.cached else result)
                continue
            staging = claim_work_folder(result.cache_path.parent, f"{WORK_PREFIX}{info.name}-")
            self.works[info.name] = SceneWork(info, result, staging, plan_pieces(info, self.settings, self.jobs))
        rounds = max((len(w.pieces) for w in self.works.values()), default=0)
        self.queue.extend((name, k) for k in range(rounds) for name, w in self.works.items() if k < len(w.pieces))

    def done(self, result: ClipResult) -> None:
        self.results[result.scene] = result
        work = self.works.pop(result.scene, None)
        if work is not None:
            release_work_folder(work.staging)
        self.progress.finished(result)

    def submit(self, pool, name: str, index: Optional[int]):
        work = self.works[name]
        work.running += 1
        media = str(self.media_dir)
        if index is None:
            ordered = sorted(work.reports)
            return pool.submit(finish_task, work.info, self.settings, media, work.result,
                               [work.folder(k) for k in ordered], [work.reports[k].frames for k in ordered], work.staging)
        return pool.submit(piece_task, work.info, self.request.source, self.settings, media, work.folder(index),
                           work.pieces[index])

    def ended(self, name: str, index: Optional[int], report: TaskReport) -> None:
        self.busy[report.worker] = self.busy.get(report.worker, 0.0) + report.end - report.start
        work = self.works[name]
        work.running -= 1
        work.result.seconds += report.end - report.start
        if index is None:
            report.clip.seconds = work.result.seconds  # the worker's copy of the result, now finished
            self.done(report.clip)
            return
        work.reports[index] = report
        if report.error and not work.result.error:  # the scene fails: its other pieces are not rendered
            work.result.error, work.result.log = report.error, report.log
            self.queue = deque(task for task in self.queue if task[0] != name)
        if work.result.error and work.running == 0:
            self.done(work.result)
        elif len(work.reports) == len(work.pieces) and not work.result.error:
            self.queue.appendleft((name, None))

    def run(self, factory) -> tuple:
        try:
            self.plan()
            if self.queue:
                with factory(min(self.jobs, len(self.queue))) as pool:
                    self.dispatch(pool)
        finally:
            for work in list(self.works.values()):  # interrupted: no work folder is left locked
                release_work_folder(work.staging)
        return self.results, self.busy

    def dispatch(self, pool) -> None:
        running: dict = {}
        try:
            while self.queue or running:
                while self.queue and len(running) < self.jobs:
                    task = self.queue.popleft()
                    running[self.submit(pool, *task)] = task
                self.progress.status([f"{name} {'joining' if k is None else f'{k + 1}/{len(self.works[name].pieces)}'}"
                                      for name, k in running.values()])
                finished, _ = wait(running, timeout=1.0, return_when=FIRST_COMPLETED)
                for future in finished:
                    self.ended(*running.pop(future), future.result())
        except KeyboardInterrupt:
            for future in running:
                future.cancel()
            raise


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
