"""``eagraph merge-driver``: a three-way merge of Turtle files on statements, not lines.

git calls it with the common ancestor (%O), our version (%A, which receives the result), their
version (%B) and the file's path (%P). A statement is in the result when both sides have it, or
when one side added it; a statement one side removed is gone. Two changes collide when both
sides gave one property of one subject a different single value (per language for texts), when
one side deleted a property's values while the other changed one of them, or when one side
deleted a subject that the other changed: those statements go, both versions of
them, between conflict markers at the end of the file, and the driver exits 1 so that git stops.
Nothing is lost: every statement of either side is in the merged text or in a conflict.

Blank nodes are matched across the three versions by what they say (as ``eagraph diff`` does),
and the result is written in the canonical layout of ``eagraph fmt``, comments of both sides kept.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from eagraph.workspace.blanks import blank_names
from eagraph.workspace.files import write_atomic

from .canonical import Writer
from .commented_turtle import ReadFile, read_turtle

Statement = tuple[str, str, str]


@dataclass
class Conflict:
    subject: str
    ours: list[Statement]
    theirs: list[Statement]
    why: str


@dataclass
class MergeResult:
    text: str
    conflicts: list[Conflict] = field(default_factory=list)


def merge_texts(base: str, ours: str, theirs: str, path: str = "<file>") -> MergeResult:
    iri_base = "file:///" + path
    versions = [read_turtle(text, iri_base, f"{path} ({name})") for text, name in
                ((base, "common ancestor"), (ours, "ours"), (theirs, "theirs"))]
    o, a, b = (_named(read.statements) for read in versions)
    merged = {s for s in a | b if (s in a and s in b) or (s in a and s not in o) or (s in b and s not in o)}
    conflicts = _value_conflicts(o, a, b) + _delete_change_conflicts(o, a, b)
    for conflict in conflicts:
        merged -= set(conflict.ours) | set(conflict.theirs)
    prefixes = versions[2].prefixes | versions[1].prefixes  # ours win where both name a prefix
    comments = _merged_comments(versions[1], versions[2])
    writer = Writer(sorted(merged), prefixes, versions[1].property_comments | versions[2].property_comments)
    text = writer.document(comments, versions[1].header or versions[2].header, versions[1].footer or versions[2].footer)
    if conflicts:
        text += "\n" + _conflict_text(conflicts, prefixes)
    return MergeResult(text, conflicts)


def merge_files(base: Path, ours: Path, theirs: Path, path: str) -> MergeResult:
    """Merge and write the result into ``ours`` (atomically), as git expects of a driver."""
    result = merge_texts(*(p.read_bytes().decode("utf-8-sig") for p in (base, ours, theirs)), path=path)
    write_atomic(ours, result.text)
    return result


def _named(statements: list[Statement]) -> set[Statement]:
    """The statements with blank nodes named by their content (the same in every version)."""
    names = blank_names(statements)
    return {(names.get(s, s), p, names.get(o, o)) for s, p, o in statements}


def _value_conflicts(o: set, a: set, b: set) -> list[Conflict]:
    """Both sides set one property of one subject (one language) to a different single value, or
    one side removed every value of it while the other changed one (replaced an old value)."""
    def groups(statements: set) -> dict:
        found = defaultdict(set)
        for s, p, obj in statements:
            found[(s, p, _language(obj))].add(obj)
        return found

    go, ga, gb = groups(o), groups(a), groups(b)
    subjects_a, subjects_b = {s for s, _, _ in a}, {s for s, _, _ in b}
    conflicts = []
    for key in sorted(set(ga) | set(gb) | set(go)):
        old, ours, theirs = go.get(key, set()), ga.get(key, set()), gb.get(key, set())
        s, p, _ = key
        if ours != old and theirs != old and ours != theirs and len(ours) == 1 and len(theirs) == 1:
            why = "both sides changed this value"
        elif not ours and s in subjects_a and _changed(old, theirs):
            why = "we deleted this value, they changed it"
        elif not theirs and s in subjects_b and _changed(old, ours):
            why = "they deleted this value, we changed it"
        else:
            continue
        conflicts.append(Conflict(s, [(s, p, x) for x in sorted(ours)], [(s, p, x) for x in sorted(theirs)], why))
    return conflicts


def _changed(old: set, new: set) -> bool:
    """``new`` replaced a value of ``old`` (removed one and added one), rather than only added or
    only removed: a deletion of the same statement on the other side then collides with it. (A
    subject deleted whole is :func:`_delete_change_conflicts`' case.)"""
    return bool(old - new) and bool(new - old)


def _delete_change_conflicts(o: set, a: set, b: set) -> list[Conflict]:
    """One side deleted a subject that the other side changed."""
    def by_subject(statements: set) -> dict:
        found = defaultdict(set)
        for statement in statements:
            found[statement[0]].add(statement)
        return found

    so, sa, sb = by_subject(o), by_subject(a), by_subject(b)
    conflicts = []
    for subject in sorted(so):
        if subject.startswith("_:"):
            continue
        for deleted, kept, name in ((sa, sb, "ours"), (sb, sa, "theirs")):
            if subject not in deleted and subject in kept and kept[subject] != so[subject]:
                ours = sorted(sa.get(subject, set()))
                theirs = sorted(sb.get(subject, set()))
                why = ("we deleted this subject, they changed it" if name == "ours"
                       else "they deleted this subject, we changed it")
                conflicts.append(Conflict(subject, ours, theirs, why))
    return conflicts


def _language(term: str) -> str:
    if term.startswith('"'):
        tail = term.rsplit('"', 1)[1]
        return tail[1:] if tail.startswith("@") else "literal"
    return "node"


def _merged_comments(ours: ReadFile, theirs: ReadFile) -> dict[str, list[str]]:
    comments = {subject: list(lines) for subject, lines in ours.comments.items()}
    for subject, lines in theirs.comments.items():
        kept = comments.setdefault(subject, [])
        kept += [line for line in lines if line not in kept]
    return comments


def _conflict_text(conflicts: list[Conflict], prefixes: dict[str, str]) -> str:
    """Each conflict between git's markers: both versions as Turtle, to keep one (or merge by hand)."""
    parts = ["# eagraph merge-driver: conflicts. Keep one side of each (or combine them), delete the",
             "# markers, and run `eagraph fmt` on the file."]
    for conflict in conflicts:
        parts.append(f"# {conflict.why}: {conflict.subject}")
        parts.append("<<<<<<< ours")
        parts.append(_statements_text(conflict.ours, prefixes) or "# (nothing: deleted on our side)")
        parts.append("=======")
        parts.append(_statements_text(conflict.theirs, prefixes) or "# (nothing: deleted on their side)")
        parts.append(">>>>>>> theirs")
    return "\n".join(parts) + "\n"


def _statements_text(statements: list[Statement], prefixes: dict[str, str]) -> str:
    if not statements:
        return ""
    writer = Writer(statements, prefixes)
    body = writer.document({}, [], [])
    return "\n".join(line for line in body.splitlines() if not line.startswith("@prefix") and line.strip())
