"""What each file mentions: the index that lets ``--changed-since`` load a few files, not all.

For every file: the IRIs it says something about (subjects), the IRIs it links to (objects,
but not classes), the short literal values it holds (hashed, per property) and whether it
declares a class or property hierarchy. Asked "which files can matter for these nodes?", the
index answers without loading the model. It is kept in the parse cache, keyed by content, so
only files that changed are parsed again; a false match only loads a file too many.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import pyoxigraph as ox

from eagraph.ontology import RDF_TYPE, RDFS

from .cache import ParseCache
from .sources import oxigraph_parse

# Statements that change how the shapes read every other file: the model's own class and
# property hierarchy. Files holding them are loaded whatever changed.
SCHEMA_PREDICATES = frozenset({
    RDFS + "subClassOf",
    RDFS + "subPropertyOf",
})
# Identifiers and codes are short; titles and descriptions, which no rule compares across
# nodes, would only make the index big.
MAX_VALUE_LENGTH = 64
_NOT_ALNUM = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Mentions:
    subjects: frozenset[str]
    objects: frozenset[str]
    values: frozenset[int]
    schema: bool

    def touches(self, nodes: set[str] | frozenset[str]) -> bool:
        """Whether this file says something about, or links to, any of ``nodes``."""
        return not (self.subjects.isdisjoint(nodes) and self.objects.isdisjoint(nodes))


def value_key(predicate: str, lexical: str) -> int:
    """A value as uniqueness rules compare it: case, spaces and punctuation do not count
    ("0308.357.159" and "0308357159" are one enterprise number), so such values meet here too."""
    return zlib.crc32(f"{predicate} {_NOT_ALNUM.sub('', lexical.lower())}".encode())


def file_mentions(data: bytes, fmt: str, base: str, cache: ParseCache, cache_key: str) -> Mentions | None:
    """The mentions of one file (from the cache when its content was seen before); None when
    the file does not parse, so that the caller loads it and reports the error as a full run would."""
    cached = cache.read("mentions", cache_key)
    if cached is not None:
        subjects, objects, values, schema = cached
        return Mentions(frozenset(subjects), frozenset(objects), frozenset(values), schema)
    try:
        mentions = _read_mentions(oxigraph_parse(data, fmt, base))
    except (SyntaxError, ValueError, OSError):
        return None
    cache.write("mentions", cache_key, (tuple(mentions.subjects), tuple(mentions.objects),
                                        tuple(mentions.values), mentions.schema))
    return mentions


def _read_mentions(triples) -> Mentions:
    subjects: set[str] = set()
    objects: set[str] = set()
    values: set[int] = set()
    schema = False
    for triple in triples:
        subject, predicate, obj = triple.subject, triple.predicate.value, triple.object
        if isinstance(subject, ox.NamedNode):
            subjects.add(subject.value)
        if isinstance(obj, ox.NamedNode):
            if predicate != RDF_TYPE:
                objects.add(obj.value)
        elif isinstance(obj, ox.Literal) and len(obj.value) <= MAX_VALUE_LENGTH:
            values.add(value_key(predicate, obj.value))
        schema = schema or predicate in SCHEMA_PREDICATES
    return Mentions(frozenset(subjects), frozenset(objects), frozenset(values), schema)
