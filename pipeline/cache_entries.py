"""Cache entries that are whole or not used: each clip in media/.cache is installed with a record
of the size and SHA-256 of every file it consists of (the clip, its side files such as the .srt,
its .sections folder),
and checked against that record before it is published. A truncated or scribbled entry is
dropped, with one line on stderr, and the scene renders again.

An entry appears complete or not at all: its parts move into the cache first, the record next,
the clip last (the file whose presence means "cached"), all under a per-entry lock, so a
concurrent run never sees half an entry. No manim import.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

from pipeline.files import atomic_write
from pipeline.subtitles import escape_srt


def _record_path(clip: Path) -> Path:
    return clip.with_name(clip.name + ".check.json")


# Files beside a clip that belong to its entry: subtitles, and the narration cues (pipeline.narration)
SIDE_FILES = (".srt", ".cues.json")


def _parts(clip: Path) -> list:
    """The files of an entry besides the clip itself: subtitles, cues and per-step videos."""
    sections = clip.with_suffix(".sections")
    files = [clip.with_suffix(s) for s in SIDE_FILES] + (sorted(sections.rglob("*")) if sections.is_dir() else [])
    return [p for p in files if p.is_file()]


def _digest(path: Path) -> list:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return [size, digest.hexdigest()]


def _record(clip: Path) -> dict:
    """{file name relative to the cache folder: [size, sha256]} of the clip and its parts."""
    return {str(p.relative_to(clip.parent)): _digest(p) for p in [clip, *_parts(clip)]}


@contextmanager
def _locked(clip: Path):
    """Only one process checks, drops or installs a given entry at a time."""
    clip.parent.mkdir(parents=True, exist_ok=True)
    with open(clip.with_name(clip.name + ".lock"), "ab") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _problem(clip: Path) -> Optional[str]:
    """Why an existing entry cannot be used as it is, or None when it matches its record."""
    try:
        recorded = json.loads(_record_path(clip).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "has no valid checksum record"
    if not isinstance(recorded, dict) or not all(isinstance(v, list) and len(v) == 2 for v in recorded.values()):
        return "has no valid checksum record"
    for name, (size, checksum) in recorded.items():
        path = clip.parent / name
        if not path.is_file():
            return f"is missing {name}"
        actual_size, actual_checksum = _digest(path)
        if actual_size != size:
            return f"is damaged ({name} has {actual_size} bytes, {size} were written)"
        if actual_checksum != checksum:
            return f"is damaged ({name} differs from its checksum)"
    return None


def _drop(clip: Path) -> None:
    clip.unlink(missing_ok=True)  # first: without the clip the entry no longer counts as cached
    _record_path(clip).unlink(missing_ok=True)
    for suffix in SIDE_FILES:
        clip.with_suffix(suffix).unlink(missing_ok=True)
    shutil.rmtree(clip.with_suffix(".sections"), ignore_errors=True)


def usable(clip: Path) -> bool:
    """True when the cache holds this entry intact. A damaged one is dropped, saying so on stderr."""
    if not clip.exists():
        return False
    with _locked(clip):
        if not clip.exists():
            return False
        problem = _problem(clip)
        if problem is None:
            return True
        print(f"warning: cache entry {clip.name} {problem}: dropped it; rendering the scene again", file=sys.stderr)
        _drop(clip)
        return False


def install(staged: Path, clip: Path) -> None:
    """Move a freshly rendered entry (`staged`, with its parts beside it) into the cache as
    `clip`, with its checksum record. Subtitle cue text is escaped on the way in. If another
    run installed an intact entry meanwhile, that one is kept."""
    srt = staged.with_suffix(".srt")
    if srt.exists():
        atomic_write(srt, escape_srt(srt.read_text(encoding="utf-8")))
    record = _record(staged)
    with _locked(clip):
        if clip.exists() and _problem(clip) is None:
            return
        _drop(clip)
        sections = staged.with_suffix(".sections")
        if sections.is_dir():
            os.replace(sections, clip.with_suffix(".sections"))
        for suffix in SIDE_FILES:
            if staged.with_suffix(suffix).exists():
                os.replace(staged.with_suffix(suffix), clip.with_suffix(suffix))
        atomic_write(_record_path(clip), json.dumps(record, indent=1))
        os.replace(staged, clip)
