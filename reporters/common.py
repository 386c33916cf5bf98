"""What every reporter shares: the context of a report, the order of findings, the counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from eagraph.findings import Finding, RuleInfo, Severity
from eagraph.workspace import Location


@dataclass(frozen=True)
class ReportContext:
    """What a reporter needs besides the findings."""

    tool_version: str  # eagraph.__version__
    rules: Mapping[str, RuleInfo]  # code -> RuleInfo (SARIF rules, help texts); may lack codes
    language: str = "en"  # which message language to print (falls back to en)
    root: Path | None = None  # the model folder; finding locations are relative to it
    command: str = "validate"  # "validate" or "analyze": titles, SARIF automation id

    @property
    def title(self) -> str:
        return f"eagraph {self.command}"


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings by severity label, every severity present, worst first."""
    result = {severity.label: 0 for severity in sorted(Severity, reverse=True)}
    for finding in findings:
        result[finding.severity.label] += 1
    return result


def plural(count: int, noun: str) -> str:
    """"1 error", "2 errors"; "info" does not take a plural."""
    return f"{count} {noun}" if count == 1 or noun == "info" else f"{count} {noun}s"


#: The summary's words in the other message languages: noun -> (one, several); "in"; no findings.
_SUMMARY_WORDS = {
    "nl": ({"error": ("fout", "fouten"), "warning": ("waarschuwing", "waarschuwingen"),
            "info": ("melding", "meldingen"), "file": ("bestand", "bestanden")}, "in", "geen bevindingen"),
    "fr": ({"error": ("erreur", "erreurs"), "warning": ("avertissement", "avertissements"),
            "info": ("info", "info"), "file": ("fichier", "fichiers")}, "dans", "aucun constat"),
}


def _counted(count: int, noun: str, language: str) -> str:
    if language not in _SUMMARY_WORDS:
        return plural(count, noun)
    one, several = _SUMMARY_WORDS[language][0][noun]
    return f"{count} {one if count == 1 or (language == 'fr' and count == 0) else several}"


def summary(findings: Sequence[Finding], language: str = "en") -> str:
    """"2 errors, 1 warning, 0 info in 3 files", or "no findings", in ``language`` (en, nl, fr)."""
    _, within, nothing = _SUMMARY_WORDS.get(language, ({}, "in", "no findings"))
    if not findings:
        return nothing
    text = ", ".join(_counted(n, label, language) for label, n in counts(findings).items())
    files = {f.where.file for f in findings if f.where is not None}
    return f"{text} {within} {_counted(len(files), 'file', language)}" if files else text


def format_score(score: float) -> str:
    return f"{score:.2f}"


def relocate(findings: Iterable[Finding], prefix: str) -> list[Finding]:
    """The findings with ``prefix`` (say "models/") put before every file name.

    Locations are relative to the model folder. CI annotations, JUnit ``file`` attributes and
    editors want them relative to where the command runs (usually the repository root): when the
    model is a sub-folder, pass the findings through this and give that folder as the root.
    """
    if not prefix:
        return list(findings)
    prefix = prefix.replace("\\", "/").rstrip("/") + "/"

    def moved(location: Location | None) -> Location | None:
        return None if location is None else replace(location, file=prefix + location.file)

    return [replace(f, location=moved(f.location), statement=moved(f.statement)) for f in findings]
