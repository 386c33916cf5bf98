"""Initiatives and the findings of time: ``initiative-overdue`` and ``unowned-backlog``.

An initiative (``eag:Initiative``, an ArchiMate work package) says what changes, by when, owned by
whom, with a status, and which findings it resolves (``eag:resolves`` a node of ``eag:findingKind``
and ``eag:findingSubject``). Two kinds read them:

- ``initiative-overdue``: past its ``eag:dueDate`` on the date the model is read as of, and neither
  done nor cancelled;
- ``unowned-backlog``: a finding of another kind that no open initiative names, ranked by that
  finding's own benefit. It is a *review* kind (see :class:`~eagraph.analyses.kind.Kind`): ``analyze``
  hands it the other kinds' findings once they are computed.

Initiatives are read with SPARQL from the workspace (the AnalysisModel keeps only what the
structural kinds need), so both kinds also run on a bare workspace or store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pyoxigraph as ox

from eagraph.findings import Finding, Severity

from .coverage import Coverage
from .kind import Kind, Reads
from .model import EAG, RDF_TYPE, node_key, query_function, workspace_of
from .wording import messages, name, quote

INITIATIVE = EAG + "Initiative"
DONE = EAG + "Done"
CANCELLED = EAG + "Cancelled"
#: Every property :func:`read_initiatives` reads, besides the type.
READS = frozenset({EAG + p for p in ("dueDate", "initiativeStatus", "initiativeOwner", "affects", "resolves",
                                     "findingKind", "findingSubject")})
#: The statuses' names in the messages (the ontology's labels, kept here so a message needs no store).
STATUS_WORDS = {
    EAG + "NotStarted": {"en": "not started", "nl": "niet gestart", "fr": "pas commencée"},
    EAG + "InProgress": {"en": "in progress", "nl": "lopend", "fr": "en cours"},
    DONE: {"en": "done", "nl": "klaar", "fr": "terminée"},
    CANCELLED: {"en": "cancelled", "nl": "stopgezet", "fr": "abandonnée"},
}
NO_STATUS = {"en": "no status", "nl": "geen status", "fr": "sans statut"}
#: Score of an initiative overdue by a day; it grows to 1 at two years late.
OVERDUE_BASE, OVERDUE_FULL_DAYS = 0.2, 730


@dataclass(frozen=True)
class Initiative:
    """What the kinds need to know of one ``eag:Initiative``."""

    iri: str
    due: date | None = None
    status: str | None = None
    owners: tuple[str, ...] = ()
    affects: tuple[str, ...] = ()
    #: the findings it resolves, as (kind, subject)
    resolves: frozenset[tuple[str, str]] = frozenset()

    @property
    def open(self) -> bool:
        """Neither done nor cancelled: it still owns the findings it names, and can be late."""
        return self.status not in (DONE, CANCELLED)


def read_initiatives(source) -> list[Initiative]:
    """Every initiative of the model (a Workspace, an AnalysisModel keeping one, or a store), by IRI.

    A due date that is not a date (validation reports it) counts as none; of several statuses the
    first in IRI order is kept, so the result does not depend on the store's order."""
    query = query_function(source)
    facts: dict[str, dict] = {}
    for row in query(f"""SELECT ?i ?p ?o WHERE {{ ?i a <{INITIATIVE}> .
            OPTIONAL {{ VALUES ?p {{ <{EAG}dueDate> <{EAG}initiativeStatus> <{EAG}initiativeOwner> <{EAG}affects> }}
                        ?i ?p ?o }} }}"""):
        iri, p, o = node_key(row[0]), row[1], row[2]
        found = facts.setdefault(iri, {"due": [], "status": [], "owners": [], "affects": [], "resolves": set()})
        if p is None:
            continue
        key = {"dueDate": "due", "initiativeStatus": "status", "initiativeOwner": "owners",
               "affects": "affects"}[p.value[len(EAG):]]
        found[key].append(o.value if isinstance(o, ox.Literal) else node_key(o))
    for row in query(f"""SELECT ?i ?k ?s WHERE {{ ?i a <{INITIATIVE}> ; <{EAG}resolves> ?r .
            ?r <{EAG}findingKind> ?k ; <{EAG}findingSubject> ?s }}"""):
        if node_key(row[0]) in facts:
            facts[node_key(row[0])]["resolves"].add((row[1].value, node_key(row[2])))
    return [Initiative(iri, due=_first_date(f["due"]), status=min(f["status"], default=None),
                       owners=tuple(sorted(set(f["owners"]))), affects=tuple(sorted(set(f["affects"]))),
                       resolves=frozenset(f["resolves"]))
            for iri, f in sorted(facts.items())]


def _first_date(values: Sequence[str]) -> date | None:
    dates = []
    for value in values:
        try:
            dates.append(date.fromisoformat(value))
        except ValueError:
            continue
    return min(dates, default=None)


def reference_date(source) -> date:
    """The date the model is read as of: the workspace's ``as_of`` where ``--as-of`` set one, else today."""
    return getattr(workspace_of(source), "as_of", None) or date.today()


def _label(model, node: str, language: str) -> str:
    return quote(name(model, node, language), language)


# -- initiative-overdue --------------------------------------------------------------------------
def overdue_initiatives(model, kind: Kind) -> list[Finding]:
    """Initiatives past their due date (before the reference date) that are neither done nor cancelled."""
    today = reference_date(model)
    findings = []
    for initiative in read_initiatives(model):
        if not initiative.open or initiative.due is None or initiative.due >= today:
            continue
        late = (today - initiative.due).days
        status = STATUS_WORDS.get(initiative.status or "", NO_STATUS)

        def say(language, initiative=initiative, late=late, status=status):
            name, due = _label(model, initiative.iri, language), initiative.due.isoformat()
            return {"en": f"Initiative {name} was due on {due} ({late} days ago) and is {status['en']}: "
                          f"finish it, or plan it again with a new eag:dueDate.",
                    "nl": f"Initiatief {name} moest klaar zijn op {due} ({late} dagen geleden) en is "
                          f"{status['nl']}: rond het af, of plan het opnieuw met een nieuwe eag:dueDate.",
                    "fr": f"L'initiative {name} devait être terminée le {due} (il y a {late} jours) et est "
                          f"{status['fr']} : terminez-la, ou replanifiez-la avec une nouvelle eag:dueDate."}[language]

        score = OVERDUE_BASE + (1 - OVERDUE_BASE) * min(1.0, late / OVERDUE_FULL_DAYS)
        findings.append(kind.finding(initiative.iri, (*initiative.owners, *initiative.affects), messages(say),
                                     score, due=initiative.due.isoformat(), days_late=late))
    return findings


def overdue_coverage(model) -> Coverage:
    initiatives = read_initiatives(model)
    return Coverage("initiative-overdue", sum(1 for i in initiatives if i.due is not None), len(initiatives),
                    "initiatives (eag:Initiative)", "have a due date (eag:dueDate)")


# -- unowned-backlog -----------------------------------------------------------------------------
def unowned_backlog(model, kind: Kind, findings: Sequence[Finding]) -> list[Finding]:
    """The findings (not about an initiative) whose kind and subject no open initiative resolves.

    Nothing in a model without initiatives: there the whole list is the backlog, and the other
    kinds already report it (the coverage says the kind is blind)."""
    initiatives = read_initiatives(model)
    if not initiatives:
        return []
    owned = {pair for initiative in initiatives if initiative.open for pair in initiative.resolves}
    about_initiatives = {initiative.iri for initiative in initiatives}
    backlog = []
    for finding in findings:
        if finding.code == kind.name or finding.subject in about_initiatives:
            continue
        if (finding.code, finding.subject) in owned:
            continue

        def say(language, finding=finding):
            what = finding.message.get(language) or finding.message.get("en", "")
            code = finding.code
            return {"en": f"No open initiative resolves this {code} finding (eag:resolves): {what}",
                    "nl": f"Geen lopend initiatief lost deze bevinding {code} op (eag:resolves): {what}",
                    "fr": f"Aucune initiative ouverte ne résout ce constat {code} (eag:resolves) : {what}"}[language]

        backlog.append(kind.finding(finding.subject, finding.related, messages(say), finding.score or 0.0,
                                    location=finding.location, finding_kind=finding.code))
    return backlog


def backlog_alone(model, kind: Kind) -> list[Finding]:
    """``unowned-backlog`` called on its own: the other kinds' findings computed here first."""
    from .registry import analyze, kinds

    workspace = workspace_of(model)
    others = [name for name, other in kinds().items() if other.review is None]
    return unowned_backlog(model, kind, analyze(workspace, others, model=model if hasattr(model, "label") else None,
                                                locate=workspace is not None))


def backlog_coverage(model) -> Coverage:
    initiatives = read_initiatives(model)
    return Coverage("unowned-backlog", sum(1 for i in initiatives if i.open and i.resolves), len(initiatives),
                    "initiatives (eag:Initiative)",
                    "are open and name the findings they resolve (eag:resolves, eag:findingKind, eag:findingSubject)")


INITIATIVE_OVERDUE = Kind(
    name="initiative-overdue", severity=Severity.WARNING, run=overdue_initiatives, coverage=overdue_coverage,
    since="0.2.0", reads=Reads(READS | {RDF_TYPE}),
    summary="An initiative past its due date that is neither done nor cancelled.",
    help="""**What it finds.** An `eag:Initiative` whose `eag:dueDate` is before the date the model is read as
of (today, or the date `--as-of` gives) and whose `eag:initiativeStatus` is neither `eag:Done` nor
`eag:Cancelled` (no status counts as open). `related` lists its owner (`eag:initiativeOwner`) and what it
affects (`eag:affects`). The score grows with the delay: 0.2 a day late, 1 at two years.

**Why it matters.** The target architecture and the findings the initiative resolves count on it: a plan
whose dates have passed no longer says when anything will change.

**What to do.** Finish it and set `eag:initiativeStatus eag:Done`, or plan it again with a new `eag:dueDate`,
or cancel it (`eag:Cancelled`), so that the findings it named show up again as backlog.""")

UNOWNED_BACKLOG = Kind(
    name="unowned-backlog", severity=Severity.INFO, run=backlog_alone, review=unowned_backlog,
    coverage=backlog_coverage, since="0.2.0",
    summary="A finding that no open initiative resolves: the backlog nobody owns, ranked by its benefit.",
    help="""**What it finds.** Every finding of the other kinds (except those about an initiative) whose kind and
subject no open initiative names: no `eag:Initiative` with a status other than `eag:Done` or `eag:Cancelled`
has `eag:resolves [ eag:findingKind "<kind>" ; eag:findingSubject <subject> ]`. The finding keeps its subject,
related IRIs and score (its benefit, as its own kind ranks it); its message names that finding's kind. Only
in a model with at least one initiative: without a plan, the whole list is the backlog. It repeats findings,
so it runs only when named: `eagraph analyze --kind unowned-backlog`.

**Why it matters.** What to simplify first is only half the question; the other half is whether anyone is on
it. The backlog nobody owns, best first, is where a programme manager looks for the next initiative.

**What to do.** Give the finding to an initiative that will fix it (`eag:resolves`), or start one.""")

KINDS: tuple[Kind, ...] = (INITIATIVE_OVERDUE, UNOWNED_BACKLOG)
