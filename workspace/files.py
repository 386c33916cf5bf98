"""Writing files so that a reader never sees half of one, and nothing about the file but its text changes.

Every file eagraph writes for a user (model files, reports, exports, imports) goes through
:func:`write_atomic`: the new text goes into a temporary file beside the target, which then
replaces it by one rename. So that the rename changes nothing but the text:

- a symbolic link is written *through*: its target is replaced and the link stays a link;
- an existing file keeps its mode, and its owner and group where the system lets us; a new file
  gets ``0666 & ~umask``, like any file ``open()`` makes (not ``mkstemp``'s 0600, which a web
  server or CI user could not read);
- a file with several hard links is refused: a rename would leave the other names with the old
  text, and writing in place is not atomic (a crash would leave half a file under every name);
- a read-only file (no write bit) is refused unless the caller says otherwise;
- a folder that cannot be written gives a :class:`WriteError` naming it, not a traceback.

The temporary file is named ``.<name>.eagraph-<pid>-<random>.tmp``: hidden, ending in ``.tmp``
(no model pattern reads it), removed on any error and on SIGTERM (see
:func:`exit_on_sigterm`); one left by a ``kill -9`` is recognised by its dead process id and
removed by the next write into that folder.
"""

from __future__ import annotations

import atexit
import os
import re
import secrets
import signal
import stat
import sys
import threading
from pathlib import Path
from typing import NoReturn

from .errors import EagraphError

_TMP = re.compile(r"^\..+\.eagraph-(\d+)-[0-9a-f]+\.tmp$")
_swept: set[str] = set()  # folders whose stale temporary files this process has removed


class WriteError(EagraphError):
    """A file could not be written, or must not be (read-only, hard-linked); nothing was changed."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def write_atomic(path: Path, content: str | bytes, *, durable: bool = True, replace_read_only: bool = False) -> None:
    """Write ``content`` to ``path`` atomically; on any failure the old file is left as it was.

    ``durable=False`` skips the fsync: for caches, where a lost write only costs time.
    ``replace_read_only``: write even a file without write permission (its mode is kept).
    """
    target = Path(os.path.realpath(path))  # through symbolic links: the link stays, its target changes
    shown = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    old = _existing(target, shown, replace_read_only)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(shown, f"cannot create the folder {target.parent}: {_reason(exc)}") from None
    _sweep_stale(target.parent)
    tmp = target.parent / f".{target.name}.eagraph-{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise WriteError(shown, f"cannot write in the folder {target.parent}: {_reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            if old is not None:
                _keep_owner_and_mode(out.fileno(), old)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WriteError(shown, f"cannot write: {_reason(exc)}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _existing(target: Path, shown: Path, replace_read_only: bool) -> os.stat_result | None:
    """The status of the file being replaced (None: a new file), after the checks that refuse it."""
    try:
        status = target.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WriteError(shown, f"cannot write: {_reason(exc)}") from None
    if not stat.S_ISREG(status.st_mode):
        raise WriteError(shown, "exists and is not a regular file; left as it is")
    if status.st_nlink > 1:
        raise WriteError(shown, f"has {status.st_nlink} hard links, which replacing it would break (the other "
                         "names would keep the old text); left as it is. Copy it to a file of its own first")
    if not status.st_mode & 0o222 and not replace_read_only:
        raise WriteError(shown, f"is read-only (mode {stat.filemode(status.st_mode)}); left as it is. "
                         "Make it writable first if it should change")
    return status


def _keep_owner_and_mode(fd: int, old: os.stat_result) -> None:
    """Give the new file the old one's owner and group (where permitted), then its mode (after the
    owner: chown may clear set-id bits)."""
    if hasattr(os, "fchown") and (old.st_uid, old.st_gid) != _owner(fd):
        try:
            os.fchown(fd, old.st_uid, old.st_gid)
        except OSError:
            try:
                os.fchown(fd, -1, old.st_gid)  # a member of the group may still keep the group
            except OSError:
                pass
    os.fchmod(fd, stat.S_IMODE(old.st_mode))


def _owner(fd: int) -> tuple[int, int]:
    status = os.fstat(fd)
    return status.st_uid, status.st_gid


def _sweep_stale(folder: Path) -> None:
    """Remove temporary files a killed eagraph left in ``folder`` (their process is gone); once per
    folder and process, so that many writes into one folder list it once."""
    key = str(folder)
    if key in _swept:
        return
    _swept.add(key)
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        match = _TMP.match(name)
        if match and not _alive(int(match.group(1))):
            try:
                (folder / name).unlink()
            except OSError:
                pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def exit_on_sigterm() -> None:
    """Make SIGTERM end the program like Ctrl+C does, through every ``finally`` (so a write in
    progress removes its temporary file); kept as it is when someone already handles SIGTERM."""
    try:
        if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
            signal.signal(signal.SIGTERM, _terminated)
    except ValueError:
        pass  # not the main thread: leave signals to whoever owns it


def _terminated(signum, _frame) -> None:
    sys.exit(128 + signum)


def exit_at_once(code: object) -> NoReturn:
    """End the program as ``sys.exit(code)`` does, without freeing its objects one by one first.

    What an exit does that anyone can see still happens: the ``atexit`` handlers run (worker
    processes joined, temporary folders removed) and the output is flushed (a failed flush of
    standard output exits 120, as Python does). What is skipped is the teardown: freeing a loaded
    model (an Oxigraph store of a million statements) took 0.6 s of a 10 s ``validate``, after the
    report was written; the system takes the memory back at once. With threads of its own still
    running (a server), or under a profiler or tracer (which write what they measured after the
    program ends), the program exits as usual."""
    if sys.getprofile() is not None or sys.gettrace() is not None or any(
            thread.is_alive() and not thread.daemon for thread in threading.enumerate()
            if thread is not threading.main_thread()):
        sys.exit(code)
    status = 0 if code is None else code if isinstance(code, int) else 1
    if not isinstance(code, (int, type(None))):
        print(code, file=sys.stderr)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):  # a closed pipe, a closed or missing stream
            status = status or 120
    os._exit(status)
