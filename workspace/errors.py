"""Mistakes in a user's model or configuration, reported as file:line:col without a traceback.

These exceptions belong to the library, not the CLI: anything that calls eagraph from Python
gets the same precise messages, and the CLI only decides how to print them and which exit code
to use (2: could not run).
"""

from __future__ import annotations

from dataclasses import dataclass


class EagraphError(Exception):
    """Base of every error that is the user's to fix (bad input, bad configuration)."""

    exit_code = 2

    def render(self) -> str:
        return str(self)


#: The rule code of a file eagraph cannot parse: a syntax error, or a resource limit passed.
SYNTAX_ERROR = "EAG901"
#: The rule code of a file or folder eagraph cannot open (permissions, a link to nothing).
UNREADABLE = "EAG902"


@dataclass
class SourceProblem:
    """One mistake at one place in one file (``line`` 0: the file or folder as a whole)."""

    file: str
    line: int
    column: int
    message: str
    source_line: str = ""
    code: str = SYNTAX_ERROR

    def render(self) -> str:
        if self.line <= 0:
            return f"{self.file}: error: {self.message}"
        head = f"{self.file}:{self.line}:{self.column}: error: {self.message}"
        if not self.source_line:
            return head
        text, caret = excerpt(self.source_line, self.column)
        return f"{head}\n    {text}\n    {caret}"


#: How much of an offending line is shown: a line of a megabyte is shown around its column.
EXCERPT_WIDTH = 100


def excerpt(source_line: str, column: int) -> tuple[str, str]:
    """The offending line as shown under a message, and the caret line under its ``column``: at
    most :data:`EXCERPT_WIDTH` characters around the column, "…" where it was cut."""
    text = source_line.rstrip("\r\n").expandtabs(1)
    at = max(column, 1) - 1
    start = max(0, min(at - EXCERPT_WIDTH // 2, len(text) - EXCERPT_WIDTH))
    if start > 0:
        text, at = "…" + text[start:], at - start + 1
    if len(text) > EXCERPT_WIDTH + 1:
        text = text[:EXCERPT_WIDTH + 1] + "…"
    return text, " " * at + "^"


class ModelSyntaxError(EagraphError):
    """One or more model files could not be read or parsed; every broken file is listed."""

    def __init__(self, problems: list[SourceProblem]):
        self.problems = problems
        super().__init__("\n".join(p.render() for p in problems))

    def __reduce__(self):
        """Made again from its problems, so that it crosses from a worker process intact."""
        return type(self), (self.problems,)

    def render(self) -> str:
        return "\n".join(p.render() for p in self.problems) + f"\n{problem_summary(self.problems)}"


def problem_summary(problems: list[SourceProblem]) -> str:
    """"2 syntax errors in 2 files", "1 unreadable folder", or both, joined by a comma."""
    parts = []
    syntax = [p for p in problems if p.code == SYNTAX_ERROR]
    if syntax:
        files = len({p.file for p in syntax})
        parts.append(f"{_plural(len(syntax), 'syntax error')} in {_plural(files, 'file')}")
    unreadable = [p for p in problems if p.code != SYNTAX_ERROR]
    if unreadable:
        folders = sum(p.file.endswith("/") for p in unreadable)
        if len(unreadable) > folders:
            parts.append(f"{_plural(len(unreadable) - folders, 'unreadable file')}")
        if folders:
            parts.append(f"{_plural(folders, 'unreadable folder')}")
    return ", ".join(parts)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


class LifecycleDateError(ModelSyntaxError):
    """Lifecycle dates that ``--as-of`` cannot compare (not an xsd:date), each at its file and line.
    A kind of :class:`ModelSyntaxError`, so that ``validate`` reports them as findings like any
    file it cannot read."""

    def render(self) -> str:
        return "\n".join(p.render() for p in self.problems) + (
            f"\n{_plural(len(self.problems), 'lifecycle date')} that --as-of cannot read")


class ConfigError(EagraphError):
    """eagraph.toml (or an option) says something eagraph cannot use."""


class ModelNotFoundError(EagraphError):
    """The path given does not hold a model."""
