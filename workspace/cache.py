"""A cache of parsed files keyed by their content, so an unchanged file is never parsed twice.

Entries are content-addressed (file bytes, base IRI, format and parser version), so one cache
serves every checkout and branch of every model on the machine, and a stale entry cannot be
returned for changed text. The cache lives outside the model (nothing eagraph does for reading
writes into the model): ``$EAGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/eagraph``, else
``~/.cache/eagraph``.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path

from .files import write_atomic
from .sources import PARSER_VERSION
from .turtle import ParsedDocument

_FORMAT = 2


def default_cache_dir() -> Path:
    if os.environ.get("EAGRAPH_CACHE_DIR"):
        return Path(os.environ["EAGRAPH_CACHE_DIR"])
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "eagraph"


class ParseCache:
    """Results of reading files, on disk; every failure to read or write is a miss, never an error.

    Two kinds of entry share it: ``parsed`` (a file's statements and their positions) and
    ``mentions`` (which nodes and values a file mentions, for ``--changed-since``).
    """

    def __init__(self, directory: Path):
        self.directory = directory

    @staticmethod
    def key(digest: str, base: str, fmt: str) -> str:
        return hashlib.blake2b(f"{PARSER_VERSION}|{fmt}|{base}|{digest}".encode(), digest_size=20).hexdigest()

    def _path(self, kind: str, key: str) -> Path:
        return self.directory / kind / key[:2] / key

    def read(self, kind: str, key: str) -> object | None:
        """A cached value (anything marshal can write), or None."""
        try:
            version, value = marshal.loads(self._path(kind, key).read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return None
        return value if version == _FORMAT else None

    def write(self, kind: str, key: str, value: object) -> None:
        try:
            write_atomic(self._path(kind, key), marshal.dumps((_FORMAT, value)), durable=False)
        except OSError:
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


class NoCache(ParseCache):
    def __init__(self):
        self.directory = Path(os.devnull)

    def read(self, kind: str, key: str) -> None:
        return None

    def write(self, kind: str, key: str, value: object) -> None:
        return None
