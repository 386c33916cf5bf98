"""How the eagraph command talks to a person or a pipeline.

One object decides, once per run, whether to use colour (the terminal and ``NO_COLOR``), whether
to show progress (only on a terminal, never under CI or ``--quiet``), and how much to say.
Exit codes are named here and nowhere else.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from enum import IntEnum

import click


class ExitCode(IntEnum):
    OK = 0  # ran, and nothing at or above the failing level was found
    FINDINGS = 1  # ran, and found something (or "would change")
    ERROR = 2  # could not run: bad input, bad usage, broken configuration


def plural(count: int, noun: str) -> str:
    """"1 file", "2 files"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


@dataclass
class Console:
    verbosity: int = 0  # -1 quiet, 0 normal, 1 verbose
    color: bool | None = None  # None: decide from the terminal

    @classmethod
    def current(cls) -> "Console":
        ctx = click.get_current_context(silent=True)
        while ctx is not None:
            if isinstance(ctx.obj, Console):
                return ctx.obj
            ctx = ctx.parent
        return cls()

    # Colour ---------------------------------------------------------------------------
    def use_color(self, stream=None) -> bool:
        if self.color is not None:
            return self.color
        if os.environ.get("NO_COLOR"):
            return False
        stream = stream or sys.stdout
        return bool(getattr(stream, "isatty", lambda: False)())

    def style(self, text: str, stream=None, **styles) -> str:
        return click.style(text, **styles) if self.use_color(stream) else text

    # Output ---------------------------------------------------------------------------
    def out(self, text: str = "") -> None:
        """Results: always printed (also under --quiet), to stdout."""
        click.echo(text, color=self.use_color())

    def info(self, text: str) -> None:
        """Commentary for a person: suppressed by --quiet, to stderr."""
        if self.verbosity >= 0:
            click.echo(text, err=True, color=self.use_color(sys.stderr))

    def detail(self, text: str) -> None:
        """Only with --verbose."""
        if self.verbosity > 0:
            click.echo(self.style(text, sys.stderr, dim=True), err=True, color=self.use_color(sys.stderr))

    def warn(self, text: str) -> None:
        if self.verbosity >= 0:
            label = self.style("warning:", sys.stderr, fg="yellow", bold=True)
            click.echo(f"{label} {text}", err=True, color=self.use_color(sys.stderr))

    def error(self, text: str) -> None:
        label = self.style("error:", sys.stderr, fg="red", bold=True)
        lines = text.splitlines() or [""]
        # Messages that already carry "file:line:col: error:" are printed as they are.
        if ": error: " in lines[0]:
            click.echo(text, err=True)
        else:
            click.echo(f"{label} {text}", err=True, color=self.use_color(sys.stderr))

    # Progress -------------------------------------------------------------------------
    def shows_progress(self) -> bool:
        return (
            self.verbosity >= 0
            and not os.environ.get("CI")
            and bool(getattr(sys.stderr, "isatty", lambda: False)())
        )

    def progress(self, label: str):
        """A callback ``(done, total, item)`` that draws a one-line progress bar on stderr."""
        if not self.shows_progress():
            return None
        state = {"last": 0.0}

        def report(done: int, total: int, item: str) -> None:
            now = time.monotonic()
            if done < total and now - state["last"] < 0.1:
                return
            state["last"] = now
            width = 24
            filled = width * done // max(total, 1)
            bar = "#" * filled + "-" * (width - filled)
            line = f"\r{label} [{bar}] {done}/{total} {item[-40:]:<40}"
            sys.stderr.write(line)
            if done >= total:
                sys.stderr.write("\r" + " " * len(line) + "\r")
            sys.stderr.flush()

        return report
