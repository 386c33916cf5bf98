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


@dataclass
class SourceProblem:
    """One mistake at one place in one file."""

    file: str
    line: int
    column: int
    message: str
    source_line: str = ""

    def render(self) -> str:
        head = f"{self.file}:{self.line}:{self.column}: error: {self.message}"
        if not self.source_line:
            return head
        text = self.source_line.rstrip("\r\n").expandtabs(1)
        caret = " " * (max(self.column, 1) - 1) + "^"
        return f"{head}\n    {text}\n    {caret}"


class ModelSyntaxError(EagraphError):
    """One or more model files could not be parsed; every broken file is listed."""

    def __init__(self, problems: list[SourceProblem]):
        self.problems = problems
        super().__init__("\n".join(p.render() for p in problems))

    def __reduce__(self):
        """Made again from its problems, so that it crosses from a worker process intact."""
        return type(self), (self.problems,)

    def render(self) -> str:
        count = len(self.problems)
        files = len({p.file for p in self.problems})
        summary = f"{count} syntax error{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
        return "\n".join(p.render() for p in self.problems) + f"\n{summary}"


class ConfigError(EagraphError):
    """eagraph.toml (or an option) says something eagraph cannot use."""


class ModelNotFoundError(EagraphError):
    """The path given does not hold a model."""
