"""The Workspace: a loaded model that every eagraph command works on.

It holds the merged graph (an Oxigraph store with one named graph per file, so SPARQL can ask
where a statement came from), the configuration, and for every file the positions of its
subjects and statements. Loading happens once per command.

Loading is a two-lane pipeline: this thread parses files (or reads them from the cache) while a
second thread loads the N-Triples of the files already parsed into the store. Oxigraph releases
the GIL while it loads, so both lanes run at once on two cores.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .cache import NoCache, ParseCache, default_cache_dir
from .config import CONFIG_FILE, Config, load_config
from .errors import ModelNotFoundError, ModelSyntaxError, SourceProblem
from .sources import SourceFile, SourceSyntaxError, content_digest, discover, parse_source
from .turtle import ParsedDocument

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, order=True)
class Location:
    """Where something is written: a file of the model (relative path), line and column (1-based)."""

    file: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass
class ModelFile:
    """One loaded file: its source, content digest, statement count and positions."""

    source: SourceFile
    digest: str
    triples: int
    positions: ParsedDocument
    ntriples: str = field(repr=False, default="")
    _statement_index: dict[str, int] | None = field(default=None, repr=False)

    @property
    def relpath(self) -> str:
        return self.source.relpath

    def statement_index(self) -> dict[str, int]:
        """Statement text ("s p o") to its position in this file; built on first use."""
        if self._statement_index is None:
            index: dict[str, int] = {}
            for number, statement in enumerate(self.ntriples.split(" .\n")[: self.triples]):
                index.setdefault(statement, number)
            self._statement_index = index
        return self._statement_index


def term_key(term) -> str:
    """The N-Triples text of a term given as an Oxigraph term, an rdflib term or an IRI string."""
    if isinstance(term, str):
        return term if term[:1] in ('<', '"') or term.startswith("_:") else f"<{term}>"
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return str(term)
    n3 = getattr(term, "n3", None)
    if n3 is not None:
        return n3()
    raise TypeError(f"not an RDF term: {term!r}")


class Workspace:
    """A model loaded from a folder: store, configuration and source positions."""

    def __init__(self, config: Config, files: list[ModelFile], store: ox.Store):
        self.config = config
        self.files = files
        self.store = store
        self._subjects: dict[str, list[tuple[int, int, int]]] | None = None

    @property
    def root(self) -> Path:
        return self.config.root

    @property
    def triple_count(self) -> int:
        return sum(f.triples for f in self.files)

    # SPARQL ------------------------------------------------------------------------------
    def query(self, sparql: str):
        """Run SPARQL over the whole model (the union of all files' graphs)."""
        return self.store.query(sparql, use_default_graph_as_union=True)

    # Positions -----------------------------------------------------------------------------
    def _subject_index(self) -> dict[str, list[tuple[int, int, int]]]:
        if self._subjects is None:
            index: dict[str, list[tuple[int, int, int]]] = {}
            for number, model_file in enumerate(self.files):
                for subject, (line, column) in model_file.positions.subjects.items():
                    index.setdefault(subject, []).append((number, line, column))
            self._subjects = index
        return self._subjects

    def locations(self, term) -> list[Location]:
        """Every place where ``term`` is described as a subject, in file order."""
        key = term_key(term)
        if key.startswith("_:") and key not in self._subject_index():
            return self._blank_node_locations(key)
        return [Location(self.files[f].relpath, line, column) for f, line, column in self._subject_index().get(key, [])]

    def locate(self, term) -> Location | None:
        """Where ``term`` is defined: the file that gives its rdf:type, else where it first appears."""
        places = self.locations(term)
        if not places:
            return None
        if len(places) > 1:
            key = term_key(term)
            for place in places:
                model_file = self._file(place.file)
                if any(s.startswith(f"{key} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ")
                       for s in model_file.statement_index()):
                    return place
        return places[0]

    def locate_statement(self, subject, predicate, obj=None) -> Location | None:
        """Where a statement is written; without ``obj``, the first statement of that predicate."""
        s, p = term_key(subject), term_key(predicate)
        o = term_key(obj) if obj is not None else None
        for place in self.locations(subject) or []:
            model_file = self._file(place.file)
            index = model_file.statement_index()
            if s.startswith("_:"):
                s = self._local_blank_label(model_file, place) or s
            number = index.get(f"{s} {p} {o}") if o is not None else None
            prefix = f"{s} {p} "
            if number is None and o is not None:
                wanted = _comparable(o)
                number = next((n for text, n in index.items()
                               if text.startswith(prefix) and _comparable(text[len(prefix):]) == wanted), None)
            if number is None:
                number = next((n for text, n in index.items() if text.startswith(prefix)), None)
            if number is not None:
                return Location(model_file.relpath, model_file.positions.lines[number], model_file.positions.columns[number])
        return None

    def _file(self, relpath: str) -> ModelFile:
        return next(f for f in self.files if f.relpath == relpath)

    # Blank nodes: the store renames them on load, so they are found by what they say.
    def _blank_node_locations(self, key: str) -> list[Location]:
        signature = self._store_signature(key)
        found = []
        for model_file in self.files:
            label = self._label_with_signature(model_file, signature)
            if label is not None:
                line, column = model_file.positions.subjects[label]
                found.append(Location(model_file.relpath, line, column))
        return found

    def _local_blank_label(self, model_file: ModelFile, place: Location) -> str | None:
        for label, (line, column) in model_file.positions.subjects.items():
            if (line, column) == (place.line, place.column) and label.startswith("_:"):
                return label
        return None

    def _store_signature(self, key: str) -> frozenset:
        node = ox.BlankNode(key[2:])
        return frozenset(
            (str(q.predicate), "_:" if isinstance(q.object, ox.BlankNode) else _comparable(str(q.object)))
            for q in self.store.quads_for_pattern(node, None, None, None)
        )

    @staticmethod
    def _label_with_signature(model_file: ModelFile, signature: frozenset) -> str | None:
        if not signature:
            return None
        outgoing: dict[str, set] = {}
        for statement in model_file.statement_index():
            if statement.startswith("_:"):
                label, predicate, obj = statement.split(" ", 2)
                outgoing.setdefault(label, set()).add((predicate, "_:" if obj.startswith("_:") else _comparable(obj)))
        for label, pairs in outgoing.items():
            if pairs == signature:
                return label
        return None

    # Conversions ---------------------------------------------------------------------------
    def rdflib_graph(self):
        """The merged model as an rdflib Graph, for libraries that need one (built on demand)."""
        import rdflib

        graph = rdflib.Graph()
        data = "".join(f.ntriples for f in self.files)
        graph.parse(data=data, format="nt")
        return graph


def _comparable(term: str) -> object:
    """Numeric literals compared by value: the store prints them canonically ("+7" becomes "7")."""
    if term.startswith('"') and "^^<http://www.w3.org/2001/XMLSchema#" in term:
        lexical, _, datatype = term[1:].rpartition('"^^')
        if datatype.endswith(("integer>", "decimal>", "double>", "float>")):
            try:
                return float(lexical)
            except ValueError:
                return term
    return term


def find_root(path: Path) -> Path:
    """The model folder: ``path`` itself if it is a folder, the folder of a file otherwise."""
    if not path.exists():
        raise ModelNotFoundError(f"{path}: no such file or folder")
    return path if path.is_dir() else path.parent


def load(
    path: Path | str = ".",
    *,
    cache: ParseCache | None | bool = True,
    progress: Progress | None = None,
    files: Iterable[str] | None = None,
) -> Workspace:
    """Load the model at ``path`` (a folder with an optional eagraph.toml, or one file).

    Every file is read even after a syntax error, so one run reports all broken files; then
    :class:`ModelSyntaxError` is raised. ``files`` restricts loading to those relative paths.
    """
    path = Path(path)
    root = find_root(path).resolve()
    config = load_config(root)
    if path.is_file():
        sources = [s for s in discover(_single_file_config(config, path)) if s.path.resolve() == path.resolve()]
    else:
        sources = discover(config)
        if not sources and not (root / CONFIG_FILE).exists():
            raise ModelNotFoundError(f"{root}: no model files (*.ttl, *.nt, *.rdf, *.jsonld) and no {CONFIG_FILE}")
    if files is not None:
        wanted = set(files)
        sources = [s for s in sources if s.relpath in wanted]
    parse_cache = _choose_cache(cache)
    store = ox.Store()
    loader = _StoreLoader(store)
    loaded: list[ModelFile] = []
    problems: list[SourceProblem] = []
    try:
        for number, source in enumerate(sources, 1):
            if progress:
                progress(number, len(sources), source.relpath)
            try:
                model_file = _read(source, config, parse_cache)
            except SourceSyntaxError as exc:
                problems.append(exc.problem)
                continue
            except OSError as exc:
                problems.append(SourceProblem(source.relpath, 1, 1, f"cannot read: {exc.strerror}"))
                continue
            loaded.append(model_file)
            if not problems:
                loader.submit(model_file)
    finally:
        loader.close()
    if problems:
        raise ModelSyntaxError(problems)
    loader.raise_failures(loaded)
    return Workspace(config, loaded, store)


def _single_file_config(config: Config, path: Path) -> Config:
    from dataclasses import replace

    return replace(config, include=(path.resolve().relative_to(config.root).as_posix(),), exclude=())


def _choose_cache(cache) -> ParseCache:
    if cache is True:
        return ParseCache(default_cache_dir())
    if cache is False or cache is None:
        return NoCache()
    return cache


def _read(source: SourceFile, config: Config, parse_cache: ParseCache) -> ModelFile:
    data = source.path.read_bytes()
    digest = content_digest(data)
    base = source.base(config)
    key = parse_cache.key(digest, base, source.format)
    cached = parse_cache.get(key)
    if cached is not None:
        ntriples, doc = cached
    else:
        doc = parse_source(source, data, base, digest)
        ntriples = doc.ntriples()
        parse_cache.put(key, ntriples, doc)
        doc.statements = []  # the text keeps them; no need for two copies
    return ModelFile(source, digest, len(doc.lines), doc, ntriples)


class _StoreLoader:
    """Loads parsed files into the store on a second thread while the next files are parsed."""

    def __init__(self, store: ox.Store):
        self.store = store
        self.jobs: queue.Queue = queue.Queue(maxsize=64)
        self.failures: list[tuple[ModelFile, Exception]] = []
        self.thread = threading.Thread(target=self._run, name="eagraph-store-loader", daemon=True)
        self.thread.start()

    def submit(self, model_file: ModelFile) -> None:
        self.jobs.put(model_file)

    def close(self) -> None:
        self.jobs.put(None)
        self.thread.join()

    def _run(self) -> None:
        while (model_file := self.jobs.get()) is not None:
            if not model_file.ntriples:
                continue
            try:
                self.store.load(model_file.ntriples, ox.RdfFormat.N_TRIPLES,
                                to_graph=ox.NamedNode(model_file.source.graph))
            except (SyntaxError, ValueError) as exc:
                self.failures.append((model_file, exc))

    def raise_failures(self, loaded: list[ModelFile]) -> None:
        """Statements eagraph's parser accepted but the store refused (an invalid IRI, say)."""
        problems = []
        for model_file, exc in self.failures:
            nt_line = getattr(exc, "lineno", None) or 1
            index = min(nt_line, max(model_file.triples, 1)) - 1
            positions = model_file.positions
            line = positions.lines[index] if len(positions.lines) > index else 1
            column = positions.columns[index] if len(positions.columns) > index else 1
            message = getattr(exc, "msg", None) or str(exc)
            text = model_file.source.path.read_text(encoding="utf-8", errors="replace").splitlines()
            problems.append(SourceProblem(model_file.relpath, line, column, message,
                                          text[line - 1] if 0 < line <= len(text) else ""))
        if problems:
            raise ModelSyntaxError(problems)
