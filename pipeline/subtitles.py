"""Subtitles: the clips' .srt shifted per chapter for the whole video, and WebVTT for browsers."""

from __future__ import annotations

from datetime import timedelta
from typing import Sequence

import srt


def shifted_subtitles(parts: Sequence[tuple]) -> list:
    """[(srt text, offset seconds)] -> one list of srt.Subtitle, renumbered, times shifted."""
    merged = []
    for text, offset in parts:
        for sub in srt.parse(text):
            merged.append(srt.Subtitle(0, sub.start + timedelta(seconds=offset), sub.end + timedelta(seconds=offset), sub.content))
    for k, sub in enumerate(merged, 1):
        sub.index = k
    return merged


def to_vtt(subtitles: Sequence) -> str:
    """WebVTT (what browsers and slide decks read) from srt.Subtitle entries."""
    def stamp(t: timedelta) -> str:
        ms = int(round(t.total_seconds() * 1000))
        hours, ms = divmod(ms, 3_600_000)
        minutes, ms = divmod(ms, 60_000)
        seconds, ms = divmod(ms, 1000)
        return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{ms:03d}"

    blocks = ["WEBVTT", ""]
    for sub in subtitles:
        blocks += [str(sub.index), f"{stamp(sub.start)} --> {stamp(sub.end)}", sub.content, ""]
    return "\n".join(blocks)
