"""The canonical Turtle layout of ``eagraph fmt``: one way to write a graph, so that a diff shows
what changed and never how it was typed.

- prefixes sorted by name, only those used (the file's own names: a team's habits stay);
- one block per subject, subjects sorted by how they are written; ``a`` (rdf:type) first, then
  the labels (skos:prefLabel, rdfs:label, dct:title, skos:altLabel), then the other properties
  sorted; the objects of a property sorted;
- a blank node used once as an object is written nested (``[ … ]``), a well-formed list as
  ``( … )``; other blank nodes get labels numbered in order of appearance;
- literals keep their exact lexical form (``"007"^^xsd:integer`` stays ``007``); a string with
  line breaks is written between triple quotes, with its breaks;
- objects of one property on one line while it stays under :data:`WIDTH` characters, else one a
  line; each comment above the subject it belongs to.
"""

from __future__ import annotations

import re
from collections import defaultdict

from eagraph.ontology import DCT, RDF, RDFS, SKOS, XSD
from eagraph.workspace.turtle import MAX_NESTING

RDF_TYPE = f"<{RDF}type>"
RDF_FIRST, RDF_REST, RDF_NIL = f"<{RDF}first>", f"<{RDF}rest>", f"<{RDF}nil>"
LABELS = (f"<{SKOS}prefLabel>", f"<{RDFS}label>", f"<{DCT}title>", f"<{SKOS}altLabel>")
WIDTH = 100
INDENT = "    "

_IRI_ESCAPE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?\Z")
_PREFIX_NAME = re.compile(r"(?:[A-Za-z](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?)?\Z")
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+\Z")
_DOUBLE = re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+\Z")
_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?\Z', re.S)
_NT_UNESCAPE = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))', re.S)
_NT_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


class Writer:
    """Writes the statements of one file in the canonical layout."""

    def __init__(self, statements: list[tuple[str, str, str]], prefixes: dict[str, str],
                 property_comments: dict[tuple[str, str], list[str]] | None = None):
        self.property_comments = property_comments or {}
        self.by_subject: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.references: dict[str, int] = defaultdict(int)
        for s, p, o in dict.fromkeys(statements):  # a statement said twice is one statement
            self.by_subject[s][p].append(o)
            if o.startswith("_:"):
                self.references[o] += 1
        namespaces = {}
        for name, namespace in sorted(prefixes.items()):
            if _PREFIX_NAME.match(name):
                namespaces.setdefault(namespace, name)
        # The longest namespace first, so that a term gets the most specific prefix.
        self.namespaces = sorted(namespaces.items(), key=lambda item: (-len(item[0]), item[1]))
        self.used: set[str] = set()
        self.labels: dict[str, str] = {}
        self.nested = {node for node, count in self.references.items()
                       if count == 1 and node in self.by_subject and not self._cycle(node)}
        self.lists: dict[str, list[str]] = {}
        self.list_cells: set[str] = set()  # the cells after a list's head: written inside the list
        for node in sorted(self.nested):
            if node in self.nested and (items := self._list(node)) is not None:
                self.lists[node] = items
        self._limit_nesting()
        self.parent = {o: s for s, properties in self.by_subject.items() for objects in properties.values()
                       for o in objects if o in self.nested}

    # -- terms ------------------------------------------------------------------------------------
    def iri(self, term: str, predicate: bool = False) -> str:
        if predicate and term == RDF_TYPE:
            return "a"
        iri = term[1:-1]
        for namespace, name in self.namespaces:
            local = iri[len(namespace):]
            if iri.startswith(namespace) and (local == "" or _LOCAL.match(local)):
                self.used.add(name)
                return f"{name}:{local}"
        return "<" + _IRI_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04X}", iri) + ">"

    def literal(self, term: str) -> str:
        m = _LITERAL.match(term)
        escaped, language, datatype = m.group(1), m.group(2), m.group(3)
        if datatype == XSD + "boolean" and escaped in ("true", "false"):
            return escaped
        if datatype == XSD + "integer" and _INTEGER.match(escaped):
            return escaped
        if datatype == XSD + "decimal" and _DECIMAL.match(escaped):
            return escaped
        if datatype == XSD + "double" and _DOUBLE.match(escaped):
            return escaped
        value = _unescape(escaped)
        if "\n" in value and "\r" not in value:
            text = '"""' + value.replace("\\", "\\\\").replace('"', '\\"') + '"""'
        else:
            text = f'"{escaped}"'
        if language:
            return f"{text}@{language}"
        return f"{text}^^{self.iri(f'<{datatype}>')}" if datatype else text

    def term(self, term: str, depth: int) -> str:
        if term.startswith("<"):
            return self.iri(term)
        if term.startswith('"'):
            return self.literal(term)
        if term in self.lists:
            items = [self.term(item, depth) for item in self.lists[term]]
            return "( " + " ".join(items) + " )" if items else "()"
        if term in self.nested:
            return self.nested_node(term, depth)
        if term not in self.by_subject and self.references.get(term) == 1:
            return "[]"
        return self.label(term)

    def label(self, node: str) -> str:
        if node not in self.labels:
            self.labels[node] = f"_:b{len(self.labels) + 1}"
        return self.labels[node]

    # -- blocks ------------------------------------------------------------------------------------
    def nested_node(self, node: str, depth: int) -> str:
        lines = self.properties(node, depth + 1)
        if not lines:
            return "[]"
        pad = INDENT * depth
        return "[\n" + " ;\n".join(lines) + f"\n{pad}]"

    def properties(self, subject: str, depth: int) -> list[str]:
        pad = INDENT * depth
        lines = []
        for predicate in self.predicate_order(subject):
            objects = sorted((self.term(o, depth) for o in self.by_subject[subject][predicate]), key=_object_key)
            head = f"{pad}{self.iri(predicate, predicate=True)} "
            one_line = head + " , ".join(objects)
            if len(one_line) <= WIDTH or any("\n" in o for o in objects):
                line = one_line  # short, or nested blocks chained: "] , ["
            else:
                line = head + (" ,\n" + pad + INDENT).join(objects)
            comments = self.property_comments.get((subject, predicate), [])
            lines.append("".join(f"{pad}{c}\n" for c in comments) + line)
        return lines

    def predicate_order(self, subject: str) -> list[str]:
        def key(predicate: str) -> tuple:
            if predicate == RDF_TYPE:
                return (0, 0, "")
            if predicate in LABELS:
                return (1, LABELS.index(predicate), "")
            return (2, 0, self.iri(predicate, predicate=True))
        return sorted(self.by_subject[subject], key=key)

    def block(self, subject: str, comments: list[str]) -> str:
        head = self.term(subject, 0) if not subject.startswith("_:") else self.label(subject)
        lines = self.properties(subject, 1)
        body = f"{head} " + " ;\n".join(lines).lstrip() + " ." if lines else f"{head} ."
        if subject.startswith("_:") and self.references.get(subject, 0) == 0:
            body = "[] " + " ;\n".join(lines).lstrip() + " ."  # a blank node nothing refers to
        return "".join(f"{c}\n" for c in comments) + body

    def document(self, comments: dict[str, list[str]], header: list[str], footer: list[str]) -> str:
        comments = self._rehome(comments)
        top = [s for s in self.by_subject if s not in self.nested and s not in self.list_cells]
        # Subjects sorted as written; blank nodes after the named ones, in a stable order of content.
        named = sorted((s for s in top if not s.startswith("_:")), key=lambda s: self.term(s, 0))
        blank = sorted((s for s in top if s.startswith("_:")), key=self._blank_key)
        order = named + blank
        blocks = [self.block(s, comments.get(s, [])) for s in order]
        orphans = [c for s, cs in comments.items() if s not in self.by_subject for c in cs]
        prefixes = [f"@prefix {name}: <{ns}> ." for ns, name in sorted(self.namespaces, key=lambda item: item[1])
                    if name in self.used]
        if not prefixes and order and comments.get(order[0]):
            # Without a directive between them, the first block's comments read back as the header.
            header = header + comments[order[0]]
            blocks[0] = self.block(order[0], [])
        parts = []
        if header:
            parts.append("\n".join(header))
        if prefixes:
            parts.append("\n".join(prefixes))
        parts += blocks
        if orphans or footer:
            parts.append("\n".join(orphans + footer))
        return "\n\n".join(parts) + "\n" if parts else ""

    def _rehome(self, comments: dict[str, list[str]]) -> dict[str, list[str]]:
        """A nested node's comments go above the top-level block that holds it."""
        placed: dict[str, list[str]] = {}
        for subject, lines in comments.items():
            while subject in self.parent:
                subject = self.parent[subject]
            placed.setdefault(subject, []).extend(lines)
        return placed

    # -- blank-node structure -----------------------------------------------------------------------
    def _cycle(self, node: str) -> bool:
        """Whether nesting ``node`` would nest it in itself."""
        seen, todo = set(), [node]
        while todo:
            current = todo.pop()
            for objects in self.by_subject.get(current, {}).values():
                for o in objects:
                    if o == node:
                        return True
                    if o.startswith("_:") and o not in seen:
                        seen.add(o)
                        todo.append(o)
        return False

    def _list(self, node: str) -> list[str] | None:
        """The items of a well-formed list starting at ``node``, or None."""
        items, current, seen = [], node, set()
        while current != RDF_NIL:
            properties = self.by_subject.get(current)
            if (current in seen or properties is None or set(properties) != {RDF_FIRST, RDF_REST}
                    or len(properties[RDF_FIRST]) != 1 or len(properties[RDF_REST]) != 1
                    or (current != node and self.references.get(current) != 1)):
                return None
            seen.add(current)
            items.append(properties[RDF_FIRST][0])
            current = properties[RDF_REST][0]
            if current != RDF_NIL and not current.startswith("_:"):
                return None
        for cell in seen - {node}:
            self.nested.discard(cell)
            self.list_cells.add(cell)
        return items

    def _limit_nesting(self) -> None:
        """Nest no deeper than eagraph reads (:data:`MAX_NESTING`): a node that would be written
        deeper gets a label and a block of its own, so a long chain of blank nodes is written in
        pieces that read back, and writing it never recurses past the limit."""
        top = [s for s in self.by_subject if s not in self.nested and s not in self.list_cells]
        todo = [(node, 0) for node in top]
        while todo:
            node, depth = todo.pop()
            for child in self._nested_children(node):
                if depth + 1 > MAX_NESTING:
                    self._unnest(child)
                    todo.append((child, 0))
                else:
                    todo.append((child, depth + 1))

    def _nested_children(self, node: str) -> list[str]:
        """The nodes written inside ``node``'s brackets (a list's: inside its parentheses)."""
        if node in self.lists:
            objects = self.lists[node]
        else:
            objects = [o for objects in self.by_subject.get(node, {}).values() for o in objects]
        return [o for o in objects if o in self.nested]

    def _unnest(self, node: str) -> None:
        """Write ``node`` as a labelled block; a list's cells become plain blank nodes again."""
        self.nested.discard(node)
        if self.lists.pop(node, None) is not None:
            cell = self.by_subject[node][RDF_REST][0]
            while cell != RDF_NIL:
                self.list_cells.discard(cell)
                self.nested.add(cell)
                cell = self.by_subject[cell][RDF_REST][0]

    def _blank_key(self, node: str) -> str:
        return repr(sorted((p, o if not o.startswith("_:") else "_") for p, os in self.by_subject[node].items()
                           for o in os))


def _object_key(text: str) -> tuple:
    return (text.startswith(("[", "(")), text)


def _unescape(escaped: str) -> str:
    def replace(m: re.Match) -> str:
        if m.group(3) is not None:
            return _NT_ECHAR.get(m.group(3), m.group(3))
        return chr(int(m.group(1) or m.group(2), 16))
    return _NT_UNESCAPE.sub(replace, escaped)
