"""What the site shows, read from the model once: the entities that get a page, their texts in
every language, and the facts the pages and charts are made of.

The structure (links between nodes, labels, types, volumes) comes from the analyses' shared
:class:`~eagraph.analyses.model.AnalysisModel`, so the site and ``eagraph analyze`` read the model
the same way; the texts only the site shows (descriptions, definitions, dates, step orders,
channel types) come from one more query.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from eagraph.analyses import figures
from eagraph.analyses.model import AnalysisModel, node_key
from eagraph.ontology import AUTHSRC, CPSV, CV, DCT, EAG, ELI, SKOS, local_name

from .archimate import ArchimateContent
from .roadmap import Roadmap

#: The sections of the site: folder, the classes whose instances get a page there, in nav order.
SECTIONS: dict[str, tuple[str, ...]] = {
    "services": (CPSV + "PublicService",),
    "authorities": (CV + "PublicOrganisation",),
    "events": (CV + "LifeEvent", CV + "BusinessEvent"),
    "sources": (AUTHSRC + "DataSource",),
    "regulations": (ELI + "LegalResource",),
    "concepts": (CV + "InformationConcept",),
    "processes": (EAG + "Process",),
    "applications": (EAG + "ApplicationComponent",),
    "capabilities": (EAG + "Capability",),
}

#: The sections of an imported ArchiMate model, only where a model has one: its elements that have
#: no contract class (those are in the sections above) and its views.
ARCHIMATE_SECTIONS: dict[str, tuple[str, ...]] = {
    "archimate": (EAG + "ArchimateElement",),
    "archimate-views": (EAG + "ArchimateView",),
}

#: Texts the site shows that the analyses do not read.
TEXT_PREDICATES = {
    "description": DCT + "description",
    "definition": SKOS + "definition",
    "altLabel": SKOS + "altLabel",
    "date": ELI + "date_document",
    "order": EAG + "order",
    "identifier": DCT + "identifier",
    "notation": SKOS + "notation",
}
#: Links the site follows that the analyses do not (channel types, territories, schemes, matches).
LINK_PREDICATES = (DCT + "type", DCT + "spatial", SKOS + "closeMatch", SKOS + "exactMatch", EAG + "activity",
                   EAG + "governmentLevel", CV + "isGroupedBy", CPSV + "follows")


@dataclass
class Entity:
    """A node that gets a page: ``section`` (its folder) and ``slug`` (its file name)."""

    iri: str
    section: str
    slug: str

    @property
    def path(self) -> str:
        """The page's path inside one language's site, e.g. ``services/passport.html``."""
        return f"{self.section}/{self.slug}.html"


@dataclass
class SiteContent:
    """The model as the site needs it."""

    model: AnalysisModel
    #: node -> text name -> language ("" untagged) -> values
    texts: dict[str, dict[str, dict[str, list[str]]]] = field(default_factory=lambda: defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))))
    #: node -> predicate -> objects, for LINK_PREDICATES
    extra_links: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    entities: dict[str, Entity] = field(default_factory=dict)
    languages_present: set[str] = field(default_factory=set)  # of the model's own titles and labels
    archimate: ArchimateContent = field(default_factory=ArchimateContent)
    roadmap: Roadmap = field(default_factory=Roadmap)
    today: datetime.date | None = None  # the day the model is read as of (--as-of), else the build's

    @classmethod
    def read(cls, workspace, model: AnalysisModel | None = None) -> SiteContent:
        content = cls(model or AnalysisModel.build(workspace))
        names = {iri: name for name, iri in TEXT_PREDICATES.items()}
        values = " ".join(f"<{p}>" for p in (*names, *LINK_PREDICATES))
        for s, p, o in workspace.query(f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o }}"):
            subject, predicate = node_key(s), p.value
            if predicate in names and hasattr(o, "language"):
                content.texts[subject][names[predicate]][o.language or ""].append(o.value)
            elif predicate in LINK_PREDICATES and not hasattr(o, "language"):
                content.extra_links[subject][predicate].append(node_key(o))
        content.entities = _entities(content.model)
        content.archimate = ArchimateContent.read(workspace, content.model)
        content.roadmap = Roadmap.read(workspace)
        content.today = getattr(workspace, "as_of", None)
        content.languages_present = _title_languages(workspace)
        return content

    # -- pages ----------------------------------------------------------------------------------
    def entity(self, node: str) -> Entity | None:
        return self.entities.get(node)

    def in_section(self, section: str) -> list[Entity]:
        """The entities of a section in the order of their names: sorted once per section (the
        section's page, the dashboard, the journeys and the roadmaps ask again; 10,000 services' names
        folded and sorted were a second per asking)."""
        kept = self.__dict__.setdefault("_in_section", {})
        if section not in kept:
            found = [e for e in self.entities.values() if e.section == section]
            kept[section] = sorted(found, key=lambda e: self.sort_key(e.iri))
        return list(kept[section])

    @property
    def archimate_sections(self) -> tuple[str, ...]:
        """The ArchiMate sections this site has: none for a model without an imported one."""
        return tuple(ARCHIMATE_SECTIONS) if self.archimate else ()

    def sort_key(self, node: str) -> tuple:
        return (_fold(self.model.label(node, "nl", mark=False)), node)

    # -- texts ----------------------------------------------------------------------------------
    def text(self, node: str, name: str) -> dict[str, str]:
        """One text of a node by language (the first value of each)."""
        return {language: values[0] for language, values in self.texts.get(node, {}).get(name, {}).items()}

    def value(self, node: str, name: str) -> str | None:
        """An untagged or typed value (a date, an order), whatever its language slot."""
        found = self.texts.get(node, {}).get(name, {})
        return next((values[0] for values in found.values()), None)

    def labels(self, node: str) -> dict[str, str]:
        return dict(self.model.labels.get(node, {}))

    def links(self, node: str, predicate: str) -> list[str]:
        """Objects of ``predicate``: from the analysis model or the site's own links."""
        found = self.model.objects(node, predicate)
        return found or sorted(set(self.extra_links.get(node, {}).get(predicate, ())))


    # -- facts used by several pages --------------------------------------------------------------
    def events_of(self, service: str) -> list[str]:
        return self.links(service, CV + "isGroupedBy")

    @cached_property
    def services_by_event(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = defaultdict(list)
        for service in self.model.services:
            for event in self.events_of(service):
                grouped[event].append(service)
        return grouped

    @cached_property
    def services_by_authority(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = defaultdict(list)
        for service in self.model.services:
            for authority in self.model.objects(service, CV + "hasCompetentAuthority"):
                grouped[authority].append(service)
        return grouped

    @cached_property
    def concept_users(self) -> dict[str, list[str]]:
        """The services that require each information concept."""
        users = defaultdict(list)
        for service in self.model.services:
            for concept in self.model.required_concepts(service):
                users[concept].append(service)
        return users

    def is_online(self, service: str) -> bool:
        return figures.is_online(self.model, service)

    def granting(self, service: str) -> str | None:
        """``automatic``, ``proactive`` or ``on-request`` for an entitlement, else None."""
        return figures.granting(self.model, service)

    def fetched_from(self, evidence: str) -> list[str]:
        """The sources an evidence item is taken from (``dct:isPartOf``) instead of asked for."""
        return self.model.objects(evidence, DCT + "isPartOf")

    def concepts_of_evidence(self, evidence: str) -> list[str]:
        return self.model.objects(evidence, CV + "supportsConcept")

    def steps(self, process: str) -> list[str]:
        def order(step: str) -> tuple:
            value = self.value(step, "order")
            return (int(value) if value and value.lstrip("-").isdigit() else 1 << 30, step)
        return sorted(self.model.objects(process, EAG + "hasStep"), key=order)


def _title_languages(workspace) -> set[str]:
    """The languages of the model files' titles and labels (not of the ontology eagraph adds)."""
    graphs = " ".join(f"<{f.source.graph}>" for f in workspace.files)
    found = workspace.store.query(
        f"SELECT DISTINCT (LANG(?label) AS ?language) WHERE {{ VALUES ?g {{ {graphs} }} "
        f"GRAPH ?g {{ ?s <{DCT}title>|<{SKOS}prefLabel> ?label }} }}")
    return {row[0].value for row in found if row[0] is not None and row[0].value}


def _entities(model: AnalysisModel) -> dict[str, Entity]:
    """A page for every node of a section's classes; slugs unique within a section and stable:
    the IRI's last segment (a regulation's whole ELI path), with a short hash only on a clash."""
    found: dict[str, Entity] = {}
    for section, classes in {**SECTIONS, **ARCHIMATE_SECTIONS}.items():
        nodes = sorted({n for c in classes for n in model.of_class(c) if not n.startswith("_:")} - set(found))
        wanted = {node: _slug(node) for node in nodes}
        counts: dict[str, int] = defaultdict(int)
        for slug in wanted.values():
            counts[slug] += 1
        for node, slug in wanted.items():
            if counts[slug] > 1 or slug == "index":
                slug = f"{slug}-{hashlib.blake2b(node.encode(), digest_size=3).hexdigest()}"
            found[node] = Entity(node, section, slug)
    return found


def _slug(iri: str) -> str:
    eli = iri.split("/eli/", 1)
    text = eli[1] if len(eli) == 2 else local_name(iri)
    text = re.sub(r"[^a-z0-9]+", "-", _fold(text)).strip("-")
    return text[:80] or "node"


def _fold(text: str) -> str:
    if text.isascii():  # nothing to decompose or drop: most names, at a fraction of the cost
        return text.lower()
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))
