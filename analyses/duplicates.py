"""``duplicate-service``: two services, of one authority or of several, that deliver the same thing to
the same audience. Text alone is not enough (a parking card for persons with disabilities and a
residents' parking permit read alike), and structure alone is not either (two allowances of one
decree share their legal basis). A pair is reported when the structural evidence (legal basis,
requirements and their concepts, evidence, outputs, life events, service type, granting mode) and
the text similarity of titles and descriptions, in every language both services have, together
pass a threshold. Services offered for disjoint territories (``dct:spatial`` of the service, else of
its authority) are never duplicates; a territory within another (``skos:broader`` or ``dct:isPartOf``,
transitively: a municipality within its region and country) is not a disjoint one.

No pair loop over all services: candidates are *blocked*. Every service is a row of a sparse
incidence matrix over discriminating keys (its regulations, requirements, required concepts,
evidence, evidence types its outputs are usable as, and rare words of its titles); keys held by
more than :data:`BLOCK_CAP` services say little and are left out, so ``M @ M.T`` (in scipy, in C)
costs O(services × cap) and gives the candidate pairs. Features are then computed for all
candidates at once with sparse row products; only the pairs that pass get a Python explanation.
Pairs are joined into clusters (connected components); one finding per cluster, the first service
as subject and the others in ``related``.

The thresholds were chosen on one half of the labelled synthetic data (services split by a hash of
their IRI) and reported on the other half: see ``bench/analyze_quality.py``.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import pyoxigraph as ox
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from eagraph.findings import Finding, Severity
from eagraph.ontology import CPSV, CV, DCT, EAG, RDF_TYPE, SKOS

from . import coverage as cov
from .kind import Kind, Reads
from .model import node_key, query_function, statements_of, workspace_of
from .similarity import blocked_pairs, fold, mean_over_languages, text_similarity
from .wording import LANGUAGES, decimal, messages, names, reasons


#: Keys held by more services than this are not used to propose candidates (they are still features).
BLOCK_CAP = 60
#: Per title word: words in more services than this are too common to propose candidates.
WORD_CAP = 40

# Thresholds, chosen on the training half of the labelled synthetic models (seed-split by service
# hash; see bench/analyze_quality.py --fit) and checked on the other half and on models/.
#: Structural evidence (weighted sum of the shared-structure features, 0..1) a pair needs at least.
MIN_STRUCTURE = 0.75
#: Combined score (structure and text) a pair needs to be reported.
MIN_SCORE = 0.45

#: Weights of the structural features (they sum to 1).
WEIGHTS = {
    "legal": 0.25,  # same legal basis
    "requirements": 0.25,  # same requirements or requirement concepts
    "evidence": 0.10,  # same evidence, evidence types or concepts supported
    "outputs": 0.15,  # outputs usable as the same evidence type, same output types
    "events": 0.15,  # same life or business events
    "mode": 0.10,  # same granting mode
}
#: Weight of structure against text in the combined score.
STRUCTURE_SHARE = 0.6


# ---------------------------------------------------------------------------------------------
# Reading the model
# ---------------------------------------------------------------------------------------------

@dataclass
class _Services:
    iris: list[str] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    titles: dict[int, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    descriptions: dict[int, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    #: feature family -> service index -> set of keys
    sets: dict[str, dict[int, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    cases: dict[int, int] = field(default_factory=dict)
    #: territory -> the territories it lies within (``skos:broader`` or ``dct:isPartOf``, transitively)
    within: dict[str, set[str]] = field(default_factory=dict)
    #: service index -> the words of its titles that can propose candidates (found once, kept with the table)
    words: dict[int, set[str]] = field(default_factory=dict)

    def add(self, iri: str) -> int:
        found = self.index.get(iri)
        if found is None:
            found = self.index[iri] = len(self.iris)
            self.iris.append(iri)
        return found


_SERVICE_VALUES = {
    DCT + "type": "type", EAG + "grantingMode": "mode", CV + "hasLegalResource": "legal",
    CV + "isGroupedBy": "events", DCT + "spatial": "spatial", CV + "hasCompetentAuthority": "authority",
    EAG + "executingAuthority": "authority", CV + "holdsRequirement": "requirement-iris",
    CPSV + "hasInput": "evidence-iris", CPSV + "produces": "output-iris",
}

#: Every property :func:`_read_services` reads (of services, their evidence, outputs, requirements,
#: authorities and territories), besides their type.
READS = frozenset({DCT + "title", DCT + "description", EAG + "annualCases", *_SERVICE_VALUES, CV + "hasRequirement",
                   CV + "hasConcept", CV + "supportsConcept", DCT + "conformsTo", EAG + "usableAs", DCT + "isPartOf",
                   SKOS + "broader"})


#: What duplicate-service reads: the titles and descriptions of services (and, for its coverage, their
#: labels), the rest of :data:`READS` of whatever it is about.
TEXT = frozenset({DCT + "title", DCT + "description", SKOS + "prefLabel"})
DUPLICATE_READS = Reads(READS - TEXT | {RDF_TYPE}, {CPSV + "PublicService": TEXT})


def _read_services(query) -> _Services:
    data = _Services()
    service = f"<{CPSV}PublicService>"
    # The services numbered in IRI order, not in the order the store answers: the text model's
    # sample (every n-th service) is then the same whatever the store's layout (a merged graph or
    # the files' graphs answer in different orders, and so did the sample at 10,000 services).
    for iri in sorted(node_key(row[0]) for row in query(f"SELECT ?s WHERE {{ ?s a {service} }}")):
        data.add(iri)
    for s, p, o in query(statements_of(f"?s a {service} .",
                                       [DCT + "title", DCT + "description", EAG + "annualCases", *_SERVICE_VALUES])):
        i = data.add(node_key(s))
        p = p.value
        if isinstance(o, ox.Literal):
            if p == DCT + "title":
                data.titles[i][o.language or ""] = o.value
            elif p == DCT + "description":
                data.descriptions[i][o.language or ""] = o.value
            elif p == EAG + "annualCases":
                try:
                    data.cases[i] = int(o.value)
                except ValueError:
                    pass
        elif p in _SERVICE_VALUES:
            data.sets[_SERVICE_VALUES[p]][i].add(node_key(o))
    # Requirements (nested too) and their concepts.
    for s, c in query(f"""SELECT DISTINCT ?s ?c WHERE {{ ?s a {service} ;
            <{CV}holdsRequirement>/<{CV}hasRequirement>* ?r . ?r <{CV}hasConcept> ?c }}"""):
        data.sets["requirement-concepts"][data.add(node_key(s))].add(node_key(c))
    # Evidence: the concepts it supports and the type it conforms to.
    for s, p, o in query(statements_of(f"?s a {service} ; <{CPSV}hasInput> ?e .", [CV + "supportsConcept",
                                                                                 DCT + "conformsTo"], node="?e")):
        family = "evidence-concepts" if p.value == CV + "supportsConcept" else "evidence-types"
        data.sets[family][data.add(node_key(s))].add(node_key(o))
    # Outputs: their type and the evidence type they are usable as.
    families = {DCT + "type": "output-types", EAG + "usableAs": "usable-as", DCT + "isPartOf": "output-sources"}
    for s, p, o in query(statements_of(f"?s a {service} ; <{CPSV}produces> ?x .", families, node="?x")):
        family = families[p.value]
        data.sets[family][data.add(node_key(s))].add(node_key(o))
    # Territories of the authorities (used when the service states none).
    for s, o in query(f"""SELECT DISTINCT ?s ?o WHERE {{ ?s a {service} ;
            (<{CV}hasCompetentAuthority>|<{EAG}executingAuthority>) ?a . ?a <{DCT}spatial> ?o }}"""):
        data.sets["authority-spatial"][data.add(node_key(s))].add(node_key(o))
    # The territories each of those lies within (a municipality within its region, within the country).
    for t, o in query(f"""SELECT DISTINCT ?t ?o WHERE {{
            {{ ?s a {service} ; <{DCT}spatial> ?t }} UNION {{ ?s a {service} ;
            (<{CV}hasCompetentAuthority>|<{EAG}executingAuthority>)/<{DCT}spatial> ?t }}
            ?t (<{SKOS}broader>|<{DCT}isPartOf>)+ ?o }}"""):
        data.within.setdefault(node_key(t), set()).add(node_key(o))
    return data


# ---------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]{4,}")
#: Words so common in service titles that they say nothing about what is delivered.
_STOP = frozenset("""voor pour bij avec van over sur dans door uit tegen naar les des une een het aux
    avec zonder sans wie qui personnes personen aanvraag demande online ligne""".split())


def _words(text: str) -> set[str]:
    return {w[:7] for w in _WORD.findall(fold(text)) if w not in _STOP}


# ---------------------------------------------------------------------------------------------
# duplicate-service
# ---------------------------------------------------------------------------------------------

def _candidates(data: _Services, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a < b) that share at least one discriminating key: blocking, not an all-pairs loop."""
    keys: dict[int, set[str]] = defaultdict(set)
    for family in ("legal", "requirement-iris", "requirement-concepts", "evidence-iris", "evidence-concepts",
                   "usable-as", "output-iris"):
        for i, values in data.sets[family].items():
            keys[i].update(f"{family} {v}" for v in values)
    for i in range(n):
        if i not in data.words:
            data.words[i] = {w for text in data.titles.get(i, {}).values() for w in _words(text)}
        keys[i].update(f"word {w}" for w in data.words[i])
    return blocked_pairs(keys, n, lambda key: WORD_CAP if key.startswith("word ") else BLOCK_CAP)


def _territories(data: _Services, i: int) -> set[str]:
    return data.sets["spatial"].get(i) or data.sets["authority-spatial"].get(i) or set()


@dataclass
class PairEvidence:
    """Why two services look like one: the features of a candidate pair."""

    a: str
    b: str
    score: float
    structure: float
    title: float
    description: float
    reasons: dict[str, list[str]]  # per language


#: Families compared as sets.
_FAMILIES = ("legal", "requirement-iris", "requirement-concepts", "evidence-iris", "evidence-concepts",
             "evidence-types", "usable-as", "output-types", "output-sources", "events", "mode", "type")


def _same_requirements(data: _Services, x: int, y: int) -> bool:
    """One audience: the same eligibility (requirements, or the concepts they check), stated by both."""
    sets = data.sets
    rx, ry = sets["requirement-iris"].get(x), sets["requirement-iris"].get(y)
    if rx and rx == ry:
        return True
    cx, cy = sets["requirement-concepts"].get(x), sets["requirement-concepts"].get(y)
    return bool(cx) and cx == cy


def _same_output(data: _Services, x: int, y: int) -> bool:
    """One thing delivered: outputs usable as one evidence type, recorded in one source, or of one type.
    Services that do not both describe outputs pass (nothing says otherwise)."""
    sets = data.sets
    if not (sets["output-iris"].get(x) and sets["output-iris"].get(y)):
        return True
    return any(sets[f].get(x, set()) & sets[f].get(y, set()) for f in ("usable-as", "output-sources", "output-types"))


def _overlap(data: _Services, tx: set[str], ty: set[str]) -> bool:
    """Whether two sets of territories share ground: one territory in both, or one within the other
    (a municipality's service and a federal one both serve the municipality; two municipalities
    within one region do not serve the same ground)."""
    return any(t == u or u in data.within.get(t, ()) or t in data.within.get(u, ()) for t in tx for u in ty)


def _gate(data: _Services, x: int, y: int) -> bool:
    types = data.sets["type"]
    if types.get(x) and types.get(y) and not (types[x] & types[y]):
        return False
    tx, ty = _territories(data, x), _territories(data, y)
    if tx and ty and not _overlap(data, tx, ty):
        return False  # the same service for different territories is not a duplicate
    events = data.sets["events"]
    if events.get(x) and events.get(y) and not (events[x] & events[y]):
        return False  # for different life situations
    return _same_requirements(data, x, y) and _same_output(data, x, y)


def _counts(data: _Services, x: int, y: int) -> dict[str, tuple[int, int]]:
    out = {}
    for family in _FAMILIES:
        sx, sy = data.sets[family].get(x, set()), data.sets[family].get(y, set())
        out[family] = (len(sx & sy), len(sx | sy))
    return out


def _j(count: tuple[int, int]) -> float:
    return count[0] / count[1] if count[1] else 0.0


#: The feature families behind each structural weight.
_WEIGHED = {"legal": ("legal",), "requirements": ("requirement-iris", "requirement-concepts"),
            "evidence": ("evidence-iris", "evidence-concepts", "evidence-types"),
            "outputs": ("usable-as", "output-sources", "output-types"), "events": ("events",), "mode": ("mode",)}


def _structure(c: dict[str, tuple[int, int]]) -> float:
    """The weighted agreement of the families that at least one of the two services states. What
    neither states is no evidence either way: an obligation has no granting mode, and a catalogue
    that lists no evidence for either service says nothing about whether they differ."""
    agreement = {"legal": _j(c["legal"]),
                 "requirements": max(_j(c["requirement-iris"]), _j(c["requirement-concepts"])),
                 "evidence": max(_j(c["evidence-iris"]), _j(c["evidence-concepts"]), _j(c["evidence-types"])),
                 "outputs": max(_j(c["usable-as"]), _j(c["output-sources"]), 0.5 * _j(c["output-types"])),
                 "events": _j(c["events"]), "mode": _j(c["mode"])}
    stated = [name for name, families in _WEIGHED.items() if any(c[f][1] for f in families)]
    total = sum(WEIGHTS[name] for name in stated)
    return sum(WEIGHTS[name] * agreement[name] for name in stated) / total if total else 0.0


#: The evidence of a pair, in words: (every one shared, some shared) per feature family and language.
_SHARED = {
    "legal": {"en": ("same legal basis", "{} of {} legal bases shared"),
              "nl": ("zelfde rechtsgrond", "{} van {} rechtsgronden gedeeld"),
              "fr": ("même base légale", "{} bases légales sur {} en commun")},
    "requirement-concepts": {"en": ("same required concepts", "{} of {} required concepts shared"),
                             "nl": ("zelfde vereiste gegevens", "{} van {} vereiste gegevens gedeeld"),
                             "fr": ("mêmes données requises", "{} données requises sur {} en commun")},
    "evidence-iris": {"en": ("same evidence", "{} of {} pieces of evidence shared"),
                      "nl": ("zelfde bewijsstukken", "{} van {} bewijsstukken gedeeld"),
                      "fr": ("mêmes pièces justificatives", "{} pièces justificatives sur {} en commun")},
    "evidence-concepts": {"en": ("same evidence concepts", "{} of {} evidence concepts shared"),
                          "nl": ("bewijs van dezelfde gegevens", "bewijs van {} van {} gegevens gedeeld"),
                          "fr": ("preuves des mêmes données", "preuves de {} données sur {} en commun")},
    "output-types": {"en": ("same output types", "{} of {} output types shared"),
                     "nl": ("zelfde soort resultaat", "{} van {} soorten resultaat gedeeld"),
                     "fr": ("même type de résultat", "{} types de résultat sur {} en commun")},
    "events": {"en": ("same life events", "{} of {} life events shared"),
               "nl": ("zelfde levensgebeurtenissen", "{} van {} levensgebeurtenissen gedeeld"),
               "fr": ("mêmes événements de vie", "{} événements de vie sur {} en commun")},
}
_SAME = {
    "requirements": {"en": "same requirements", "nl": "zelfde voorwaarden", "fr": "mêmes conditions"},
    "usable-as": {"en": "outputs usable as the same evidence", "nl": "resultaten bruikbaar als hetzelfde bewijs",
                  "fr": "résultats utilisables comme la même preuve"},
    "output-sources": {"en": "outputs recorded in the same source", "nl": "resultaten vastgelegd in dezelfde bron",
                       "fr": "résultats enregistrés dans la même source"},
    "type": {"en": "same service type", "nl": "zelfde soort dienst", "fr": "même type de service"},
    "mode": {"en": "same granting mode", "nl": "zelfde wijze van toekenning", "fr": "même mode d'octroi"},
    "titles": {"en": "titles {} similar", "nl": "titels {} gelijkend", "fr": "titres similaires à {}"},
    "descriptions": {"en": "descriptions {} similar", "nl": "beschrijvingen {} gelijkend",
                     "fr": "descriptions similaires à {}"},
}


def _reasons(c: dict[str, tuple[int, int]], title: float, description: float) -> dict[str, list[str]]:
    """The evidence of one pair, in words, per language."""
    out: dict[str, list[str]] = {language: [] for language in LANGUAGES}

    def same(key: str, value: float | None = None) -> None:
        for language, words in out.items():
            words.append(_SAME[key][language].format(decimal(value, language)) if value is not None
                         else _SAME[key][language])

    def counted(family: str) -> bool:
        shared, union = c[family]
        for language, words in out.items():
            every, some = _SHARED[family][language]
            if shared and shared == union:
                words.append(every)
            elif shared:
                words.append(some.format(shared, union))
        return bool(shared)

    counted("legal")
    if c["requirement-iris"][0] and c["requirement-iris"][0] == c["requirement-iris"][1]:
        same("requirements")
    else:
        counted("requirement-concepts")
    if not counted("evidence-iris"):
        counted("evidence-concepts")
    if c["usable-as"][0]:
        same("usable-as")
    elif c["output-sources"][0]:
        same("output-sources")
    elif c["output-types"][0]:
        counted("output-types")
    counted("events")
    if c["type"][0]:
        same("type")
    if c["mode"][0]:
        same("mode")
    same("titles", title)
    same("descriptions", description)
    return out


#: At most about this many services (besides those compared) give the text model its word statistics.
IDF_SAMPLE = 2000


@dataclass
class _Texts:
    """The text comparison of one run: the pairs compared, the services of the text model (those
    compared and a sample of the others) and each pair's similarity per field and language."""

    kept: list[tuple[int, int]]
    subset: list[int]
    sims: dict[str, dict[str, list[float]]] = field(default_factory=dict)  # field -> language -> per pair


@dataclass
class _Reuse:
    """A base's text comparison, and the services whose text changed since (by field)."""

    texts: _Texts
    changed: dict[str, set[int]]
    old: dict[str, dict[int, dict[str, str]]]  # field -> service -> the base's texts by language

    def known(self, name: str, texts: _Texts, fields: dict[int, dict[str, str]]) -> dict[str, np.ndarray]:
        """The base's similarities of field ``name`` in the languages where nothing they came from
        changed: the same pairs, the same text model, none of its services' texts in that language."""
        at = {pair: k for k, pair in enumerate(self.texts.kept)}  # the blocking's order is not the same run to run
        if texts.subset != self.texts.subset or len(at) != len(texts.kept) or any(p not in at for p in texts.kept):
            return {}
        order = np.array([at[pair] for pair in texts.kept], dtype=np.int64)
        model = set(texts.subset)
        moved = [i for i in self.changed.get(name, ()) if i in model]
        old = self.old.get(name, {})
        return {language: np.array(sims)[order] for language, sims in self.texts.sims.get(name, {}).items()
                if all(old.get(i, {}).get(language) == fields.get(i, {}).get(language) for i in moved)}


def duplicate_pairs(source, *, min_score: float | None = None, min_structure: float | None = None,
                    keep_all: bool = False) -> list[PairEvidence]:
    """The pairs of services that deliver the same thing, with their evidence; best first.

    ``keep_all`` returns every candidate pair that passes the gates, whatever its score (for fitting)."""
    return _pairs(_read_services(query_function(source)), min_score, min_structure, keep_all)[0]


def _pairs(data: _Services, min_score: float | None = None, min_structure: float | None = None,
           keep_all: bool = False, reuse: _Reuse | None = None) -> tuple[list[PairEvidence], _Texts]:
    """:func:`duplicate_pairs` of the services' table, and its text comparison (``reuse``: a base's,
    whose similarities are taken where nothing they came from changed)."""
    min_score = MIN_SCORE if min_score is None else min_score
    min_structure = MIN_STRUCTURE if min_structure is None else min_structure
    n = len(data.iris)
    if n < 2:
        return [], _Texts([], [])
    a, b = _candidates(data, n)
    kept = [(x, y) for x, y in zip(a.tolist(), b.tolist()) if _gate(data, x, y)]
    if not kept:
        return [], _Texts([], [])
    # Text similarity of the pairs that passed, with a text model of their services and a sample of others.
    involved = {v for pair in kept for v in pair}
    subset = sorted(involved | set(range(0, n, max(1, n // IDF_SAMPLE))))
    texts = _Texts(kept, subset)
    local = {v: k for k, v in enumerate(subset)}
    pa = np.array([local[x] for x, _ in kept], dtype=np.int64)
    pb = np.array([local[y] for _, y in kept], dtype=np.int64)
    similar = {}
    for name, table in (("titles", data.titles), ("descriptions", data.descriptions)):
        known = reuse.known(name, texts, table) if reuse is not None else {}
        per_language = text_similarity({local[v]: table.get(v, {}) for v in subset}, len(subset), pa, pb, known)
        texts.sims[name] = {language: sims.tolist() for language, sims in per_language.items()}
        similar[name] = mean_over_languages(per_language, len(pa)).tolist()
    pairs = []
    for (x, y), t, d in zip(kept, similar["titles"], similar["descriptions"]):
        c = _counts(data, x, y)
        structure = _structure(c)
        score = STRUCTURE_SHARE * structure + (1 - STRUCTURE_SHARE) * (0.6 * t + 0.4 * d)
        if keep_all or (structure >= min_structure and score >= min_score):
            pairs.append(PairEvidence(data.iris[x], data.iris[y], score, structure, t, d, _reasons(c, t, d)))
    pairs.sort(key=lambda p: (-p.score, p.a, p.b))
    return pairs, texts


def _cluster(pairs: list[PairEvidence]) -> list[list[str]]:
    nodes = sorted({p.a for p in pairs} | {p.b for p in pairs})
    index = {node: i for i, node in enumerate(nodes)}
    if not nodes:
        return []
    graph = sparse.coo_matrix((np.ones(len(pairs)), ([index[p.a] for p in pairs], [index[p.b] for p in pairs])),
                              shape=(len(nodes), len(nodes)))
    count, labels = connected_components(graph, directed=False)
    groups: dict[int, list[str]] = defaultdict(list)
    for node, label in zip(nodes, labels.tolist()):
        groups[label].append(node)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def find_duplicate_services(source, kind: Kind) -> list[Finding]:
    """``duplicate-service`` findings: one per cluster of services that deliver the same thing. The
    services' table and text comparison are kept in the model's ``notes`` (see :func:`state`)."""
    data = _read_services(query_function(source))
    pairs, texts = _pairs(data)
    notes = getattr(source, "notes", None)
    if notes is not None:
        notes[kind.name] = (data, texts)
    workspace = workspace_of(source)
    return _findings(pairs, source, kind, workspace.locate if workspace is not None else lambda subject: None)


def _findings(pairs: list[PairEvidence], source, kind: Kind, locate) -> list[Finding]:
    """One finding per cluster of ``pairs``, its services named by ``source``'s labels, located by ``locate``."""
    findings = []
    for members in _cluster(pairs):
        subject, others = members[0], members[1:]
        inner = [p for p in pairs if p.a in members and p.b in members]
        best = max(inner, key=lambda p: p.score)

        def message(language: str) -> str:
            who, why = names(source, members, language, quoted=True), reasons(best.reasons[language], language)
            many = {"en": " ({} services)", "nl": " ({} diensten)", "fr": " ({} services)"}[language]
            count = "" if len(members) == 2 else many.format(len(members))
            return {"en": f"{who}{count} seem to deliver the same service: {why}",
                    "nl": f"{who}{count} lijken dezelfde dienst te leveren: {why}",
                    "fr": f"{who}{count} semblent fournir le même service : {why}"}[language]

        findings.append(kind.finding(
            subject, others, messages(message), round(min(1.0, best.score), 4), location=locate(subject),
            reasons=best.reasons["en"], pairs=[(p.a, p.b, round(p.score, 4)) for p in inner]))
    return findings


# ---------------------------------------------------------------------------------------------
# Incremental: the table of a base, its texts patched
# ---------------------------------------------------------------------------------------------

def state(model) -> dict | None:
    """What an incremental check needs of this run (a plain value marshal writes): the services'
    table, the text comparison and the services' labels; None when the kind did not run on ``model``."""
    noted = getattr(model, "notes", {}).get(DUPLICATE_SERVICE.name)
    if noted is None:
        return None
    data, texts = noted
    return {"iris": list(data.iris), "titles": dict(data.titles), "descriptions": dict(data.descriptions),
            "sets": {family: {i: set(keys) for i, keys in table.items()} for family, table in data.sets.items()},
            "cases": dict(data.cases), "within": dict(data.within), "words": dict(data.words),
            "kept": [list(pair) for pair in texts.kept], "subset": list(texts.subset), "sims": texts.sims,
            "labels": {iri: dict(model.labels[iri]) for iri in data.iris if model.labels.get(iri)}}


def _from_state(value: dict) -> tuple[_Services, _Texts, dict[str, dict[str, str]]]:
    data = _Services()
    for iri in value["iris"]:
        data.add(iri)
    data.titles.update(value["titles"])
    data.descriptions.update(value["descriptions"])
    for family, table in value["sets"].items():
        data.sets[family].update(table)
    data.cases, data.within, data.words = dict(value["cases"]), dict(value["within"]), dict(value["words"])
    texts = _Texts([tuple(pair) for pair in value["kept"]], list(value["subset"]), value["sims"])
    return data, texts, dict(value["labels"])


class Uncertain(Exception):
    """The incremental update cannot be sure to give the whole run's result (the caller runs it whole)."""


def updated(value: dict, part, services: set[str], kind: Kind,
            locate) -> tuple[list[Finding], "cov.Coverage", dict, set[str]]:
    """``duplicate-service`` after the titles, descriptions or labels of ``services`` changed and
    nothing else it reads: the base's table (``value``, :func:`state`) with those services' texts
    read from ``part`` (a workspace holding every statement about them), the candidates, gates and
    text similarity recomputed on it, the base's similarities reused where nothing they came from
    changed. Its findings (located by ``locate``), coverage, new state and the nodes its messages
    name; :class:`Uncertain` where a text cannot be read as the whole run reads it."""
    from .model import LABEL_PREDICATES, AnalysisModel

    data, texts, labels = _from_state(value)
    if any(node.startswith("_:") for node in (*services, *data.iris)):
        raise Uncertain("a blank node's name differs from one load to the next")
    fields = {DCT + "title": data.titles, DCT + "description": data.descriptions}
    old: dict[str, dict[int, dict[str, str]]] = {"titles": {}, "descriptions": {}}
    changed: dict[str, set[int]] = {"titles": set(), "descriptions": set()}
    read = AnalysisModel()
    moved = sorted(service for service in services if service in data.index)
    rows = query_function(part)(f"""SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {" ".join(f"<{s}>" for s in moved)} }}
            VALUES ?p {{ {" ".join(f"<{p}>" for p in TEXT)} }} ?s ?p ?o FILTER(isLiteral(?o)) }}""") if moved else []
    now: dict[str, dict[int, dict[str, str]]] = {p: {data.index[s]: {} for s in moved} for p in fields}
    for s, p, o in rows:
        iri, p = node_key(s), p.value
        if p in LABEL_PREDICATES:
            read._add(iri, p, o)
        if p in fields:
            texts_of = now[p][data.index[iri]]
            if (o.language or "") in texts_of:  # the whole run keeps the store's last: its order is not ours
                raise Uncertain(f"{iri} has two {p} in one language")
            texts_of[o.language or ""] = o.value
    for p, name in ((DCT + "title", "titles"), (DCT + "description", "descriptions")):
        for i, texts_now in now[p].items():
            before = fields[p].get(i, {})
            if texts_now != before:
                old[name][i], changed[name] = before, changed[name] | {i}
                data.words.pop(i, None)
                if texts_now:
                    fields[p][i] = texts_now
                else:
                    fields[p].pop(i, None)
    for service in moved:
        if read.labels.get(service):
            labels[service] = dict(read.labels[service])
        else:
            labels.pop(service, None)
    pairs, texts = _pairs(data, reuse=_Reuse(texts, changed, old))
    source = AnalysisModel(types={iri: {CPSV + "PublicService"} for iri in data.iris}, labels=labels)
    with source.labels_named() as named:
        findings = _findings(pairs, source, kind, locate)
    new = {**value, "titles": dict(data.titles), "descriptions": dict(data.descriptions), "words": dict(data.words),
           "kept": [list(pair) for pair in texts.kept], "subset": list(texts.subset), "sims": texts.sims,
           "labels": labels}
    return findings, cov.duplicate_service(source), new, named


# ---------------------------------------------------------------------------------------------
# Registration
# ---------------------------------------------------------------------------------------------

def service_half(iri: str) -> int:
    """0 or 1: the half of the labelled data a service (or concept) belongs to, by a hash of its IRI."""
    return hashlib.sha1(iri.encode("utf-8")).digest()[0] & 1


_DUPLICATE_HELP = """\
Two or more services, of one authority or of several, that deliver the same thing to the same
audience. Each finding says why: the structural evidence the services share (legal basis,
requirements and required concepts, evidence, outputs usable as the same evidence, life events,
service type, granting mode) and how similar their titles and descriptions are, in every language
both have. Services offered by different authorities for different territories (`dct:spatial`) are
not duplicates; services that only look alike (similar titles, different structure) are not reported.

**What to do:** decide which service stays, and turn the other into a channel of it (or retire it).
"""


DUPLICATE_SERVICE = Kind(name="duplicate-service",
                         summary="Services that deliver the same thing to the same audience.",
                         help=_DUPLICATE_HELP, severity=Severity.INFO, run=find_duplicate_services, directness=0.8,
                         coverage=cov.duplicate_service, reads=DUPLICATE_READS)
