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


def chapters_vtt(chapters: Sequence) -> str:
    """WebVTT chapters (`<track kind="chapters">`, an HTML5 player's chapter menu): one cue per
    chapter (pipeline.video.Chapter: title, start, end in seconds), the title as its text."""
    return to_vtt([srt.Subtitle(k, timedelta(seconds=c.start), timedelta(seconds=c.end), c.title)
                   for k, c in enumerate(chapters, 1)])


def escape_cue(text: str) -> str:
    """Cue text as plain text: `&`, `<` and `>` as entities (both .srt readers and WebVTT know
    them), so a token such as <i> is shown, never read as a tag, and --> never as a timing line."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_srt(text: str) -> str:
    """An .srt as manim writes it (raw narration) with every cue's text escaped."""
    return srt.compose([srt.Subtitle(s.index, s.start, s.end, escape_cue(s.content)) for s in srt.parse(text)])


def cue_subtitles(cues: Sequence) -> list:
    """Subtitles timed to the narration (scenes.speech.Cue): each caption is up while it is
    spoken (without a voice, while it can be read), and gone when the next cue starts."""
    subtitles = []
    for k, cue in enumerate(cues):
        end = cue.start + cue.duration
        if k + 1 < len(cues):
            end = min(end, cues[k + 1].start)
        subtitles.append(srt.Subtitle(k + 1, timedelta(seconds=cue.start), timedelta(seconds=end), cue.caption))
    return subtitles
