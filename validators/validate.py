"""Validating a workspace: shapes in, findings out.

The pipeline: read the shapes (eagraph's, the organisation's), expand the required languages,
compile every constraint to SPARQL, run them over the store, turn each result into a Finding
with its rule code and its place in the files, then apply suppressions and the baseline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib

from eagraph.findings import Finding, RuleInfo, Severity
from eagraph.ontology import EAG, compact, ensure_ontology
from eagraph.workspace import EagraphError, Workspace
from eagraph.workspace.files import write_atomic

from .compiler import Compiler, Constraint, class_hierarchy
from .profiles import SHIPPED_DIR, get_profile, prepare
from .rule_codes import SEVERITIES, contract_rules, rules_in
from .shape_reader import CONTRACT_SHAPES, expand_languages, read_shapes

#: The contract's rule for a link to a node the model does not define.
DANGLING_LINK = "EAG090"
SH_CLASS = rdflib.SH.ClassConstraintComponent
LANGUAGE_NAMES = {
    "en": {"nl": "Dutch", "fr": "French", "de": "German", "en": "English"},
    "nl": {"nl": "Nederlands", "fr": "Frans", "de": "Duits", "en": "Engels"},
    "fr": {"nl": "néerlandais", "fr": "français", "de": "allemand", "en": "anglais"},
}
UNUSED_SUPPRESSION = RuleInfo(
    "EAG900", "unused-suppression", Severity.WARNING,
    "A suppression names a rule that no longer reports anything for that node.",
    "A suppression that suppresses nothing hides the next real problem: remove it.")


@dataclass(frozen=True)
class ValidationOptions:
    """Everything that changes what a validation reports (and so keys its results)."""

    extra_shapes: tuple[Path, ...] = ()
    profiles: tuple[str, ...] = ()  # official profiles, e.g. "cpsv-ap-3.2"
    profile_dir: Path | None = None  # the folder that holds their files; None: the ones eagraph ships
    baseline: Path | None = None
    only_nodes: frozenset[str] | None = None  # validate these focus nodes only (--changed-since)


@dataclass
class ValidationReport:
    findings: list[Finding]
    rules: dict[str, RuleInfo]
    suppressed: int = 0
    baselined: int = 0
    checked_constraints: int = 0
    notes: list[str] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, level: Severity) -> bool:
        return any(f.severity >= level for f in self.findings)


class BaselineError(EagraphError):
    """A baseline file that cannot be read."""


#: From how many statements a validation with workers to spare shares its constraints among them: a
#: fork costs tens of milliseconds, which a small model's whole validation does not take. Measured by
#: the store's size (vocabularies and a merged copy included), five times quicker to learn than the
#: files' own counts, which nothing else in a validation needs.
SHARED_FROM = 200_000


def validate(workspace: Workspace, options: ValidationOptions = ValidationOptions(), *,
             workers: int = 1) -> ValidationReport:
    """The model's findings under the contract's shapes, the organisation's and the profiles asked
    for. ``workers``: how many processes may run the constraints (the check step gives the cores it
    has when validation is all it does, one when the analyses run beside it)."""
    shapes = read_shapes([CONTRACT_SHAPES, *workspace.config.shapes, *options.extra_shapes])
    rules = {code: rule.info() for code, rule in contract_rules().items()}
    rules.update({code: rule.info() for code, rule in rules_in(shapes).items() if code not in rules})
    ensure_ontology(workspace)
    run_profiles = profile_runner(options.profiles, options.profile_dir)  # missing files: an error before any work
    constraints = compile_shapes(workspace, expand_languages(shapes, workspace.config.languages), options.only_nodes)
    if workers > 1 and len(constraints) > 1 and len(workspace.store) >= SHARED_FROM:
        findings = run_shared(workspace, constraints, options.only_nodes, workers)
    else:
        findings = [finding for constraint in constraints
                    for finding in run_constraint(workspace, constraint, options.only_nodes)]
    compiled, profile_findings = run_profiles(workspace, options.only_nodes)
    constraints += compiled
    findings = once_per_dangling_link(findings + profile_findings)
    findings, suppressed, unused = apply_suppressions(workspace, findings, options.only_nodes)
    if unused:
        rules[UNUSED_SUPPRESSION.code] = UNUSED_SUPPRESSION
        findings += unused
    baselined = 0
    if options.baseline is not None:
        known = read_baseline(options.baseline)
        kept = [f for f in findings if f.fingerprint not in known]
        baselined, findings = len(findings) - len(kept), kept
    findings = [locate(workspace, f) for f in findings]
    findings.sort(key=Finding.sort_key)
    return ValidationReport(findings, rules, suppressed, baselined, len(constraints))


def run_shared(workspace: Workspace, constraints: list[Constraint], only: frozenset[str] | None,
               workers: int) -> list[Finding]:
    """The constraints' findings, in the constraints' order, computed by ``workers`` processes that
    each take the next constraint not yet taken (their costs differ a hundredfold, so a fixed split
    would leave one process waiting). The others are forked: they read the loaded store as it is."""
    import multiprocessing

    from eagraph.forking import in_fork

    taken = multiprocessing.get_context("fork").Value("i", 0)

    def take_until_none_left() -> list[tuple[int, list[Finding]]]:
        done = []
        while True:
            with taken.get_lock():
                index, taken.value = taken.value, taken.value + 1
            if index >= len(constraints):
                return done
            done.append((index, list(run_constraint(workspace, constraints[index], only))))

    others = [in_fork(take_until_none_left) for _ in range(workers - 1)]
    results = dict(take_until_none_left())
    for result in others:
        results.update(result())
    return [finding for index in range(len(constraints)) for finding in results[index]]


def profile_runner(names: Iterable[str], profile_dir: Path | None = None):
    """A function that runs the official profiles ``names`` over a workspace and returns their
    constraints and findings (unlocated, unsuppressed); unknown profiles and missing files are
    reported here, before anything runs. ``validate`` and ``export cpsv-ap`` both run profiles so."""
    profiles = [get_profile(name) for name in names]
    files = [profile.files(profile_dir or SHIPPED_DIR) for profile in profiles]

    def run(workspace: Workspace, only: frozenset[str] | None = None) -> tuple[list[Constraint], list[Finding]]:
        constraints: list[Constraint] = []
        findings: list[Finding] = []
        for profile, (shape_files, vocabularies) in zip(profiles, files):
            prepare(workspace, profile, vocabularies)
            compiled = compile_shapes(workspace, read_shapes(shape_files), only)
            constraints += compiled
            findings += [finding for constraint in compiled
                         for finding in run_constraint(workspace, constraint, only,
                                                       source=profile.name, prefix=profile.code_prefix)]
        return constraints, findings

    return run


def compile_shapes(workspace: Workspace, shapes: rdflib.Graph, focus: frozenset[str] | None = None) -> list[Constraint]:
    pairs = ((row["sub"].value, row["sup"].value) for row in workspace.query(
        "SELECT DISTINCT ?sub ?sup WHERE { ?sub <http://www.w3.org/2000/01/rdf-schema#subClassOf> ?sup "
        "FILTER(isIRI(?sub) && isIRI(?sup)) }"))
    iris_only = focus is not None and not any(node.startswith("_:") for node in focus)
    return Compiler(shapes, class_hierarchy(pairs), focus if iris_only else None).compile()


def _node_text(term) -> str:
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def run_constraint(workspace: Workspace, constraint: Constraint, only: frozenset[str] | None = None, *,
                   source: str | None = None, prefix: str = "ORG") -> Iterable[Finding]:
    code = constraint.code or derived_code(constraint, prefix)
    source = source or ("eagraph" if code.startswith("EAG") else "organisation")
    severity = SEVERITIES.get(constraint.severity, Severity.ERROR)
    for row in workspace.query(constraint.query):
        focus = row["this"]
        subject = _node_text(focus)
        if only is not None and subject not in only:
            continue
        value = row["value"] if constraint.selects_value else None
        path = row["path"] if constraint.selects_path else None
        path = path.value if isinstance(path, ox.NamedNode) else str(constraint.path) if constraint.path else None
        yield Finding(
            code=code,
            severity=severity,
            subject=subject,
            message=messages_for(constraint, value),
            path=path,
            value=str(value) if value is not None else None,
            source=source,
            # the language a required-languages rule misses: what an editor's quick fix tags a literal with
            extra={"component": str(constraint.component),
                   **({"language": constraint.language} if constraint.language else {})},
        )


def once_per_dangling_link(findings: list[Finding]) -> list[Finding]:
    """One finding for one mistake: a link to a node the model does not define (EAG090) also fails
    the class rule of its property, by SHACL's letter; the class finding says nothing more and goes."""
    dangling = {(f.subject, f.path, f.value) for f in findings if f.code == DANGLING_LINK}
    return [f for f in findings if not (f.extra.get("component") == str(SH_CLASS)
                                        and (f.subject, f.path, f.value) in dangling)]


def derived_code(constraint: Constraint, prefix: str = "ORG") -> str:
    """A stable code for a shape without eag:ruleCode: its IRI (or path) and constraint kind."""
    component = str(constraint.component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    shape = constraint.shape
    if isinstance(shape, rdflib.URIRef):
        name = str(shape).rsplit("#", 1)[-1].rsplit("/", 2)
        name = "/".join(part[:8] if len(part) > 30 else part for part in name[-2:])
    elif constraint.path is not None:
        name = compact(str(constraint.path))
    else:
        name = "shape"
    return f"{prefix}:{name}:{component}"


def messages_for(constraint: Constraint, value) -> dict[str, str]:
    """The constraint's messages with the language name and the offending value filled in."""
    out = {}
    for language, message in constraint.messages.items():
        if constraint.language:
            name = LANGUAGE_NAMES.get(language, LANGUAGE_NAMES["en"]).get(constraint.language, constraint.language)
            message = message.replace("{language}", name)
        if value is not None:
            message = message.replace("{?value}", value.value if hasattr(value, "value") else str(value))
        out[language] = message.replace(" {?value}", "")
    return out


# Suppressions ----------------------------------------------------------------------------------

def apply_suppressions(workspace: Workspace, findings: list[Finding],
                       only: frozenset[str] | None = None) -> tuple[list[Finding], int, list[Finding]]:
    """Drop suppressed findings; report suppressions that suppressed nothing (EAG900)."""
    wanted: dict[tuple[str, str | None], str] = {}
    for row in workspace.query(
            f"SELECT ?node ?code ?reason WHERE {{ ?node <{EAG}suppress> ?code "
            f"OPTIONAL {{ ?node <{EAG}suppressionReason> ?reason }} }}"):
        wanted[(str(row["code"].value), _node_text(row["node"]))] = row["reason"].value if row["reason"] else ""
    for entry in workspace.config.suppress:
        if not isinstance(entry, Mapping) or "rule" not in entry:
            raise EagraphError(f"{workspace.config.source}: each [validate] suppress entry needs a 'rule'")
        wanted[(str(entry["rule"]), entry.get("node"))] = str(entry.get("reason", ""))
    used: set[tuple[str, str | None]] = set()
    kept = []
    for finding in findings:
        for key in ((finding.code, finding.subject), (finding.code, None)):
            if key in wanted:
                used.add(key)
                break
        else:
            kept.append(finding)
    unused = [
        Finding(UNUSED_SUPPRESSION.code, UNUSED_SUPPRESSION.severity, node or "(eagraph.toml)",
                {"en": f"suppression of {code} is unused: no {code} finding for this node",
                 "nl": f"onderdrukking van {code} is overbodig: geen {code}-melding voor dit knooppunt",
                 "fr": f"la suppression de {code} est inutile : aucun constat {code} pour ce nœud"},
                value=f'"{code}"')
        for (code, node) in wanted
        if (code, node) not in used and code != UNUSED_SUPPRESSION.code and (only is None or node in only)
    ]
    return kept, len(findings) - len(kept), unused


# Baselines --------------------------------------------------------------------------------------

def write_baseline(path: Path, findings: Iterable[Finding]) -> None:

    entries = sorted({f.fingerprint for f in findings})
    data = {"version": 1, "findings": [dict(zip(("code", "subject", "path", "value"), e)) for e in entries]}
    write_atomic(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def read_baseline(path: Path) -> set[tuple[str, str, str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {(e["code"], e["subject"], e.get("path") or "", e.get("value") or "") for e in data["findings"]}
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (write one with --write-baseline)") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{path}: not an eagraph baseline ({exc})") from None


# Locations --------------------------------------------------------------------------------------

def locate(workspace: Workspace, finding: Finding) -> Finding:
    from dataclasses import replace

    if finding.subject.startswith("(") or finding.location is not None:
        return finding
    location = workspace.locate(finding.subject)
    statement = None
    if finding.path and finding.value is not None and location is not None:
        statement = workspace.locate_statement(finding.subject, finding.path, finding.value)
    return replace(finding, location=location, statement=statement)

