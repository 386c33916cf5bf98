"""Messages for the shapes that bring none (an organisation's own shapes, the official profiles).

eagraph's own rules say in words what is wrong; a shape without ``sh:message`` used to give
"dct:title does not satisfy sh:minCount", which a reader of a CI log has to decode. Here each
constraint kind gets a sentence in English, Dutch and French, naming the property, the offending
value (``{?value}``, filled in per result) and the constraint's own parameter (the class, the
datatype, the count …), read from the shape.
"""

from __future__ import annotations

import rdflib
from rdflib.namespace import SH

from eagraph.ontology import compact

#: Per constraint component: the shape's parameter that the sentence names, and the sentence in
#: each language; {p} is the property (or the node), {x} the parameter.
SENTENCES: dict[str, tuple[rdflib.URIRef | None, dict[str, str]]] = {
    "MinCount": (SH.minCount, {
        "en": "{p}: at least {x} value(s) required",
        "nl": "{p}: minstens {x} waarde(n) vereist",
        "fr": "{p} : au moins {x} valeur(s) requise(s)",
    }),
    "Missing": (None, {
        "en": "{p} is missing",
        "nl": "{p} ontbreekt",
        "fr": "{p} manque",
    }),
    "MaxCount": (SH.maxCount, {
        "en": "{p}: at most {x} value(s) allowed",
        "nl": "{p}: hoogstens {x} waarde(n) toegelaten",
        "fr": "{p} : au plus {x} valeur(s) admise(s)",
    }),
    "Class": (SH["class"], {
        "en": "{p} {{?value}} is not a {x}",
        "nl": "{p} {{?value}} is geen {x}",
        "fr": "{p} {{?value}} n'est pas de la classe {x}",
    }),
    "Datatype": (SH.datatype, {
        "en": "{p} {{?value}} is not of datatype {x}",
        "nl": "{p} {{?value}} is niet van datatype {x}",
        "fr": "{p} {{?value}} n'est pas du type de données {x}",
    }),
    "NodeKind": (SH.nodeKind, {
        "en": "{p} {{?value}} is not of node kind {x}",
        "nl": "{p} {{?value}} is niet van soort {x}",
        "fr": "{p} {{?value}} n'est pas de la sorte {x}",
    }),
    "In": (None, {
        "en": "{p} {{?value}} is not one of the allowed values",
        "nl": "{p} {{?value}} is geen toegelaten waarde",
        "fr": "{p} {{?value}} ne fait pas partie des valeurs admises",
    }),
    "HasValue": (SH.hasValue, {
        "en": "{p} lacks the value {x}",
        "nl": "{p} mist de waarde {x}",
        "fr": "{p} n'a pas la valeur {x}",
    }),
    "Pattern": (SH.pattern, {
        "en": "{p} {{?value}} does not match {x}",
        "nl": "{p} {{?value}} volgt het patroon {x} niet",
        "fr": "{p} {{?value}} ne suit pas le motif {x}",
    }),
    "LanguageIn": (None, {
        "en": "{p} {{?value}} is not in an allowed language",
        "nl": "{p} {{?value}} is niet in een toegelaten taal",
        "fr": "{p} {{?value}} n'est pas dans une langue admise",
    }),
    "UniqueLang": (None, {
        "en": "{p}: more than one value in one language",
        "nl": "{p}: meer dan één waarde in eenzelfde taal",
        "fr": "{p} : plus d'une valeur dans une même langue",
    }),
    "MinInclusive": (SH.minInclusive, {
        "en": "{p} {{?value}} is less than {x}",
        "nl": "{p} {{?value}} is kleiner dan {x}",
        "fr": "{p} {{?value}} est inférieur à {x}",
    }),
    "MaxInclusive": (SH.maxInclusive, {
        "en": "{p} {{?value}} is more than {x}",
        "nl": "{p} {{?value}} is groter dan {x}",
        "fr": "{p} {{?value}} est supérieur à {x}",
    }),
    "MinExclusive": (SH.minExclusive, {
        "en": "{p} {{?value}} is not more than {x}",
        "nl": "{p} {{?value}} is niet groter dan {x}",
        "fr": "{p} {{?value}} n'est pas supérieur à {x}",
    }),
    "MaxExclusive": (SH.maxExclusive, {
        "en": "{p} {{?value}} is not less than {x}",
        "nl": "{p} {{?value}} is niet kleiner dan {x}",
        "fr": "{p} {{?value}} n'est pas inférieur à {x}",
    }),
    "MinLength": (SH.minLength, {
        "en": "{p} {{?value}} is shorter than {x} characters",
        "nl": "{p} {{?value}} is korter dan {x} tekens",
        "fr": "{p} {{?value}} compte moins de {x} caractères",
    }),
    "MaxLength": (SH.maxLength, {
        "en": "{p} {{?value}} is longer than {x} characters",
        "nl": "{p} {{?value}} is langer dan {x} tekens",
        "fr": "{p} {{?value}} compte plus de {x} caractères",
    }),
    "QualifiedMinCount": (SH.qualifiedMinCount, {
        "en": "{p}: at least {x} value(s) of the required kind",
        "nl": "{p}: minstens {x} waarde(n) van de vereiste soort",
        "fr": "{p} : au moins {x} valeur(s) du type requis",
    }),
    "QualifiedMaxCount": (SH.qualifiedMaxCount, {
        "en": "{p}: at most {x} value(s) of that kind",
        "nl": "{p}: hoogstens {x} waarde(n) van die soort",
        "fr": "{p} : au plus {x} valeur(s) de ce type",
    }),
    "SPARQL": (None, {
        "en": "{p} fails the check of {x}",
        "nl": "{p} voldoet niet aan de controle {x}",
        "fr": "{p} ne satisfait pas au contrôle {x}",
    }),
}
#: How a sentence names what a node-level constraint is about.
THE_NODE = {"en": "the node", "nl": "het knooppunt", "fr": "le nœud"}


def default_messages(shapes: rdflib.Graph, shape, component: rdflib.URIRef, path) -> dict[str, str]:
    """A sentence per language for a constraint whose shape has no ``sh:message``."""
    name = str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    parameter, sentences = SENTENCES.get(name, (None, {"en": "{p} does not satisfy sh:" + name[:1].lower() + name[1:]}))
    if name == "SPARQL":
        shown = _shown(shape)
    else:
        values = list(shapes.objects(shape, parameter)) if parameter is not None else []
        shown = " or ".join(_shown(v) for v in values)
    if name == "MinCount" and shown == "1":
        sentences = SENTENCES["Missing"][1]
    return {language: sentence.format(p=compact(str(path)) if isinstance(path, rdflib.URIRef) else THE_NODE[language],
                                      x=shown)
            for language, sentence in sentences.items()}


def _shown(term) -> str:
    if isinstance(term, rdflib.URIRef):
        return compact(str(term))
    if isinstance(term, rdflib.Literal):
        return str(term)
    return "a shape"
