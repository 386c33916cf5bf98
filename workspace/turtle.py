"""A Turtle parser that remembers where every statement came from.

rdflib's and Oxigraph's parsers give triples but no positions, and an architect reading a
validation finding needs the file and line of the statement it is about. This module parses
Turtle (and so N-Triples, a subset of it) in one pass and emits, for every triple, its
N-Triples text and the line and column of the object that completes it, plus the line and
column where each subject first appears as a subject.

The output is N-Triples text rather than rdflib or Oxigraph terms because the store loads
N-Triples natively (in Rust, without the GIL), so no Python object is built per term.

Terms are written the way Oxigraph prints them (its ``str()`` of a term), so a term read back
from a SPARQL answer finds its position by plain string lookup.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

from eagraph.ontology import RDF, XSD

from .limits import MAX_NESTING, MAX_TERM_BYTES

RDF_TYPE = f"<{RDF}type>"
RDF_FIRST = f"<{RDF}first>"
RDF_REST = f"<{RDF}rest>"
RDF_NIL = f"<{RDF}nil>"
XSD_INTEGER = f"<{XSD}integer>"
XSD_DECIMAL = f"<{XSD}decimal>"
XSD_DOUBLE = f"<{XSD}double>"
XSD_BOOLEAN = f"<{XSD}boolean>"
XSD_STRING = f"<{XSD}string>"




class TurtleSyntaxError(ValueError):
    """A mistake in the Turtle text, at a character offset of the document."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.message = message
        self.offset = offset


# --- Tokens -------------------------------------------------------------------------------
# One regular expression reads optional white space and comments, then exactly one token.
# The group that matched (``lastindex``) says the token's kind. Kinds are small integers so
# the parser compares ints, not strings.

_PN_CHARS_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_PREFIX = f"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PN_LOCAL = (
    f"(?:[{_PN_CHARS_U}:0-9]|{_PLX})"
    f"(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?"
)
_IRI_CHAR = r"[^<>\"{}|^`\\\x00-\x20]"
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_LANG = r"[a-zA-Z]+(?:-[a-zA-Z0-9]+)*"

IRIREF, PNAME, BNODE, LONG_STRING, STRING, SQ_LONG_STRING, SQ_STRING = 1, 2, 3, 4, 6, 8, 10
NUMBER, PUNCT, WORD, AT_WORD, DATATYPE_MARK, END = 12, 13, 14, 15, 16, 17

# Each kind's pattern, written once: the tokenizer captures each (and a string's language tag); the
# statement skipper below (:data:`_STATEMENT_REST`) reads the same tokens without capturing them.
_SKIP = r"(?:[ \t\r\n]+|#[^\r\n]*)*"
_IRIREF = rf"<(?:{_IRI_CHAR}|{_UCHAR})*>"
_PNAME = rf"(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?"
_BNODE = rf"_:[{_PN_CHARS_U}0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_LONG_STRING = r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'
_STRING = r'"[^"\\\r\n]*(?:\\.[^"\\\r\n]*)*"'
_SQ_LONG_STRING = r"'''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''"
_SQ_STRING = r"'[^'\\\r\n]*(?:\\.[^'\\\r\n]*)*'"
_NUMBER = (r"[+-]?(?:[0-9]+\.[0-9]*[eE][+-]?[0-9]+|\.[0-9]+[eE][+-]?[0-9]+|[0-9]+[eE][+-]?[0-9]+"
           r"|[0-9]*\.[0-9]+|[0-9]+)")
_WORD = r"[A-Za-z]+"  # a, true, false, PREFIX, BASE
_AT_WORD = rf"@{_LANG}"  # @prefix, @base, or a detached language tag

_TOKEN = re.compile(
    _SKIP + "(?:"
    rf"({_IRIREF})"  # 1 IRIREF
    rf"|({_PNAME})"  # 2 PNAME
    rf"|({_BNODE})"  # 3 BNODE
    rf"|({_LONG_STRING})(?:@({_LANG}))?"  # 4 LONG_STRING, 5 its language tag
    rf"|({_STRING})(?:@({_LANG}))?"  # 6 STRING, 7
    rf"|({_SQ_LONG_STRING})(?:@({_LANG}))?"  # 8 SQ_LONG_STRING, 9
    rf"|({_SQ_STRING})(?:@({_LANG}))?"  # 10 SQ_STRING, 11
    rf"|({_NUMBER})"  # 12 NUMBER
    r"|([.;,\[\]()])"  # 13 PUNCT
    rf"|({_WORD})"  # 14 WORD
    rf"|({_AT_WORD})"  # 15 AT_WORD
    r"|(\^\^)"  # 16
    r"|(\Z)"  # 17 END
    r")"
)
_LANGUAGE_GROUPS = frozenset((5, 7, 9, 11))
_SPACE = re.compile(_SKIP)
_ERROR_TOKEN = re.compile(r"(?:[ \t\r\n]+|#[^\r\n]*)*(\S{1,30})")

_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_LOCAL_ESCAPE = re.compile(r"\\(.)")
_NT_ESCAPE = re.compile(r'[\\"\n\r\t\b\f]')
_NT_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _unescape(text: str, offset: int) -> str:
    def replace(m: re.Match) -> str:
        if m.group(3) is not None:
            try:
                return _ECHAR[m.group(3)]
            except KeyError:
                raise TurtleSyntaxError(f"invalid escape '\\{m.group(3)}' in string", offset) from None
        return chr(int(m.group(1) or m.group(2), 16))

    return _ESCAPE.sub(replace, text)


def nt_string(value: str) -> str:
    """A literal's lexical form quoted the way Oxigraph prints it."""
    return '"' + _NT_ESCAPE.sub(lambda m: _NT_ESCAPES[m.group()], value) + '"'


# --- Result -------------------------------------------------------------------------------


@dataclass
class ParsedDocument:
    """The statements of one document, as N-Triples lines, with where each one was written."""

    statements: list[str] = field(default_factory=list)  # "s p o" without the final " ."
    lines: array = field(default_factory=lambda: array("I"))
    columns: array = field(default_factory=lambda: array("I"))
    subjects: dict[str, tuple[int, int]] = field(default_factory=dict)

    def ntriples(self) -> str:
        return " .\n".join(self.statements) + " .\n" if self.statements else ""


# --- Parser -------------------------------------------------------------------------------


class _Parser:
    """Recursive descent over the token stream; one instance parses one document."""

    def __init__(self, text: str, base: str | None, bnode_prefix: str):
        self.text = text
        self.base = base  # a bare IRI, or None
        self.prefixes: dict[str, str] = {}
        self.bnode_prefix = bnode_prefix
        self.bnode_count = 0
        self.bnode_labels: dict[str, str] = {}
        self.line_starts = self._line_starts(text)
        self.doc = ParsedDocument()
        self.depth = 0  # how many "[" and "(" the current token is inside
        self.scanner = _TOKEN.scanner(text)
        # The current token: its kind, its text, and the match it came from.
        self.kind = 0
        self.tok = ""
        self.m: re.Match | None = None
        self.advance()

    @staticmethod
    def _line_starts(text: str) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", text)]

    # Tokens ----------------------------------------------------------------------------
    def advance(self) -> None:
        m = self.scanner.match()
        if m is None:
            pos = self._error_offset()
            bad = _ERROR_TOKEN.match(self.text, pos)
            shown = bad.group(1) if bad else self.text[pos : pos + 1]
            if shown[0] in "\"'":
                message = f"unterminated or malformed string starting {shown!r}"
            elif shown[0] == "<":
                message = f"malformed IRI {shown!r} (spaces and <>\"{{}}|^`\\ are not allowed in an IRI)"
            else:
                message = f"unexpected text '{shown}'"
            raise TurtleSyntaxError(message, self._skip_space(pos))
        kind = m.lastindex
        if kind in _LANGUAGE_GROUPS:  # a string with a language tag: the string's group is one less
            kind -= 1
        self.kind = kind
        self.tok = m.group(kind)
        self.m = m
        if len(self.tok) > MAX_TERM_BYTES // 4 and len(self.tok.encode("utf-8")) > MAX_TERM_BYTES:
            raise self.error(f"a term of {len(self.tok.encode('utf-8')):,} bytes: eagraph reads literals and IRIs "
                             f"of at most {MAX_TERM_BYTES // 1024 // 1024} MiB")

    def enter(self) -> None:
        """One level deeper into "[" or "(" (the current token); refused past :data:`MAX_NESTING`."""
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise self.error(f"blank nodes and lists nested more than {MAX_NESTING} deep: eagraph reads at most "
                             f"{MAX_NESTING} levels of '[' and '('")

    # Offsets are asked of the match only where needed: most tokens never need theirs.
    @property
    def start(self) -> int:
        return self.m.start(self.kind) if self.m is not None else 0

    @property
    def lang(self) -> str | None:
        """The language tag written on the current string token, if any."""
        return self.m.group(self.kind + 1)

    def _error_offset(self) -> int:
        # The scanner does not move on failure: the mistake starts where the last token ended.
        return self.m.end() if self.m is not None else 0

    def _skip_space(self, pos: int) -> int:
        return _SPACE.match(self.text, pos).end()

    def error(self, message: str) -> TurtleSyntaxError:
        return TurtleSyntaxError(message, self.start)

    def describe(self) -> str:
        return "end of file" if self.kind == END else f"'{self.tok[:40]}'"

    def expect_punct(self, char: str, what: str) -> None:
        if self.kind != PUNCT or self.tok != char:
            raise self.error(f"expected '{char}' {what}, found {self.describe()}")
        self.advance()

    # Positions -------------------------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def emit(self, s: str, p: str, o: str, offset: int) -> None:
        doc = self.doc
        doc.statements.append(f"{s} {p} {o}")
        line = bisect_right(self.line_starts, offset)
        doc.lines.append(line)
        doc.columns.append(offset - self.line_starts[line - 1] + 1)

    def note_subject(self, term: str, offset: int) -> None:
        if term not in self.doc.subjects:
            self.doc.subjects[term] = self.position(offset)

    # Grammar ---------------------------------------------------------------------------
    def parse(self) -> ParsedDocument:
        while self.kind != END:
            if self.kind == AT_WORD:
                self.directive_at()
            elif self.kind == WORD and self.tok.upper() in ("PREFIX", "BASE"):
                self.directive_sparql()
            else:
                self.triples()
                self.expect_punct(".", "at the end of the statement")
        return self.doc

    def directive_at(self) -> None:
        word = self.tok[1:]
        if word == "prefix":
            self.advance()
            self.prefix_declaration()
        elif word == "base":
            self.advance()
            self.base = self.iri_ref_token("@base")[1:-1]
        else:
            raise self.error(f"unknown directive '@{word}' (expected @prefix or @base)")
        self.expect_punct(".", f"after the @{word} directive")

    def directive_sparql(self) -> None:
        word = self.tok.upper()
        self.advance()
        if word == "PREFIX":
            self.prefix_declaration()
        else:
            self.base = self.iri_ref_token("BASE")[1:-1]

    def prefix_declaration(self) -> None:
        if self.kind != PNAME or not self.tok.endswith(":") or self.tok.count(":") != 1:
            raise self.error(f"expected a prefix name such as 'ex:', found {self.describe()}")
        name = self.tok[:-1]
        self.advance()
        self.prefixes[name] = self.iri_ref_token("prefix declaration")[1:-1]

    def iri_ref_token(self, where: str) -> str:
        if self.kind != IRIREF:
            raise self.error(f"expected an IRI in <...> in the {where}, found {self.describe()}")
        iri = self.resolve(self.tok[1:-1])
        self.advance()
        return iri

    def resolve(self, iri: str) -> str:
        if "\\" in iri:
            iri = _unescape(iri, self.start)
        if not _SCHEME.match(iri):
            if self.base is None:
                raise self.error(f"relative IRI <{iri}> and no base IRI to resolve it against")
            iri = resolve_iri(self.base, iri)
        return f"<{iri}>"

    def pname(self) -> str:
        return self.expand(self.tok)

    def expand(self, token: str) -> str:
        """A prefixed name as the IRI it stands for."""
        prefix, _, local = token.partition(":")
        try:
            namespace = self.prefixes[prefix]
        except KeyError:
            raise self.error(f"undeclared prefix '{prefix}:' (add @prefix {prefix}: <...> .)") from None
        if "\\" in local:
            local = _LOCAL_ESCAPE.sub(r"\1", local)
        return f"<{namespace}{local}>"

    def fresh_bnode(self) -> str:
        self.bnode_count += 1
        return f"_:{self.bnode_prefix}{self.bnode_count}"

    def labelled_bnode(self, label: str) -> str:
        term = self.bnode_labels.get(label)
        if term is None:
            term = self.bnode_labels[label] = self.fresh_bnode()
        return term

    def triples(self) -> None:
        kind = self.kind
        start = self.start
        if kind == PUNCT and self.tok == "[":
            self.advance()
            if self.kind == PUNCT and self.tok == "]":  # "[] :p :o" — an anonymous subject
                subject = self.fresh_bnode()
                self.advance()
                self.note_subject(subject, start)
                self.predicate_object_list(subject)
                return
            subject = self.fresh_bnode()
            self.note_subject(subject, start)
            self.enter()  # a subject "[" counts as a level, as an object "[" does
            self.predicate_object_list(subject)
            self.depth -= 1
            self.expect_punct("]", "to close the blank node '['")
            if not (self.kind == PUNCT and self.tok == "."):
                self.predicate_object_list(subject)
            return
        subject = self.subject()
        self.note_subject(subject, start)
        self.predicate_object_list(subject)

    def subject(self) -> str:
        kind = self.kind
        if kind == PNAME:
            term = self.pname()
        elif kind == IRIREF:
            term = self.resolve(self.tok[1:-1])
        elif kind == BNODE:
            term = self.labelled_bnode(self.tok[2:])
        elif kind == PUNCT and self.tok == "(":
            return self.collection()
        else:
            raise self.error(f"expected a subject (an IRI, a prefixed name or a blank node), found {self.describe()}")
        self.advance()
        return term

    def predicate_object_list(self, subject: str) -> None:
        while True:
            predicate = self.verb()
            self.object_list(subject, predicate)
            if not (self.kind == PUNCT and self.tok == ";"):
                return
            while self.kind == PUNCT and self.tok == ";":
                self.advance()
            if self.kind == PUNCT and self.tok in ".]":
                return

    def verb(self) -> str:
        kind = self.kind
        if kind == PNAME:
            term = self.pname()
        elif kind == IRIREF:
            term = self.resolve(self.tok[1:-1])
        elif kind == WORD and self.tok == "a":
            term = RDF_TYPE
        else:
            raise self.error(f"expected a predicate (an IRI, a prefixed name or 'a'), found {self.describe()}")
        self.advance()
        return term

    def object_list(self, subject: str, predicate: str) -> None:
        while True:
            start = self.start
            self.emit(subject, predicate, self.object(), start)
            if not (self.kind == PUNCT and self.tok == ","):
                return
            self.advance()

    def object(self) -> str:
        kind = self.kind
        tok = self.tok
        if kind == PNAME:
            term = self.pname()
        elif kind == STRING:
            return self.literal(tok[1:-1] if "\\" not in tok else None, tok, 1)
        elif kind == IRIREF:
            term = self.resolve(tok[1:-1])
        elif kind == NUMBER:
            if "e" in tok or "E" in tok:
                term = f'"{tok}"^^{XSD_DOUBLE}'
            elif "." in tok:
                term = f'"{tok}"^^{XSD_DECIMAL}'
            else:
                term = f'"{tok}"^^{XSD_INTEGER}'
        elif kind == LONG_STRING or kind == SQ_LONG_STRING:
            return self.literal(None, tok, 3)
        elif kind == SQ_STRING:
            return self.literal(None, tok, 1)
        elif kind == WORD and (tok == "true" or tok == "false"):
            term = f'"{tok}"^^{XSD_BOOLEAN}'
        elif kind == BNODE:
            term = self.labelled_bnode(tok[2:])
        elif kind == PUNCT and tok == "[":
            return self.blank_node_property_list()
        elif kind == PUNCT and tok == "(":
            return self.collection()
        else:
            raise self.error(f"expected an object (an IRI, a literal or a blank node), found {self.describe()}")
        self.advance()
        return term

    def literal(self, plain: str | None, tok: str, quotes: int) -> str:
        """A string literal; ``plain`` is the body when it needs no unescaping."""
        if plain is not None and '"' not in plain:
            lexical = f'"{plain}"' if "\t" not in plain else nt_string(plain)
        else:
            lexical = nt_string(_unescape(tok[quotes:-quotes], self.start))
        lang = self.lang
        self.advance()
        if lang is not None:
            return f"{lexical}@{lang.lower()}"
        if self.kind == AT_WORD:  # a language tag written apart from its string
            lang = self.tok[1:]
            self.advance()
            return f"{lexical}@{lang.lower()}"
        if self.kind == DATATYPE_MARK:
            self.advance()
            if self.kind == PNAME:
                datatype = self.pname()
            elif self.kind == IRIREF:
                datatype = self.resolve(self.tok[1:-1])
            else:
                raise self.error(f"expected a datatype IRI after '^^', found {self.describe()}")
            self.advance()
            if datatype == XSD_STRING:
                return lexical
            return f"{lexical}^^{datatype}"
        return lexical

    def blank_node_property_list(self) -> str:
        start = self.start
        self.enter()
        self.advance()
        node = self.fresh_bnode()
        if self.kind == PUNCT and self.tok == "]":
            self.advance()
            self.depth -= 1
            return node
        self.note_subject(node, start)
        self.predicate_object_list(node)
        self.expect_punct("]", "to close the blank node '['")
        self.depth -= 1
        return node

    def collection(self) -> str:
        self.enter()
        self.advance()
        head = RDF_NIL
        previous = None
        while not (self.kind == PUNCT and self.tok == ")"):
            if self.kind == END:
                raise self.error("unterminated collection: expected ')'")
            start = self.start
            cell = self.fresh_bnode()
            if previous is None:
                head = cell
            else:
                self.emit(previous, RDF_REST, cell, start)
            self.note_subject(cell, start)
            self.emit(cell, RDF_FIRST, self.object(), start)
            previous = cell
        if previous is not None:
            self.emit(previous, RDF_REST, RDF_NIL, self.start)
        self.advance()
        self.depth -= 1
        return head


# --- Subjects alone --------------------------------------------------------------------------
# Where a named subject is written is where a statement starts. One regular expression reads a
# whole statement, in C: its first token (captured when it is an IRI or a prefixed name), then
# every other token up to its final "." -- each token whole and in the tokenizer's order, so a "."
# inside a string, an IRI, a comment, a prefixed name or a number is never taken for the end. The
# directives, between statements, are read by the parser's own grammar.
# The tokenizer takes the first kind that matches; only PNAME before WORD and a long string before
# a short one can match at the same place, so the most frequent kinds are tried first.
_TERM = (rf"[;,\[\]()]|{_PNAME}|{_LONG_STRING}(?:@{_LANG})?|{_STRING}(?:@{_LANG})?|{_IRIREF}|{_WORD}|{_AT_WORD}"
         rf"|\^\^|{_BNODE}|{_NUMBER}|{_SQ_LONG_STRING}(?:@{_LANG})?|{_SQ_STRING}(?:@{_LANG})?")
_SKIP_ALL = r"(?:[ \t\r\n]++|#[^\r\n]*+)*+"  # _SKIP, never given back
_STATEMENT = re.compile(
    rf"{_SKIP_ALL}(?>({_IRIREF})|({_PNAME})|(?=[\[(]|_:))"  # 1 an IRI subject, 2 a prefixed one; or a blank node
    rf"(?:{_SKIP_ALL}(?>{_TERM}))*+{_SKIP_ALL}\."
)


class _SubjectReader(_Parser):
    """The directives, and the first token of each statement; the statements' other terms unread."""

    def __init__(self, text: str, base: str | None):
        self._line, self._line_offset = 1, 0  # the last position asked: lines are counted on from it
        super().__init__(text, base, "b")

    @staticmethod
    def _line_starts(text: str) -> list[int]:
        return []  # positions are counted on from the last one (see position)

    def position(self, offset: int) -> tuple[int, int]:
        self._line += self.text.count("\n", self._line_offset, offset)
        self._line_offset = offset
        return self._line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1

    def parse(self) -> ParsedDocument:
        text, subjects = self.text, self.doc.subjects
        # Past MAX_NESTING brackets a statement may nest too deep, which only the parser tells.
        brackets = text.count("[") + text.count("(") > MAX_NESTING
        position = 0
        while True:
            statement = _STATEMENT.match(text, position)
            while statement is not None:
                if brackets and text.count("[", *statement.span()) + text.count("(", *statement.span()) > MAX_NESTING:
                    raise _Unsure()
                kind = statement.lastindex
                if kind is not None:
                    token = statement.group(kind)
                    term = self.resolve(token[1:-1]) if kind == 1 else self.expand(token)
                    if term not in subjects:
                        subjects[term] = self.position(statement.start(kind))
                position = statement.end()
                statement = _STATEMENT.match(text, position)
            self.scanner = _TOKEN.scanner(text, position)  # not a statement: a directive, the end, or a mistake
            self.advance()
            if self.kind == END:
                return self.doc
            if self.kind == AT_WORD:
                self.directive_at()
            elif self.kind == WORD and self.tok.upper() in ("PREFIX", "BASE"):
                self.directive_sparql()
            else:
                raise _Unsure()
            position = self.m.start()  # where the white space before the token after the directive starts


class _Unsure(Exception):
    """A document the subject reader leaves to the parser."""


def subject_positions(text: str, base: str | None = None) -> dict[str, tuple[int, int]] | None:
    """Line and column where each named subject (an IRI, as N-Triples) of a Turtle document first
    appears as a subject: the ``subjects`` of :func:`parse_turtle` without its blank nodes, read
    several times faster. None where the parser must read the document (a mistake, a limit it keeps)."""
    if len(text) * 4 > MAX_TERM_BYTES:  # a term past MAX_TERM_BYTES is only seen by reading it
        return None
    try:
        return _SubjectReader(text, base).parse().subjects
    except (TurtleSyntaxError, _Unsure):
        return None


_URI = re.compile(r"^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$", re.S)


def resolve_iri(base: str, reference: str) -> str:
    """RFC 3986 section 5.2 reference resolution (urllib's urljoin skips unknown schemes)."""
    r_scheme, r_auth, r_path, r_query, r_frag = _URI.match(reference).groups()
    b_scheme, b_auth, b_path, b_query, _ = _URI.match(base).groups()
    if r_scheme is not None:
        scheme, auth, path, query = r_scheme, r_auth, _remove_dot_segments(r_path), r_query
    elif r_auth is not None:
        scheme, auth, path, query = b_scheme, r_auth, _remove_dot_segments(r_path), r_query
    elif r_path == "":
        scheme, auth, path = b_scheme, b_auth, b_path
        query = r_query if r_query is not None else b_query
    else:
        if r_path.startswith("/"):
            path = _remove_dot_segments(r_path)
        elif b_auth is not None and b_path == "":
            path = _remove_dot_segments("/" + r_path)
        else:
            path = _remove_dot_segments(b_path[: b_path.rfind("/") + 1] + r_path)
        scheme, auth, query = b_scheme, b_auth, r_query
    out = f"{scheme}:" if scheme is not None else ""
    if auth is not None:
        out += f"//{auth}"
    out += path
    if query is not None:
        out += f"?{query}"
    if r_frag is not None:
        out += f"#{r_frag}"
    return out


def _remove_dot_segments(path: str) -> str:
    if "." not in path:
        return path
    output: list[str] = []
    segments = path.split("/")
    for i, segment in enumerate(segments):
        last = i == len(segments) - 1
        if segment == ".":
            if last:
                output.append("")
        elif segment == "..":
            if len(output) > 1 or (output and output[0] != ""):
                output.pop()
            if last:
                output.append("")
        else:
            output.append(segment)
    result = "/".join(output)
    if path.startswith("/") and not result.startswith("/"):
        result = "/" + result
    return result


def parse_turtle(text: str, base: str | None = None, bnode_prefix: str = "b") -> ParsedDocument:
    """Parse a Turtle document; raises :class:`TurtleSyntaxError` at the first mistake."""
    return _Parser(text, base, bnode_prefix).parse()


def offset_to_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
