"""A cache of parsed files keyed by their content, so an unchanged file is never parsed twice.

Entries are content-addressed (file bytes, base IRI, format and parser version), so one cache
serves every checkout and branch of every model on the machine, and a stale entry cannot be
returned for changed text. The cache lives outside the model (nothing eagraph does for reading
writes into the model): ``$EAGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/eagraph``, else
``~/.cache/eagraph``.

Each entry carries a hash of its payload: a truncated, corrupted or tampered entry is a miss,
never a wrong answer or a crash. A cache folder that cannot be written (a read-only home, an
unwritable ``XDG_CACHE_HOME``) costs only speed: eagraph warns once and goes on without one.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import warnings
from pathlib import Path

from .errors import EagraphError
from .files import write_atomic
from .sources import PARSER_VERSION
from .turtle import ParsedDocument

_FORMAT = 3
_DIGEST = 16  # bytes of blake2b before each entry's payload
_usable: dict[str, Path | None] = {}  # cache folders this process has tried, and whether they work


def default_cache_dir() -> Path:
    if os.environ.get("EAGRAPH_CACHE_DIR"):
        return Path(os.environ["EAGRAPH_CACHE_DIR"])
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "eagraph"


def usable_cache_dir(directory: Path | None = None) -> Path | None:
    """``directory`` (default: :func:`default_cache_dir`) if eagraph can write in it, else None
    after one warning: every command then runs without a cache instead of stopping."""
    directory = directory or default_cache_dir()
    key = str(directory)
    if key not in _usable:
        _usable[key] = directory
        probe = directory / f".probe-{os.getpid()}"
        try:
            directory.mkdir(parents=True, exist_ok=True)
            probe.write_bytes(b"")
            probe.unlink()
        except (OSError, RuntimeError) as exc:  # RuntimeError: no home folder to find
            _usable[key] = None
            warnings.warn(f"the cache folder {directory} cannot be written ({getattr(exc, 'strerror', None) or exc}); "
                          "going on without a cache (EAGRAPH_CACHE_DIR chooses another folder)", stacklevel=2)
    return _usable[key]


def seal(value: object) -> bytes:
    """``value`` as a cache entry: its payload (marshal) after the payload's hash."""
    payload = marshal.dumps((_FORMAT, value))
    return hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload


def unseal(data: bytes) -> object | None:
    """The value of a cache entry, or None when the entry is damaged or of another format."""
    digest, payload = data[:_DIGEST], data[_DIGEST:]
    if len(digest) < _DIGEST or hashlib.blake2b(payload, digest_size=_DIGEST).digest() != digest:
        return None
    try:
        version, value = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    return value if version == _FORMAT else None


def read_sealed(path: Path) -> object | None:
    """The value a file written by :func:`write_sealed` holds, or None (absent, unreadable or damaged)."""
    try:
        return unseal(path.read_bytes())
    except OSError:
        return None


def write_sealed(path: Path, value: object, *, replace_read_only: bool = False) -> None:
    """Write ``value`` to ``path`` sealed (:func:`seal`), whole (a rename) or not at all."""
    write_atomic(path, seal(value), durable=False, replace_read_only=replace_read_only)


class ParseCache:
    """Results of reading files, on disk; every failure to read or write is a miss, never an error.

    Kinds of entry that share it: ``parsed`` (a file's statements and their positions),
    ``mentions`` (which nodes and values a file mentions, for ``--changed-since``), ``trend`` (a
    commit's key figures) and ``diagrams`` (the SVG Graphviz drew for a diagram's source).
    """

    def __init__(self, directory: Path):
        self.directory = directory

    @staticmethod
    def key(digest: str, base: str, fmt: str) -> str:
        return hashlib.blake2b(f"{PARSER_VERSION}|{fmt}|{base}|{digest}".encode(), digest_size=20).hexdigest()

    def _path(self, kind: str, key: str) -> Path:
        return self.directory / kind / key[:2] / key

    def read(self, kind: str, key: str) -> object | None:
        """A cached value (anything marshal can write), or None (absent or damaged: a miss)."""
        return read_sealed(self._path(kind, key))

    def has(self, kind: str, key: str) -> bool:
        """Whether an entry is there (not whether it reads: :meth:`read` says that)."""
        return self._path(kind, key).is_file()

    def write(self, kind: str, key: str, value: object) -> None:
        try:
            write_sealed(self._path(kind, key), value, replace_read_only=True)
        except (OSError, ValueError, EagraphError):  # ValueError: a value marshal cannot write
            pass  # a read-only or full disk only costs speed

    def get(self, key: str) -> tuple[str, ParsedDocument] | None:
        """The N-Triples text and positions of a cached file, or None."""
        try:
            ntriples, lines, columns, subjects = self.read("parsed", key)
        except (TypeError, ValueError):
            return None
        doc = ParsedDocument(subjects=subjects)
        doc.lines.frombytes(lines)
        doc.columns.frombytes(columns)
        return ntriples, doc

    def put(self, key: str, ntriples: str, doc: ParsedDocument) -> None:
        self.write("parsed", key, (ntriples, doc.lines.tobytes(), doc.columns.tobytes(), doc.subjects))


def open_cache(directory: Path | None = None) -> ParseCache:
    """The cache in ``directory`` (default: the user's), or no cache where it cannot be written."""
    usable = usable_cache_dir(directory)
    return ParseCache(usable) if usable is not None else NoCache()


class NoCache(ParseCache):
    def __init__(self):
        self.directory = Path(os.devnull)

    def read(self, kind: str, key: str) -> None:
        return None

    def has(self, kind: str, key: str) -> bool:
        return False

    def write(self, kind: str, key: str, value: object) -> None:
        return None
