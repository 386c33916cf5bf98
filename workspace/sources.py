"""Finding the files of a model and reading each one into statements with positions.

Turtle and N-Triples go through eagraph's own positional parser (exact lines for every
statement). RDF/XML and JSON-LD are parsed by Oxigraph; for them eagraph finds the line where
each subject is described by scanning the text, and gives every statement its subject's line.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import xml.parsers.expat
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate
from pathlib import Path, PurePosixPath
from urllib.parse import quote

import pyoxigraph as ox

from eagraph.ontology import RDF, XML

from .config import ALWAYS_EXCLUDED, Config
from .errors import UNREADABLE, ModelSyntaxError, SourceProblem
from .limits import MAX_MARKUP_NESTING, MAX_NESTING, MAX_TERM_BYTES
from .turtle import ParsedDocument, TurtleSyntaxError, parse_turtle, resolve_iri
from .xmlguard import XmlRefused, check_xml

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

    @cached_property
    def graph(self) -> str:
        """The named graph that holds this file's statements in the store (asked for every file at
        each finding located: computed once)."""
        return "file:///" + quote(self.relpath)

    def base(self, config: Config) -> str:
        return resolve_iri(config.base, self.relpath) if config.base else self.graph


def discover(config: Config) -> list[SourceFile]:
    """The model's files in a stable order (sorted by path), per `include` and `exclude`.

    A file or folder that cannot be read raises :class:`ModelSyntaxError` naming each one: a
    model is never read short of a file without a word (``publish`` would remove its graphs)."""
    sources, problems = scan(config)
    if problems:
        raise ModelSyntaxError(problems)
    return sources


def scan(config: Config) -> tuple[list[SourceFile], list[SourceProblem]]:
    """The model's files (as :func:`discover`), and a problem for every folder that cannot be
    listed and every matching file that is not a readable file (a link to nothing, a socket).

    One walk of the folder, by ``os.scandir``: ``Path.glob`` skips a folder it may not list
    without a word. Links to folders are not followed (as ``**`` never did), so a link loop
    cannot make the walk endless; links to files are read. Folders no ``include`` pattern can
    reach, those an ``exclude`` pattern names, and :data:`ALWAYS_EXCLUDED` are not entered.
    A link to a file outside the model's repository (or, outside git, its folder) is a problem,
    not read: a pull request could otherwise add ``x.ttl -> ~/.netrc`` and have CI print it."""
    include = [(_glob_regex(p), _literal_folders(p), "**" in p, p.strip("/").count("/")) for p in config.include]
    found: dict[str, SourceFile] = {}
    problems: list[SourceProblem] = []
    for relpath, path, problem in _walk(config.root, lambda folder: _reachable(folder, include, config.exclude)):
        if problem is not None:
            problems.append(SourceProblem(relpath, 0, 0, problem, code=UNREADABLE))
            continue
        fmt = FORMATS.get(PurePosixPath(relpath).suffix.lower())
        if fmt is None or not any(regex.fullmatch(relpath) for regex, *_ in include) or _excluded(relpath, config):
            continue
        if not path.is_file():
            what = "a symbolic link to nothing" if path.is_symlink() else "not a regular file"
            problems.append(SourceProblem(relpath, 0, 0, f"cannot read: {what}", code=UNREADABLE))
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(_trusted_top(config.root)):
            problems.append(SourceProblem(relpath, 0, 0, "not read: a symbolic link to a file outside the model's "
                                          "repository (copy the file into the model instead)", code=UNREADABLE))
            continue
        found[relpath] = SourceFile(path, relpath, fmt)
    return [found[k] for k in sorted(found)], sorted(problems, key=lambda p: p.file)


def _walk(root: Path, enter) -> Iterator[tuple[str, Path, str | None]]:
    """Every file below ``root`` as (relative path, path, None), and every folder that cannot be
    listed as ("folder/", path, what went wrong); ``enter(relative folder)`` says which to list."""
    todo = [(root, "")]
    while todo:
        folder, prefix = todo.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield prefix, folder, f"cannot read the folder: {exc.strerror or exc}"
            continue
        for entry in reversed(entries):
            relpath = prefix + entry.name
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                if entry.name not in ALWAYS_EXCLUDED and enter(relpath):
                    todo.append((Path(entry.path), relpath + "/"))
            elif not (entry.is_symlink() and _is_folder(entry)):
                yield relpath, Path(entry.path), None


def _trusted_top(root: Path) -> Path:
    """Where a linked model file may lie: the git repository holding the model (the nearest folder
    with a ``.git``), else the model folder itself."""
    root = root.resolve()
    return next((folder for folder in (root, *root.parents) if (folder / ".git").exists()), root)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return stat.S_ISDIR(os.stat(entry.path).st_mode)
    except OSError:
        return False


def _excluded(relpath: str, config: Config) -> bool:
    return any(PurePosixPath(relpath).match(ex) or _glob_match(relpath, ex) for ex in config.exclude)


def _reachable(folder: str, include: list[tuple], exclude: tuple[str, ...]) -> bool:
    """Whether a file below ``folder`` could be part of the model: an include pattern reaches
    into it and no exclude pattern leaves out all it holds (``drafts/**``)."""
    if any(ex.endswith("/**") and _glob_match(folder, ex[:-3]) for ex in exclude):
        return False
    parts = tuple(folder.split("/"))
    for _, literal, recursive, depth in include:
        common = min(len(parts), len(literal))
        if parts[:common] == literal[:common] and (recursive or len(parts) <= depth):
            return True
    return False


def _literal_folders(pattern: str) -> tuple[str, ...]:
    """The leading folders of a pattern written without wildcards ("data/x/*.ttl": data, x)."""
    literal = []
    for part in pattern.strip("/").split("/")[:-1]:
        if any(c in part for c in "*?["):
            break
        literal.append(part)
    return tuple(literal)


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern:
    """A glob as ``Path.glob`` reads it, for a relative path with "/": ``**`` any number of
    folders, ``*`` and ``?`` within one name, ``[...]`` a character class."""
    parts = []
    segments = pattern.strip("/").split("/")
    for number, segment in enumerate(segments):
        last = number == len(segments) - 1
        if segment == "**":
            parts.append(".*" if last else "(?:[^/]+/)*")
            continue
        regex = ""
        i = 0
        while i < len(segment):
            char = segment[i]
            if char == "*":
                regex += "[^/]*"
            elif char == "?":
                regex += "[^/]"
            elif char == "[" and "]" in segment[i + 2:]:
                close = segment.index("]", i + 2)
                body = segment[i + 1:close]
                body = "^" + body[1:] if body.startswith("!") else body
                regex += "[" + body.replace("\\", "\\\\") + "]"
                i = close
            else:
                regex += re.escape(char)
            i += 1
        parts.append(regex + ("" if last else "/"))
    return re.compile("".join(parts))


def _glob_match(relpath: str, pattern: str) -> bool:
    return _glob_regex(pattern).fullmatch(relpath) is not None


UTF8_BOM = b"\xef\xbb\xbf"


def without_bom(data: bytes) -> bytes:
    """The bytes of a file without a UTF-8 byte-order mark: Windows tools write one, Turtle allows
    it, and every reader of a model file (Oxigraph, the positional parser, fmt) reads past it."""
    return data.removeprefix(UTF8_BOM)


def oxigraph_parse(data: bytes | str, fmt: str, base: str, **options) -> Iterator:
    """Oxigraph's statements of a model file (``fmt`` as in :data:`FORMATS`), read the way every
    reader reads it: without a byte-order mark, an RDF/XML file only once :func:`check_xml` let it
    through (XmlRefused is a ValueError), and a term past Oxigraph's buffer a SyntaxError."""
    data = without_bom(data) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    check_markup(data, fmt)
    try:
        yield from ox.parse(data, OXIGRAPH_FORMATS[fmt], base_iri=base, **options)
    except MemoryError as exc:
        raise SyntaxError(term_too_long(exc)) from None


def check_markup(data: bytes | str, fmt: str) -> None:
    """What Oxigraph must not be given: an RDF/XML file :func:`check_xml` refuses (XmlRefused, a
    ValueError), or JSON-LD nested deeper than :data:`MAX_MARKUP_NESTING` (a SyntaxError at its
    line: Oxigraph's JSON-LD parser would overflow its stack and end the process)."""
    if fmt == "rdfxml":
        check_xml(data)
    elif fmt == "jsonld":
        text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
        depth = 0
        for match in _JSON_NESTING.finditer(text):
            bracket = match.group(1)
            if bracket in ("[", "{"):
                depth += 1
                if depth > MAX_MARKUP_NESTING:
                    line, column = _position(text, match.start())
                    error = SyntaxError(f"objects and arrays nested more than {MAX_MARKUP_NESTING} deep: eagraph "
                                        f"reads at most {MAX_MARKUP_NESTING} levels of JSON")
                    error.lineno, error.offset = line, column
                    raise error
            elif bracket:
                depth -= 1


def may_nest_too_deep(data: bytes) -> bool:
    """Whether Turtle text may nest "[" and "(" deeper than :data:`MAX_NESTING`, from its
    brackets alone (at C speed; brackets in strings and comments count too). Oxigraph reads any
    depth; when this says yes, the positional parser reads the file at load, keeping the limit
    exactly, so that every command refuses such a file alike, not only those that ask for
    positions. Brackets in strings can hide depth from this estimate: the positional parser
    still refuses the file, when it reads it, with the same message."""
    if data.count(b"[") + data.count(b"(") <= MAX_NESTING:
        return False
    brackets = data.translate(None, _NOT_BRACKETS)
    return max(accumulate(_BRACKET_STEP[b] for b in brackets)) > MAX_NESTING


_NOT_BRACKETS = bytes(set(range(256)) - set(b"[]()"))
_BRACKET_STEP = {ord("["): 1, ord("("): 1, ord("]"): -1, ord(")"): -1}
_JSON_NESTING = re.compile(r'"(?:[^"\\]|\\.)*"|([\[\]{}])')


def term_too_long(exc: MemoryError) -> str:
    """The message for Oxigraph's refusal of a term longer than its buffer; any other
    MemoryError is raised again (it is no mistake in the file)."""
    if "buffer maximal size" not in str(exc):
        raise exc
    return (f"a literal or IRI longer than {MAX_TERM_BYTES // 1024 // 1024} MiB: eagraph reads literals and IRIs "
            f"of at most {MAX_TERM_BYTES // 1024 // 1024} MiB")


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
    refuse_markup(source, text)
    try:
        quads = list(oxigraph_parse(text, source.format, base, rename_blank_nodes=True))
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


def refuse_markup(source: SourceFile, data: bytes | str) -> None:
    """:func:`check_markup` for a file of the model: what it refuses is a syntax error at its line."""
    try:
        check_markup(data, source.format)
    except XmlRefused as exc:
        text = data if isinstance(data, str) else data.decode("utf-8", errors="replace")
        raise SourceSyntaxError(_problem(source, text, exc.line, exc.column, exc.message)) from None
    except SyntaxError as exc:
        text = data if isinstance(data, str) else data.decode("utf-8", errors="replace")
        raise SourceSyntaxError(_problem(source, text, exc.lineno, exc.offset, exc.msg)) from None


def _subject_lines(fmt: str, text: str, base: str) -> dict[str, tuple[int, int]]:
    """Line and column of the first description of each subject, from a scan of the text."""
    lines: dict[str, tuple[int, int]] = {}
    if fmt == "rdfxml":
        parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
        bases = [base]

        def here() -> tuple[int, int]:
            return parser.CurrentLineNumber, parser.CurrentColumnNumber + 1

        def start(_name, attrs):
            local_base = attrs.get(f"{XML} base")
            bases.append(resolve_iri(bases[-1], local_base) if local_base else bases[-1])
            about = attrs.get(f"{RDF} about")
            node_id = attrs.get(f"{RDF} ID")
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
