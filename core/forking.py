"""Work on the other cores by forking: a forked process sees this one's memory, so a loaded model
(an Oxigraph store of a million statements) needs no copying or reloading to be read there."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")

_forbidden = 0  # how many no_forking() blocks are open


@contextlib.contextmanager
def no_forking() -> Iterator[None]:
    """Within this block nothing forks: :func:`in_fork` runs its function here, and
    :func:`fork_workers` is 1. For programs with threads of
    their own (the language server, the site's preview): a fork copies the locks other threads hold,
    and a child that waits on one waits for ever (seen in the language server at 10,000 services)."""
    global _forbidden
    _forbidden += 1
    try:
        yield
    finally:
        _forbidden -= 1


def fork_workers() -> int:
    """How many processes work may be shared among here: one per core, or 1 within :func:`no_forking`
    (every part of eagraph that forks asks this first)."""
    return 1 if _forbidden else os.cpu_count() or 1


def leave_inherited_alone() -> None:
    """In a forked process, first: what it inherited is never walked by its cycle collector. A full
    collection walks every container, and each container it touches (reference counts and the
    collector's own links are written) is a page the child copies from the parent: a child of a
    process holding a model of 10,000 services copied most of it, and spent more time on that than on
    its work (the site's burden in a fork: 7 s of CPU, against 3 s in the parent). What the child makes
    itself is collected as usual."""
    gc.freeze()


def in_fork(function: Callable[[], T]) -> Callable[[], T]:
    """Start ``function`` in a forked process (it sees this process's memory: a loaded store needs
    no copying) and return a function that waits for its result, or raises its exception. Within
    :func:`no_forking`, ``function`` runs at once, here, and the function returned gives its result."""
    if _forbidden:
        return _done(function)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        leave_inherited_alone()
        try:
            outcome = (True, function())
        except BaseException as exc:  # noqa: BLE001 -- handed to the parent, which raises it
            outcome = (False, exc)
        send.send(outcome)

    process = context.Process(target=child)  # not a daemon: the function may fork in turn
    process.start()
    send.close()

    def result() -> T:
        if outcome:
            return _given(outcome[0])
        try:
            ok, value = receive.recv()
        except EOFError:
            raise RuntimeError(f"the forked check ended without a result (exit code {process.exitcode})") from None
        finally:
            receive.close()
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
        outcome.append((ok, value))
        return _given(outcome[0])

    outcome: list[tuple[bool, object]] = []
    result.ready = lambda: bool(outcome) or receive.closed or receive.poll()  # type: ignore[attr-defined]
    return result


def _given(outcome: tuple[bool, object]):
    """The value a forked function gave, or the exception it raised, raised here."""
    ok, value = outcome
    if not ok:
        raise value
    return value


def ready(pending: Callable[[], object]) -> bool:
    """Whether the function :func:`in_fork` returned would give its result without waiting (the
    forked process has sent it): a caller that can do without it for now need not wait for it."""
    check = getattr(pending, "ready", None)
    return True if check is None else bool(check())


def _done(function: Callable[[], T]) -> Callable[[], T]:
    """``function`` run now; what :func:`in_fork` returns, as if it had run in another process."""
    try:
        value = function()
    except Exception as exc:  # noqa: BLE001 -- raised when the result is asked for, as from a fork
        error = exc

        def fail() -> T:
            raise error
        return fail
    return lambda: value


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a model's results are computed (the check, the site's
    inputs; and in the processes forked meanwhile): the analysis model's build, the kinds and the
    site's texts make millions of small containers, none in a cycle, and the collector walked them
    again and again as they grew (two seconds of the analysing process at 10,000 services; 0.9 s of
    the site's texts). What was made meanwhile joins the oldest generation when the block is done,
    collected with it: left young, the first collection after it walked every one of them (0.36 s
    at 10,000 services, at the end of ``analyze``, to free four objects). Blocks may nest: the
    outermost one resumes the collector."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()  # every object into the permanent generation...
            gc.unfreeze()  # ... and from there into the oldest, which a full collection still walks
            gc.enable()
