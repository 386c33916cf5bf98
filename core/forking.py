"""Work on the other cores by forking: a forked process sees this one's memory, so a loaded model
(an Oxigraph store of a million statements) needs no copying or reloading to be read there."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def in_fork(function: Callable[[], T]) -> Callable[[], T]:
    """Start ``function`` in a forked process (it sees this process's memory: a loaded store needs
    no copying) and return a function that waits for its result, or raises its exception."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            outcome = (True, function())
        except BaseException as exc:  # noqa: BLE001 -- handed to the parent, which raises it
            outcome = (False, exc)
        send.send(outcome)

    process = context.Process(target=child)  # not a daemon: the function may fork in turn
    process.start()
    send.close()

    def result() -> T:
        try:
            ok, value = receive.recv()
        except EOFError:
            raise RuntimeError(f"the forked check ended without a result (exit code {process.exitcode})") from None
        finally:
            receive.close()
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
        if not ok:
            raise value
        return value

    return result
