"""Reading a Turtle file for the formatter: its statements, its prefixes, and its comments with
the subject each one belongs to.

eagraph's positional parser reads the statements; a subclass notes where each top-level
statement starts and ends and collects every comment on the way. A comment on lines of its own
belongs to the statement that follows it; a comment after a statement's final ``.``, on the same
line, belongs to that statement; a comment inside a statement belongs to the property that
follows it (or, before the closing ``.`` or ``]``, to the subject), and is written above that
property. Only a comment the formatter could not put back is refused, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eagraph.workspace import EagraphError
from eagraph.workspace.turtle import TurtleSyntaxError, _Parser, offset_to_position

_COMMENT = re.compile(r"#[^\r\n]*")


class FormatError(EagraphError):
    """A file the formatter will not rewrite: it says where and why."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


@dataclass
class Block:
    """One top-level statement (or directive, ``subject`` None) and where it is written."""

    subject: str | None
    start: int
    end: int  # offset of its final "."


@dataclass
class ReadFile:
    statements: list[tuple[str, str, str]]
    prefixes: dict[str, str]  # as declared, in order (the last declaration of a name wins)
    header: list[str] = field(default_factory=list)  # comments before the first statement
    comments: dict[str, list[str]] = field(default_factory=dict)  # subject -> its comments, in order
    property_comments: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (subject, predicate)
    footer: list[str] = field(default_factory=list)  # comments after the last statement


class _ReadingParser(_Parser):
    def __init__(self, text: str, base: str | None, bnode_prefix: str):
        self.found_comments: list[tuple[int, str]] = []
        self.blocks: list[Block] = []
        self._statement_subject: str | None = None
        self._in_statement = False
        self._subjects: list[str] = []  # the subjects whose properties are being read, innermost last
        self.pending: list[str] = []  # comments inside a statement, not yet given a property
        self.property_comments: dict[tuple[str, str], list[str]] = {}
        self.subject_comments: dict[str, list[str]] = {}
        self.terms: list[tuple[str, str, str]] = []  # the statements read
        # Where the next "#" is: only the white space before a token that reaches it can hold a
        # comment, so most tokens are not looked at twice.
        self._next_hash = text.find("#")
        super().__init__(text, base, bnode_prefix)

    def advance(self) -> None:
        super().advance()
        m = self.m
        if self._next_hash < 0 or self._next_hash >= m.start(self.kind):
            return
        self._next_hash = self.text.find("#", m.end())
        between = self.text[m.start():m.start(self.kind)]
        if "#" in between:
            found = [(m.start() + c.start(), c.group().rstrip()) for c in _COMMENT.finditer(between)]
            if self._in_statement and self._subjects:
                self.pending += [comment for _offset, comment in found]
            else:
                self.found_comments += found

    def emit(self, s: str, p: str, o: str, offset: int) -> None:
        # The formatter needs the three terms, not where each statement is: kept as they come,
        # neither joined into a line nor located (that was a fifth of the reading).
        self.terms.append((s, p, o))

    def predicate_object_list(self, subject: str) -> None:
        self._subjects.append(subject)
        try:
            super().predicate_object_list(subject)
        finally:
            self._subjects.pop()
        if self.pending:  # before the closing "." or "]": the subject's own
            self.subject_comments.setdefault(subject, []).extend(self.pending)
            self.pending = []

    def verb(self) -> str:
        comments, self.pending = self.pending, []
        predicate = super().verb()
        if comments:
            self.property_comments.setdefault((self._subjects[-1], predicate), []).extend(comments)
        return predicate

    def note_subject(self, term: str, offset: int) -> None:
        super().note_subject(term, offset)
        if self._in_statement and self._statement_subject is None:
            self._statement_subject = term

    def parse(self):
        from eagraph.workspace.turtle import AT_WORD, END, WORD

        while self.kind != END:
            start = self.start
            if self.kind == AT_WORD or (self.kind == WORD and self.tok.upper() in ("PREFIX", "BASE")):
                self.directive_at() if self.kind == AT_WORD else self.directive_sparql()
                # it ends where the white space before the next token begins
                self.blocks.append(Block(None, start, self.m.start() - 1))
                continue
            self._in_statement, self._statement_subject = True, None
            self.triples()
            end = self.start
            self.expect_punct(".", "at the end of the statement")
            self.blocks.append(Block(self._statement_subject, start, end))
            self._in_statement = False
        return self.doc


def read_turtle(text: str, base: str, path: str) -> ReadFile:
    """The statements, prefixes and comments of a Turtle document; a syntax error is a
    :class:`FormatError` at its line (``path`` names the file in messages)."""
    parser = _ReadingParser(text, base, "f")
    try:
        parser.parse()
    except TurtleSyntaxError as exc:
        raise FormatError(path, offset_to_position(text, exc.offset)[0], f"not valid Turtle: {exc.message}") from None
    read = ReadFile(parser.terms, dict(parser.prefixes), property_comments=parser.property_comments)
    _place_comments(text, path, parser.blocks, parser.found_comments, read)
    for subject, comments in parser.subject_comments.items():
        read.comments.setdefault(subject, []).extend(comments)
    return read


def _place_comments(text: str, path: str, blocks: list[Block], comments: list[tuple[int, str]], read: ReadFile) -> None:
    statements = [b for b in blocks if b.subject is not None]
    for offset, comment in comments:
        line = offset_to_position(text, offset)[0]
        inside = next((b for b in blocks if b.start < offset < b.end), None)
        if inside is not None:
            raise FormatError(path, line, "a comment inside a statement cannot be kept where it is; move it to its "
                                          "own line above the subject, then run fmt again")
        before = [b for b in statements if b.end < offset]
        after = [b for b in statements if b.start > offset]
        previous = before[-1] if before else None
        if previous is not None and "\n" not in text[previous.end:offset]:
            read.comments.setdefault(previous.subject, []).append(comment)  # "… . # note" on its line
        elif after:
            directives_before = any(b.subject is None and b.end < offset for b in blocks)
            if not before and not directives_before:
                read.header.append(comment)  # above every directive and statement: the file's own
            else:
                read.comments.setdefault(after[0].subject, []).append(comment)
        else:
            (read.footer if before else read.header).append(comment)
