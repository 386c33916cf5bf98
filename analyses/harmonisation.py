"""``concept-harmonisation``: information concepts that stand for one notion but are defined
differently (``skos:definition``) in different regulations (``eag:definedIn``). One finding per
concept; ``related`` lists the other concepts of the notion and their regulations.

Two concepts stand for one notion when the model says so (``skos:closeMatch`` or
``skos:exactMatch``, either direction) or when their labels say so, in every language both are
labelled in. Character similarity is not enough: "Bescheiden inkomen" and "Bescheiden woning" read
alike and are two notions, "Kmo" and "Kleine of middelgrote onderneming" share no n-gram and are one.
So each label is read as a term, a *head* and the words that qualify it (Dutch, German and English
terms end in their head, before any preposition; French ones start with it, after the adjectives
that stand before a noun; a generic head such as "persoon" or "recht" hands over to its qualifier).
Per language, the evidence that two labels name one notion is

- 1 for the same words, or when one is the acronym of the other ("Kmo", "PME");
- from 0.5 for the same head ("woning", "gezinswoning": a Dutch compound ends in its head; "student",
  "studerende": one stem) up to 1 as the qualifiers agree, weighted by how rare each word is among
  the model's concept labels; one label's qualifiers within the other's is a wording, not another notion;
- the shared words times :data:`HEAD_MISMATCH` when the heads differ ("Zelfstandige in hoofdberoep",
  "Landbouwer in hoofdberoep").

The evidence is averaged over the languages, so that they must agree ("Droit au revenu
d'intégration" and "Droit à l'allocation d'intégration" read alike; "Recht op leefloon" and "Recht op
integratietegemoetkoming" do not). A concept whose definition starts from the other's label, as a
definition starts from its genus ("Identificatiegegevens van personen die niet in het Rijksregister
staan"), is a narrower notion, not the same. Paraphrases that share no word in any language
("Dakloze", "Persoon zonder woning") are beyond what labels can tell: the model says so with
``skos:closeMatch``.

Candidates are blocked on word stems, compound heads and initials (no pair loop). The threshold
:data:`MIN_NOTION_LABEL` was chosen on the training half of the labelled synthetic models and is
reported on the other half (``bench/analyze_quality.py --fit``).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
import pyoxigraph as ox
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from eagraph.findings import Finding, Severity
from eagraph.ontology import CV, DCT, EAG, SKOS

from . import coverage as cov
from .kind import Kind, Reads
from .model import node_key, query_function, statements_of, workspace_of
from .similarity import blocked_pairs, fold, mean_over_languages, text_similarity
from .structural import MODEL_FACTS
from .wording import decimal, messages, names


#: Label evidence (0..1, averaged over the languages both concepts have) that recognises one notion:
#: above "the heads agree but the qualifiers do not, in every language" (0.5), at or below "the
#: qualifiers also agree in part in one language" (0.625 and up). The best F1 on the training half
#: of the labelled synthetic models (1,000 to 50,000 services, ``bench/analyze_quality.py --fit``)
#: lies at 0.525 to 0.6 for every model; the example model in ``models/`` gets exactly its planted
#: notions from 0.575 to 0.8 (``tests/test_harmonisation.py``).
MIN_NOTION_LABEL = 0.6
#: Definitions more similar than this say the same thing (no harmonisation needed).
MAX_SAME_DEFINITION = 0.9
#: Blocking keys held by more defined concepts than this are too common to propose candidates ...
BLOCK_CAP = 60
#: ... except the same words, the strongest evidence: the notion a hundred regulations define
#: ("gezin") is the one most worth harmonising.
SAME_WORDS_CAP = 2000

_LABELS = (SKOS + "prefLabel", SKOS + "altLabel", DCT + "title")
#: Every property :func:`_read_concepts` reads of a concept, besides its type.
READS = frozenset({*_LABELS, SKOS + "definition", EAG + "definedIn", SKOS + "closeMatch", SKOS + "exactMatch"})


@dataclass
class _Concept:
    iri: str
    labels: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    definitions: dict[str, str] = field(default_factory=dict)
    regulations: set[str] = field(default_factory=set)
    matches: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class NotionGroup:
    """Concepts that stand for one notion: linked by the model (``linked``) or recognised from their
    labels, with the best label evidence of the recognised pairs."""
    concepts: list[str]
    linked: bool
    label_evidence: float | None


def _read_concepts(query) -> dict[str, _Concept]:
    concepts: dict[str, _Concept] = {}
    preds = (*_LABELS, SKOS + "definition", EAG + "definedIn", SKOS + "closeMatch", SKOS + "exactMatch")
    for s, p, o in query(statements_of(f"?s a <{CV}InformationConcept> .", preds)):
        c = concepts.setdefault(node_key(s), _Concept(node_key(s)))
        p = p.value
        if p == SKOS + "definition" and isinstance(o, ox.Literal):
            c.definitions[o.language or ""] = o.value
        elif p == EAG + "definedIn":
            c.regulations.add(node_key(o))
        elif p in (SKOS + "closeMatch", SKOS + "exactMatch"):
            c.matches.add(node_key(o))
        elif isinstance(o, ox.Literal):
            c.labels[o.language or ""].add(o.value)
    return concepts


# ---------------------------------------------------------------------------------------------
# Label evidence
# ---------------------------------------------------------------------------------------------

#: Languages whose terms end in their head ("Laag gezinsinkomen", "Landbouwer in hoofdberoep": the
#: head comes before the first preposition) and languages whose terms start with it ("Faibles revenus
#: du ménage": after the adjectives that stand before a noun).
_HEAD_FINAL = frozenset({"nl", "de", "en"})
_HEAD_INITIAL = frozenset({"fr", "es", "it", "pt"})
_ANY = "*"  # a language without lists of its own gets every language's


def _with_any(table: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    return {**table, _ANY: frozenset().union(*table.values())}


#: Per language, the words that start a complement (the head of a head-final term stands before
#: the first), that join two words, and articles: none of them names a notion.
_PREPOSITIONS = _with_any({
    "nl": frozenset("van voor in op met zonder uit bij aan over tot ten ter naar door tegen als".split()),
    "de": frozenset("von für fur mit ohne aus bei zum zur nach durch gegen im in an auf".split()),
    "en": frozenset("of for with without from by at on to as in".split()),
    "fr": frozenset("de d du des dans pour par sur avec sans sous entre vers chez selon comme en a au aux".split()),
})
_CONNECTORS = _with_any({"nl": frozenset({"en", "of"}), "de": frozenset({"und", "oder"}),
                         "en": frozenset({"and", "or"}), "fr": frozenset({"et", "ou"})})
_DETERMINERS = _with_any({"nl": frozenset({"de", "het", "een"}),
                          "de": frozenset("der die das den dem des ein eine".split()),
                          "en": frozenset({"the", "a", "an"}), "fr": frozenset("le la les l un une".split())})
#: French adjectives that stand before the noun (age, size, order, quality).
_PRENOMINAL = frozenset("""petit petite petits petites moyen moyenne moyens moyennes grand grande grands grandes
    jeune jeunes nouvel nouveau nouvelle nouveaux nouvelles faible faibles bon bonne bons bonnes
    premier premiere premiers seul seule seuls seules vieux vieil vieille ancien ancienne gros grosse
    haut haute bas basse""".split())
#: Heads that name no notion on their own: the notion is in what qualifies them ("Jonge persoon",
#: "Personne aux études", "Recht op leefloon").
_GENERIC_HEADS = frozenset("""persoon personen personne personnes person persons recht rechten droit droits
    right rights""".split())
#: Nouns that, after a generic head, only lead to what qualifies it ("Personne en situation de
#: handicap" is a "Personne handicapée"): skipped with the generic head. Standing first, they are a
#: notion of their own ("Situation familiale").
_LIGHT_HEADS = frozenset("situation situations situatie".split())
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")

#: Label evidence of two terms with different heads ("Zelfstandige in hoofdberoep", "Landbouwer in
#: hoofdberoep") is their shared words times this: sharing words is not enough without a head.
HEAD_MISMATCH = 0.4
#: The first words of a definition, where its genus (the broader notion it starts from) stands.
GENUS_WORDS = 3


@dataclass(frozen=True)
class Term:
    """A label split into its head and the words that qualify it; ``head`` is None in a language
    whose word order is not known here."""
    words: tuple[str, ...]
    head: str | None
    modifiers: tuple[str, ...]


def read_term(label: str, language: str) -> Term:
    """The label as a term; a parenthesis ("Bestaansmiddelen (maatschappelijke integratie)") only
    qualifies it, so its words are modifiers and never the head."""
    known = language if language in _PREPOSITIONS else _ANY
    prepositions, connectors, determiners = _PREPOSITIONS[known], _CONNECTORS[known], _DETERMINERS[known]
    main, _, aside = fold(label).partition("(")
    tokens = [t for t in _WORD.findall(main) if t not in determiners and not t.isdigit()]
    content = [t for t in tokens if t not in prepositions and t not in connectors]
    qualifiers = [t for t in _WORD.findall(aside)
                  if t not in determiners and t not in prepositions and t not in connectors and not t.isdigit()]
    words = tuple(content + qualifiers)
    if not content or (language not in _HEAD_FINAL and language not in _HEAD_INITIAL):
        return Term(words, None, ())
    if language in _HEAD_FINAL:
        cut = next((i for i, t in enumerate(tokens) if i > 0 and t in prepositions), len(tokens))
        phrase = [t for t in tokens[:cut] if t in content] or content[:1]
        head = phrase[-1]
        candidates = phrase[-2::-1] + [t for t in content if t not in phrase] + qualifiers
    else:
        start = next((i for i, t in enumerate(content) if t not in _PRENOMINAL), 0)
        head = content[start]
        candidates = content[start + 1:] + content[:start] + qualifiers
    skipped = _GENERIC_HEADS
    if head in _GENERIC_HEADS:
        skipped = _GENERIC_HEADS | _LIGHT_HEADS
        head = next((c for c in candidates if c not in skipped), head)
    modifiers = list(words)
    modifiers.remove(head)
    return Term(words, head, tuple(m for m in modifiers if m not in skipped))


def _same_term(u: str, v: str) -> bool:
    """One word, or the head of a compound (the shorter ends the longer: "gezinsinkomen", "inkomen")."""
    short, long_ = (u, v) if len(u) <= len(v) else (v, u)
    return _same_stem(u, v) or (len(short) >= 4 and long_.endswith(short))


def _same_stem(u: str, v: str) -> bool:
    """Equal, or one stem with other endings ("student", "studerende"; "étudiant", "études"): they
    share all but the last letters of each."""
    if u == v:
        return True
    common = 0
    for a, b in zip(u, v):
        if a != b:
            break
        common += 1
    return common >= 4 and common >= min(len(u), len(v)) - 2 and max(len(u), len(v)) - common <= 5


def _compound_rest(u: str, v: str) -> str:
    """What a compound adds before a shared head ("gezins" in "gezinsinkomen"), without the Dutch
    linking s, as one more modifier."""
    short, long_ = (u, v) if len(u) <= len(v) else (v, u)
    if len(long_) > len(short) >= 4 and long_.endswith(short):
        rest = long_[: -len(short)].rstrip("-")
        return rest[:-1] if rest.endswith("s") and len(rest) > 4 else rest
    return ""


def _acronym(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """One label is a single word spelling the initials of the other's words ("Kmo", "PME")."""
    return any(len(a) == 1 and 2 <= len(a[0]) <= 6 and len(b) >= 2 and a[0] == "".join(w[0] for w in b)
               for a, b in ((x, y), (y, x)))


def _covered(these, those, weight) -> float:
    """The weighted share of ``these`` words that ``those`` has too."""
    total = sum(map(weight, these))
    return sum(weight(t) for t in these if any(_same_term(t, u) for u in those)) / total if total else 0.0


def term_evidence(x: Term, y: Term, weight) -> float:
    """How strongly two labels of one language name one notion, 0..1: 1 for the same words or an
    acronym; from 0.5 for the same head, up to 1 as their modifiers agree (one's modifiers within the
    other's is a narrower wording, not another notion); shared words discounted without a shared head."""
    if not x.words or not y.words:
        return 0.0
    if set(x.words) == set(y.words) or _acronym(x.words, y.words):
        return 1.0
    if x.head is None or y.head is None:
        return min(_covered(x.words, y.words, weight), _covered(y.words, x.words, weight))
    if not _same_term(x.head, y.head):
        return HEAD_MISMATCH * min(_covered(x.words, y.words, weight), _covered(y.words, x.words, weight))
    rest = _compound_rest(x.head, y.head)
    mx, my = list(x.modifiers), list(y.modifiers)
    if rest:
        (mx if len(x.head) > len(y.head) else my).append(rest)
    if not mx or not my:
        return 1.0
    return 0.5 + 0.5 * max(_covered(mx, my, weight), _covered(my, mx, weight))


def _blocking_keys(term: Term) -> set[str]:
    """Keys two labels of one notion are likely to share: word stems, compound heads, initials."""
    keys = {"words " + " ".join(sorted(set(term.words)))} if term.words else set()
    keys |= {f"stem {t[:4]}" for t in term.words}
    keys |= {f"head {t[-5:]}" for t in term.words if len(t) >= 5}
    if len(term.words) == 1 and 2 <= len(term.words[0]) <= 6:
        keys.add(f"initials {term.words[0]}")
    if len(term.words) >= 2:
        keys.add("initials " + "".join(w[0] for w in term.words))
    return keys


def _defined_by(narrower: _Concept, broader: _Concept) -> bool:
    """Whether ``narrower``'s definition starts from ``broader``'s label, as a definition starts from
    its genus ("Identificatiegegevens van personen die niet in het Rijksregister staan" defines a kind
    of "Identificatiegegevens"): then the two are a notion and a narrower one, not one notion."""
    for language, definition in narrower.definitions.items():
        articles = _DETERMINERS.get(language, _DETERMINERS[_ANY])
        opening = [t for t in _WORD.findall(fold(definition)) if t not in articles][:GENUS_WORDS]

        def opens_with(concept: _Concept) -> bool:
            return any((words := read_term(label, language).words)
                       and all(any(_same_stem(w, t) for t in opening) for w in words)
                       for label in concept.labels.get(language, ()))

        # A definition that restates its own term ("Gezin: ...") names no broader notion.
        if opens_with(broader) and not opens_with(narrower):
            return True
    return False


class _LabelEvidence:
    """One language: every defined concept's labels analysed, and the rarity of words among the labels
    of all information concepts (not only the defined ones)."""

    def __init__(self, defined: list[_Concept], every: list[_Concept], language: str):
        self.terms = [[read_term(label, language) for label in sorted(c.labels.get(language, ()))] for c in defined]
        corpus = [set(read_term(label, language).words) for c in every for label in c.labels.get(language, ())]
        frequency = Counter(t for words in corpus for t in words)
        size = max(1, len(corpus))
        self.weight = lambda t: math.log((size + 1) / (frequency.get(t, 0) + 1)) + 1

    def score(self, x: int, y: int) -> float | None:
        """The strongest evidence over the two concepts' labels; None where one has no label here."""
        if not self.terms[x] or not self.terms[y]:
            return None
        return max(term_evidence(a, b, self.weight) for a in self.terms[x] for b in self.terms[y])


def label_evidence(defined: list[_Concept], every: list[_Concept], pairs: list[tuple[int, int]]) -> np.ndarray:
    """Per pair of defined concepts: the label evidence averaged over the languages both are labelled in."""
    languages = sorted({lang for c in defined for lang in c.labels})
    per_language = {}
    for language in languages:
        evidence = _LabelEvidence(defined, every, language)
        scores = [evidence.score(x, y) for x, y in pairs]
        per_language[language] = np.array([np.nan if s is None else s for s in scores], dtype=np.float64)
    return mean_over_languages(per_language, len(pairs))


# ---------------------------------------------------------------------------------------------
# Notions
# ---------------------------------------------------------------------------------------------

def harmonisation_groups(source, *, min_label: float | None = None) -> list[NotionGroup]:
    """Notions defined differently in several regulations: [{concepts, linked, label_evidence}], where
    ``label_evidence`` is None for a notion the model links and no label recognised."""
    return _groups(_read_concepts(query_function(source)), MIN_NOTION_LABEL if min_label is None else min_label)


def _groups(concepts: dict[str, _Concept], min_label: float) -> list[NotionGroup]:
    # Only concepts with a definition in a regulation can need harmonising.
    defined_iris = sorted(iri for iri, c in concepts.items() if c.definitions and c.regulations)
    n = len(defined_iris)
    if n < 2:
        return []
    defined = [concepts[iri] for iri in defined_iris]
    index = {iri: i for i, iri in enumerate(defined_iris)}
    linked = {tuple(sorted((index[c.iri], index[other]))) for c in defined for other in c.matches
              if other in index and other != c.iri}
    keys = {i: {key for lang, labels in c.labels.items() for label in labels
                for key in _blocking_keys(read_term(label, lang))} for i, c in enumerate(defined)}
    a, b = blocked_pairs(keys, n, lambda key: SAME_WORDS_CAP if key.startswith("words ") else BLOCK_CAP)
    proposed = sorted(set(zip(a.tolist(), b.tolist())) - linked)
    evidence = dict(zip(proposed, label_evidence(defined, list(concepts.values()), proposed).tolist()))
    recognised = {(x, y) for x, y in proposed if evidence[(x, y)] >= min_label
                  and not _defined_by(defined[x], defined[y]) and not _defined_by(defined[y], defined[x])}
    pairs = sorted(linked | recognised)
    definitions = {i: dict(c.definitions) for i, c in enumerate(defined)}
    pa = np.array([p[0] for p in pairs], dtype=np.int64)
    pb = np.array([p[1] for p in pairs], dtype=np.int64)
    definition_sim = dict(zip(pairs, mean_over_languages(text_similarity(definitions, n, pa, pb), len(pairs)).tolist()))
    # One notion, different definitions, different regulations.
    edges = [(x, y) for x, y in pairs
             if defined[x].regulations != defined[y].regulations and definition_sim[(x, y)] < MAX_SAME_DEFINITION]
    if not edges:
        return []
    graph = sparse.coo_matrix((np.ones(len(edges)), ([e[0] for e in edges], [e[1] for e in edges])), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    members: dict[int, set[int]] = defaultdict(set)
    edges_of: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for edge in edges:
        group = int(component[edge[0]])
        members[group].update(edge)
        edges_of[group].append(edge)
    out = []
    for group, inside in members.items():
        recognised_edges = [e for e in edges_of[group] if e not in linked]
        out.append(NotionGroup(
            concepts=[defined_iris[m] for m in sorted(inside)],
            linked=len(recognised_edges) < len(edges_of[group]),
            label_evidence=max((evidence[e] for e in recognised_edges), default=None),
        ))
    return sorted(out, key=lambda g: g.concepts)


def find_concept_harmonisation(source, kind: Kind) -> list[Finding]:
    """``concept-harmonisation`` findings: one per concept of a notion defined differently."""
    concepts = _read_concepts(query_function(source))
    workspace = workspace_of(source)
    findings = []
    for group in _groups(concepts, MIN_NOTION_LABEL):
        members = group.concepts
        regulations = sorted({r for m in members for r in concepts[m].regulations})
        score = _harmonisation_benefit(source, members, regulations)
        for concept in members:
            others = [m for m in members if m != concept]
            related = tuple(sorted(set(others) | {r for o in others for r in concepts[o].regulations}))

            def message(language: str) -> str:
                who = names(source, [concept, *others], language, quoted=True)
                how, count, laws = _how(group, language), len(members), len(regulations)
                return {"en": f"{who} ({how}) stand for one notion but are defined differently in {laws} "
                              f"regulations: harmonise the {count} definitions",
                        "nl": f"{who} ({how}) staan voor één begrip maar worden verschillend gedefinieerd in "
                              f"{laws} regelgevingen: harmoniseer de {count} definities",
                        "fr": f"{who} ({how}) désignent une même notion mais sont définis différemment dans "
                              f"{laws} réglementations : harmonisez les {count} définitions"}[language]

            findings.append(kind.finding(
                concept, related, messages(message), round(max(0.0, score), 4),
                location=workspace.locate(concept) if workspace is not None else None,
                group=tuple(members),  # one notion: its findings are one item in a top ten
            ))
    return findings


def _how(group: NotionGroup, language: str) -> str:
    """How the notion was found, in words: a link the model states, or the labels' evidence."""
    if group.linked:
        return {"en": "linked by skos:closeMatch/exactMatch", "nl": "verbonden met skos:closeMatch/exactMatch",
                "fr": "liés par skos:closeMatch/exactMatch"}[language]
    evidence = decimal(group.label_evidence, language)
    return {"en": f"recognised from their labels, {evidence} alike",
            "nl": f"herkend aan hun labels, {evidence} gelijkend",
            "fr": f"reconnus à leurs libellés, similaires à {evidence}"}[language]


def _harmonisation_benefit(source, members: list[str], regulations: list[str]) -> float:
    """Expected benefit, on the scale of the other kinds: the yearly cases of the services whose
    requirements or evidence use one of the concepts, the authorities running them, and the
    definitions to harmonise. Without an AnalysisModel (a bare workspace), the number of
    regulations alone, kept low."""
    from .structural import benefit

    if not hasattr(source, "required_concepts"):
        return min(0.5, 0.1 * len(regulations))
    users = set().union(*(source.services_by_concept.get(member, ()) for member in members))
    using = [s for s in source.services if s in users]
    authorities = {a for s in using for a in source.authorities_of(s)}
    return benefit((source.cases(s) for s in using), len(authorities), len(regulations))


_HELP = """\
Information concepts that stand for one notion (linked with `skos:closeMatch` or `skos:exactMatch`,
or recognised from their labels: alike in every language both are labelled in, sharing rare terms,
or one the acronym of the other) but carry different definitions (`skos:definition`) in different
regulations (`eag:definedIn`). One finding per concept; `related` lists the other concepts of the
notion and their regulations. Concepts with the same definition in several regulations, and
look-alike labels within one regulation, are not reported.

**What to do:** align the definitions, so that one authentic source can serve every service.
"""


CONCEPT_HARMONISATION = Kind(name="concept-harmonisation",
                             summary="One notion defined differently in several regulations.",
                             help=_HELP, severity=Severity.INFO, run=find_concept_harmonisation, directness=0.6,
                             coverage=cov.concept_harmonisation,
                             # a concept's labels are read, not a service's title; the benefit reads the model
                             reads=MODEL_FACTS | Reads(READS - set(_LABELS),
                                                       {CV + "InformationConcept": frozenset(_LABELS)}))
