"""Key figures of a loaded model: what ``eagraph info`` shows and the site's dashboard starts from."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from eagraph.ontology import PREFIXES

from .workspace import Workspace

_PREFIX_LINES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

# What an authority is responsible for, by the property that links the thing to it.
AUTHORITY_LINKS = (
    ("services", "cpsv:PublicService", "cv:hasCompetentAuthority"),
    ("processes", "eag:Process", "eag:ownedBy"),
    ("applications", "eag:ApplicationComponent", "eag:ownedBy"),
    ("sources", "authsrc:DataSource", "dct:publisher"),
)


@dataclass
class AuthoritySummary:
    iri: str
    label: str
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class FileSummary:
    path: str
    format: str
    triples: int


@dataclass
class RepeatedStatements:
    """Statements that the same files each write: counted once in the model, noted so the copies
    can be removed (or kept, knowingly)."""

    files: list[str]
    statements: int
    example: str  # one of them, in N-Triples


@dataclass
class ModelSummary:
    root: str
    triples: int  # each statement once, however many files write it
    classes: dict[str, int]
    authorities: list[AuthoritySummary]
    languages: dict[str, int]
    required_languages: list[str]
    files: list[FileSummary]
    written: int = 0  # statements as written, once per file that holds them
    repeated: list[RepeatedStatements] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def summarise(workspace: Workspace) -> ModelSummary:
    return ModelSummary(
        root=str(workspace.root),
        triples=workspace.triple_count,
        classes=_class_counts(workspace),
        authorities=_authorities(workspace),
        languages=_languages(workspace),
        required_languages=list(workspace.config.languages),
        files=[FileSummary(f.relpath, f.source.format, f.triples) for f in workspace.files],
        written=workspace.written_count,
        repeated=_repeated(workspace),
    )


def _repeated(workspace: Workspace) -> list[RepeatedStatements]:
    """The statements written in more than one file, grouped by the files that write them, most first."""
    groups: dict[tuple[str, ...], list] = {}
    for triple, files in workspace.repeated_statements():
        groups.setdefault(tuple(files), []).append(triple)
    found = [RepeatedStatements(list(files), len(triples), f"{triples[0]} .") for files, triples in groups.items()]
    return sorted(found, key=lambda r: (-r.statements, r.files))


def _select(workspace: Workspace, body: str):
    return workspace.query(_PREFIX_LINES + body)


def _class_counts(workspace: Workspace) -> dict[str, int]:
    rows = _select(workspace, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
    counts = {row["c"].value: int(row["n"].value) for row in rows}
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _authorities(workspace: Workspace) -> list[AuthoritySummary]:
    language = workspace.config.languages[0] if workspace.config.languages else "en"
    rows = _select(workspace, f"""
        SELECT ?a (SAMPLE(?preferred) AS ?p) (SAMPLE(?any) AS ?l) WHERE {{
          ?a a cv:PublicOrganisation .
          OPTIONAL {{ ?a skos:prefLabel ?preferred FILTER(LANGMATCHES(LANG(?preferred), "{language}")) }}
          OPTIONAL {{ ?a skos:prefLabel ?any }}
        }} GROUP BY ?a""")
    authorities: dict[str, AuthoritySummary] = {}
    for row in rows:
        label = row["p"] or row["l"]
        authorities[row["a"].value] = AuthoritySummary(row["a"].value, label.value if label else row["a"].value)
    for name, cls, link in AUTHORITY_LINKS:
        for row in _select(workspace, f"""
                SELECT ?a (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {cls} ; {link} ?a }} GROUP BY ?a"""):
            summary = authorities.get(row["a"].value)
            if summary is not None:
                summary.counts[name] = int(row["n"].value)
    return sorted(authorities.values(), key=lambda a: (-a.counts.get("services", 0), a.label))


def _languages(workspace: Workspace) -> dict[str, int]:
    rows = _select(workspace, """
        SELECT ?lang (COUNT(*) AS ?n) WHERE {
          ?s ?p ?o FILTER(isLiteral(?o) && LANG(?o) != "") BIND(LANG(?o) AS ?lang)
        } GROUP BY ?lang""")
    counts = {row["lang"].value: int(row["n"].value) for row in rows}
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
