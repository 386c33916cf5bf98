"""The check step: a model's validation and analysis results, computed once per content.

Every command that needs findings (``validate``, ``analyze``, ``diff``, ``trend``, the site, the
benchmarks) asks :func:`check` (a loaded model) or :func:`check_path` (a model on disk, loaded only
when its results are not known yet). Both return a :class:`CheckResults`.

Results are kept in the content store (``workspace/cache.py``, entries sealed by their hash) under
a key made of what decides them: the digest, path, format and base of every model file; the
configuration that counts (languages, suppressions, shapes); the content of every shapes, profile
and baseline file and of eagraph's own contract and ontology; the chosen kinds; eagraph's version.
An unchanged model's findings are read, not recomputed; any change of those inputs is another key.
Validation and analysis are kept apart, so ``validate`` and ``analyze`` share the validation.

A model that differs in a few files from a *base* whose results are known (``check_path(...,
since=FOLDER)``: ``diff`` passes the old version) is checked incrementally
(:mod:`eagraph.check.incremental`): the base's results brought up to date for what those files can
change, the same results as a whole check.

When both are computed and two cores are there, validation runs in a forked process (the store is
inherited, not copied through a pipe) while this one analyses.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from eagraph import __version__
from eagraph.findings import Finding, RuleInfo, Savings, Severity
from eagraph.forking import collector_paused, fork_workers, in_fork, ready
from eagraph.ontology import CPSV
from eagraph.validators.validate import ValidationOptions
from eagraph.workspace import EagraphError, Location, Workspace

if TYPE_CHECKING:  # pragma: no cover
    from eagraph.analyses.coverage import Coverage
    from eagraph.analyses.model import AnalysisModel
    from eagraph.validators.validate import ValidationReport
    from eagraph.workspace.cache import ParseCache
    from eagraph.workspace.workspace import ModelRead

    from .incremental import Base

#: The kinds that read the store themselves and need of a model only how it names things, each with
#: the class of the nodes its messages name: the analysis runs them in a forked process of their own,
#: beside the model's build and the other kinds (``duplicate-service``, on its own, takes as long as
#: all the others and the build together), on the labels of those nodes alone.
APART = {"duplicate-service": CPSV + "PublicService"}
#: Bumped when what an entry holds, or how a result is computed, changes without a version change.
CHECK_FORMAT = 4
T = TypeVar("T")


@dataclass(frozen=True)
class CheckOptions:
    """What to check. ``validation`` None: no validation; ``kinds`` None: no analysis, () every kind."""

    validation: ValidationOptions | None = None
    kinds: tuple[str, ...] | None = None
    min_score: float = 0.0
    locate: bool = True  # analysis findings located in the files (the site shows them by subject instead)
    cache: bool = True  # False (--no-cache): compute, neither read nor write results
    #: processes a validation that runs alone may share its constraints among: a command gives the
    #: machine's cores; a program with threads of its own (the language server) keeps 1, since a fork
    #: there can copy a lock another thread holds and wait on it for ever
    workers: int = 1


#: Every finding, the analyses' unlocated: what the site, ``diff`` and ``trend`` show (one key for all three).
ALL_UNLOCATED = CheckOptions(validation=ValidationOptions(), kinds=(), locate=False)


@dataclass
class Checked:
    """What was checked: the model's files, the kinds, the keys, and what came from the cache."""

    files: int
    kinds: tuple[str, ...] = ()
    validation_key: str | None = None
    analysis_key: str | None = None
    cached: tuple[str, ...] = ()  # "validation", "analysis": read, not computed
    updated: tuple[str, ...] = ()  # "validation", "analysis": the base's, brought up to date (incremental)
    loaded: int | None = None  # model files loaded (None: none, or the whole model)
    #: the kinds an incremental check computed anew: "texts" (duplicate-service from its cached table)
    #: or "model" (on the changed model loaded whole); the others' findings are the base's
    analysed: dict[str, str] = field(default_factory=dict)


@dataclass
class CheckResults:
    """A model's validation report and analysis findings (ranked) with the kinds' coverage."""

    validation: "ValidationReport | None"
    analysis: list[Finding] | None
    coverage: "list[Coverage] | None"
    checked: Checked
    #: A blank node a finding is about, by its store label: the named node holding it and the
    #: property it hangs from (the store names blank nodes anew at every load; this does not change).
    blank_places: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: the analysis model the check was given or built, when asked for (``check(keep_model=True)``);
    #: None when none was needed (results read from the cache, or kept by an incremental check)
    model: "AnalysisModel | None" = field(default=None, repr=False, compare=False)

    @property
    def findings(self) -> list[Finding]:
        """Validation findings, then analysis findings."""
        return [*(self.validation.findings if self.validation else ()), *(self.analysis or ())]


def check(workspace: Workspace, options: CheckOptions = CheckOptions(), *,
          model: "AnalysisModel | None" = None, since_last: bool = False, keep_model: bool = False) -> CheckResults:
    """Validate and analyse ``workspace`` as ``options`` say, reading what the cache already knows.
    ``model``: the analysis model when the caller built one already. ``since_last``: start from the
    state in which the model's folder was checked last, as :func:`check_path` does (for a workspace
    loaded from that folder's files as they are, not a view or a server's model). ``keep_model``:
    hand the analysis model the check built back in the results (the site renders from it: built
    here, it is built while validation runs on the other core), instead of letting it go."""
    run = _Check(workspace.config, workspace.files, options, lambda: workspace, model, workspace.cache,
                 view=workspace.view)
    run._workspace = workspace  # loaded: no core is left idle by a load
    run.keep_model = keep_model
    results = run.run() if not (since_last and options.cache and not workspace.view) else _since_last(run, workspace)
    return replace(results, model=run.model) if keep_model else results


def _since_last(run: "_Check", workspace: Workspace) -> CheckResults:
    """``run`` started from the state in which the model's folder was checked last, and the state it
    checked kept as the next one's start."""
    from . import incremental

    run.base = incremental.last_checked(run.store, workspace.config, _settings(workspace.config))
    run.remember = lambda: incremental.remember(run.store, workspace.config, workspace.files,
                                                _settings(workspace.config))
    return run.run()


def check_path(path: Path | str, options: CheckOptions = CheckOptions(), *,
               load: Callable[[], Workspace] | None = None, since: "Path | str | ModelRead | None" = None,
               read: "ModelRead | None" = None) -> CheckResults:
    """:func:`check` of the model at ``path``, loaded (by ``load``, default :func:`eagraph.workspace.load`)
    only when some result is not in the cache: an unchanged model is read, not even parsed.
    ``since``: a version of the model (a folder, or as :func:`~eagraph.workspace.workspace.read_model`
    read it) checked before, from whose results a change of a few files is checked incrementally
    (:mod:`eagraph.check.incremental`); by default the state in which this folder was checked last
    (kept in the cache with the results). ``read``: the model at ``path`` as
    :func:`~eagraph.workspace.workspace.read_model` read it already (the caller's ``load`` then loads
    that reading too)."""
    from eagraph.workspace.workspace import load as load_model
    from eagraph.workspace.workspace import read_model

    from . import incremental

    read = read or read_model(path)
    config, files = read.config, read.files
    loader = load or (lambda: load_model(path, cache=options.cache, read=read))
    if read.problems:  # the load reports them, with the rest
        return check(loader(), options)
    run = _Check(config, files, options, loader, None)
    run.mentions = read.mentions
    if since is not None:
        run.base = _base(since)
    elif options.cache:
        run.base = incremental.last_checked(run.store, config, _settings(config))
    if options.cache:
        # The files' contents are packed for the next check by a forked process while this one loads:
        # the load leaves a core idle, and later none is (at 10,000 services validation, the analysis
        # and duplicate-service share two cores; packing after validating took half a second of theirs).
        contents = run.packed = incremental.keep_contents(run.store, config, files)
        run.remember = lambda: incremental.remember(run.store, config, files, _settings(config), contents)
    return run.run()


def _base(folder: "Path | str | ModelRead"):
    """The version in ``folder`` (or as read) as a base of the incremental check; None when it cannot be read."""
    from eagraph.workspace.workspace import ModelRead, read_model

    from .incremental import Base

    try:
        read = folder if isinstance(folder, ModelRead) else read_model(folder)
    except EagraphError:
        return None
    return None if read.problems else Base.of_files(read.config, read.files)


class _Check:
    """One run: the keys, the cached parts, the model loaded once for the parts that are not."""

    def __init__(self, config, files, options: CheckOptions, load: Callable[[], Workspace],
                 model: "AnalysisModel | None", store: "ParseCache | None" = None, view: str = ""):
        from eagraph.workspace.cache import NoCache, open_cache

        self.options = options
        self.kinds: tuple[str, ...] = ()
        if options.kinds is not None:  # the registry (numpy, scipy) only where kinds are chosen
            from eagraph.analyses.registry import select

            self.kinds = tuple(kind.name for kind in select(list(options.kinds)))
        self.store: ParseCache = (store or open_cache()) if options.cache else NoCache()
        self.load, self.model = load, model
        self.config, self.files, self.view = config, files, view
        self.base: Base | None = None  # a version checked before, to bring up to date (incremental.py)
        #: keeps the state checked as the base of the next check (incremental.remember), once checked:
        #: in the validation's forked process when there is one, idle once it has validated (writing
        #: 2,473 files' contents took 2.6 s at 10,000 services), else here
        self.remember: Callable[[], None] | None = None
        #: waits until the files' contents are packed for :attr:`remember` (incremental.keep_contents):
        #: by a process this one forked, which only this one can wait for, so before it forks in turn
        self.packed: Callable[[], object] | None = None
        self.checked = Checked(len(files), self.kinds)
        self.checked.validation_key, self.checked.analysis_key = self._keys(config, _file_rows(config, files))
        self._workspace: Workspace | None = None
        self.memo: dict | None = None  # what an analysis computed that a later incremental check starts from
        self.mentions: dict = {}  # the files' mentions the caller read already, by path (ModelRead.mentions)
        #: the subject places of the files, read by a process forked before the
        #: load (see :meth:`_read_places_early`); None when not started, or taken
        self.early_places: Callable[[], dict] | None = None
        self.keep_model = False  # the caller takes the analysis model (check(keep_model=True)): an update builds it too

    def _keys(self, config, files) -> tuple[str | None, str | None]:
        """The keys of the validation and the analysis of ``files`` under ``config`` (None: not asked)."""
        options = self.options
        model = _digest(_model_key(config, files), self.view)  # the files as of a date are another model
        validation = analysis = None
        if options.validation is not None:
            validation = _digest(model, "validation", _validation_inputs(config, options.validation))
        if options.kinds is not None:
            # initiative-overdue judges what is late on today's date: results hold for the day they were made;
            # the savings of findings are priced with the [burden] settings
            # (located or not, the findings are the same: an entry keeps their places in the files too)
            analysis = _digest(model, "analysis", [list(self.kinds), options.min_score,
                                                   datetime.date.today().isoformat(), config.burden])
        return validation, analysis

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            self._workspace = self.load()
        return self._workspace

    def run(self) -> CheckResults:
        """Each result asked for: read from the cache, else brought up to date from the base's, else
        computed (validation and analysis side by side when both are), and then kept."""
        with collector_paused():
            try:
                return self._run()
            finally:
                self._take_early_places()

    def _run(self) -> CheckResults:
        checked = self.checked
        validation = self._read("validation", checked.validation_key, _report_from)  # (report, places)
        analysis = self._read("analysis", checked.analysis_key, _analysis_from)  # (analysed, places, locations)
        checked.cached = tuple(name for name, value in (("validation", validation), ("analysis", analysis)) if value)
        need_validation = checked.validation_key is not None and validation is None
        need_analysis = checked.analysis_key is not None and analysis is None
        if self.base is not None and (need_validation or need_analysis):
            updated = self._update_beside_model(need_validation, need_analysis)
            if updated[0] is not None:
                validation, need_validation = updated[0], False
                checked.updated += ("validation",)
                self._write(checked.validation_key, _report_to(*validation))
            if updated[1] is not None:
                (analysis, self.memo), need_analysis = updated[1], False
                checked.updated += ("analysis",)
                self._write(checked.analysis_key, _analysis_to(*analysis))
                self.store.write("check-memo", checked.analysis_key, self.memo)
        if need_analysis and self.options.locate and self._workspace is None:
            self._read_places_early()
        if need_validation or need_analysis:
            self._prepare()
        if need_validation and need_analysis and fork_workers() >= 2:
            workspace, remember, self.remember = self.workspace, self.remember, None
            if self.packed is not None:
                self.packed()  # packed while the model loaded: done by now
            pending = in_fork(lambda: _then(_with_places(workspace, self._validate()), remember))
            try:
                analysis = self._analysis()  # located too, while the validation may still run
            finally:
                validation = pending()
        else:
            if need_validation:
                validation = _with_places(self.workspace, self._validate(workers=self.options.workers))
            if need_analysis:
                analysis = self._analysis()
        if need_validation:
            self._write(checked.validation_key, _report_to(*validation))
        if analysis is not None and self.options.locate and analysis[2] is None:  # an entry made unlocated
            analysis = (*analysis[:2], self._locate(analysis[0][0]))
            need_analysis = True
        if need_analysis:
            self._write(checked.analysis_key, _analysis_to(*analysis))
        places = {**(validation[1] if validation else {}), **(analysis[1] if analysis else {})}
        if self.remember is not None:
            self.remember()
        findings, coverage = analysis[0] if analysis else (None, None)
        if findings is not None and self.options.locate:
            findings = [replace(f, location=location) for f, location in zip(findings, analysis[2])]
        return CheckResults(validation[0] if validation else None, findings, coverage, checked, places)

    def _analysis(self) -> tuple:
        """The analysis computed, as an entry keeps it: ``(analysed, places, locations)`` (locations
        None when not asked), its memo kept for the next incremental check."""
        analysed = self._analyse()
        self.store.write("check-memo", self.checked.analysis_key, self.memo)
        return (analysed, blank_places(self.workspace, analysed[0]),
                self._locate(analysed[0]) if self.options.locate else None)

    def _locate(self, findings: Sequence[Finding]) -> "list[Location | None]":
        """Where each finding's subject is written (:func:`locate`), with the places read early."""
        self._take_early_places()
        return locate(self.workspace, findings)

    def _update(self, need_validation: bool, need_analysis: bool):
        """The base's validation and analysis (those asked for) brought up to date for the files that
        differ (:mod:`eagraph.check.incremental`), each with its blank nodes' places; None for what
        must be computed whole."""
        from eagraph.workspace import ModelSyntaxError

        from . import incremental

        base = self.base
        changed = incremental.changed_files(base, self.config, self.files)
        if self.view or not incremental.small_change(changed, self.files) or \
                _settings(base.config) != _settings(self.config):
            return None, None
        validation_key, analysis_key = self._keys(base.config, base.files)
        old_validation = self._read("validation", validation_key, _report_from) if need_validation else None
        old_analysis = self._read("analysis", analysis_key, _analysis_from) if need_analysis else None
        memo = self.store.read("check-memo", analysis_key) if old_analysis is not None else None
        if old_validation is None and old_analysis is None:
            return None, None
        try:
            part = incremental.load_part(self.config, self.files, base, changed,
                                         options=self.options.validation or ValidationOptions(),
                                         cache=self.options.cache, mentions=self.mentions)
        except ModelSyntaxError:  # a changed file does not parse: the whole check reports it
            return None, None
        if part is None:
            return None, None
        self.checked.loaded = len(part.workspace.files)
        validation = analysis = None
        if old_validation is not None:
            validation = incremental.validate_part(part, *old_validation, self.options.validation)
        if old_analysis is not None:
            run = incremental.Analysis(self.kinds, self.options.min_score, self._prepared, self.model)
            analysis = incremental.update_analysis(part, old_analysis, memo if isinstance(memo, dict) else None, run)
            self.model = self.model or run.model  # built for the kinds run on the whole changed model
            self.checked.analysed = run.ran if analysis is not None else {}
        return validation, analysis

    def _update_beside_model(self, need_validation: bool, need_analysis: bool):
        """:meth:`_update`, in a forked process while this one builds the analysis model, when the
        caller keeps the model (the site renders from it) and a loaded model: an incremental check
        builds none, and after it the model was built on one core while the other idled (2 and 4.5 s
        one after the other at 10,000 services). When the update cannot be made, the whole check
        that follows uses the model built here."""
        if not self.keep_model or self.model is not None or self._workspace is None or fork_workers() < 2:
            return self._update(need_validation, need_analysis)
        from eagraph.analyses.model import AnalysisModel

        self._prepare()  # the files' graphs merged once, before the fork: not in both processes

        def update():
            updated = self._update(need_validation, need_analysis)
            return updated, self.checked.loaded, self.checked.analysed

        pending = in_fork(update)
        try:
            model = AnalysisModel.build(self.workspace, spare_core=True)  # the update is short
        finally:
            updated, self.checked.loaded, self.checked.analysed = pending()
        self.model = model
        return updated

    def _prepared(self) -> Workspace:
        """The model loaded whole and prepared (:meth:`_prepare`): for the kinds an incremental check runs."""
        self._prepare()
        return self.workspace

    def _prepare(self) -> None:
        """The eag: concepts in the store (validation needs them, and the analyses' messages name
        them by their labels) and the files' graphs merged, once, before any fork: not once in each
        process."""
        from eagraph.ontology import ensure_ontology

        workspace = self.workspace
        if self.early_places is not None and ready(self.early_places):
            self._take_early_places()  # read by now: the merge below learns from them which subjects files share
        ensure_ontology(workspace)
        workspace.query("ASK { ?s ?p ?o }")  # the first query merges the files' graphs

    def _read_places_early(self) -> None:
        """Start reading where the subjects of every file are written, by a process forked while this
        one loads the model, on the core the load leaves idle (at 10,000 services it reads them in
        about 2.4 s, the load takes 3.5): the check then locates its findings reading nothing more
        (reading the thousand files with findings took 0.7-1 s at the end, with nothing to overlap
        it), and the first query's merge knows which subjects two files share without reading every
        statement of the store (0.6 s, on the one core used then), when the places are there by then.
        For an analysis only: a validation alone locates few findings, and where the other core was
        busy (another program's) the 2.4 s read cost ``validate`` more than the merge saved (1.1-1.8 s
        of wall time in four runs at 10,000 services, where at rest it saves about 0.5 s)."""
        from eagraph.workspace.workspace import subject_places_of

        files = self.files
        if files and fork_workers() >= 2:
            config = self.config
            self.early_places = in_fork(lambda: subject_places_of(files, config))

    def _take_early_places(self) -> None:
        """The places read early (:meth:`_read_places_early`), kept by the workspace; taken whatever
        happens, or the process that read them would wait to send them for ever."""
        early, self.early_places = self.early_places, None
        if early is None:
            return
        try:
            places = early()
        except Exception:  # noqa: BLE001 -- only time is lost: locate reads those files itself
            return
        if self._workspace is not None:
            self._workspace.keep_subject_places(places)

    def _validate(self, workers: int = 1) -> "ValidationReport":
        from eagraph.validators.validate import validate

        return validate(self.workspace, self.options.validation, workers=workers)

    def _analyse(self) -> "tuple[list[Finding], list[Coverage]]":
        from eagraph.analyses.model import AnalysisModel
        from eagraph.analyses.registry import analyze, coverage

        from .incremental import memo_of

        apart, apart_memo = self._start_apart()
        labels: dict[str, set[str]] = {}
        try:
            model = self.model = self.model or AnalysisModel.build(self.workspace)
            findings = analyze(self.workspace, self.kinds, self.options.min_score, model=model, locate=False,
                               apart=apart, labels=labels)
        except BaseException:
            for wait in apart.values():  # what the fork sends is taken, or it would wait to send it for ever
                with contextlib.suppress(Exception):
                    wait()
            raise
        self.memo = memo_of(model, labels, apart_memo())
        model.notes.clear()  # the memo holds what the kinds noted; the model may live on (the site's)
        return findings, coverage(model, self.kinds)

    def _start_apart(self) -> "tuple[dict[str, Callable[[], list[Finding]]], Callable[[], dict | None]]":
        """The kinds of :data:`APART` that this analysis runs, started in a forked process (where two
        cores are there) on the model when there is one, else on a model of the labels alone: their
        findings, by kind, each as the function that waits for them (see ``registry.analyze``), and
        the function that gives what they leave the next incremental check (``incremental.memo_of``)."""
        from eagraph.analyses.model import AnalysisModel
        from eagraph.analyses.registry import naming, runs

        from .incremental import memo_of

        kinds = [kind for kind in runs(self.kinds) if kind.name in APART]
        if not kinds or fork_workers() < 2:
            return {}, lambda: None
        workspace, model = self.workspace, self.model

        def run_apart() -> tuple[dict[str, list[Finding]], dict]:
            used = model or AnalysisModel.labelled(workspace, {APART[kind.name] for kind in kinds})
            labels: dict[str, set[str]] = {}
            found = {kind.name: naming(kind, used, labels) for kind in kinds}
            return found, memo_of(used, labels)  # the memo is a plain value; the model's notes are not

        pending = in_fork(run_apart)
        results: list = []

        def result() -> tuple[dict[str, list[Finding]], dict]:
            if not results:
                results.append(pending())
            return results[0]
        return ({kind.name: functools.partial(lambda name: result()[0][name], kind.name) for kind in kinds},
                lambda: result()[1])

    def _read(self, name: str, key: str | None, decode: Callable[[object], T]) -> T | None:
        if key is None:
            return None
        value = self.store.read("check", key)
        if value is None:
            return None
        try:
            return decode(value)
        except (TypeError, ValueError, KeyError, IndexError):  # an entry of another shape: a miss
            return None

    def _write(self, key: str, value: object) -> None:
        self.store.write("check", key, value)


def locate(workspace: Workspace, findings: Sequence[Finding]) -> "list[Location | None]":
    """Where each finding's subject is written (its own location when it has one): the files that
    describe those subjects are read first, all at once, by one process per core, for where their
    subjects start, not for every statement's position (:meth:`~eagraph.workspace.workspace.Workspace.
    subject_places`; at 10,000 services a thousand files have findings, and parsing them for every
    statement's position took 5 s in two processes)."""
    from eagraph.workspace.workspace import term_key

    todo = {term_key(f.subject) for f in findings if f.location is None and not f.subject.startswith("_:")}
    files = {model_file.relpath: model_file for key in todo for model_file in workspace.files_describing(key)}
    workspace.read_subject_places(list(files.values()))
    return [f.location or workspace.locate(f.subject) for f in findings]


def _then(value: T, then: Callable[[], None] | None) -> T:
    """``value``, once ``then`` (when given) is done."""
    if then is not None:
        then()
    return value


def _with_places(workspace: Workspace, report: "ValidationReport"):
    return report, blank_places(workspace, report.findings)


def blank_places(workspace: Workspace, findings: Sequence[Finding]) -> dict[str, tuple[str, str]]:
    """For the findings about blank nodes: where each such node hangs (see ``CheckResults.blank_places``)."""
    labels = {f.subject for f in findings if f.subject.startswith("_:")}
    if not labels:
        return {}
    from eagraph.workspace.blanks import blank_names, holders

    triples = file_statements(workspace)
    names = blank_names(triples)
    owners = holders({(names.get(s, s), p, names.get(o, o)) for s, p, o in triples})
    return {label: owners.get(names[label], (names[label], "")) for label in labels if label in names}


def file_statements(workspace: Workspace) -> list[tuple[str, str, str]]:
    """The statements of the model's files as N-Triples terms (not of vocabularies a command added)."""
    import pyoxigraph as ox

    graphs = {ox.NamedNode(f.source.graph) for f in workspace.files}
    return [(str(q.subject), str(q.predicate), str(q.object))
            for q in workspace.store.quads_for_pattern(None, None, None, None) if q.graph_name in graphs]


# Keys -------------------------------------------------------------------------------------------

def _digest(*parts: object) -> str:
    text = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()


def _file_digest(path: Path) -> str:
    """A file's content digest; a file that cannot be read keys as such (the check then reports it)."""
    try:
        return hashlib.blake2b(Path(path).read_bytes(), digest_size=16).hexdigest()
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"


def _model_key(config, files: dict[str, tuple[str, str, str]]) -> str:
    """The key of a model's files (relative path -> digest, format, base IRI) under ``config``."""
    from eagraph.ontology import ONTOLOGY_PATH

    return _digest(CHECK_FORMAT, __version__, sorted(config.languages), config.base, _file_digest(ONTOLOGY_PATH),
                   sorted((path, *row) for path, row in files.items()))


def _file_rows(config, files) -> dict[str, tuple[str, str, str]]:
    from .incremental import file_row

    return {f.relpath: file_row(config, f) for f in files}


def _settings(config) -> list:
    """What of a model's configuration decides its results, by content (two versions of a model
    with the same settings differ only by their files)."""
    return [sorted(config.languages), config.base, config.burden, list(config.suppress),
            [_file_digest(p) for p in config.shapes]]


def _validation_inputs(config, options: "ValidationOptions") -> list:
    """Everything besides the model that decides a validation's findings: each by content."""
    from eagraph.validators.profiles import SHIPPED_DIR, get_profile
    from eagraph.validators.shape_reader import CONTRACT_SHAPES

    profiles = []
    for name in options.profiles:
        shapes, vocabularies = get_profile(name).files(options.profile_dir or SHIPPED_DIR)  # unknown: its error
        profiles.append([name, [_file_digest(p) for p in [*shapes, *vocabularies]]])
    return [_file_digest(CONTRACT_SHAPES), [_file_digest(p) for p in [*config.shapes, *options.extra_shapes]],
            list(config.suppress), profiles,
            _file_digest(options.baseline) if options.baseline is not None else None,
            sorted(options.only_nodes) if options.only_nodes is not None else None]


# Entries: plain values that marshal writes --------------------------------------------------------

def _location_to(location: Location | None):
    return None if location is None else (location.file, location.line, location.column)


def _location_from(value) -> Location | None:
    return None if value is None else Location(*value)


def _finding_to(f: Finding) -> tuple:
    return (f.code, int(f.severity), f.subject, dict(f.message), tuple(f.related), f.path, f.value, f.score,
            _location_to(f.location), _location_to(f.statement), f.source, _savings_to(f.savings), dict(f.extra))


def _finding_from(value) -> Finding:
    code, severity, subject, message, related, path, value_, score, location, statement, source, savings, extra = value
    return Finding(code, Severity(severity), subject, message, tuple(related), path, value_, score,
                   _location_from(location), _location_from(statement), source, savings=_savings_from(savings),
                   extra=extra)


def _savings_to(savings: Savings | None):
    """Exact decimals as text, so that a cached finding saves to the cent what a computed one does."""
    if savings is None:
        return None
    return (str(savings.hours), str(savings.euros), str(savings.assumed_share), savings.non_take_up)


def _savings_from(value) -> Savings | None:
    if value is None:
        return None
    hours, euros, share, non_take_up = value
    return Savings(Decimal(hours), Decimal(euros), Decimal(share), non_take_up)


def _rule_to(rule: RuleInfo) -> tuple:
    return (rule.code, rule.name, int(rule.severity), rule.summary, rule.help, rule.since)


def _rule_from(value) -> RuleInfo:
    code, name, severity, summary, help_, since = value
    return RuleInfo(code, name, Severity(severity), summary, help_, since)


def _report_to(report: "ValidationReport", places: dict) -> tuple:
    return ([_finding_to(f) for f in report.findings], {code: _rule_to(r) for code, r in report.rules.items()},
            report.suppressed, report.baselined, report.checked_constraints, list(report.notes), places)


def _report_from(value) -> "tuple[ValidationReport, dict]":
    from eagraph.validators.validate import ValidationReport

    findings, rules, suppressed, baselined, constraints, notes, places = value
    return (ValidationReport([_finding_from(f) for f in findings],
                             {code: _rule_from(r) for code, r in rules.items()},
                             suppressed, baselined, constraints, list(notes)), dict(places))


def _analysis_to(analysed, places: dict, locations: "list[Location | None] | None") -> tuple:
    findings, coverage = analysed
    return ([_finding_to(f) for f in findings],
            [(c.kind, c.have, c.total, c.unit, c.needs) for c in coverage], places,
            None if locations is None else [_location_to(location) for location in locations])


def _analysis_from(value):
    from eagraph.analyses.coverage import Coverage

    findings, coverage, places, locations = value
    return (([_finding_from(f) for f in findings], [Coverage(*c) for c in coverage]), dict(places),
            None if locations is None else [_location_from(location) for location in locations])


