"""Where something is written in a model's files: the place every finding, problem and report names.

It lives in the core, beside :class:`eagraph.findings.Finding`, because the core is what every
package shares: the workspace makes locations, validators and analyses attach them to findings,
reporters print them, and none of that may make the core depend on the workspace.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Location:
    """Where something is written: a file of the model (relative path), line and column (1-based);
    line 0 means the file (or folder) as a whole, for what is wrong with all of it."""

    file: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}" if self.line > 0 else self.file
