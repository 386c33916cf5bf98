"""The registry of rule codes: each rule is declared once, in the shapes file, with its docs.

A rule shape carries ``eag:ruleCode``, ``eag:ruleName``, ``sh:severity``, ``sh:message`` (en, nl,
fr), ``sh:description`` (what it checks), ``eag:rationale`` (why), ``eag:failingExample`` and
``eag:passingExample`` (Turtle), and ``eag:since``. The docs pages, ``eagraph rule CODE``, SARIF
help and the rule tests are all generated from these, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import rdflib
from rdflib.namespace import SH

from eagraph.findings import RuleInfo, Severity

from .shape_reader import CONTRACT_SHAPES, EAG_NS, derived, read_shapes

SEVERITIES = {SH.Violation: Severity.ERROR, SH.Warning: Severity.WARNING, SH.Info: Severity.INFO}


@dataclass(frozen=True)
class Rule:
    """A rule of eagraph's own shapes, with everything its docs page needs."""

    code: str
    name: str
    severity: Severity
    messages: dict[str, str]
    description: str
    rationale: str
    failing_example: str
    passing_example: str
    since: str
    shape: rdflib.term.Node

    def info(self) -> RuleInfo:
        return RuleInfo(self.code, self.name, self.severity, self.description, self.help_markdown(), self.since)

    def help_markdown(self) -> str:
        return (f"{self.description}\n\n**Why it matters.** {self.rationale}\n\n"
                f"**Fails:**\n\n```turtle\n{self.failing_example.strip()}\n```\n\n"
                f"**Passes:**\n\n```turtle\n{self.passing_example.strip()}\n```\n")


def rules_in(shapes: rdflib.Graph) -> dict[str, Rule]:
    """The rules declared in a shapes graph, by code (read once per shared shapes graph)."""
    return dict(derived("rules_in", shapes, (), lambda: _rules_in(shapes)))


def _rules_in(shapes: rdflib.Graph) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for shape, code in shapes.subject_objects(EAG_NS.ruleCode):
        def text(predicate, shape=shape) -> str:
            return str(shapes.value(shape, predicate) or "")

        messages = {m.language or "en": str(m) for m in shapes.objects(shape, SH.message)}
        rules[str(code)] = Rule(
            code=str(code),
            name=text(EAG_NS.ruleName),
            severity=SEVERITIES.get(shapes.value(shape, SH.severity), Severity.ERROR),
            messages=messages,
            description=text(SH.description),
            rationale=text(EAG_NS.rationale),
            failing_example=text(EAG_NS.failingExample),
            passing_example=text(EAG_NS.passingExample),
            since=text(EAG_NS.since) or "0.1.0",
            shape=shape,
        )
    return dict(sorted(rules.items()))


@lru_cache(maxsize=1)
def contract_rules() -> dict[str, Rule]:
    """eagraph's own rules (from the shapes shipped with it)."""
    return rules_in(read_shapes([CONTRACT_SHAPES]))
