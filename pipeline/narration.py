"""A clip's narration after manim has drawn it, the script a lecturer records, and what the voice did.

- `narrate_clip`: the clip gets its sound track (pipeline.audio), subtitles timed to the spoken
  cues, and its cues as JSON (<clip>.cues.json in the cache), which later runs read instead of
  rendering again.
- `script_cues` / `script_text`: every cue of the explainer, built with animations skipped and
  no voice (nothing is rendered), as one line per cue: id, the seconds the picture gives it, and
  the text as it will be spoken. A recording DIR/<id>.wav then replaces the voice for that cue.
- `voice_report`: after a render with --voice-dir, which cues fell back to the voice, which
  recordings ran much longer than their cue's time, which recordings matched no cue.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Sequence

from scenes.speech import Cue

CUES_SUFFIX = ".cues.json"


def write_cues(path: Path, cues: Sequence[Cue]) -> None:
    from pipeline.files import atomic_write

    atomic_write(path, json.dumps([asdict(c) for c in cues], ensure_ascii=False, indent=1))


def read_cues(clip: Path) -> list:
    """The cues recorded beside a cached clip ([] for a clip without them)."""
    path = Path(clip).with_suffix(CUES_SUFFIX)
    return [Cue(**c) for c in json.loads(path.read_text(encoding="utf-8"))] if path.exists() else []


def narrate_clip(video: Path, cues: Sequence[Cue], settings, destination: Path) -> None:
    """Move a silent rendered clip to `destination` with its narration: the sound track when the
    settings are narrated (normalised, the video copied as is), the .srt timed to the cues, and
    the cues themselves (.cues.json)."""
    import srt

    from pipeline.audio import mux_narration, narration_track, normalised, stream_end
    from pipeline.files import atomic_write
    from pipeline.settings import VIDEO_FORMATS
    from pipeline.subtitles import cue_subtitles

    if settings.narrated:
        mux_narration(video, normalised(narration_track(cues, stream_end(video))), destination, settings.fmt)
        Path(video).unlink()
    else:
        os.replace(video, destination)
    if settings.fmt in VIDEO_FORMATS:
        atomic_write(destination.with_suffix(".srt"), srt.compose(cue_subtitles(cues)))
    write_cues(destination.with_suffix(CUES_SUFFIX), cues)


# -- the script ----------------------------------------------------------------------------------

def script_cues(scenes: Sequence, example) -> list:
    """Every cue of the given scenes (pipeline.catalog.SceneInfo), paced without a voice: each
    scene is built with its animations skipped, in a throwaway folder, and nothing is written."""
    from manim import tempconfig

    from pipeline.catalog import scene_class
    from pipeline.voice import SilentVoice

    work = Path(tempfile.mkdtemp(prefix="attention-script-"))
    config = {"dry_run": True, "disable_caching": True, "verbosity": "ERROR", "progress_bar": "none",
              "media_dir": str(work), "text_dir": str(work / "texts"), "tex_dir": str(work / "tex"),
              "pixel_width": 160, "pixel_height": 90, "frame_rate": 5}
    cues = []
    try:
        for info in scenes:
            with tempconfig(config):
                scene = scene_class(info)(example=example, voice=SilentVoice(), skip_animations=True)
                scene.render()
            cues.extend(scene.cues)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return cues


def script_text(cues: Sequence[Cue]) -> str:
    """The narration as a script to record: a header, then `id<TAB>seconds<TAB>text` per cue."""
    lines = ["# The narration, one cue per line: id, the seconds the picture gives it, the text as spoken.",
             "# Record a cue as <id>.wav (any common sample rate) in one folder, then render with",
             "# --voice-dir FOLDER: recordings replace the voice where present.",
             "# id\tseconds\ttext"]
    lines += [f"{c.id}\t{c.budget:.1f}\t{c.text}" for c in cues]
    return "\n".join(lines) + "\n"


# -- after a render with recordings ---------------------------------------------------------------

def voice_report(summary, settings) -> list:
    """Lines for stderr after a render with --voice-dir: cues that fell back to the voice,
    recordings much longer than their cue's time (the hold was stretched), recordings that no
    cue of the rendered scenes uses."""
    from pipeline.voice import LONG_RECORDING, recordings_of

    if settings.voice_dir is None:
        return []
    lines, fell_back, used = [], [], set()
    rendered = [clip for clip in summary.clips if not clip.error and clip.cache_path is not None]
    for clip in rendered:
        for cue in read_cues(clip.cache_path):
            if cue.source != "recording":
                fell_back.append(cue.id)
                continue
            used.add(Path(cue.audio).name)
            if cue.duration > LONG_RECORDING * cue.budget:
                lines.append(f"warning: {cue.audio}: {cue.duration:.1f} s of speech for a cue the picture gives "
                             f"{cue.budget:.1f} s; its hold was stretched to fit; fix: record it shorter")
    unused = [path for clip in rendered for path in recordings_of(settings.voice_dir, clip.scene) if path.name not in used]
    lines += [f"note: {path}: no cue has this id, so it was not used (render.py script lists the ids)" for path in unused]
    if fell_back:
        voice = "the voice" if settings.voice != "none" else "no voice (silent)"
        lines.append(f"voice: {len(fell_back)} cue(s) have no recording in {settings.voice_dir} and use {voice}:")
        lines += [f"  {cue_id}" for cue_id in fell_back]
    return lines
