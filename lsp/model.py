"""The model kept warm for an editor: files in memory, the editor's text in place of the disk's.

Every answer comes from the library's own machinery, so the editor says what ``validate`` says:

- findings: the file being edited is checked as a change (:func:`eagraph.validators.changes.load_change`,
  the machinery of ``validate --changed-since``), every node it describes and the nodes its change
  reaches, with the same shapes, suppressions, baseline, codes, severities and messages;
- places: :meth:`Workspace.locate` over the files that describe a node, and the positional
  parser's statement positions for references;
- labels and types: read per file and kept by the file's content digest, so a keystroke reads one
  file again, not the model.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox

from eagraph.check import CheckOptions, check
from eagraph.findings import Finding
from eagraph.location import Location
from eagraph.ontology import DCT, ELI, FOAF, OWL, RDF_TYPE, RDFS, SKOS
from eagraph.ontology.namespaces import PREFIXES
from eagraph.validators.changes import load_change
from eagraph.validators.validate import ValidationOptions
from eagraph.workspace import EagraphError, ModelSyntaxError, Workspace
from eagraph.workspace.errors import SourceProblem
from eagraph.workspace.mentions import Mentions, file_mentions
from eagraph.workspace.sources import content_digest, oxigraph_parse
from eagraph.workspace.workspace import FilePositions, ModelFile, cache_key, model_sources, open_cache, read_files

from .contract import Contract, read_contract
from .text import Span, occurrences, prefixes, written

#: What names a node for a reader, in order of preference.
#: What names a node, best first; a regulation's title as ELI writes it (eli:title) as well as dct:title
#: The types that make a node a class, written after ``a``.
CLASS_TYPES = frozenset({RDFS + "Class", OWL + "Class"})
LABEL_PREDICATES = (SKOS + "prefLabel", DCT + "title", ELI + "title", RDFS + "label", FOAF + "name", SKOS + "altLabel")


class RenameRefused(EagraphError):
    """A rename that would change what the model means, not only what a node is called."""


@dataclass
class NodeFacts:
    """What one file says that names a node: its labels by language and its types."""

    labels: dict[str, str] = field(default_factory=dict)
    types: set[str] = field(default_factory=set)


@dataclass
class Diagnosis:
    """The findings located in a file, or the problems that kept the model from being read."""

    findings: list[Finding] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    failure: str | None = None  # what went wrong that is no file's syntax (a bad shapes file, say)
    reached: dict[str, list[Finding]] = field(default_factory=dict)  # other files' findings the change changed
    # what :meth:`LiveModel.reach` needs to work out ``reached`` after the edited file's findings are shown
    check: tuple[dict[str, list[Finding]], frozenset[str], set[str]] | None = None


#: From how many files never diagnosed the files an edit reaches are diagnosed by one check of the
#: whole model: checking every node a file describes is quick for a few files, a whole check quicker
#: for hundreds (an authority 378 files name took 144 s file by file at 2,000 services).
WHOLE_MODEL_FROM = 40


class LiveModel:
    """The model at ``root`` with the editor's open documents laid over its files."""

    def __init__(self, root: Path, options: ValidationOptions = ValidationOptions(), *, cache: bool = True):
        self.config, sources = model_sources(root)
        self.root = self.config.root
        self.options = options
        self.cache = open_cache(cache)
        self.sources = {s.relpath: s for s in sources}
        read, self.unreadable = read_files(sources)
        self.disk = {f.relpath: f for f in read}
        self.open: dict[str, ModelFile] = {}
        self._mentions: dict[str, Mentions | None] = {}
        self._facts: dict[str, dict[str, NodeFacts]] = {}
        self._positions: dict[str, FilePositions | None] = {}
        self._prefixes: dict[str, dict[str, str]] = {}
        self._contract: Contract | None = None
        self._parsed_facts: dict[str, dict[str, NodeFacts]] = {}  # per file, the last that parsed
        self.findings: dict[str, list[Finding]] = {}  # the findings last published, per file
        self.checked: dict[str, ModelFile] = {}  # per file, the content its findings were last checked on

    # Files --------------------------------------------------------------------------------------
    def relpath(self, path: Path) -> str | None:
        """The model file at ``path`` (relative to the model), or None when the model does not hold it."""
        try:
            relpath = path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None
        return relpath if relpath in self.sources else None

    def set_text(self, relpath: str, text: str) -> None:
        """The editor's text of a file, in place of the file on disk until it is closed."""
        data = text.encode("utf-8")
        self.open[relpath] = ModelFile(self.sources[relpath], content_digest(data), data)

    def close(self, relpath: str) -> None:
        """The editor closed the file: the disk's content counts again (read anew: it may have been saved)."""
        self.open.pop(relpath, None)
        self.reread(relpath)

    def forget(self, relpath: str) -> None:
        """The editor no longer shows the file's findings: know them anew when a change reaches it."""
        self.findings.pop(relpath, None)

    def reread(self, relpath: str) -> None:
        read, _problems = read_files([self.sources[relpath]])
        if read:
            self.disk[relpath] = read[0]

    def files(self) -> list[ModelFile]:
        return [self.open.get(relpath, model_file) for relpath, model_file in self.disk.items()]

    def file(self, relpath: str) -> ModelFile:
        return self.open.get(relpath) or self.disk[relpath]

    def lines(self, relpath: str) -> list[str]:
        """A file's lines as the editor has them (none: a file removed from disk)."""
        model_file = self.open.get(relpath) or self.disk.get(relpath)
        return [] if model_file is None else model_file.data.decode("utf-8", errors="replace").splitlines()

    # Findings -----------------------------------------------------------------------------------
    def diagnose(self, relpath: str) -> Diagnosis:
        """The contract's findings written in ``relpath``, as ``validate`` reports them, and the fresh
        findings of the other files its change reaches.

        The file is checked as ``validate --changed-since`` checks a changed file, against the text
        last checked (the disk's at first): every node it describes, and the nodes in other files
        that the difference reaches (a link to a node it removed, renamed or added), found through
        the mention index. Those nodes' findings replace what was known of them in their files."""
        before = self.checked.get(relpath) or self.disk.get(relpath)
        try:
            by_file, nodes = self._check({relpath}, {relpath: before.data} if before else {})
        except ModelSyntaxError as exc:
            return Diagnosis(problems=exc.problems)
        except EagraphError as exc:
            return Diagnosis(failure=exc.render())
        self.findings[relpath] = by_file.get(relpath, [])
        return Diagnosis(findings=self.findings[relpath], check=(by_file, nodes, {relpath}))

    def reach(self, diagnosis: Diagnosis) -> Diagnosis:
        """``diagnosis`` with the findings of the other files its change reached (``reached``): worked
        out once the edited file's own findings are shown, since the files reached for the first time
        are checked whole, which an edit that many files link to makes long."""
        if diagnosis.check is not None:
            try:
                diagnosis.reached = self._reached(*diagnosis.check)
            except EagraphError:
                diagnosis.reached = {}  # a file that does not parse: the next check of the edited file says so
            diagnosis.check = None
        return diagnosis

    def _check(self, changed: set[str], old: dict[str, bytes]) -> tuple[dict[str, list[Finding]], frozenset[str]]:
        """The findings, by the file they are written in, of every node the ``changed`` files describe
        and of the nodes their difference from ``old`` reaches; and those nodes."""
        part = load_change(self.config, self.files(), changed, old, cache=self.cache,
                           extra_shapes=self.options.extra_shapes, profiles=self.options.profiles,
                           mentions_of=self.mentions, described=True)
        results = check(part.workspace, CheckOptions(validation=replace(self.options, only_nodes=part.nodes),
                                                     cache=False))
        for relpath in changed:
            if relpath in self.disk or relpath in self.open:
                self.checked[relpath] = self.file(relpath)
            else:  # removed from disk
                self.checked.pop(relpath, None)
        return _by_file(results.validation.findings), part.nodes

    def _reached(self, by_file: dict[str, list[Finding]], nodes: frozenset[str],
                 changed: set[str]) -> dict[str, list[Finding]]:
        """The files other than the ``changed`` ones whose findings a check of ``nodes`` changed, with
        their findings now: those of the nodes checked replaced, the rest kept. The files never
        diagnosed are diagnosed whole, together, once: the editor is given a file's every finding or none."""
        known = {other for other, found in self.findings.items() if any(f.subject in nodes for f in found)}
        others = sorted((set(by_file) | known) & set(self.sources) - changed)
        unknown = {other for other in others if other not in self.findings}
        whole = self.whole(unknown)
        reached: dict[str, list[Finding]] = {}
        for other in others:
            before = self.findings.get(other)
            if before is None:
                now = whole.get(other, [])
            else:
                now = [f for f in before if f.subject not in nodes] + by_file.get(other, [])
            if before is None or sorted(map(_finding_key, now)) != sorted(map(_finding_key, before)):
                self.findings[other] = reached[other] = now
        return reached

    def whole(self, relpaths: set[str]) -> dict[str, list[Finding]]:
        """Every finding written in ``relpaths``, by file: each checked as a change of nothing (every
        node it describes). Raises as :meth:`_check` does."""
        if not relpaths:
            return {}
        if len(relpaths) >= WHOLE_MODEL_FROM:
            return self._check_model()
        return self._check(relpaths, {relpath: self.file(relpath).data for relpath in relpaths})[0]

    def _check_model(self) -> dict[str, list[Finding]]:
        """Every finding of the model as the editor holds it, by file (a full ``validate``)."""
        files = self.files()
        workspace = Workspace(self.config, [], ox.Store(), self.cache)
        workspace.add(files)
        results = check(workspace, CheckOptions(validation=self.options, cache=False))
        self.checked.update((model_file.relpath, model_file) for model_file in files)
        return _by_file(results.validation.findings)

    def disk_changed(self, paths: Iterable[Path]) -> Diagnosis:
        """Files written, created or removed outside the editor (a ``git checkout``, a ``git pull``):
        read anew from disk and checked as an edit is, against the content last checked. ``reached``
        holds the findings of those files now (none for a removed one) and of the files the change
        reaches, open or not. A file open in the editor keeps the editor's text; only its disk copy
        is read. A file that does not parse is in ``problems``, and checked again when it next changes."""
        wanted = {relpath for relpath in map(self._inside, paths) if relpath is not None}
        last = {relpath: self.checked.get(relpath) or self.disk.get(relpath) for relpath in wanted}
        try:
            self._read_anew(wanted)
        except EagraphError as exc:
            return Diagnosis(failure=exc.render())
        changed: set[str] = set()
        old: dict[str, bytes] = {}
        for relpath in sorted(wanted):
            before, now = last[relpath], self.disk.get(relpath)
            if relpath in self.open or (before is None and now is None) \
                    or (before is not None and now is not None and before.digest == now.digest):
                continue
            changed.add(relpath)
            if before is not None:
                old[relpath] = before.data
        if not changed:
            return Diagnosis()
        try:
            by_file, nodes = self._check(changed, old)
            reached = self._reached(by_file, nodes, changed)
        except ModelSyntaxError as exc:
            return Diagnosis(problems=exc.problems)
        except EagraphError as exc:
            return Diagnosis(failure=exc.render())
        for relpath in sorted(changed):
            reached[relpath] = by_file.get(relpath, [])
            if relpath in self.disk:
                self.findings[relpath] = reached[relpath]
            else:
                self.findings.pop(relpath, None)
        return Diagnosis(reached=reached)

    def _inside(self, path: Path) -> str | None:
        """``path`` relative to the model's folder (a file that may not exist yet, or no longer), or None."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None

    def _read_anew(self, relpaths: set[str]) -> None:
        """``relpaths`` as the folder holds them now: one created (that ``eagraph.toml`` includes)
        becomes a file of the model, one removed is no longer one, the others are read again. The
        other files stay as they are until they are said to have changed."""
        rescan = not all(relpath in self.sources and (self.root / relpath).is_file() for relpath in relpaths)
        if rescan:
            _config, sources, _unreadable = model_sources(self.root, problems=True)
            now = {source.relpath: source for source in sources}
            for relpath in relpaths:
                if relpath in now:
                    self.sources[relpath] = now[relpath]
                else:
                    self.sources.pop(relpath, None)
        for relpath in relpaths:
            self.disk.pop(relpath, None)
            if relpath in self.sources:
                self.reread(relpath)
        if rescan:  # in a full run's order, so a node's first file is the same
            order = {relpath: number for number, relpath in enumerate(now)}
            self.disk = dict(sorted(self.disk.items(), key=lambda item: order.get(item[0], len(order))))

    def findings_about(self, iri: str) -> list[Finding]:
        return [f for found in self.findings.values() for f in found if f.subject == iri]

    # What each file says ------------------------------------------------------------------------
    def mentions(self, model_file: ModelFile) -> Mentions | None:
        """A file's mentions, kept by content: an unchanged file is never read twice."""
        if model_file.digest not in self._mentions:
            source = model_file.source
            self._mentions[model_file.digest] = file_mentions(
                model_file.data, source.format, source.base(self.config), self.cache,
                cache_key(model_file, self.config, self.cache))
        return self._mentions[model_file.digest]

    def facts(self, model_file: ModelFile) -> dict[str, NodeFacts]:
        """The labels and types a file gives its nodes; while it does not parse (an edit under way),
        what it gave when it last did."""
        found = self._facts.get(model_file.digest)
        if found is None:
            read = _read_facts(model_file, self.config)
            if read is None:
                disk = self.disk.get(model_file.relpath)
                if model_file.relpath not in self._parsed_facts and disk is not None and disk is not model_file:
                    return self.facts(disk)
                return self._parsed_facts.get(model_file.relpath, {})
            found = self._facts[model_file.digest] = self._parsed_facts[model_file.relpath] = read
        return found

    def positions(self, model_file: ModelFile) -> FilePositions | None:
        """Where a file writes each statement (None while it does not parse), kept by content."""
        if model_file.digest not in self._positions:
            try:
                positions = Workspace(self.config, [], ox.Store(), self.cache).positions(model_file)
            except (EagraphError, SyntaxError, ValueError):
                positions = None
            self._positions[model_file.digest] = positions
        return self._positions[model_file.digest]

    def statements(self, model_file: ModelFile) -> list[str]:
        """A file's statements as N-Triples lines without the final " ." (in the positions' order)."""
        positions = self.positions(model_file)
        return [] if positions is None else positions.ntriples.split(" .\n")[:len(positions.document.lines)]

    def described(self, iri: str) -> list[tuple[str, str]]:
        """The (file, predicate) of every statement the model makes about ``iri``."""
        key = f"<{iri}> "
        return [(model_file.relpath, statement[len(key):].split(" ", 1)[0][1:-1])
                for model_file in self.describing(iri) for statement in self.statements(model_file)
                if statement.startswith(key)]

    def untagged(self, relpath: str, subject: str, path: str) -> list[Location]:
        """Where ``relpath`` writes a plain literal (no language tag, no datatype) as ``subject``'s ``path``."""
        model_file = self.file(relpath)
        key = f"<{subject}> <{path}> \""
        positions = self.positions(model_file)
        return [positions.location(relpath, number) for number, statement in enumerate(self.statements(model_file))
                if statement.startswith(key) and statement.endswith('"')]

    def describing(self, iri: str) -> list[ModelFile]:
        """The files that say something about ``iri``."""
        return [f for f in self.files() if iri in self.facts(f)]

    # Navigation ---------------------------------------------------------------------------------
    def definition(self, iri: str) -> Location | None:
        """Where ``iri`` is defined, as findings name it: the file giving its type, else the first."""
        files = self.describing(iri)
        if not files:
            return None
        workspace = Workspace(self.config, [], ox.Store(), self.cache)
        try:
            workspace.add(files)
        except ModelSyntaxError:
            return None
        return workspace.locate(iri)

    def references(self, iri: str) -> list[Location]:
        """Every place a statement of the model writes ``iri``: as its subject (where the file first
        describes it) and as its object, in file order. Only the files the mention index says
        mention it are read (a class named only after ``a``, which the index leaves out, is looked
        for in every file)."""
        key = f"<{iri}>"
        found: list[Location] = []
        for model_file in sorted(self.mentioning(iri), key=lambda f: f.relpath):
            positions = self.positions(model_file)
            if positions is None:
                continue
            document = positions.document
            if key in document.subjects:
                found.append(Location(model_file.relpath, *document.subjects[key]))
            for number, statement in enumerate(self.statements(model_file)):
                if statement.endswith(" " + key):
                    found.append(positions.location(model_file.relpath, number))
        return sorted(set(found))

    def mentioning(self, iri: str) -> list[ModelFile]:
        """The files that may write ``iri``, by the mention index (kept warm by the diagnostics):
        those that name it as a subject or a link, and those that do not parse. A class (of the
        model, or a vocabulary's term no file describes) is written after ``a``, which the index
        leaves out: for it, every file."""
        files = self.files()
        mentions = {f.relpath: self.mentions(f) for f in files}
        describing = [f for f in files if mentions[f.relpath] is not None and iri in mentions[f.relpath].subjects]
        if not describing or any(CLASS_TYPES & self.facts(f).get(iri, NodeFacts()).types for f in describing):
            return files
        return [f for f in files if mentions[f.relpath] is None or mentions[f.relpath].touches({iri})]

    def rename(self, iri: str, new_iri: str) -> dict[str, list[tuple[Span, str]]]:
        """The edits that rename ``iri`` to ``new_iri`` in every file of the model: each place a file
        writes it (as subject, object, in a list, prefixed or in full) replaced by the new IRI written
        with that file's own prefixes, and nothing else of the file touched.

        Refused when ``iri`` is not a node the model describes (a vocabulary's term such as
        ``cpsv:PublicService`` would be rewritten everywhere), and when ``new_iri`` already names a
        node of the model: the two nodes would become one."""
        if not self.describing(iri):
            raise RenameRefused(f"<{iri}> is not described in the model (a vocabulary's term, or a link to "
                                "nothing): only the model's own nodes are renamed")
        if new_iri == iri:
            return {}
        edits: dict[str, list[tuple[Span, str]]] = {}
        for model_file in self.files():
            text, base = model_file.data.decode("utf-8", errors="replace"), model_file.source.base(self.config)
            if occurrences(new_iri, text, base):
                raise RenameRefused(f"<{new_iri}> already names a node of the model ({model_file.relpath}); "
                                    f"renaming <{iri}> to it would merge the two")
            spans = occurrences(iri, text, base)
            if spans:
                new_text = written(new_iri, text)
                edits[model_file.relpath] = [(span, new_text) for span in spans]
        return edits

    def contract(self) -> Contract | None:
        """What the shapes expect of each class (read once); None when a shapes file cannot be read."""
        if self._contract is None:
            try:
                self._contract = read_contract([*self.config.shapes, *self.options.extra_shapes])
            except EagraphError:
                return None
        return self._contract

    def namespace_of(self, prefix: str) -> str | None:
        """The namespace a prefix certainly names in this model: the one every file declaring it
        gives (and eagraph's own table, where it knows the name); None when they disagree or none does."""
        found = {PREFIXES[prefix]} if prefix in PREFIXES else set()
        for model_file in self.files():
            declared = self._prefixes.get(model_file.digest)
            if declared is None:
                declared = self._prefixes[model_file.digest] = prefixes(model_file.data.decode("utf-8", "replace"))
            if prefix in declared:
                found.add(declared[prefix])
        return found.pop() if len(found) == 1 else None

    def subjects(self, relpath: str) -> list[tuple[str, int, int]]:
        """The IRIs a file describes, where it first writes each as a subject (1-based line, column),
        in file order; none while the file does not parse."""
        positions = self.positions(self.file(relpath))
        if positions is None:
            return []
        found = [(key[1:-1], line, column) for key, (line, column) in positions.document.subjects.items()
                 if key.startswith("<")]
        return sorted(found, key=lambda item: (item[1], item[2]))

    def labels(self, iri: str) -> NodeFacts:
        """The labels and types of ``iri`` across the model."""
        merged = NodeFacts()
        for model_file in self.describing(iri):
            facts = self.facts(model_file)[iri]
            for language, label in facts.labels.items():
                merged.labels.setdefault(language, label)
            merged.types |= facts.types
        return merged

    def nodes(self) -> Iterable[tuple[str, NodeFacts]]:
        """Every named node of the model with its labels and types (a node described in two files twice)."""
        for model_file in self.files():
            yield from self.facts(model_file).items()


def _by_file(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings by the file they are written in (those with no place in a file left out)."""
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.where is not None:
            by_file.setdefault(finding.where.file, []).append(finding)
    return by_file


def _finding_key(finding: Finding) -> tuple:
    return (finding.code, finding.subject, finding.path or "", finding.value or "", str(finding.where))


def _read_facts(model_file: ModelFile, config) -> dict[str, NodeFacts] | None:
    source = model_file.source
    facts: dict[str, NodeFacts] = {}
    try:
        triples = list(oxigraph_parse(model_file.data, source.format, source.base(config)))
    except (SyntaxError, ValueError, OSError):
        return None
    ranks: dict[tuple[str, str], int] = {}  # the best label predicate seen, per node and language
    for triple in triples:
        if not isinstance(triple.subject, ox.NamedNode):
            continue
        subject = triple.subject.value
        node = facts.setdefault(subject, NodeFacts())
        predicate, obj = triple.predicate.value, triple.object
        if predicate == RDF_TYPE and isinstance(obj, ox.NamedNode):
            node.types.add(obj.value)
        elif predicate in LABEL_PREDICATES and isinstance(obj, ox.Literal):
            language, rank = obj.language or "", LABEL_PREDICATES.index(predicate)
            if rank < ranks.get((subject, language), len(LABEL_PREDICATES)):
                ranks[(subject, language)] = rank
                node.labels[language] = obj.value
    return facts
