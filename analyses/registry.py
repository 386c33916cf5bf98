"""The registry of finding kinds: every kind, listed once, in the order reports and docs list them.

A kind is a :class:`~eagraph.analyses.kind.Kind` declared next to its function: its fixed name (the
contract's, e.g. ``only-once-violation``), a one-sentence summary, a Markdown help text (what it
finds, why it matters, what to do), its severity and the function that computes it. The docs page,
``eagraph analyze --help`` and the SARIF rules are all generated from these entries. A new kind is
one more entry in :data:`KINDS`, imported here by name: there is no discovery, so a module that
fails to import fails loudly.

:func:`analyze` builds one :class:`~eagraph.analyses.model.AnalysisModel`, runs the chosen kinds on
it, locates each finding's subject in the model files and ranks the findings by expected benefit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from eagraph.findings import Finding, RuleInfo

from . import burden, duplicates, harmonisation, initiatives, structural
from .duplicates import DUPLICATE_SERVICE
from .harmonisation import CONCEPT_HARMONISATION
from .initiatives import INITIATIVE_OVERDUE, UNOWNED_BACKLOG
from .kind import SOURCE, Kind, Reads
from .model import READS as MODEL_READS
from .savings import RULES, with_savings
from .structural import MODEL_FACTS

if TYPE_CHECKING:  # pragma: no cover
    from eagraph.workspace import Workspace

    from .coverage import Coverage
    from .model import AnalysisModel

#: Every finding kind, in the order they are listed.
KINDS: tuple[Kind, ...] = (*structural.KINDS, DUPLICATE_SERVICE, CONCEPT_HARMONISATION, INITIATIVE_OVERDUE,
                           UNOWNED_BACKLOG)

#: Every property whose statements some finding kind (or the savings of its findings) reads; a
#: change of other statements leaves every analysis finding as it was (the incremental check,
#: :mod:`eagraph.check.incremental`, relies on it; ``tests/test_incremental.py`` holds it).
ANALYSIS_READS: frozenset[str] = (MODEL_READS | duplicates.READS | harmonisation.READS | initiatives.READS
                                  | frozenset(burden.FACTS))

__all__ = ["ANALYSIS_READS", "KINDS", "SOURCE", "Kind", "UnknownKind", "analyze", "coverage", "kinds", "rank",
           "naming", "reads_of", "rule_infos", "run_kinds", "runs", "scored", "select"]

#: What the savings of a finding are computed from (savings.py: the burden model's facts and the
#: analysis model's links), read for the kinds that have a savings rule.
SAVINGS_READS = MODEL_FACTS | Reads(frozenset(burden.FACTS))


def reads_of(kind: Kind) -> Reads:
    """What ``kind``'s findings (their savings included) and coverage are computed from, labels named
    in messages aside; a kind that declares nothing reads everything any analysis reads."""
    reads = kind.reads if kind.reads is not None and kind.review is None else Reads(ANALYSIS_READS)
    return reads | SAVINGS_READS if kind.name in RULES else reads


def kinds() -> dict[str, Kind]:
    """Every registered kind by name, in declaration order."""
    found: dict[str, Kind] = {}
    for kind in KINDS:
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
    """The kinds named, in declaration order; when ``names`` is empty or None, every kind but the
    reviews (``unowned-backlog`` repeats the other kinds' findings: it runs when named)."""
    known = kinds()
    if not names:
        return [kind for kind in known.values() if kind.review is None]
    unknown = [name for name in names if name not in known]
    if unknown:
        raise UnknownKind(f"unknown finding kind {', '.join(unknown)}; the kinds are: {', '.join(known)}")
    wanted = set(names)
    return [kind for kind in known.values() if kind.name in wanted]


def runs(names: Sequence[str] | None = None) -> list[Kind]:
    """The kinds besides reviews whose findings :func:`analyze` computes for the kinds named: those
    :func:`select` chooses or, when a review (the backlog) is among them, every kind, since a
    review reads every other kind's findings, chosen or not."""
    chosen = select(names)
    return [kind for kind in (select() if any(k.review is not None for k in chosen) else chosen) if kind.review is None]


def analyze(workspace: "Workspace", kinds: Sequence[str] | None = None, min_score: float = 0.0,
            *, model: "AnalysisModel | None" = None, locate: bool = True,
            apart: "Mapping[str, Callable[[], list[Finding]]] | None" = None,
            labels: "dict[str, set[str]] | None" = None) -> list[Finding]:
    """Run the chosen kinds (all but the reviews by default) on one model build; ranked, best first.

    Findings with a score below ``min_score`` are left out. Each finding of a kind that relieves
    applicants carries its ``savings`` (savings.py: hours and euros a year, from the burden model).
    The order is :func:`rank`'s, so the same model always gives the same list. ``apart``: kinds
    computed elsewhere (another process, see check/__init__.py), by name, each with the function
    that waits for its findings: asked for once the other kinds have run here. ``labels``: filled
    with the nodes whose labels each kind run here names in its messages, by kind (see :func:`run_kinds`).
    """
    from .model import AnalysisModel

    chosen, apart = select(kinds), apart or {}
    if model is None:
        model = AnalysisModel.build(workspace)
    reviews = [kind for kind in chosen if kind.review is not None]
    first = runs(kinds)
    found = run_kinds(model, [kind for kind in first if kind.name not in apart], workspace, locate, labels)
    found.update({kind.name: scored(kind, apart[kind.name](), workspace, locate) for kind in first
                  if kind.name in apart})
    others = [finding for kind in first for finding in found[kind.name]]
    for kind in reviews:
        found[kind.name] = scored(kind, kind.review(model, kind, others), workspace, locate)
    return rank(with_savings([finding for kind in chosen for finding in found[kind.name]
                              if (finding.score or 0.0) >= min_score], workspace, model))


def run_kinds(model: "AnalysisModel", chosen: Sequence[Kind], workspace: "Workspace", locate: bool,
              labels: "dict[str, set[str]] | None" = None) -> dict[str, list[Finding]]:
    """Each of the ``chosen`` kinds' findings (no review), scored as reported; ``labels`` (when
    given) receives, per kind, the nodes whose labels its messages name (:func:`naming`)."""
    return {kind.name: scored(kind, naming(kind, model, labels), workspace, locate) for kind in chosen}


def naming(kind: Kind, model: "AnalysisModel", labels: "dict[str, set[str]] | None") -> list[Finding]:
    """``kind``'s findings on ``model``, as it makes them; ``labels`` (when given) receives, under the
    kind's name, the nodes whose labels they name (:meth:`AnalysisModel.labels_named`)."""
    if labels is None:
        return kind.findings(model)
    with model.labels_named() as named:
        found = kind.findings(model)
    labels[kind.name] = named
    return found


def scored(kind: Kind, findings: Iterable[Finding], workspace: "Workspace", locate: bool) -> list[Finding]:
    """The kind's findings as reported: score weighed by its directness and kept in [0, 1], located."""
    return [replace(finding, score=round(min(1.0, max(0.0, (finding.score or 0.0) * kind.directness)), 4),
                    location=(finding.location or workspace.locate(finding.subject)) if locate else finding.location)
            for finding in findings]


def coverage(model: "AnalysisModel", kinds: Sequence[str] | None = None) -> list["Coverage"]:
    """What each chosen kind (as :func:`select` chooses) needs and how much of the model has it, in kind order."""
    return [kind.coverage(model) for kind in select(kinds) if kind.coverage is not None]


def rank(findings: Iterable[Finding]) -> list[Finding]:
    """Best first: the findings whose euros saved a year are known, most euros first, then the others;
    within each, highest score (the expected benefit: cases a year, authorities involved, evidence
    saved, weighed by how directly the kind relieves citizens), then kind and subject (deterministic).
    Euros are what a manager budgets; the score ranks what the burden model cannot price."""
    return sorted(findings, key=lambda f: (f.savings is None, -(f.savings.euros if f.savings else 0),
                                           -(f.score or 0.0), f.code, f.subject, f.related))
