"""How findings name things and numbers in each of their languages, one way for every kind.

A finding carries its message in every language a report may ask for; each names nodes by their
label in that language (the AnalysisModel's choice when it lacks one), quotes them as the language
does, and writes decimals with the language's separator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from eagraph.findings import MESSAGE_LANGUAGES as LANGUAGES
from eagraph.ontology import local_name


def messages(build: Callable[[str], str]) -> dict[str, str]:
    """One message per language."""
    return {language: build(language) for language in LANGUAGES}


def quote(text: str, language: str) -> str:
    return f"« {text} »" if language == "fr" else f"“{text}”"


def name(source, node: str, language: str) -> str:
    """A node's label in ``language`` where the source knows labels (an AnalysisModel), else its IRI's end
    (a bare workspace)."""
    if hasattr(source, "label"):
        return source.label(node, language)
    return local_name(node)


def names(source, nodes: Iterable[str], language: str, quoted: bool = False) -> str:
    """Several nodes as one phrase: "a, b and c"."""
    found = [name(source, n, language) for n in dict.fromkeys(nodes)]
    if quoted:
        found = [quote(n, language) for n in found]
    if len(found) <= 1:
        return "".join(found)
    last = {"en": " and ", "nl": " en ", "fr": " et "}[language]
    return ", ".join(found[:-1]) + last + found[-1]


def decimal(value: float, language: str) -> str:
    """Two decimals, with a decimal comma in Dutch and French."""
    text = f"{value:.2f}"
    return text if language == "en" else text.replace(".", ",")


def reasons(items: Iterable[str], language: str) -> str:
    """Reasons one after the other, separated by semicolons (with a space before them in French)."""
    return (" ; " if language == "fr" else "; ").join(items)
