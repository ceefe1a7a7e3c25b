"""The one error type for bad input: it names the file, the field, the line when known, and the fix."""

from __future__ import annotations

from typing import Optional

from .safe_text import cut, escaped

MESSAGE_CHARS = 290  # the whole line, with render.py's "error: " in front, stays under 300
PLACE_CHARS = 60     # the file and the field: a long path keeps its end (the file name)


def _place(text: str) -> str:
    text = escaped(text)
    return text if len(text) <= PLACE_CHARS else "…" + text[-(PLACE_CHARS - 1):]


def one_line(source: str, field: str, problem: str, fix: str, line: Optional[int] = None) -> str:
    """`SOURCE[:LINE]: FIELD: PROBLEM; fix: FIX` on one line of at most MESSAGE_CHARS characters,
    with anything a terminal could act on escaped. Problem and fix share what the place leaves."""
    where = f"{_place(source)}:{line}" if line else _place(source)
    field = cut(escaped(field), PLACE_CHARS)
    problem, fix = escaped(problem), escaped(fix)
    room = MESSAGE_CHARS - len(f"{where}: {field}: ; fix: ")
    fix = cut(fix, max(room - len(problem), room // 2))
    problem = cut(problem, room - len(fix))
    return f"{where}: {field}: {problem}; fix: {fix}"


class ExampleError(ValueError):
    """Bad input. str() is one line: `FILE[:LINE]: FIELD: PROBLEM; fix: FIX` (see one_line)."""

    def __init__(self, source: str, field: str, problem: str, fix: str, line: Optional[int] = None):
        self.source, self.field, self.problem, self.fix, self.line = source, field, problem, fix, line
        super().__init__(one_line(source, field, problem, fix, line))
