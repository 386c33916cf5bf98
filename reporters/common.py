"""What every reporter shares: the context of a report, the order of findings, the counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote

from eagraph.findings import Finding, RuleInfo, Severity
from eagraph.location import Location
from eagraph.workspace import SourceProblem
from eagraph.workspace.errors import SYNTAX_ERROR, UNREADABLE

#: The rules of the model files eagraph cannot read: reported as findings by ``validate``, so that
#: CI shows a broken file where it shows every other finding.
READING_RULES = {
    SYNTAX_ERROR: RuleInfo(
        SYNTAX_ERROR, "syntax-error", Severity.ERROR,
        "A model file cannot be parsed: a syntax error, or a limit passed (a literal over 16 MiB, "
        "nesting deeper than 64, XML entities).",
        "The file is not read at all, so nothing in it is checked: fix the mistake at the line given."),
    UNREADABLE: RuleInfo(
        UNREADABLE, "unreadable-file", Severity.ERROR,
        "A file or folder of the model cannot be opened (permissions, a link to nothing).",
        "What eagraph cannot open is not in the model: give it read access or exclude it in eagraph.toml."),
}


@dataclass(frozen=True)
class ReportContext:
    """What a reporter needs besides the findings."""

    tool_version: str  # eagraph.__version__
    rules: Mapping[str, RuleInfo]  # code -> RuleInfo (SARIF rules, help texts); may lack codes
    language: str = "en"  # which message language to print (falls back to en)
    root: Path | None = None  # the model folder; finding locations are relative to it
    command: str = "validate"  # "validate" or "analyze": titles, SARIF automation id
    #: analyze: what each kind needs and how much of the model has it (analyses/coverage.py)
    coverage: Sequence = ()
    #: the model the report is about, as a reader names it ("models"); the xlsx summary shows it
    model: str = ""

    @property
    def title(self) -> str:
        return f"eagraph {self.command}"


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)


def by_benefit(finding: Finding) -> tuple:
    """The order within one code's table: highest score first (unscored last), then by place."""
    return (finding.score is None, -(finding.score or 0.0), finding.sort_key())


def file_line(location: Location | None) -> str:
    """``file:line`` as an editor opens it; the file alone for a problem with the whole file (line 0)."""
    if location is None:
        return ""
    return f"{location.file}:{location.line}" if location.line > 0 else location.file


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


def coverage_lines(context: ReportContext) -> list[str]:
    """One line per kind: what it needs and how much of the model has it (English: the terms are)."""
    return [item.text() for item in context.coverage]


def blind_note(context: ReportContext) -> str:
    """After "no findings": how many kinds had nothing to look at, so silence is not read as all clear."""
    blind = [item.kind for item in context.coverage if item.blind]
    if not blind:
        return ""
    return (f" ({len(blind)} of {len(context.coverage)} kinds found no data to look at: "
            f"{', '.join(blind)}; see the coverage)")


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


def problem_findings(problems: Iterable[SourceProblem]) -> list[Finding]:
    """The files eagraph could not read, as findings (EAG901, EAG902) at file:line:col; a
    problem with the whole file or folder (line 0) is located at the file alone. The offending
    line travels in ``extra["source_line"]``, for the text report's caret. The subject is the
    file's graph name in the store (``file:///sub/a.ttl``), the same wherever the command runs."""
    return [Finding(code=p.code, severity=Severity.ERROR, subject="file:///" + quote(p.file), message={"en": p.message},
                    location=Location(p.file, max(p.line, 0), p.column if p.line > 0 else 0),
                    extra={"source_line": p.source_line} if p.source_line else {})
            for p in problems]
