"""The pages of one language's site, as Markdown files for mkdocs, rendered from jinja2 templates.

Model text is data, never markup: templates are rendered with autoescaping, and each page body
goes into the page as finished HTML after Markdown (see :mod:`.hook`), so a title holding
``<script>``, ``*stars*`` or ``{{ jinja }}`` shows as written. The page title (the front matter
mkdocs puts in the header and the ``<title>``) is escaped the same way.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import jinja2
from markupsafe import Markup

from eagraph.analyses.impact import impact
from eagraph.findings import Finding, Severity
from eagraph.ontology import AUTHSRC, CPSV, CV, DCT, EAG, ELI, ORG, SKOS, compact, local_name

from . import charts
from .archimate import Part
from .content import SECTIONS, SiteContent
from .diagrams import Diagram, placeholder
from .escaping import escape, yaml_string
from .i18n import LANGUAGE_NAMES, Text, counted, kind_name, pick, word
from .reads import PageReads
from .viewdrawing import draw_view

TEMPLATES = Path(__file__).with_name("templates")
KIND_OF_SECTION = {"services": "service", "authorities": "authority", "events": "event", "sources": "source",
                   "regulations": "regulation", "concepts": "concept", "processes": "process",
                   "applications": "application", "capabilities": "capability",
                   "archimate": "archimate-element", "archimate-views": "archimate-view"}
TOP_FINDINGS = 25
CHART_ROWS = 15


@dataclass(frozen=True)
class EvidenceRow:
    """A piece of evidence a service needs: asked of the applicant (no ``sources``) or fetched from the
    authentic sources that hold its concepts (``evidence`` None when only the concept is required)."""
    evidence: str | None
    concepts: list[str]
    sources: list[str]


@dataclass(frozen=True)
class JourneyStep:
    """One service of a life event's journey, as its table row shows it; ``hours`` is one case's hours
    today and after the top findings, None when the burden or the cases are not known."""
    service: str
    authorities: list[str]
    granting: str | None
    asked: list[str]
    online: bool
    hours: tuple[Decimal, Decimal] | None


@dataclass(frozen=True)
class JourneyHours:
    """The hours applicants spend on a life event: all of them a year, today and after the top findings,
    and one applicant going through every service whose cases are known (None if none is)."""
    year: tuple[Decimal, Decimal]
    case: tuple[Decimal, Decimal] | None


@dataclass
class SiteFindings:
    """The findings a site shows: the analyses' (ranked) and the validation's."""

    analysis: list[Finding] = field(default_factory=list)
    validation: list[Finding] = field(default_factory=list)
    trend: list = field(default_factory=list)  # eagraph.gittools.trend.Point, oldest first
    #: the commits that changed each entity (eagraph.gittools.history.History); None: none read
    history: object = None
    #: what the analyses could see (eagraph.analyses.coverage.Coverage), as the check found it; None:
    #: not given, made from the model by the findings page
    coverage: list | None = None

    def about(self, node: str) -> list[Finding]:
        return self.by_subject.get(node, [])

    def analysis_about(self, node: str) -> list[Finding]:
        return self.analysis_by_subject.get(node, [])

    def validation_about(self, node: str) -> list[Finding]:
        return self.validation_by_subject.get(node, [])

    @cached_property
    def by_subject(self) -> dict[str, list[Finding]]:
        return _by_subject([*self.analysis, *self.validation])

    @cached_property
    def analysis_by_subject(self) -> dict[str, list[Finding]]:
        return _by_subject(self.analysis)

    @cached_property
    def validation_by_subject(self) -> dict[str, list[Finding]]:
        return _by_subject(self.validation)


def _capitalised(words: str) -> str:
    """A table's row label from a word the charts use in a sentence ("only-once violations")."""
    return words[:1].upper() + words[1:]


def _by_subject(findings: list[Finding]) -> dict[str, list[Finding]]:
    """Findings indexed by subject once, so that a page per entity (a scorecard per authority) looks its own up."""
    index = defaultdict(list)
    for finding in findings:
        index[finding.subject].append(finding)
    return index


@dataclass
class Policy:
    """Evidence for policy, computed by the site's caller (``cli/site.py``) and only rendered here:
    ``burden``, the model's :class:`~eagraph.analyses.burden.BurdenReport`; ``plan``, the
    :class:`~eagraph.analyses.savings.Scenario` of acting on the dashboard's top findings (the burden
    before and after, by service, authority and life event); ``targets``, each target of eagraph.toml
    assessed (:class:`~eagraph.gittools.targets.Progress`). None: not computed."""

    burden: object | None = None
    plan: object | None = None
    targets: list = field(default_factory=list)
    #: the key figures and the burden (eagraph.gittools.plan.values_of) as (day, values): today's (or
    #: --as-of's) first, then as of each plan date; empty: the model has no plan ahead
    plan_figures: list = field(default_factory=list)

    def row(self, level: str, subject: str):
        """The burden report's row of a service, authority or life event (None: none)."""
        return self.rows.get(("burden", level, subject))

    def planned(self, level: str, subject: str):
        """The plan's row (before, after) of a service, authority or life event (None: none)."""
        return self.rows.get(("plan", level, subject))

    @cached_property
    def rows(self) -> dict:
        rows = {("burden", r.level, r.subject): r for r in (self.burden.rows if self.burden else ())}
        return rows | {("plan", r.level, r.subject): r for r in (self.plan.rows if self.plan else ())}


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             auto_reload=False)
    env.filters["yaml"] = yaml_string
    env.filters["number"] = lambda value: f"{value:,}".replace(",", "\u202f") if isinstance(value, int) else value
    return env


class Pages:
    """Renders every page of the site in one language."""

    def __init__(self, content: SiteContent, findings: SiteFindings, language: str, env: jinja2.Environment,
                 diagrams: dict[str, str], rules: dict | None = None, policy: Policy | None = None, *,
                 reads: PageReads | None = None, keep: Container[str] = ()):
        self.reads = reads  # records what each entity page reads (None: nothing is recorded)
        self.keep = keep  # the entity pages (by address) not rendered: the last build's are still right
        self.content = content
        self.policy = policy or Policy()
        self.model = content.model
        self.findings = findings
        self.language = language
        self.env = env
        self.diagrams = diagrams  # collected Graphviz sources, filled in after rendering
        self.rules = rules or {}
        self.depth = 0  # folders between the page and the site root, for relative links

    # -- what templates call ------------------------------------------------------------------------
    def t(self, key: str, **values) -> str:
        return word(key, self.language, **values)

    def kind(self, code: str) -> str:
        return kind_name(code, self.language)

    def pick(self, texts: dict[str, str]) -> Text:
        return pick(texts, self.language)

    def show(self, text: Text) -> Markup:
        """A model text; a fallback in another language is marked as such."""
        if text.language is None:
            return escape(text.value)
        language = text.language if text.language != "?" else ""
        return Markup(f'<span lang="{language}">{escape(text.value)}</span> <small class="eag-fallback" '
                      f'title="{escape(self.t("missing-translation"))}">({escape(text.language)})</small>')

    def name(self, node: str) -> Text:
        return pick(self.model.labels.get(node, {}), self.language, default=_local_name(node))

    def label(self, node: str) -> str:
        """A node's name as plain text (diagrams, charts), a fallback followed by its language."""
        return self.name(node).marked

    def url(self, node: str) -> str | None:
        entity = self.content.entities.get(node)
        return self.href(entity.path) if entity else None

    def href(self, path: str) -> str:
        return "../" * self.depth + path

    def link(self, node: str) -> Markup:
        url = self.url(node)
        label = self.show(self.name(node))
        return Markup(f'<a href="{escape(url)}">{label}</a>') if url else label

    def links(self, nodes) -> Markup:
        nodes = list(dict.fromkeys(nodes))
        return Markup(", ".join(self.link(n) for n in nodes)) if nodes else escape(self.t("nothing"))

    def link_list(self, nodes) -> Markup:
        """A list of links (or "nothing"): written here, not as a template macro, because a page of
        a national model calls it thousands of times."""
        if not nodes:
            return Markup(f'<p class="eag-none">{escape(self.t("nothing"))}</p>')
        return Markup('<ul class="eag-links">' + "".join(f"<li>{self.link(n)}</li>" for n in nodes) + "</ul>")

    def facts(self, rows) -> Markup:
        """A definition list of the rows that have a value."""
        return Markup('<dl class="eag-facts">' + "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>"
                                                        for label, value in rows if value) + "</dl>")

    def hours(self, value) -> str:
        """Hours (a Decimal) as whole hours, rounded as the burden report's cents are then to the hour."""
        return self._whole(value)

    def euros(self, value) -> str:
        return "€\u00a0" + self._whole(value)

    def share(self, value) -> str:
        """A share in [0, 1] as a whole percentage: "62 %"."""
        return f"{self._whole(Decimal(value) * 100)}\u00a0%"

    @staticmethod
    def _whole(value) -> str:
        whole = int(Decimal(value).quantize(Decimal("0.01"), ROUND_HALF_UP).quantize(Decimal(1), ROUND_HALF_UP))
        return f"{whole:,}".replace(",", "\u202f")

    def figure(self, value: float | None) -> str:
        """A target's value: at most four decimals, no trailing zeros, a share in [0, 1] as is; from a
        thousand on, whole and grouped as the burden's hours are (a count of hours is read, not parsed)."""
        from eagraph.gittools.targets import shown

        return self._whole(value) if value is not None and abs(value) >= 1000 else shown(value)

    def badge(self, mode: str | None) -> Markup:
        return Markup(f'<span class="eag-badge eag-{mode}">{escape(self.t(mode))}</span>') if mode else Markup("")

    def text(self, node: str, name: str) -> Markup:
        texts = self.content.text(node, name)
        if not texts:
            return Markup("")
        chosen = self.pick(texts)
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", chosen.value) if p.strip()]
        lang = f' lang="{escape(chosen.language)}"' if chosen.language and chosen.language != "?" else ""
        return Markup("".join(f"<p{lang}>{escape(p)}</p>" for p in paragraphs))

    def message(self, finding: Finding) -> str:
        return finding.text(self.language)

    def diagram(self, diagram: Diagram) -> Markup:
        return Markup(f'<figure class="eag-diagram">{placeholder(diagram, self.diagrams)}'
                      f"<figcaption>{escape(diagram.title)}</figcaption></figure>")

    # -- pages --------------------------------------------------------------------------------------
    def all(self) -> Iterator[tuple[str, str, str]]:
        """(path inside the docs folder, front matter, body HTML) for every page."""
        yield "index.md", *self._render("home.md.j2", 0, **self._dashboard())
        for section in SECTIONS:
            entities = self.content.in_section(section)
            yield f"{section}/index.md", *self._render("section.md.j2", 1, section=section, entities=entities)
            yield from self._entity_pages(section, entities)
        for section in self.content.archimate_sections:
            entities = self.content.in_section(section)
            if section == "archimate":  # the section's page is the model's: its folders, as in Archi
                yield f"{section}/index.md", *self._render("archimate-model.md.j2", 1, **self._archimate_models())
            else:
                yield f"{section}/index.md", *self._render("section.md.j2", 1, section=section, entities=entities)
            yield from self._entity_pages(section, entities)
        yield "one-stop-shop.md", *self._render("one-stop-shop.md.j2", 0, events=self._journeys())
        yield from self._roadmap_pages()
        yield "findings.md", *self._render("findings.md.j2", 0, **self._findings_page())
        yield "validation.md", *self._render("validation.md.j2", 0, findings=self.findings.validation)
        yield "rules.md", *self._render("rules.md.j2", 0, rules=self.rules)

    def _render(self, template: str, depth: int, **context) -> tuple[str, str]:
        self.depth = depth
        return _split(self.env.get_template(template).render(p=self, lang=self.language, **context))

    def _entity_pages(self, section: str, entities: list) -> Iterator[tuple[str, str, str]]:
        for entity in entities:
            if entity.path in self.keep:
                continue
            if self.reads is not None:
                self.reads.start()
            page = self._entity_page(section, entity.iri)
            if self.reads is not None:
                self.reads.finish(entity.path)
            yield f"{section}/{entity.slug}.md", *page

    def _entity_page(self, section: str, node: str) -> tuple[str, str]:
        build = getattr(self, "_" + section.replace("-", "_"))
        self.depth = 1  # before build(): its diagrams link to pages relative to this one
        return self._render(f"{KIND_OF_SECTION[section]}.md.j2", 1, node=node, title=self.name(node),
                            findings=self.findings.about(node), archimate=self._archimate_facts(node),
                            lifecycle=self._lifecycle(node), history=self._history(node), **build(node))

    def _history(self, node: str) -> Markup | None:
        """The commits that changed ``node``, newest first, each with its date, short hash, subject
        and what it did (added, removed, renamed, or the properties it changed); a line saying none
        did in the commits read; None when no commits were read (the page then says nothing)."""
        history = self.findings.history
        if history is None or not history.commits:
            return None
        changes = history.of(node)
        if not changes:
            return Markup(f'<p class="eag-none">{escape(self.t("history-none", count=len(history.commits)))}</p>')
        rows = []
        for change in changes:
            what = self.t(f"history-{change.status}")
            if change.properties:
                what += ": " + ", ".join(compact(iri) for iri in change.properties)
            commit = change.commit
            rows.append(f'<li><time datetime="{escape(commit.date)}">{escape(commit.date[:10])}</time> '
                        f'<code>{escape(commit.hash[:7])}</code> {escape(commit.subject)} · {escape(what)}</li>')
        return Markup('<ol class="eag-history">' + "".join(rows) + "</ol>")

    def _lifecycle(self, node: str) -> list[tuple[str, str]]:
        """A thing's life as (what, day) rows: its dated phases, or when a regulation is in force."""
        rows = [(self.t(f"phase-{name.replace(' ', '-')}"), day.isoformat())
                for name, day in self.content.roadmap.lifecycle(node)]
        force = self.content.roadmap.force.get(node)
        if force and force.start:
            rows.append((self.t("entry-into-force"), force.start.isoformat()))
        if force and force.end:
            rows.append((self.t("repealed" if force.repealed else "end-of-force"), force.end.isoformat()))
        return rows

    # -- the roadmap: the whole model's, and each authority's and life event's -----------------------
    def _roadmap_pages(self) -> Iterator[tuple[str, str, str]]:
        roadmap, content = self.content.roadmap, self.content
        scopes = []
        for kind, section in (("authority", "authorities"), ("event", "events")):
            for entity in content.in_section(section):
                part = roadmap.about(self._concerning(kind, entity.iri))
                if part:
                    scopes.append({"kind": kind, "node": entity.iri, "path": f"{kind}-{entity.slug}.html",
                                   "roadmap": part})
        yield "roadmap/index.md", *self._render("roadmap.md.j2", 1, scope=None, scopes=scopes,
                                                **self._roadmap(roadmap, self.t("roadmap")))
        for scope in scopes:
            title = self.t("roadmap") + ": " + self.label(scope["node"])
            yield f"roadmap/{scope['path'][:-5]}.md", *self._render(
                "roadmap.md.j2", 1, scope=scope, scopes=[], **self._roadmap(scope["roadmap"], title))

    def _concerning(self, kind: str, node: str) -> set[str]:
        """What an authority's or a life event's roadmap shows: its services, their regulations and
        the sources they fetch from; an authority's applications and sources; the node itself (an
        initiative's owner)."""
        model, content = self.model, self.content
        if kind == "authority":
            services = content.services_by_authority.get(node, [])
            own = [*model.subjects(EAG + "ownedBy", node), *model.subjects(DCT + "publisher", node)]
        else:
            services = content.services_by_event.get(node, [])
            own = []
        related = [r for s in services for r in model.objects(s, CV + "hasLegalResource")]
        related += [src for s in services for e in model.evidence_of(s) for src in content.fetched_from(e)]
        return {node, *services, *own, *related}

    def _roadmap(self, roadmap, title: str) -> dict:
        """The timeline and its table: initiatives by due date, then lifecycles, then regulations."""
        from eagraph.analyses.initiatives import NO_STATUS, STATUS_WORDS

        today = getattr(self.content, "today", None) or datetime.date.today()
        rows, table = [], []
        for initiative in sorted(roadmap.initiatives, key=lambda i: (i.due or datetime.date.max, i.iri)):
            status = STATUS_WORDS.get(initiative.status or "", NO_STATUS)
            said = status.get(self.language) or status["en"]
            due = initiative.due.isoformat() if initiative.due else self.t("nothing")
            words = f"{self.label(initiative.iri)}: {self.t('due')} {due}, {said}"
            rows.append(charts.TimelineRow(self.label(initiative.iri), words, marks=(
                ((initiative.due, status["en"]),) if initiative.due else ())))
            table.append({"node": initiative.iri, "what": self.t("initiative"), "when": words.split(": ", 1)[1],
                          "nodes": [*initiative.owners, *initiative.affects]})
        for node in sorted(roadmap.phases, key=lambda n: (min(roadmap.phases[n].values()), n)):
            phases = roadmap.lifecycle(node)
            spans = tuple(charts.Span(day, phases[i + 1][1] if i + 1 < len(phases) else None, name)
                          for i, (name, day) in enumerate(phases))
            said = ", ".join(f"{self.t('phase-' + name.replace(' ', '-'))} {day.isoformat()}" for name, day in phases)
            rows.append(charts.TimelineRow(self.label(node), f"{self.label(node)}: {said}", spans=spans))
            table.append({"node": node, "what": self.t("lifecycle"), "when": said, "nodes": []})
        for node in sorted(roadmap.force, key=lambda n: (roadmap.force[n].start or datetime.date.min, n)):
            said = ", ".join(f"{what} {day}" for what, day in self._lifecycle(node))
            force = roadmap.force[node]
            spans = (charts.Span(force.start, force.end, "in force"),) if force.start else ()
            marks = ((force.end, "retired"),) if force.end and not force.start else ()
            rows.append(charts.TimelineRow(self.label(node), f"{self.label(node)}: {said}", spans=spans, marks=marks))
            table.append({"node": node, "what": self.t("regulation"), "when": said, "nodes": []})
        legend = [(key, self.t("phase-" + key.replace(" ", "-"))) for key in ("planned", "active", "phasing out",
                                                                             "retired")]
        legend += [("in force", self.t("in-force"))]
        legend += [(words["en"], words.get(self.language) or words["en"])
                   for words in (*STATUS_WORDS.values(), NO_STATUS)]
        legend += [("today", self.t("today"))]
        return {"title_text": title, "table": table,
                "chart": charts.timeline(title, rows[:CHART_ROWS * 4], today, legend)}

    # -- one function per entity kind: the facts its template shows ---------------------------------
    def _services(self, service: str) -> dict:
        model = self.model
        asked, fetched = [], []
        for evidence in model.evidence_of(service):
            sources = self.content.fetched_from(evidence)
            row = EvidenceRow(evidence, self.content.concepts_of_evidence(evidence), sources)
            (fetched if sources else asked).append(row)
        asked_concepts = {c for row in asked for c in row.concepts}
        for concept in model.required_concepts(service):
            if concept not in asked_concepts and not any(concept in row.concepts for row in fetched):
                sources = model.available_sources(concept)
                if sources:
                    fetched.append(EvidenceRow(None, [concept], sources))
        return {
            "authorities": model.objects(service, CV + "hasCompetentAuthority"),
            "executing": model.objects(service, EAG + "executingAuthority"),
            "types": model.objects(service, DCT + "type"),
            "granting": self.content.granting(service),
            "cases": model.cases(service),
            "identifier": self.content.value(service, "identifier"),
            "channels": model.objects(service, CV + "hasChannel"),
            "regulations": model.objects(service, CV + "hasLegalResource"),
            "outputs": model.objects(service, CPSV + "produces"),
            "events": self.content.events_of(service),
            "asked": asked, "fetched": fetched,
            "diagram": self._service_diagram(service, asked, fetched),
        }

    def _authorities(self, authority: str) -> dict:
        model = self.model
        return {
            "services": self.content.services_by_authority.get(authority, []),
            "parents": model.objects(authority, ORG + "subOrganizationOf"),
            "children": model.subjects(ORG + "subOrganizationOf", authority),
            "sources": model.subjects(DCT + "publisher", authority),
            "applications": model.subjects(EAG + "ownedBy", authority),
            "levels": self.content.links(authority, EAG + "governmentLevel"),
            "identifier": self.content.value(authority, "identifier"),
            "scorecard": self._scorecard(authority),
        }

    def _scorecard(self, authority: str) -> list[tuple[str, str]]:
        """An authority's scorecard, over the authority and the services it is competent for: its burden
        (its equal share of each service's, as ``eagraph burden`` counts it), the analyses' findings, the
        validation's, how many of its services state the cases a year the burden and the ranking need,
        and how many of its titles each site language has."""
        services = self.content.services_by_authority.get(authority, [])
        subjects = [authority, *services]
        rows = []
        burden = self.policy.row("authority", authority)
        if burden is not None:
            amount = burden.amount
            rows.append((self.t("burden"), self.t("burden-share", hours=self.hours(amount.hours),
                                                  euros=self.euros(amount.euros),
                                                  assumed=self.t("assumed", share=self.share(
                                                      amount.assumed_euros_share)))))
        analysis = [f for s in subjects for f in self.findings.analysis_about(s)]
        violations = sum(1 for f in analysis if f.code == "only-once-violation")
        rows.append((self.t("findings"), ", ".join([counted(violations, "violation", self.language),
                                                     counted(len(analysis) - violations, "candidate", self.language)])))
        severities = Counter(f.severity for s in subjects for f in self.findings.validation_about(s))
        rows.append((self.t("validation-status"), ", ".join(
            f"{severities.get(s, 0)} {self.t(s.label)}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))))
        stated = sum(1 for s in services if self.model.cases(s) is not None)
        rows.append((self.t("data-coverage"), self.t("cases-stated", have=stated, total=len(services))))
        titled = {lang: sum(1 for s in subjects if self.model.labels.get(s, {}).get(lang)) for lang in self._languages}
        rows.append((self.t("translations"), " · ".join(f"{lang} {n}/{len(subjects)}" for lang, n in titled.items())))
        return rows

    @cached_property
    def _languages(self) -> tuple[str, ...]:
        """The languages whose translations a scorecard counts: nl and fr, and those the model's titles are in."""
        return tuple(lang for lang in LANGUAGE_NAMES if lang in ("nl", "fr") or lang in self.content.languages_present)

    def _events(self, event: str) -> dict:
        return {"journey": self._journey(event)}

    def _sources(self, source: str) -> dict:
        model = self.model
        concepts = model.subjects(AUTHSRC + "hasSource", source)
        consumers = [c for agreement in model.objects(source, AUTHSRC + "hasAgreement")
                     for c in model.objects(agreement, AUTHSRC + "hasConsumer")]
        evidence = model.subjects(DCT + "isPartOf", source)
        users = sorted({s for e in evidence for s in model.subjects(CPSV + "hasInput", e)})
        diagram = Diagram(self.t("diagram") + ": " + self.label(source), rankdir="LR", focus=source)
        diagram.node(source, self.label(source), "source")
        for publisher in model.objects(source, DCT + "publisher"):
            diagram.node(publisher, self.label(publisher), "authority", self.url(publisher))
            diagram.edge(publisher, source, self.t("publisher").lower())
        for integrator in model.objects(source, AUTHSRC + "hasIntegrator"):
            diagram.node(integrator, self.label(integrator), "authority", self.url(integrator))
            diagram.edge(source, integrator, self.t("integrator").lower())
        for consumer in sorted(set(consumers))[:12]:
            diagram.node(consumer, self.label(consumer), "authority", self.url(consumer))
            diagram.edge(source, consumer)
        for service in users[:12]:
            diagram.node(service, self.label(service), "service")  # this page: no link to itself
            diagram.edge(source, service)
        return {
            "publishers": model.objects(source, DCT + "publisher"),
            "integrators": model.objects(source, AUTHSRC + "hasIntegrator"),
            "concepts": concepts, "consumers": sorted(set(consumers)), "users": users,
            "diagram": diagram if len(diagram.nodes) > 1 else None,
        }

    def _regulations(self, regulation: str) -> dict:
        model = self.model
        dependents = impact(model, regulation, max_distance=2)
        diagram = Diagram(self.t("impact") + ": " + self.label(regulation), rankdir="RL", focus=regulation)
        diagram.node(regulation, self.label(regulation), "regulation")
        # Blank nodes (steps, nested requirements) have no name to show, and the store names
        # them anew at every load: the diagram keeps to named nodes.
        named = [d for d in dependents.dependents if not d.node.startswith("_:")][:30]
        for dependent in named:
            kind = _diagram_kind(dependent.kind)
            diagram.node(dependent.node, self.label(dependent.node), kind, self.url(dependent.node))
        for dependent in named:
            if dependent.via in diagram.nodes:
                diagram.edge(dependent.node, dependent.via)
        return {
            "date": self.content.value(regulation, "date"),
            "services": model.subjects(CV + "hasLegalResource", regulation),
            "concepts": model.subjects(EAG + "definedIn", regulation),
            "based_on": model.objects(regulation, ELI + "based_on"),
            "diagram": diagram if len(diagram.nodes) > 1 else None,
        }

    def _concepts(self, concept: str) -> dict:
        model = self.model
        return {
            "defined_in": model.objects(concept, EAG + "definedIn"),
            "sources": model.objects(concept, AUTHSRC + "hasSource"),
            "matches": self.content.links(concept, SKOS + "closeMatch") + self.content.links(concept, SKOS + "exactMatch"),
            "users": self.content.concept_users.get(concept, []),
        }

    def _processes(self, process: str) -> dict:
        model = self.model
        steps = self.content.steps(process)
        diagram = Diagram(self.t("diagram") + ": " + self.label(process), rankdir="LR")
        previous = None
        for step in steps:
            performers = model.objects(step, EAG + "performedBy")
            lane = self.label(performers[0]) if performers else "?"
            activity = self.content.links(step, EAG + "activity")
            label = self.label(step) if self.content.labels(step) else (
                self.label(activity[0]) if activity else _local_name(step))
            diagram.node(step, label, "step")
            diagram.lanes.setdefault(lane, []).append(step)
            if previous:
                diagram.edge(previous, step)
            previous = step
        rows = [{"step": s, "order": self.content.value(s, "order"), "performers": model.objects(s, EAG + "performedBy"),
                 "applications": model.objects(s, EAG + "usesApplication"),
                 "activity": self.content.links(s, EAG + "activity")} for s in steps]
        return {"steps": rows, "realises": model.objects(process, EAG + "realises"),
                "diagram": diagram if steps else None}

    def _applications(self, application: str) -> dict:
        model = self.model
        return {"owners": model.objects(application, EAG + "ownedBy"),
                "capabilities": model.objects(application, EAG + "supportsCapability"),
                "steps_using": len(model.subjects(EAG + "usesApplication", application))}

    def _capabilities(self, capability: str) -> dict:
        model = self.model
        return {"broader": model.objects(capability, SKOS + "broader"),
                "narrower": model.subjects(SKOS + "broader", capability),
                "applications": model.subjects(EAG + "supportsCapability", capability)}

    # -- an imported ArchiMate model -------------------------------------------------------------------
    def _archimate(self, element: str) -> dict:
        return {}  # what an element page shows is its ArchiMate facts, as on every imported element's page

    def _archimate_views(self, view: str) -> dict:
        archimate = self.content.archimate
        tree = archimate.views.get(view)
        shown = list(dict.fromkeys(ref for part in archimate.nodes(view) for ref in part.refs
                                   if ref in self.model.archimate_types)) if tree else []
        return {"drawing": self._drawing(view, tree) if tree else None,
                "viewpoint": tree.attributes.get("viewpoint") if tree else None, "shown": shown}

    def _drawing(self, view: str, tree: Part) -> Markup:
        archimate, types = self.content.archimate, self.model.archimate_types

        def name_of(part: Part) -> str:
            element = next((ref for ref in part.refs if ref in types), None)
            return self.label(element) if element else pick(part.label(), self.language).marked

        def href_of(part: Part) -> str | None:
            return next((self.url(ref) for ref in part.refs if self.url(ref)), None) or next(
                (self.url(ref) for child in part.children("viewRef") for ref in child.refs if self.url(ref)), None)

        def relationship_of(part: Part) -> str | None:
            return next((ref for ref in part.refs if ref in types), None)

        return draw_view(tree, self.label(view), name_of=name_of, href_of=href_of,
                         element_type=lambda part: next((types[r] for r in part.refs if r in types), None),
                         relationship_type=lambda part: types.get(relationship_of(part) or ""),
                         relationship_attributes=lambda part: archimate.attributes.get(relationship_of(part) or "", {}))

    def _archimate_facts(self, node: str) -> dict | None:
        """What any page of an imported element shows of it: its ArchiMate type, properties, its
        relationships both ways and the views it is drawn in (None for a node not imported)."""
        kind = self.model.archimate_types.get(node)
        if kind is None or EAG + "ArchimateRelationship" in self.model.types.get(node, ()) or (
                node in self.content.archimate.views):
            return None
        model = self.model

        def relationships(end: str, other: str) -> list[dict]:
            rows = [{"relationship": r, "kind": model.archimate_types.get(r, ""), "name": self._optional_name(r),
                     "other": o} for r in model.subjects(EAG + end, node) for o in model.objects(r, EAG + other)]
            return sorted(rows, key=lambda row: (row["kind"], self.content.sort_key(row["other"])))

        return {"type": kind, "type_name": archimate_type_name(kind),
                "properties": self._properties(node),
                "outgoing": relationships("relationshipSource", "relationshipTarget"),
                "incoming": relationships("relationshipTarget", "relationshipSource"),
                "views": self.content.archimate.views_of.get(node, [])}

    def _optional_name(self, node: str) -> Text | None:
        labels = self.model.labels.get(node)
        return pick(labels, self.language) if labels else None

    def _properties(self, node: str) -> list[tuple[str, Text]]:
        return [(name, pick(values, self.language)) for name, values in self.content.archimate.properties.get(node, [])]

    def _archimate_models(self) -> dict:
        archimate = self.content.archimate
        return {"models": [{"model": m, "properties": self._properties(m), "folders": archimate.folders.get(m, [])}
                           for m in archimate.models],
                "views": self.content.in_section("archimate-views")}

    def folder_tree(self, folders: list[Part], level: int = 0) -> Markup:
        """The organisation folders as Archi shows them: folders (open at the top) holding links to
        the pages of their elements and views, and their relationships as "kind: source → target"."""
        items = []
        for item in folders:
            if item.refs:
                items.append(f"<li>{self._folder_item(item.refs[0])}</li>")
            elif item.tag == "item":
                label = self.show(pick(item.label(), self.language, default="…"))
                inner = self.folder_tree([part for part in item.parts if part.tag == "item"], level + 1)
                opened = " open" if level == 0 else ""
                items.append(f'<li><details class="eag-folder"{opened}><summary>{label}</summary>{inner}</details></li>')
        return Markup('<ul class="eag-folders">' + "".join(items) + "</ul>") if items else Markup("")

    def _folder_item(self, node: str) -> Markup:
        model = self.model
        if EAG + "ArchimateRelationship" not in model.types.get(node, ()):
            return self.link(node)
        ends = [self.links(model.objects(node, EAG + end)) for end in ("relationshipSource", "relationshipTarget")]
        name = self._optional_name(node)
        named = Markup(" ") + self.show(name) if name else Markup("")
        return Markup(f"{escape(model.archimate_types.get(node, ''))}{named}: {ends[0]} → {ends[1]}")

    # -- diagrams, journeys, dashboard ----------------------------------------------------------------
    def _service_diagram(self, service: str, asked: list[EvidenceRow], fetched: list[EvidenceRow]) -> Diagram:
        model = self.model
        diagram = Diagram(self.t("diagram") + ": " + self.label(service), focus=service)
        diagram.node(service, self.label(service), "service")  # this page: no link to itself
        for authority in model.authorities_of(service):
            diagram.node(authority, self.label(authority), "authority", self.url(authority))
            diagram.edge(authority, service)
        for row in asked:
            diagram.node(row.evidence, self.label(row.evidence), "evidence")
            diagram.edge(row.evidence, service)
        for row in fetched:
            for source in row.sources:
                diagram.node(source, self.label(source), "source", self.url(source))
                diagram.edge(source, service)
        for regulation in model.objects(service, CV + "hasLegalResource"):
            diagram.node(regulation, self.label(regulation), "regulation", self.url(regulation))
            diagram.edge(regulation, service)
        for output in model.objects(service, CPSV + "produces"):
            diagram.node(output, self.label(output), "output")
            diagram.edge(service, output)
        return diagram

    def _journey(self, event: str) -> list[JourneyStep]:
        return [JourneyStep(service=service, authorities=self.model.objects(service, CV + "hasCompetentAuthority"),
                            granting=self.content.granting(service),
                            asked=[e for e in self.model.evidence_of(service) if not self.content.fetched_from(e)],
                            online=self.content.is_online(service), hours=self._case_hours(service))
                for service in sorted(self.content.services_by_event.get(event, []), key=self.content.sort_key)]

    def _case_hours(self, service: str) -> tuple[Decimal, Decimal] | None:
        """The hours one case of ``service`` takes its applicant, today and after the top findings (the
        burden a year over the cases a year); None when the burden or the cases are not known."""
        row = self.policy.row("service", service)
        if row is None or not row.cases:
            return None
        planned = self.policy.planned("service", service)
        after = planned.after.hours if planned is not None else row.amount.hours
        return row.amount.hours / row.cases, after / row.cases

    def journey_hours(self, event: str, journey: list[JourneyStep]) -> JourneyHours | None:
        """The hours applicants spend on a life event: all of them a year (``eagraph burden``'s event row,
        today and after acting on the top findings, as ``burden --apply``), and one applicant going
        through every service of the journey whose cases are known."""
        planned = self.policy.planned("event", event)
        if planned is None:
            return None
        known = [row.hours for row in journey if row.hours is not None]
        return JourneyHours(year=(planned.before.hours, planned.after.hours),
                            case=(sum(h[0] for h in known), sum(h[1] for h in known)) if known else None)

    def journey_rows(self, journey: list[JourneyStep]) -> Markup:
        """A journey's table rows: written here, not in the template, because the one-stop shop's page
        of a national model has ten thousand of them (its rendering took 2.7 s a language, profiled)."""
        rows = []
        for row in journey:
            online = f' <span class="eag-badge eag-online">{escape(self.t("online"))}</span>' if row.online else ""
            authorities = self.links(row.authorities) if row.authorities else ""
            asked = "; ".join(self.show(self.name(e)) for e in row.asked) if row.asked else (
                f'<span class="eag-none">{escape(self.t("nothing"))}</span>')
            hours = ""
            if row.hours:
                hours = escape(self.case_hours(row.hours[0]))
                if row.hours[1] != row.hours[0]:
                    hours += " → " + escape(self.case_hours(row.hours[1]))
            rows.append(f"<tr><td>{self.link(row.service)}{online}</td><td>{authorities}</td>"
                        f"<td>{self.badge(row.granting)}</td><td>{asked}</td>"
                        f'<td class="eag-number">{hours}</td></tr>\n')
        return Markup("".join(rows))

    def case_hours(self, value: Decimal) -> str:
        """Hours of one case, to a tenth of an hour."""
        return str(Decimal(value).quantize(Decimal("0.1"), ROUND_HALF_UP))

    def journey_summary(self, journey: list[JourneyStep]) -> str:
        """The journey in one sentence, each count with its noun in the right form."""
        authorities = {a for row in journey for a in row.authorities}
        automatic = sum(1 for row in journey if row.granting in ("automatic", "proactive"))
        documents = sum(len(row.asked) for row in journey)
        return self.t("journey-summary", services=counted(len(journey), "service", self.language),
                      authorities=counted(len(authorities), "authority", self.language), automatic=automatic,
                      documents=counted(documents, "document", self.language))

    def _journeys(self) -> list[dict]:
        return [{"event": e.iri, "journey": self._journey(e.iri)} for e in self.content.in_section("events")]

    def _dashboard(self) -> dict:
        content, model = self.content, self.model
        per_authority = sorted(((len(services), a) for a, services in content.services_by_authority.items()),
                               key=lambda pair: (-pair[0], pair[1]))
        services_chart = charts.bar_chart(self.t("per-authority"), [
            charts.Row(self.label(a), (n,)) for n, a in per_authority[:CHART_ROWS]], (self.t("services"),),
            lambda n, _index: counted(n, "service", self.language))
        online = sum(1 for s in model.services if content.is_online(s))
        online_chart = charts.share_bar(self.t("online-share"), [
            (self.t("online"), online), (self.t("not-online"), len(model.services) - online)])
        modes = Counter(content.granting(s) for s in model.services if content.granting(s))
        granting_chart = charts.share_bar(self.t("granting-share"), [
            (self.t(mode), modes.get(mode, 0)) for mode in ("automatic", "proactive", "on-request")])
        per_authority_findings: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for finding in self.findings.analysis:
            if finding.subject in content.entities and content.entities[finding.subject].section == "services":
                for authority in model.objects(finding.subject, CV + "hasCompetentAuthority"):
                    per_authority_findings[authority][0 if finding.code == "only-once-violation" else 1] += 1
        ranked = sorted(per_authority_findings.items(), key=lambda item: (-sum(item[1]), item[0]))[:CHART_ROWS]
        findings_chart = charts.bar_chart(self.t("findings-per-authority"), [
            charts.Row(self.label(a), tuple(counts)) for a, counts in ranked],
            (self.t("violations"), self.t("candidates")),
            lambda n, index: counted(n, ("violation", "candidate")[index], self.language))
        severities = Counter(f.severity for f in self.findings.validation)
        validation_chart = charts.share_bar(self.t("validation-status"), [
            (self.t(s.label), severities.get(s, 0)) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)])
        return {"charts": [(self.t("per-authority"), services_chart), (self.t("online-share"), online_chart),
                           (self.t("granting-share"), granting_chart),
                           (self.t("findings-per-authority"), findings_chart),
                           (self.t("validation-status"), validation_chart)],
                "trend": self._trend_charts(),
                "counts": {section: len(content.in_section(section)) for section in SECTIONS},
                "top": self.findings.analysis[:10], **self._policy_dashboard()}

    def _policy_dashboard(self) -> dict:
        """What the dashboard opens with: the total burden, what acting on the top findings saves
        (each finding's savings, and the burden after acting on them all), and the targets' progress."""
        policy = self.policy
        return {"burden": policy.burden.total if policy.burden else None,
                "plan": policy.plan.total if policy.plan else None,
                "savings": [f for f in self.findings.analysis[:10] if f.savings is not None],
                "targets": policy.targets, "plan_figures": policy.plan_figures,
                "planned_column": any(t.planned is not None for t in policy.targets)}

    def plan_rows(self) -> list[tuple[str, list[str]]]:
        """The dashboard's figures today and as of each plan date, as (figure, values shown) rows."""
        columns = [values for _, values in self.policy.plan_figures]
        rows = [("services", "services", self.figure), ("online_share", "online-share", self.share),
                ("automatic_share", "automatic-share", self.share),
                ("only_once_violations", "violations", self.figure), ("burden_hours", "burden-hours", self.hours)]
        return [(_capitalised(self.t(key)), [show(values[name]) if values.get(name) is not None else "–"
                                              for values in columns])
                for name, key, show in rows]

    def _trend_charts(self) -> list[tuple[str, str]]:
        """The key figures at each of the last commits (a model kept in git)."""
        points = self.findings.trend
        if len(points) < 2:
            return []
        labels = [p.date[:10] for p in points]
        shown = [("services", "services", False), ("online_share", "online-share", True),
                 ("automatic_share", "automatic-share", True), ("only_once_violations", "violations", False),
                 ("duplicate_services", "duplicates", False), ("validation_errors", "error", False)]
        return [(self.t(key), charts.line_chart(self.t(key), labels, [p.figures[name] for p in points], percent))
                for name, key, percent in shown]

    def _findings_page(self) -> dict:
        by_kind = defaultdict(list)
        for finding in self.findings.analysis:
            by_kind[finding.code].append(finding)
        return {"top": self.findings.analysis[:TOP_FINDINGS], "duplicates": by_kind.get("duplicate-service", []),
                "only_once": by_kind.get("only-once-violation", []),
                "kinds": sorted(by_kind.items(), key=lambda item: -len(item[1])),
                "coverage": self._coverage()}

    def _coverage(self) -> list:
        if self.findings.coverage is not None:
            return self.findings.coverage
        from eagraph.analyses.registry import coverage  # every kind: numpy, scipy (not at every command's start)

        return coverage(self.model)

def archimate_type_name(kind: str) -> str:
    """An ArchiMate type as Archi names it: BusinessRole → Business Role."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", kind)


def _diagram_kind(kind: str) -> str:
    return {"data source": "source", "information concept": "concept", "process step": "step"}.get(kind, kind)


def _local_name(node: str) -> str:
    if node.startswith("_:"):
        return "…"  # a blank node's label is the store's, different at every load
    return local_name(node)


def _split(text: str) -> tuple[str, str]:
    """A rendered page as (front matter, body HTML without blank lines)."""
    head, separator, body = text.partition("\n---\n")
    return head + separator, "\n".join(line for line in body.splitlines() if line.strip()) + "\n"

