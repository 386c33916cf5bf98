"""Finding the files of a model and reading each one into statements with positions.

Turtle and N-Triples go through eagraph's own positional parser (exact lines for every
statement). RDF/XML and JSON-LD are parsed by Oxigraph; for them eagraph finds the line where
each subject is described by scanning the text, and gives every statement its subject's line.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.parsers.expat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote

import pyoxigraph as ox

from .config import ALWAYS_EXCLUDED, Config
from .errors import SourceProblem
from .turtle import ParsedDocument, TurtleSyntaxError, parse_turtle, resolve_iri

FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "ntriples",
    ".rdf": "rdfxml",
    ".owl": "rdfxml",
    ".xml": "rdfxml",
    ".jsonld": "jsonld",
    ".json-ld": "jsonld",
}
OXIGRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}

# Bumped whenever the parsed form changes, so that cached results of older versions are unused.
PARSER_VERSION = "1"


@dataclass(frozen=True)
class SourceFile:
    """A file of the model: where it is, what format, and the IRIs derived from its path."""

    path: Path
    relpath: str
    format: str

    @property
    def graph(self) -> str:
        """The named graph that holds this file's statements in the store."""
        return "file:///" + quote(self.relpath)

    def base(self, config: Config) -> str:
        return resolve_iri(config.base, self.relpath) if config.base else self.graph


def discover(config: Config) -> list[SourceFile]:
    """The model's files in a stable order (sorted by path), per `include` and `exclude`."""
    root = config.root
    found: dict[str, SourceFile] = {}
    for pattern in config.include:
        for path in root.glob(pattern):
            if not path.is_file():
                continue
            relpath = path.relative_to(root).as_posix()
            parts = PurePosixPath(relpath).parts
            if any(part in ALWAYS_EXCLUDED for part in parts[:-1]):
                continue
            if any(PurePosixPath(relpath).match(ex) or _glob_match(relpath, ex) for ex in config.exclude):
                continue
            fmt = FORMATS.get(path.suffix.lower())
            if fmt is not None:
                found[relpath] = SourceFile(path, relpath, fmt)
    return [found[k] for k in sorted(found)]


def _glob_match(relpath: str, pattern: str) -> bool:
    regex = re.escape(pattern).replace(r"\*\*/", "(?:.*/)?").replace(r"\*\*", ".*").replace(r"\*", "[^/]*")
    return re.fullmatch(regex, relpath) is not None


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def parse_source(source: SourceFile, data: bytes, base: str, digest: str) -> ParsedDocument:
    """Parse one file; raises :class:`SourceSyntaxError` for a mistake in it."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceSyntaxError(SourceProblem(source.relpath, line, 1, f"not UTF-8 text ({exc.reason})")) from None
    bnode_prefix = f"f{digest[:10]}b"
    if source.format in ("turtle", "ntriples"):
        try:
            return parse_turtle(text, base, bnode_prefix)
        except TurtleSyntaxError as exc:
            line, column = _position(text, exc.offset)
            raise SourceSyntaxError(_problem(source, text, line, column, exc.message)) from None
    return _parse_with_oxigraph(source, text, base)


class SourceSyntaxError(Exception):
    def __init__(self, problem: SourceProblem):
        super().__init__(problem.render())
        self.problem = problem


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _problem(source: SourceFile, text: str, line: int, column: int, message: str) -> SourceProblem:
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    return SourceProblem(source.relpath, line, column, message, source_line)


def oxigraph_problem(source: SourceFile, data: bytes, exc: SyntaxError) -> SourceProblem:
    """An Oxigraph syntax error as file:line:col with the offending line."""
    line, column = _oxigraph_position(exc)
    message = re.sub(r"^Parser error at line \d+ between columns \d+ and \d+: ", "", exc.msg or str(exc))
    message = re.sub(r"^Parser error at line \d+ column \d+: ", "", message)
    return _problem(source, data.decode("utf-8", errors="replace"), line, column, message)


def _parse_with_oxigraph(source: SourceFile, text: str, base: str) -> ParsedDocument:
    if source.format == "rdfxml":
        _refuse_entities(source, text)
    try:
        quads = list(ox.parse(text, OXIGRAPH_FORMATS[source.format], base_iri=base, rename_blank_nodes=True))
    except SyntaxError as exc:
        raise SourceSyntaxError(oxigraph_problem(source, text.encode("utf-8"), exc)) from None
    doc = ParsedDocument()
    subject_lines = _subject_lines(source.format, text, base)
    for quad in quads:
        subject = str(quad.subject)
        line, column = subject_lines.get(subject, (1, 1))
        doc.statements.append(f"{subject} {quad.predicate} {quad.object}")
        doc.lines.append(line)
        doc.columns.append(column)
        if subject not in doc.subjects:
            doc.subjects[subject] = (line, column)
    return doc


def _oxigraph_position(exc: SyntaxError) -> tuple[int, int]:
    line = exc.lineno or 1
    column = exc.offset or 1
    match = re.search(r"line (\d+)(?: between columns (\d+)| column (\d+))?", str(exc))
    if match and not exc.lineno:
        line = int(match.group(1))
        column = int(match.group(2) or match.group(3) or 1)
    return line, column


def _refuse_entities(source: SourceFile, text: str) -> None:
    """Refuse DTD entity declarations: no external fetches, no "billion laughs" expansion."""
    parser = xml.parsers.expat.ParserCreate()

    def entity(name, *_args):
        raise SourceSyntaxError(_problem(
            source, text, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1,
            f"entity declaration '{name}' refused: eagraph does not expand XML entities"))

    parser.EntityDeclHandler = entity
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(text, True)
    except xml.parsers.expat.ExpatError as exc:
        raise SourceSyntaxError(_problem(source, text, exc.lineno, exc.offset + 1,
                                         xml.parsers.expat.ErrorString(exc.code))) from None


_RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def _subject_lines(fmt: str, text: str, base: str) -> dict[str, tuple[int, int]]:
    """Line and column of the first description of each subject, from a scan of the text."""
    lines: dict[str, tuple[int, int]] = {}
    if fmt == "rdfxml":
        parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
        bases = [base]

        def here() -> tuple[int, int]:
            return parser.CurrentLineNumber, parser.CurrentColumnNumber + 1

        def start(_name, attrs):
            local_base = attrs.get("http://www.w3.org/XML/1998/namespace base")
            bases.append(resolve_iri(bases[-1], local_base) if local_base else bases[-1])
            about = attrs.get(f"{_RDF_NS} about")
            node_id = attrs.get(f"{_RDF_NS} ID")
            if about is not None:
                lines.setdefault(f"<{resolve_iri(bases[-1], about)}>", here())
            elif node_id is not None:
                lines.setdefault(f"<{resolve_iri(bases[-1], '#' + node_id)}>", here())

        parser.StartElementHandler = start
        parser.EndElementHandler = lambda _name: bases.pop()
        parser.Parse(text, True)
    elif fmt == "jsonld":
        prefixes = _jsonld_prefixes(text)
        for match in re.finditer(r'"@id"\s*:\s*"((?:[^"\\]|\\.)*)"', text):
            value = match.group(1)
            prefix, sep, local = value.partition(":")
            if sep and prefix in prefixes and not local.startswith("//"):
                value = prefixes[prefix] + local
            elif not re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", value):
                value = resolve_iri(base, value)
            start = match.start()
            lines.setdefault(f"<{value}>", (text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)))
    return lines


def _jsonld_prefixes(text: str) -> dict[str, str]:
    try:
        document = json.loads(text)
    except ValueError:
        return {}
    contexts = document.get("@context") if isinstance(document, dict) else None
    if not isinstance(contexts, list):
        contexts = [contexts]
    return {
        key: value
        for context in contexts if isinstance(context, dict)
        for key, value in context.items() if isinstance(value, str) and not key.startswith("@")
    }
