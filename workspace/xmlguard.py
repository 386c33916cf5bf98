"""The one check every XML file passes before eagraph parses it: no DTD that could define entities.

XML entities are how an XML file reads a local file into its content (XXE) or grows a kilobyte
into gigabytes ("billion laughs"). eagraph never needs them, so it never expands them: a file
whose DOCTYPE has an internal subset (``<!DOCTYPE r [ ... ]>``, where entities are declared) is
refused before any parser that might expand them sees it. The internal subset is refused as a
whole, whatever it holds, because a parser that skips part of it cannot say what the rest means:
after an undeclared parameter entity (``%undeclared;``) expat stops reporting the declarations
that follow, while other parsers still expand them. No DTD is parsed by eagraph itself: the
check is expat's own report of the DOCTYPE (``has_internal_subset``), with external DTDs and
parameter entities never loaded.
"""

from __future__ import annotations

import xml.parsers.expat

from .limits import MAX_MARKUP_NESTING

_WHY = "eagraph never expands XML entities (they can read local files or grow without bound)"


class XmlRefused(ValueError):
    """An XML file eagraph will not read, at a line and column (1-based)."""

    def __init__(self, line: int, column: int, message: str):
        super().__init__(f"{line}:{column}: {message}")
        self.line, self.column, self.message = line, column, message


def check_xml(data: bytes | str, max_depth: int = MAX_MARKUP_NESTING) -> None:
    """Raise :class:`XmlRefused` if ``data`` is not well-formed XML, holds a DTD that can declare
    entities (an internal subset, or an entity declaration anywhere), or nests elements deeper
    than ``max_depth``."""
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def here() -> tuple[int, int]:
        return parser.CurrentLineNumber, parser.CurrentColumnNumber + 1

    subset: list[tuple[int, int, str]] = []  # where a DOCTYPE with an internal subset starts

    def doctype(name, _system_id, _public_id, has_internal_subset):
        if has_internal_subset:
            subset.append((*here(), name))

    def end_doctype():
        # Reached when no entity declaration was reported first: the subset is refused as a whole.
        if subset:
            line, column, name = subset[0]
            raise XmlRefused(line, column, f"the DOCTYPE of <{name}> has an internal subset, where XML entities are "
                                           f"declared; it is refused: {_WHY} (remove the DOCTYPE)")

    def entity(name, *_args):
        raise XmlRefused(*here(), f"the file declares XML entities ('{name}'); they are refused: {_WHY}")

    depth = [0]

    def start(name, _attributes):
        depth[0] += 1
        if depth[0] > max_depth:
            raise XmlRefused(*here(), f"elements nested more than {max_depth} deep: eagraph reads at most "
                                      f"{max_depth} levels of XML elements")

    def end(_name):
        depth[0] -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = doctype
    parser.EndDoctypeDeclHandler = end_doctype
    parser.EntityDeclHandler = entity
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise XmlRefused(exc.lineno, exc.offset + 1,
                         f"not well-formed XML: {xml.parsers.expat.ErrorString(exc.code)}") from None
