"""The registry of finding kinds: each kind declared once, with its documentation and its function.

A kind is a :class:`Kind`: its fixed name (the contract's, e.g. ``only-once-violation``), a
one-sentence summary, a Markdown help text (what it finds, why it matters, what to do), a default
severity and the function ``(AnalysisModel) -> list[Finding]`` that computes it. The docs page,
``eagraph analyze --help`` and the SARIF rules are all generated from these entries.

Kinds come from the modules listed in :data:`KIND_MODULES`; each exposes ``KINDS: list[Kind]``.
A module that is not there (yet) is skipped, so a kind can be added by adding one module::

    from eagraph.analyses.registry import Kind
    from eagraph.findings import Severity

    KINDS = [Kind(name="duplicate-service", summary="…", help="…", severity=Severity.INFO, run=find_duplicates)]

:func:`analyze` builds one :class:`~eagraph.analyses.model.AnalysisModel`, runs the chosen kinds on
it, locates each finding's subject in the model files and ranks the findings by expected benefit.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eagraph.findings import Finding, RuleInfo, Severity

if TYPE_CHECKING:  # pragma: no cover
    from eagraph.workspace import Workspace

    from .coverage import Coverage
    from .model import AnalysisModel

#: The modules that declare kinds, in the order their kinds are listed.
KIND_MODULES: tuple[str, ...] = (
    "eagraph.analyses.rules",
    "eagraph.analyses.duplicates",
    "eagraph.analyses.harmonisation",
)

#: ``Finding.source`` of every analysis finding.
SOURCE = "analysis"


@dataclass(frozen=True)
class Kind:
    """One finding kind: declared once, documented once.

    ``run`` receives the shared :class:`AnalysisModel` and returns findings with ``code`` = ``name``,
    ``severity``, ``subject``, ``related``, ``message`` (en, nl, fr) and a ``score`` in [0, 1]
    (the expected benefit; :func:`analyze` fills in ``location`` and ``source``).
    """

    name: str  # the contract's kind name, e.g. "only-once-violation"
    summary: str  # one sentence, English
    help: str  # Markdown: what it finds, why it matters, what to do
    severity: Severity  # default severity: INFO or WARNING
    run: Callable[["AnalysisModel"], list[Finding]]
    since: str = "0.1.0"
    #: How directly fixing a finding of this kind relieves citizens and businesses, in (0, 1]: the
    #: score is its benefit (cases, authorities, items) times this. An only-once violation fixed is
    #: a form less; a definition harmonised or a platform shared only makes later simplification
    #: possible, so it ranks below a direct gain of the same size.
    directness: float = 1.0
    #: What the kind needs and how much of the model has it (see coverage.py): zero findings on
    #: zero coverage is no data, not all clear.
    coverage: Callable[["AnalysisModel"], "Coverage"] | None = None

    @property
    def rule_info(self) -> RuleInfo:
        """What the reporters need to know of this kind (SARIF rules, help)."""
        return RuleInfo(code=self.name, name=self.name, severity=self.severity, summary=self.summary,
                        help=self.help, since=self.since)


def kinds() -> dict[str, Kind]:
    """Every registered kind by name, in declaration order."""
    found: dict[str, Kind] = {}
    for module_name in KIND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:  # the module exists but one of its imports is missing
                raise
            continue
        for kind in getattr(module, "KINDS", ()):
            if kind.name in found:
                raise ValueError(f"finding kind {kind.name!r} is declared twice")
            found[kind.name] = kind
    return found


def rule_infos(names: Iterable[str] | None = None) -> dict[str, RuleInfo]:
    """The :class:`RuleInfo` of the named kinds (all by default), for ``ReportContext.rules``."""
    known = kinds()
    return {name: known[name].rule_info for name in (names if names is not None else known)}


class UnknownKind(ValueError):
    """A kind name that no module declares."""


def select(names: Sequence[str] | None = None) -> list[Kind]:
    """The kinds named (all when ``names`` is empty or None), in declaration order."""
    known = kinds()
    if not names:
        return list(known.values())
    unknown = [name for name in names if name not in known]
    if unknown:
        raise UnknownKind(f"unknown finding kind {', '.join(unknown)}; the kinds are: {', '.join(known)}")
    wanted = set(names)
    return [kind for kind in known.values() if kind.name in wanted]


def analyze(workspace: "Workspace", kinds: Sequence[str] | None = None, min_score: float = 0.0,
            *, model: "AnalysisModel | None" = None, locate: bool = True) -> list[Finding]:
    """Run the chosen kinds (all by default) on one model build; ranked, best first.

    Findings with a score below ``min_score`` are left out. The order is by score (the expected
    benefit: cases a year, authorities involved, evidence saved, weighed by how directly the kind
    relieves citizens), then kind and subject, so the same model always gives the same list.
    """
    from .model import AnalysisModel

    chosen = select(kinds)
    if model is None:
        model = AnalysisModel.build(workspace)
    findings: list[Finding] = []
    for kind in chosen:
        for finding in kind.run(model):
            score = (finding.score if finding.score is not None else 0.0) * kind.directness
            if score < min_score:
                continue
            findings.append(replace(
                finding, score=round(min(1.0, max(0.0, score)), 4), source=SOURCE,
                location=(finding.location or workspace.locate(finding.subject)) if locate else finding.location))
    return rank(findings)


def coverage(model: "AnalysisModel", kinds: Sequence[str] | None = None) -> list["Coverage"]:
    """What each chosen kind (all by default) needs and how much of the model has it, in kind order."""
    return [kind.coverage(model) for kind in select(kinds) if kind.coverage is not None]


def rank(findings: Iterable[Finding]) -> list[Finding]:
    """Best first: highest score, then kind and subject (deterministic)."""
    return sorted(findings, key=lambda f: (-(f.score or 0.0), f.code, f.subject, f.related))
