"""Text helpers: slugs, capitals, French contractions, Turtle literals, dates, full IRIs and
enterprise numbers."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from .namespaces import PREFIXES
from .vocabulary import MONTHS_FR, MONTHS_NL


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


def _uc(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lc(text: str) -> str:
    if len(text) > 1 and text[1].isupper():  # an acronym: KBO, EPC
        return text
    return text[:1].lower() + text[1:]


def _fr(prep: str, phrase: str) -> str:
    """French preposition + phrase, with the contractions French requires (de le → du, à les → aux)."""
    if prep == "de":
        for plain, contracted in (("le ", "du "), ("les ", "des "), ("des ", "de "), ("un ", "d'un "), ("une ", "d'une "),
                                  ("Le ", "du "), ("Les ", "des ")):
            if phrase.startswith(plain):
                return contracted + phrase[len(plain):]
        if phrase[:1].lower() in "aeiouyâéèêîô" and not phrase.startswith(("l'", "L'")):
            return "d'" + phrase
        return "de " + phrase
    if prep == "à":
        if phrase.startswith(("le ", "Le ")):
            return "au " + phrase[3:]
        if phrase.startswith(("les ", "Les ")):
            return "aux " + phrase[4:]
    return f"{prep} {phrase}"


def _lit(text: str, lang: str | None = None) -> str:
    """A Turtle string literal, escaped."""
    body = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{body}"@{lang}' if lang else f'"{body}"'


def _long_lit(text: str, lang: str) -> str:
    """A Turtle long string literal (\"\"\"...\"\"\"), which may span lines."""
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"""{body}"""@{lang}'


def _date_nl(d: date) -> str:
    return f"{d.day} {MONTHS_NL[d.month - 1]} {d.year}"


def _date_fr(d: date) -> str:
    return f"{'1er' if d.day == 1 else d.day} {MONTHS_FR[d.month - 1]} {d.year}"


def _full(term: str) -> str:
    """The full IRI of a prefixed name or an <IRI>."""
    if term.startswith("<"):
        return term[1:-1]
    prefix, local = term.split(":", 1)
    return PREFIXES[prefix] + local


def _mod97(base8: int) -> str:
    """A Belgian enterprise number: eight digits and a two-digit check, 97 - (first eight mod 97)."""
    return f"{base8:08d}{97 - base8 % 97:02d}"
