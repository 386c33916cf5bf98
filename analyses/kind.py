"""What a finding kind is: its name, severity, documentation and function, stated once.

A kind's function never states its own name or severity: it receives its :class:`Kind` and makes
every finding with :meth:`Kind.finding`, so a finding's ``code`` and ``severity`` are always those
its kind declares (the SARIF rules, ``--list-kinds`` and the docs say the same as the findings).
The kinds themselves are listed in ``registry.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eagraph.findings import Finding, RuleInfo, Severity

if TYPE_CHECKING:  # pragma: no cover
    from eagraph.workspace import Location

    from .coverage import Coverage
    from .model import AnalysisModel

#: ``Finding.source`` of every analysis finding.
SOURCE = "analysis"


@dataclass(frozen=True)
class Reads:
    """The statements a kind's findings and coverage are computed from, apart from the labels its
    messages name (those are recorded as it runs): the properties it reads of any subject, and
    those it reads only of the subjects of one class (a service's title is not a concept's label).
    The incremental check (:mod:`eagraph.check.incremental`) reuses a kind's findings when a change
    touches none of these; ``tests/test_incremental.py`` holds each declaration."""

    anywhere: frozenset[str]
    #: class IRI -> the properties read of its instances only
    of_class: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def __or__(self, other: "Reads") -> "Reads":
        classes = {cls: self.of_class.get(cls, frozenset()) | other.of_class.get(cls, frozenset())
                   for cls in {**self.of_class, **other.of_class}}
        return Reads(self.anywhere | other.anywhere, classes)

    @property
    def predicates(self) -> frozenset[str]:
        """Every property read, of whatever subject."""
        return self.anywhere.union(*self.of_class.values())

    def touched(self, statements: Iterable[tuple[str, str]], types: Callable[[str], set[str]]) -> bool:
        """Whether a change of these (subject, property) statements can change what is read; ``types``
        gives a subject's classes (a blank node's statements, named ``_:``, count as any class's)."""
        for subject, predicate in statements:
            if predicate in self.anywhere:
                return True
            classes = [cls for cls, read in self.of_class.items() if predicate in read]
            if classes and (subject.startswith("_:") or not types(subject).isdisjoint(classes)):
                return True
        return False


@dataclass(frozen=True)
class Kind:
    """One finding kind: declared once, documented once.

    ``run(model, kind)`` receives the shared :class:`AnalysisModel` (or, for the kinds that read the
    store directly, a workspace) and this kind, and returns findings made with :meth:`finding`:
    ``subject``, ``related``, ``message`` (en, nl, fr) and a ``score`` in [0, 1] (the expected
    benefit; ``analyze`` weighs it by :attr:`directness` and fills in ``location``).
    """

    name: str  # the contract's kind name, e.g. "only-once-violation"
    summary: str  # one sentence, English
    help: str  # Markdown: what it finds, why it matters, what to do
    severity: Severity  # INFO or WARNING: the severity of every finding of this kind
    run: Callable[["AnalysisModel", "Kind"], list[Finding]]
    since: str = "0.1.0"
    #: How directly fixing a finding of this kind relieves citizens and businesses, in (0, 1]: the
    #: score is its benefit (cases, authorities, items) times this. An only-once violation fixed is
    #: a form less; a definition harmonised or a platform shared only makes later simplification
    #: possible, so it ranks below a direct gain of the same size.
    directness: float = 1.0
    #: What the kind needs and how much of the model has it (see coverage.py): zero findings on
    #: zero coverage is no data, not all clear.
    coverage: Callable[["AnalysisModel"], "Coverage"] | None = None
    #: A kind about the other kinds' findings (the backlog nobody owns): ``analyze`` runs it after
    #: all the others, with their findings scored as reported, ``review(model, kind, findings)``,
    #: so nothing is computed twice. Its ``run`` computes those findings itself, for a call alone.
    #: A review repeats findings, so it runs only when named (``--kind``), never by default.
    review: Callable[["AnalysisModel", "Kind", Sequence[Finding]], list[Finding]] | None = None
    #: What its findings and coverage are computed from (None: anything an analysis reads).
    reads: Reads | None = None

    def findings(self, model) -> list[Finding]:
        """This kind's findings on ``model`` (an AnalysisModel, or a workspace where the kind reads the store)."""
        return self.run(model, self)

    def finding(self, subject: str, related: Iterable[str], message: Mapping[str, str], score: float, *,
                location: "Location | None" = None, **extra) -> Finding:
        """A finding of this kind: its code and severity are the kind's, ``related`` without repeats."""
        return Finding(code=self.name, severity=self.severity, subject=subject, message=message,
                       related=tuple(dict.fromkeys(related)), score=score, location=location, source=SOURCE,
                       extra=extra)

    @property
    def rule_info(self) -> RuleInfo:
        """What the reporters need to know of this kind (SARIF rules, help)."""
        return RuleInfo(code=self.name, name=self.name, severity=self.severity, summary=self.summary,
                        help=self.help, since=self.since)
