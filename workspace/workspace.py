"""The Workspace: a loaded model that every eagraph command works on.

It holds the merged graph (an Oxigraph store with one named graph per file, so SPARQL can ask
where a statement came from), the configuration, and the positions of every subject and
statement. Loading happens once per command.

A statement written in two files is one statement. Oxigraph's union of the named graphs is a
multiset (a statement once per file that holds it: 27 services counted where there are 13), so
queries read that union only while no statement is in two graphs, which is what most models are
(checked on the first query, in Rust, in about half the time a copy takes); once one is, the
store's default graph is made the merge of every graph, a set, and every query runs on it. Either
way the named graphs still say where a statement is written (``GRAPH ?g``), and a model with no
repeated statement is held once in memory, not twice.

Two parsers, each for what it does best: Oxigraph parses every file straight into the store (in
Rust, ten times faster than rdflib), and eagraph's positional parser reads a file only when a
position in it is asked for, for example to report a finding, keeping the result in the parse
cache. A national model with a handful of findings never pays for positions it does not show;
:meth:`Workspace.index_positions` reads them all when a tool needs every one.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox

from eagraph.forking import fork_workers, in_fork
from eagraph.location import Location
from eagraph.ontology import RDF

from .cache import NoCache, ParseCache
from .cache import open_cache as _open_cache
from .config import CONFIG_FILE, Config, load_config
from .errors import UNREADABLE, ModelNotFoundError, ModelSyntaxError, SourceProblem
from .mentions import Mentions, file_mentions
from .sources import (
    OXIGRAPH_FORMATS,
    SourceFile,
    SourceSyntaxError,
    content_digest,
    may_nest_too_deep,
    oxigraph_problem,
    parse_source,
    refuse_markup,
    scan,
    term_too_long,
    without_bom,
)
from .turtle import ParsedDocument, subject_positions

Progress = Callable[[int, int, str], None]
# Below these, starting worker processes costs more than parsing in this one.
PARALLEL_MIN_FILES = 16
PARALLEL_MIN_BYTES = 2_000_000
RDF_TYPE = f"<{RDF}type>"


@dataclass
class FilePositions:
    """Where each statement and subject of one file is written (from the positional parser)."""

    ntriples: str = field(repr=False)
    document: ParsedDocument
    _index: dict[str, int] | None = field(default=None, repr=False)

    @property
    def subjects(self) -> dict[str, tuple[int, int]]:
        return self.document.subjects

    def statement_index(self) -> dict[str, int]:
        """Statement text ("s p o") to its number in the file; built on first use."""
        if self._index is None:
            index: dict[str, int] = {}
            statements = self.ntriples.split(" .\n")[: len(self.document.lines)]
            for number, statement in enumerate(statements):
                index.setdefault(statement, number)
            self._index = index
        return self._index

    def location(self, relpath: str, number: int) -> Location:
        return Location(relpath, self.document.lines[number], self.document.columns[number])


@dataclass
class ModelFile:
    """One file of the loaded model."""

    source: SourceFile
    digest: str
    data: bytes = field(repr=False)
    _triples: int = field(default=0, init=False, repr=False)
    #: counts the statements of this file and those loaded with it, on first use (see :attr:`triples`)
    _count: Callable[[], None] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self):
        self.data = without_bom(self.data)  # whoever read the file, every reader sees the same bytes

    @property
    def triples(self) -> int:
        """The statements of this file's graph in the store. Counted when first asked, for every
        file loaded with it at once: a validation that never shows a count does not pay for it
        (a GROUP BY over the store, 0.4 s at 10,000 services)."""
        if self._count is not None:
            self._count()
        return self._triples

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_count": None}  # to worker processes: the file, not the store

    @property
    def relpath(self) -> str:
        return self.source.relpath


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

    def __init__(self, config: Config, files: list[ModelFile], store: ox.Store, cache: ParseCache):
        self.config = config
        self.files = files
        self.store = store
        self.cache = cache
        self._positions: dict[str, FilePositions] = {}
        #: where each named subject of a file is first written, read alone (see :meth:`subject_places`)
        self._subject_places: dict[str, dict[str, tuple[int, int]]] = {}
        self._by_path = {f.relpath: f for f in files}
        self._numbers: dict[str, int] = {}  # a file's graph IRI -> its place in self.files
        self._subjects: dict[str, list[str]] | None = None
        self._distinct: int | None = None
        self._unmerged: list[ox.NamedNode] = []  # graphs not yet checked for repeats (or copied, once merged)
        self._merged: list[ox.NamedNode] = []  # graphs checked: part of what queries read
        self._union = True  # no statement in two graphs: queries read the union of the named graphs
        #: what the loaded model is a view of, beyond its files ("" for the files as they are; "as of
        #: 2030-01-01" after --as-of): the same files then say something else, so results are keyed by it too
        self.view = ""
        #: The day the model is read as of (``--as-of``, set by lifecycle.keep_as_of); None: today.
        self.as_of = None

    @property
    def root(self) -> Path:
        return self.config.root

    def mentions(self, model_file: ModelFile) -> Mentions | None:
        """What a file (loaded or not) mentions (:func:`read_mentions`)."""
        return read_mentions(model_file, self.config, self.cache)

    def add(self, files: list[ModelFile], *, progress: Progress | None = None, positions: bool = False,
            problems: list[SourceProblem] | None = None) -> None:
        """Load more files into the store (each into its own graph).

        Every file is read even after a syntax error, so one run reports all broken files; then
        :class:`ModelSyntaxError` is raised. ``positions=True`` reads their positions meanwhile.
        """
        problems = list(problems or [])
        files = [f for f in files if f.relpath not in self._by_path]
        self.files += files
        self._by_path.update((f.relpath, f) for f in files)
        finish_positions = self._start_indexing(progress=None, files=files) if positions else (lambda _collect: None)
        try:
            for number, model_file in enumerate(files, 1):
                if progress:
                    progress(number, len(files), model_file.relpath)
                try:
                    _load_into(self.store, model_file, self.config)
                except SourceSyntaxError as exc:
                    problems.append(exc.problem)
            if problems:
                raise ModelSyntaxError(problems)
        except BaseException:
            finish_positions(False)
            raise
        finish_positions(True)
        self._count_later(files)
        self.merge_graphs([ox.NamedNode(f.source.graph) for f in files])

    def merge_graphs(self, graphs: Iterable[ox.NamedNode]) -> None:
        """Add named graphs of the store (files, or vocabularies a command loads) to what
        :meth:`query` reads; a statement already there stays one statement. Checked on the first
        query after: a command that never queries (fmt, diff's statements, publish) does not pay
        for it, and the graphs are copied into the merged graph only when one repeats a statement
        of another (see the module's docstring)."""
        self._unmerged.extend(graphs)
        self._distinct = None

    def forget(self, nodes: Iterable[ox.NamedNode | ox.BlankNode]) -> None:
        """Take ``nodes`` out of the loaded model (not out of its files): every statement about
        them, about the blank nodes they hold, and every statement pointing at them, in each
        file's graph and in the merge. Positions are the files' and stay right for the rest."""
        todo, done = list(nodes), set()
        while todo:
            node = todo.pop()
            if node in done:
                continue
            done.add(node)
            for quad in list(self.store.quads_for_pattern(node, None, None, None)):
                self.store.remove(quad)
                if isinstance(quad.object, ox.BlankNode):
                    todo.append(quad.object)
            for quad in list(self.store.quads_for_pattern(None, None, node, None)):
                self.store.remove(quad)
        if done:
            self._count_later(self.files)
            self._distinct = None
            self._subjects = None

    def _count_later(self, files: list[ModelFile]) -> None:
        """Have the statements of ``files`` counted, all at once, when one's count is first asked."""
        store = self.store

        def count() -> None:
            _count_statements(store, files)

        for model_file in files:
            model_file._count = count

    def _merge(self) -> None:
        graphs, self._unmerged = self._unmerged, []
        if self._union and not self._repeats(graphs):
            self._merged += graphs
            return
        if self._union:  # the first repeated statement: from now on the default graph is the model
            self._union, graphs = False, self._merged + graphs
        self._merged += graphs
        for start in range(0, len(graphs), 1000):
            values = " ".join(str(graph) for graph in graphs[start:start + 1000])
            self.store.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")

    def named_nodes(self) -> set[str]:
        """Every IRI the loaded files say something about or link to: what a part of the model
        (``diff``'s changed files, ``--changed-since``'s) needs the other files' statements of."""
        return {term.value for quad in self.store.quads_for_pattern(None, None, None, None)
                for term in (quad.subject, quad.object) if isinstance(term, ox.NamedNode)}

    def _repeats(self, graphs: list[ox.NamedNode]) -> bool:
        """Whether a statement of ``graphs`` is also in another named graph of the store.

        A statement in two graphs has its subject in both, and most models write each subject in
        one file: when ``graphs`` are most of the store (the model's files, merged on the first
        query), the subjects written in more than one graph are found first and only their
        statements compared (at 10,000 services, 0.6 s instead of 1.2 s matching a million
        statements with every graph's). A few graphs added to many (vocabularies) are compared
        statement by statement, which costs what they hold."""
        if len(graphs) > len(self._merged):
            shared = self._subjects_known_shared()
            if shared is None:
                shared = [row["s"] for row in self.store.query(
                    "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?s HAVING (COUNT(DISTINCT ?g) > 1)")]
            if all(isinstance(subject, ox.NamedNode) for subject in shared):
                return bool(self._graphs_repeating(shared) & set(graphs))
        for start in range(0, len(graphs), 1000):
            values = " ".join(str(graph) for graph in graphs[start:start + 1000])
            if self.store.query(f"ASK {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} "
                                f"GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != ?g) }}"):
                return True
        return False

    def _subjects_known_shared(self) -> list[ox.NamedNode | ox.BlankNode] | None:
        """The subjects of statements in more than one named graph, as :meth:`_repeats`'s query finds
        them, from where each model file's named subjects are written (:meth:`keep_subject_places`)
        and the few other graphs' subjects (vocabularies) read from the store; None unless every
        file's places are known. A check reads the places by a process forked while the model loads
        (check/__init__.py): the query, over every statement, took 0.6 s at 10,000 services, on the
        one core a check then used."""
        places = self._subject_places
        if not self.files or any(f.relpath not in places for f in self.files):
            return None
        counts = Counter(key for f in self.files for key in places[f.relpath])
        terms: dict[str, ox.NamedNode | ox.BlankNode] = {}
        files = {f.source.graph for f in self.files}
        for graph in self.store.named_graphs():
            if not isinstance(graph, ox.NamedNode):
                return None
            if graph.value not in files:
                found = {str(row[0]): row[0] for row in self.store.query(
                    f"SELECT DISTINCT ?s WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")}
                terms.update(found)
                counts.update(found.keys())
        return [terms.get(key) or ox.NamedNode(key[1:-1]) for key, count in counts.items() if count > 1]

    def _graphs_repeating(self, subjects: list[ox.NamedNode]) -> set[ox.NamedNode]:
        """The named graphs that hold a statement about one of ``subjects`` that another graph holds too."""
        found: set[ox.NamedNode] = set()
        for start in range(0, len(subjects), 1000):
            values = " ".join(str(subject) for subject in subjects[start:start + 1000])
            found.update(row["g"] for row in self.store.query(
                f"SELECT DISTINCT ?g WHERE {{ VALUES ?s {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} "
                f"GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != ?g) }}"))
        return found

    @property
    def written_count(self) -> int:
        """Statements as written, once per file that holds them (what the files' lines add up to)."""
        return sum(f.triples for f in self.files)

    @property
    def triple_count(self) -> int:
        """Statements of the model's files, each once however many files write it (not of the
        vocabularies a command adds to the store)."""
        if self._distinct is None:
            if self._unmerged:
                self._merge()
            self._distinct = self.written_count if self._union else self._count_distinct()
        return self._distinct

    def _count_distinct(self) -> int:
        """The statements of the files' graphs, each once (counted in Rust: a set of a million
        statements in Python takes seconds)."""
        if not self.files:
            return 0
        values = " ".join(f"<{f.source.graph}>" for f in self.files)
        rows = self.store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ "
                                f"VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} }}")
        return int(next(iter(rows))["n"].value)

    def statements(self) -> Iterable[ox.Triple]:
        """The statements of the model's files, each once (exporters write these)."""
        graphs = {ox.NamedNode(f.source.graph) for f in self.files}
        seen: set[ox.Triple] = set()
        for quad in self.store.quads_for_pattern(None, None, None, None):
            if quad.graph_name in graphs and quad.triple not in seen:
                seen.add(quad.triple)
                yield quad.triple

    def repeated_statements(self) -> list[tuple[ox.Triple, list[str]]]:
        """The statements written in more than one file, with those files (relative paths)."""
        if self.written_count == self.triple_count:
            return []
        files = {f.source.graph: f.relpath for f in self.files}
        holders: dict[ox.Triple, list[str]] = {}
        for quad in self.store.quads_for_pattern(None, None, None, None):
            relpath = files.get(getattr(quad.graph_name, "value", None))
            if relpath is not None:
                holders.setdefault(quad.triple, []).append(relpath)
        return sorted(((t, sorted(f)) for t, f in holders.items() if len(f) > 1), key=lambda item: str(item[0]))

    # SPARQL ------------------------------------------------------------------------------
    def query(self, sparql: str):
        """Run SPARQL over the whole model: the merge of all files' graphs, where a statement
        written in several files is one statement (``GRAPH ?g`` still reaches each file)."""
        if self._unmerged:
            self._merge()
        return self.store.query(sparql, use_default_graph_as_union=self._union)

    # Positions -----------------------------------------------------------------------------
    def positions(self, model_file: ModelFile | str) -> FilePositions:
        """The positions of one file, parsed on first use (or read from the parse cache)."""
        if isinstance(model_file, str):
            model_file = self._by_path[model_file]
        found = self._positions.get(model_file.relpath)
        if found is None:
            found = self._positions[model_file.relpath] = _read_positions(model_file, self.config, self.cache)
        return found

    def subject_places(self, model_file: ModelFile) -> dict[str, tuple[int, int]]:
        """Where each named subject of one file is first written (line, column), by its N-Triples
        text: from the file's positions when they are read, else read alone by
        :func:`~eagraph.workspace.turtle.subject_positions` (a finding is located by its subject
        only: at 10,000 services the thousand files with findings were read whole, for every
        statement's position, in 5 s), else, where that reader is unsure, from the positions."""
        found = self._positions.get(model_file.relpath)
        if found is not None:
            return found.subjects
        places = self._subject_places.get(model_file.relpath)
        if places is None:
            places = _read_subject_places(model_file, self.config)
            if places is None:
                return self.positions(model_file).subjects
            self._subject_places[model_file.relpath] = places
        return places

    def read_subject_places(self, files: list[ModelFile]) -> None:
        """Read where the subjects of ``files`` are written (:meth:`subject_places`) now: where they
        are many (a thousand files with findings at 10,000 services), half of them by a forked
        process (which has the files in memory: nothing is sent to it) while this one reads the rest."""
        here = [f for f in files if f.relpath not in self._positions and f.relpath not in self._subject_places]
        size, apart = sum(len(f.data) for f in here), []
        if fork_workers() >= 2 and len(here) >= PARALLEL_MIN_FILES and size >= PARALLEL_MIN_BYTES:
            while size > 0 and here:  # the last files, half of the bytes
                apart.append(here.pop())
                size -= 2 * len(apart[-1].data)
        elsewhere = in_fork(lambda: subject_places_of(apart, self.config)) if apart else dict
        try:
            self.keep_subject_places(subject_places_of(here, self.config))
        finally:
            self.keep_subject_places(elsewhere())  # taken whatever happens here, or the process would wait to send it

    def keep_subject_places(self, places: dict[str, dict[str, tuple[int, int]] | None]) -> None:
        """Keep the subject places read of files (:func:`subject_places_of`), by relative path."""
        for relpath, found in places.items():
            if found is not None and relpath in self._by_path:  # else its positions, when first asked
                self._subject_places.setdefault(relpath, found)

    def index_positions(self, progress: Progress | None = None) -> None:
        """Read the positions of every file now (tools that report on every statement want this)."""
        self._start_indexing(progress)(True)

    def read_positions(self, files: list[ModelFile]) -> None:
        """Read the positions of ``files`` now, in parallel where they are many (see :meth:`_start_indexing`)."""
        self._start_indexing(files=files)(True)

    def _start_indexing(self, progress: Progress | None = None,
                        files: list[ModelFile] | None = None) -> Callable[[bool], None]:
        """Start reading every file's positions; the returned function finishes (True) or cancels.

        Files not in the parse cache are parsed by one process per core: the positional parser
        is pure Python, and a national model has thousands of files. Started before the store
        is filled, the parsing runs while Oxigraph loads.
        """
        todo = []
        for model_file in self.files if files is None else files:
            if model_file.relpath in self._positions:
                continue
            cached = self.cache.get(cache_key(model_file, self.config, self.cache))
            if cached is not None:
                self._positions[model_file.relpath] = FilePositions(*cached)
            else:
                todo.append(model_file)
        jobs = [(f, self.config, self.cache) for f in todo]
        workers = fork_workers()
        if workers < 2 or len(todo) < PARALLEL_MIN_FILES or sum(len(f.data) for f in todo) < PARALLEL_MIN_BYTES:
            return lambda finish: finish and self._collect(todo, map(_parse_positions, jobs), progress)
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
        results = pool.map(_parse_positions, jobs, chunksize=8)

        def finish(collect: bool) -> None:
            try:
                if collect:
                    self._collect(todo, results, progress)
            finally:
                pool.shutdown(wait=True, cancel_futures=True)

        return finish

    def _collect(self, files: list[ModelFile], results: Iterable[FilePositions], progress: Progress | None) -> None:
        for number, (model_file, positions) in enumerate(zip(files, results), 1):
            if progress:
                progress(number, len(files), model_file.relpath)
            self._positions[model_file.relpath] = positions

    def files_describing(self, key: str) -> list[ModelFile]:
        """The files in which ``key`` is the subject of a statement (asked of the store), in file order."""
        if key.startswith("_:"):
            return self.files
        node = ox.NamedNode(key[1:-1])
        return self._files_of(q.graph_name for q in self.store.quads_for_pattern(node, None, None, None))

    def _files_of(self, graphs: Iterable) -> list[ModelFile]:
        """The model files whose graphs are among ``graphs`` (store graph names), in file order: looked
        up, not found by comparing every file with every graph (a national model locates thousands
        of findings among thousands of files)."""
        if len(self._numbers) != len(self.files):
            self._numbers = {f.source.graph: number for number, f in enumerate(self.files)}
        numbers = {self._numbers.get(getattr(graph, "value", None)) for graph in graphs}
        return [self.files[number] for number in sorted(numbers - {None})]

    def locations(self, term) -> list[Location]:
        """Every place where ``term`` is described as a subject, in file order."""
        key = term_key(term)
        if key.startswith("_:"):
            return self._blank_node_locations(key)
        found = []
        for model_file in self.files_describing(key):
            place = self.subject_places(model_file).get(key)
            if place is not None:
                found.append(Location(model_file.relpath, *place))
        return found

    def locate(self, term) -> Location | None:
        """Where ``term`` is defined: the file that gives its rdf:type, else where it first appears."""
        places = self.locations(term)
        if len(places) > 1:
            key = term_key(term)
            for place in places:
                if any(s.startswith(f"{key} {RDF_TYPE} ") for s in self.positions(place.file).statement_index()):
                    return place
        return places[0] if places else None

    def locate_statement(self, subject, predicate, obj=None) -> Location | None:
        """Where a statement is written; without ``obj``, the first statement of that predicate."""
        p = term_key(predicate)
        o = term_key(obj) if obj is not None else None
        for place in self.locations(subject):
            positions = self.positions(place.file)
            s = term_key(subject)
            if s.startswith("_:"):
                s = next((label for label, at in positions.subjects.items()
                          if at == (place.line, place.column) and label.startswith("_:")), s)
            number = _find_statement(positions.statement_index(), f"{s} {p} ", o)
            if number is not None:
                return positions.location(place.file, number)
        return None

    # Blank nodes: the store and the positional parser name them differently, so a blank node
    # is found by what it says (its predicates and non-blank objects).
    def _blank_node_locations(self, key: str) -> list[Location]:
        node = ox.BlankNode(key[2:])
        quads = list(self.store.quads_for_pattern(node, None, None, None))
        signature = frozenset((str(q.predicate), _signature_object(str(q.object))) for q in quads)
        found = []
        for model_file in self._files_of(q.graph_name for q in quads):
            positions = self.positions(model_file)
            label = _label_with_signature(positions, signature)
            if label is not None:
                found.append(Location(model_file.relpath, *positions.subjects[label]))
        return found

    # Conversions ---------------------------------------------------------------------------
    def rdflib_graph(self):
        """The merged model as an rdflib Graph, for libraries that need one (built on demand)."""
        import rdflib

        data = ox.serialize(self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"), format=ox.RdfFormat.N_TRIPLES)
        return rdflib.Graph().parse(data=data, format="nt")


def _find_statement(index: dict[str, int], prefix: str, obj: str | None) -> int | None:
    if obj is not None:
        number = index.get(prefix + obj)
        if number is not None:
            return number
        wanted = _comparable(obj)
        for text, number in index.items():
            if text.startswith(prefix) and _comparable(text[len(prefix):]) == wanted:
                return number
    return next((n for text, n in index.items() if text.startswith(prefix)), None)


def _signature_object(term: str) -> object:
    return "_:" if term.startswith("_:") else _comparable(term)


def _label_with_signature(positions: FilePositions, signature: frozenset) -> str | None:
    outgoing: dict[str, set] = {}
    for statement in positions.statement_index():
        if statement.startswith("_:"):
            label, predicate, obj = statement.split(" ", 2)
            outgoing.setdefault(label, set()).add((predicate, _signature_object(obj)))
    return next((label for label, pairs in outgoing.items() if pairs == signature), None)


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


def cache_key(model_file: ModelFile, config: Config, cache: ParseCache) -> str:
    return cache.key(model_file.digest, model_file.source.base(config), model_file.source.format)


def _read_positions(model_file: ModelFile, config: Config, cache: ParseCache) -> FilePositions:
    cached = cache.get(cache_key(model_file, config, cache))
    if cached is not None:
        return FilePositions(*cached)
    return _parse_positions((model_file, config, cache))


def subject_places_of(files: Iterable[ModelFile], config: Config) -> dict[str, dict[str, tuple[int, int]] | None]:
    """Where the named subjects of each file are written, by relative path (None: read its positions)."""
    return {f.relpath: _read_subject_places(f, config) for f in files}


def _read_subject_places(model_file: ModelFile, config: Config) -> dict[str, tuple[int, int]] | None:
    """The named subjects' places in a Turtle or N-Triples file, read as the positional parser reads
    it (:func:`~eagraph.workspace.sources.parse_source`); None for other formats, or where unsure."""
    source = model_file.source
    if source.format not in ("turtle", "ntriples"):
        return None
    try:
        text = model_file.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return subject_positions(text, source.base(config))


def _parse_positions(job: tuple[ModelFile, Config, ParseCache]) -> FilePositions:
    """Parse one file for positions and keep the result in the cache (also run in worker processes)."""
    model_file, config, cache = job
    source = model_file.source
    try:
        document = parse_source(source, model_file.data, source.base(config), model_file.digest)
    except SourceSyntaxError as exc:
        # Oxigraph read the file, this parser does not (a limit it alone keeps, such as nesting):
        # the user's to fix, reported as any syntax error is.
        raise ModelSyntaxError([exc.problem]) from None
    ntriples = document.ntriples()
    document.statements = []  # the text keeps them; no need for two copies
    cache.put(cache_key(model_file, config, cache), ntriples, document)
    return FilePositions(ntriples, document)


def find_root(path: Path) -> Path:
    """The model folder: ``path`` itself if it is a folder, the folder of a file otherwise."""
    if not path.exists():
        raise ModelNotFoundError(f"{path}: no such file or folder")
    return path if path.is_dir() else path.parent


@dataclass
class ModelRead:
    """A model folder as read from disk, before loading: its configuration, the bytes and digest of
    each file, and the files that could not be read (reported by the load, with the rest)."""

    config: Config
    files: list[ModelFile]
    problems: list[SourceProblem]
    #: what files mention (mentions.py), by path, as far as the caller read them: ``diff`` reads the
    #: unchanged files' for its statements, and the incremental check of the new version needs them again
    mentions: dict[str, Mentions] = field(default_factory=dict)


def read_model(path: Path | str) -> ModelRead:
    """Find and read the files of the model at ``path``: what keys a check's results, and what a load
    then parses (passed on, so that a model checked and loaded is read once: 0.3 s at 10,000 services)."""
    config, sources, unreadable = model_sources(path, problems=True)
    files, problems = read_files(sources)
    return ModelRead(config, files, unreadable + problems)


def load(
    path: Path | str = ".",
    *,
    cache: ParseCache | bool = True,
    progress: Progress | None = None,
    files: Iterable[str] | None = None,
    positions: bool = False,
    read: ModelRead | None = None,
) -> Workspace:
    """Load the model at ``path`` (a folder with an optional eagraph.toml, or one file).

    Every file is read even after a syntax error, so one run reports all broken files; then
    :class:`ModelSyntaxError` is raised. ``files`` restricts loading to those relative paths.
    ``positions=True`` reads every file's positions during the load instead of on first use.
    ``read``: the model at ``path`` as :func:`read_model` read it already (not read again).
    """
    wanted = None if files is None else set(files)
    if read is None:
        config, sources, unreadable = model_sources(path, problems=True)
        model_files, problems = read_files(s for s in sources if wanted is None or s.relpath in wanted)
        read = ModelRead(config, model_files, unreadable + problems)
    model_files = [f for f in read.files if wanted is None or f.relpath in wanted]
    workspace = Workspace(read.config, [], ox.Store(), open_cache(cache))
    problems = list(read.problems)
    workspace.add(model_files, progress=progress, positions=positions and not problems, problems=problems)
    return workspace


def model_sources(path: Path | str, *, problems: bool = False):
    """The configuration of the model at ``path`` and its files (just that one, for a file).

    A folder or file that cannot be read raises :class:`ModelSyntaxError`; with
    ``problems=True`` they are returned as a third item instead, to be reported with the rest."""
    path = Path(path)
    root = find_root(path).resolve()
    config = load_config(root)
    if path.is_file():
        config_of_file = replace(config, include=(path.resolve().relative_to(root).as_posix(),), exclude=())
        sources, unreadable = scan(config_of_file)
    else:
        sources, unreadable = scan(config)
        if not sources and not unreadable and not (root / CONFIG_FILE).exists():
            raise ModelNotFoundError(f"{root}: no model files (*.ttl, *.nt, *.rdf, *.jsonld) and no {CONFIG_FILE}")
    if problems:
        return config, sources, unreadable
    if unreadable:
        raise ModelSyntaxError(unreadable)
    return config, sources


def read_mentions(model_file: ModelFile, config: Config, cache: ParseCache) -> Mentions | None:
    """What a file (loaded or not) mentions, from the cache when its content was seen before: which
    files can matter for some nodes, known without loading them."""
    source = model_file.source
    return file_mentions(model_file.data, source.format, source.base(config), cache,
                         cache_key(model_file, config, cache))


def open_cache(cache: ParseCache | bool) -> ParseCache:
    return _open_cache() if cache is True else (cache or NoCache())


def read_files(sources: Iterable[SourceFile]) -> tuple[list[ModelFile], list[SourceProblem]]:
    """The bytes and digest of each file; a file that cannot be read is a problem, not a stop."""
    problems: list[SourceProblem] = []
    read: list[ModelFile] = []
    for source in sources:
        try:
            data = source.path.read_bytes()
        except OSError as exc:
            problems.append(SourceProblem(source.relpath, 0, 0, f"cannot read: {exc.strerror or exc}", code=UNREADABLE))
            continue
        read.append(ModelFile(source, content_digest(data), data))
    return read, problems


def _load_into(store: ox.Store, model_file: ModelFile, config: Config) -> None:
    """Parse one file into its named graph; a syntax error is reported by the positional parser
    where it reads that format (its messages are written for people), else as Oxigraph says."""
    source = model_file.source
    base = source.base(config)
    refuse_markup(source, model_file.data)  # XML entities, deep JSON: before Oxigraph sees them
    if source.format == "turtle" and may_nest_too_deep(model_file.data):
        parse_source(source, model_file.data, base, model_file.digest)  # the nesting limit, at its line
    try:
        store.load(model_file.data, OXIGRAPH_FORMATS[source.format], base_iri=base,
                   to_graph=ox.NamedNode(source.graph))
    except MemoryError as exc:  # Oxigraph's buffer limit: the positional parser says where
        message = term_too_long(exc)
        if source.format in ("turtle", "ntriples"):
            parse_source(source, model_file.data, base, model_file.digest)
        raise SourceSyntaxError(SourceProblem(source.relpath, 0, 0, message)) from None
    except SyntaxError as exc:
        if source.format in ("turtle", "ntriples"):
            parse_source(source, model_file.data, base, model_file.digest)  # raises with our message
        raise SourceSyntaxError(oxigraph_problem(source, model_file.data, exc)) from None


def _count_statements(store: ox.Store, files: list[ModelFile]) -> None:
    counts = {
        row["g"].value: int(row["n"].value)
        for row in store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    }
    for model_file in files:
        model_file._triples, model_file._count = counts.get(model_file.source.graph, 0), None
