"""Writing a :class:`~eagraph.gittools.diff.ModelDiff`: text for a terminal, Markdown to post on a
pull request, JSON for tools. Values are shown by their labels, properties by their short names."""

from __future__ import annotations

import json

from eagraph.ontology import compact
from eagraph.reporters.markdown import cell

from .diff import ModelDiff

FORMATS = ("text", "md", "json")
SIGNS = {"added": "+", "removed": "-", "changed": "~", "renamed": ">"}


def render_diff(diff: ModelDiff, fmt: str, language: str = "en") -> str:
    return {"text": _text, "md": _markdown, "json": _json}[fmt](diff, language)


def short(iri: str) -> str:
    """A known prefix's short name, else the IRI's last two path segments (``service/legal-aid``)."""
    shown = compact(iri)
    if not shown.startswith("<"):
        return shown
    parts = iri.rstrip("/#").replace("#", "/").split("/")
    return "/".join(parts[-2:]) if len(parts) > 3 else iri


def value(diff: ModelDiff, term: str) -> str:
    """A term as a reader knows it: an IRI by its label (or short name), a literal as its text."""
    if term.startswith("<"):
        iri = term[1:-1]
        return diff.labels.get(iri) or short(iri)
    if term.startswith('"'):
        text, _, rest = term[1:].rpartition('"')
        return f"“{text}” ({rest[1:]})" if rest.startswith("@") else f"“{text}”"
    if term.startswith("[ "):  # a blank node, by what it says
        parts = [part.split(" ", 1) for part in term[2:-2].split(" ; ") if " " in part]
        return "[" + "; ".join(f"{short(p[1:-1])} {value(diff, o)}" for p, o in parts) + "]"
    return term


def _summary(diff: ModelDiff) -> str:
    counts = diff.counts()
    parts = [f"{counts[s]} {s}" for s in ("added", "removed", "renamed", "changed") if counts.get(s)]
    return ", ".join(parts) or "no change in meaning"


def _text(diff: ModelDiff, language: str) -> str:
    lines = [f"{diff.before} → {diff.after}: {_summary(diff)}"]
    for entity in diff.entities:
        name = f"{entity.kind} “{entity.label}” ({short(entity.iri[1:-1])})"
        if entity.status == "renamed":
            name += f", renamed from {short(entity.renamed_from[1:-1])}"
        lines.append(f"\n{SIGNS[entity.status]} {name}: {entity.status}")
        if entity.status in ("changed", "renamed"):
            for name, before, after in _changes(diff, entity):
                lines.append(f"    {name}: {before} → {after}")
    lines.append(f"\nfindings: {len(diff.introduced)} introduced, {len(diff.resolved)} resolved")
    for sign, finding in _findings(diff, "+", "-"):
        lines.append(f"  {sign} {finding.severity.label} {finding.code} {short(finding.subject)}: "
                     f"{finding.text(language)}")
    return "\n".join(lines) + "\n"


def _changes(diff: ModelDiff, entity) -> list[tuple[str, str, str]]:
    """(property, values before, values after) of a changed or renamed entity."""
    return [(compact(c.predicate[1:-1]), ", ".join(value(diff, t) for t in c.removed) or "—",
             ", ".join(value(diff, t) for t in c.added) or "—") for c in entity.properties]


def _findings(diff: ModelDiff, introduced: str, resolved: str):
    for sign, findings in ((introduced, diff.introduced), (resolved, diff.resolved)):
        for finding in findings:
            yield sign, finding


def _markdown(diff: ModelDiff, language: str) -> str:
    lines = [f"## eagraph diff: {cell(diff.before)} → {cell(diff.after)}", "", f"**{_summary(diff)}**", ""]
    if diff.entities:
        lines += ["| | entity | kind | change |", "|---|---|---|---|"]
        for entity in diff.entities:
            changes = "<br>".join(f"`{name}`: {cell(before)} → {cell(after)}"
                                  for name, before, after in _changes(diff, entity)
                                  ) if entity.status in ("changed", "renamed") else entity.status
            if entity.status == "renamed":
                changes = f"renamed from `{short(entity.renamed_from[1:-1])}`" + (f"<br>{changes}" if changes else "")
            lines.append(f"| {SIGNS[entity.status]} | {cell(entity.label)} (`{short(entity.iri[1:-1])}`) | "
                         f"{entity.kind} | {changes} |")
        lines.append("")
    lines.append(f"### Findings: {len(diff.introduced)} introduced, {len(diff.resolved)} resolved")
    lines.append("")
    if diff.introduced or diff.resolved:
        lines += ["| | severity | code | subject | message |", "|---|---|---|---|---|"]
        for sign, f in _findings(diff, "introduced", "resolved"):
            lines.append(f"| {sign} | {f.severity.label} | `{f.code}` | `{short(f.subject)}` | "
                         f"{cell(f.text(language))} |")
    return "\n".join(lines) + "\n"


def _json(diff: ModelDiff, language: str) -> str:
    document = {
        "before": diff.before, "after": diff.after, "summary": diff.counts(),
        "entities": [{"iri": e.iri[1:-1], "kind": e.kind, "label": e.label, "status": e.status,
                      "renamed_from": e.renamed_from[1:-1] if e.renamed_from else None,
                      "properties": [{"predicate": c.predicate[1:-1], "removed": c.removed, "added": c.added}
                                     for c in e.properties]} for e in diff.entities],
        "findings": {"introduced": [f.to_dict(language) for f in diff.introduced],
                     "resolved": [f.to_dict(language) for f in diff.resolved]},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
