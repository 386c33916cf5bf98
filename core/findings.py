"""One finding type for everything eagraph reports: validation results and analysis results alike.

A reporter (text, JSON, JUnit, SARIF, GitHub, Markdown, CSV) takes a list of findings and never
needs to know whether they came from a SHACL shape, a Python check or an analysis.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum

from eagraph.location import Location


class Severity(IntEnum):
    """Ordered, so that ``--fail-on warning`` means "warning or worse"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> "Severity":
        return cls[text.upper()]

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class RuleInfo:
    """What a reporter needs to know of a rule or finding kind: SARIF rules, docs, help."""

    code: str
    name: str  # short kebab-case name, e.g. "service-title-language"
    severity: Severity
    summary: str  # one sentence, English
    help: str = ""  # Markdown: what it checks, why, an example that fails and one that passes
    since: str = "0.1.0"


@dataclass(frozen=True)
class Savings:
    """What acting on a finding saves its applicants a year, by the burden model (analyses/savings.py):
    exact decimals, rounded only when shown (hours and euros to the cent, the share to 4 decimals)."""

    hours: Decimal
    euros: Decimal
    #: the share of the euros saved (of the hours, when no euros) that rests on the [burden] defaults
    assumed_share: Decimal
    #: automatic and pro-active granting candidates: eligible minus cases, where the model states both
    non_take_up: int | None = None

    def to_dict(self) -> dict:
        """The contract's ``savings`` object of a finding."""
        return {"hours": float(self.hours.quantize(Decimal("0.01"))),
                "euros": float(self.euros.quantize(Decimal("0.01"))),
                "assumed_share": float(self.assumed_share.quantize(Decimal("0.0001"))),
                "non_take_up": self.non_take_up}


#: The languages every finding's message is written in (``en`` the fallback), and which the commands'
#: ``--language`` offers.
MESSAGE_LANGUAGES = ("en", "nl", "fr")


@dataclass(frozen=True)
class Finding:
    """One thing found in a model, at a place in its files."""

    code: str  # a rule code ("EAG012") or a finding kind ("only-once-violation")
    severity: Severity
    subject: str  # the IRI (or blank node label) the finding is about
    message: Mapping[str, str]  # by language: at least "en"
    related: tuple[str, ...] = ()
    path: str | None = None  # the property concerned, as an IRI
    value: str | None = None  # the offending value, in N-Triples form
    score: float | None = None  # in [0, 1], where the analysis ranks
    location: Location | None = None  # where the subject is defined
    statement: Location | None = None  # the offending statement, where known
    source: str = "eagraph"  # the rule set: eagraph, organisation, a profile name, analysis
    savings: Savings | None = None  # what acting on it saves applicants a year, where the burden model knows
    extra: Mapping[str, object] = field(default_factory=dict, compare=False, hash=False)

    def text(self, language: str = "en") -> str:
        return self.message.get(language) or self.message.get("en") or next(iter(self.message.values()), "")

    @property
    def where(self) -> Location | None:
        """The most precise place known: the statement, else the subject's definition."""
        return self.statement or self.location

    @property
    def fingerprint(self) -> tuple[str, str, str, str]:
        """What identifies a finding across edits (for baselines): rule and node, not lines."""
        return (self.code, self.subject, self.path or "", self.value or "")

    def sort_key(self) -> tuple:
        """Where, then what: a total order (the message and severity break the last ties), so that
        findings come out in the same order whatever order a process happened to find them in."""
        where = self.where
        return (where.file if where else "~", where.line if where else 0, where.column if where else 0,
                self.code, self.subject, self.path or "", self.value or "", -self.severity, self.source,
                sorted(self.message.items()))

    def to_dict(self, language: str = "en") -> dict:
        """The contract's JSON shape: ``message`` in ``language`` and ``messages`` in all; an
        analysis finding's ``kind`` (its code); file/line/column where the subject is defined, and
        ``statement`` the offending statement when eagraph knows it (else null); ``savings`` (hours,
        euros, assumed share, non-take-up a year) only where the burden model knows them."""
        data = {"kind": self.code} if self.source == "analysis" else {}
        data |= {
            "code": self.code,
            "severity": self.severity.label,
            "subject": self.subject,
            "message": self.text(language),
            "messages": dict(self.message),
            "related": list(self.related),
            "path": self.path,
            "value": self.value,
            "score": self.score,
            "source": self.source,
            "file": self.location.file if self.location else None,
            "line": self.location.line if self.location else None,
            "column": self.location.column if self.location else None,
        }
        statement = self.statement
        data["statement"] = (None if statement is None else
                             {"file": statement.file, "line": statement.line, "column": statement.column})
        if self.savings is not None:  # optional: only findings whose saving the burden model knows
            data["savings"] = self.savings.to_dict()
        return data
