"""The one error type for bad input: it names the file, the field, the line when known, and the fix."""

from __future__ import annotations

from typing import Optional


class ExampleError(ValueError):
    """Bad input. str() is one line: `FILE[:LINE]: FIELD: PROBLEM; fix: FIX`."""

    def __init__(self, source: str, field: str, problem: str, fix: str, line: Optional[int] = None):
        self.source, self.field, self.problem, self.fix, self.line = source, field, problem, fix, line
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {field}: {problem}; fix: {fix}")
