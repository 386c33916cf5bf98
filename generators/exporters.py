"""The exporters: the model in formats other tools read, each declared once, all written one way.

An :class:`Exporter` says its name (the ``eagraph export`` subcommand), its help, the suffixes of
the file it writes, its own options and its function ``(workspace, out, **options) -> Export``.
:data:`EXPORTERS` lists them, as ``reporters.RENDERERS`` lists the report formats, and the CLI
makes one subcommand per entry: a new exporter is one more entry here. Whatever an exporter
makes reaches the disk only through :func:`write` (``write_atomic``: nothing half-written where
the output belongs, and an exporter that refuses, like ``cpsv-ap --strict``, writes nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from eagraph.workspace import Workspace
from eagraph.workspace.files import write_atomic

from .archimate import export_archimate
from .cpsv_ap import FORMATS as CPSV_FORMATS
from .cpsv_ap import check_export, cpsv_ap_export, serialized
from .jsonld import export_jsonld


@dataclass(frozen=True)
class Option:
    """One option of an exporter's subcommand, besides PATH and ``--out``."""

    flag: str  # "--context-url"
    help: str
    metavar: str | None = None
    is_flag: bool = False

    @property
    def keyword(self) -> str:
        """The keyword the exporter's function takes: ``--context-url`` is ``context_url``."""
        return self.flag.lstrip("-").replace("-", "_")


@dataclass(frozen=True)
class Export:
    """What an exporter made: the file's bytes and what to tell the user about it.

    ``what`` names what was written ("1,234 statements of CPSV-AP 3.2.0"), ``verdict`` follows it
    ("conforms to …"); ``notes`` are said before writing, ``details`` with ``-v``. ``refusal``, when
    set, is why nothing is written (the command exits 1).
    """

    content: bytes
    what: str = ""
    verdict: str = ""
    notes: tuple[str, ...] = ()
    details: tuple[str, ...] = ()
    refusal: str | None = None


@dataclass(frozen=True)
class Exporter:
    """One export format: declared once, driving its ``eagraph export`` subcommand."""

    name: str  # the subcommand: "cpsv-ap"
    help: str  # the subcommand's help: a first sentence, then Markdown-free paragraphs
    suffixes: tuple[str, ...]  # of the file it writes: (".xml",)
    run: Callable[..., Export]  # (workspace, out, **options) -> Export
    options: tuple[Option, ...] = ()

    @property
    def out_help(self) -> str:
        """The help of ``--out``, from the suffixes."""
        if len(self.suffixes) == 1:
            return f"The {self.suffixes[0]} file to write."
        *first, last = self.suffixes
        return f"The file to write, in the syntax its suffix names: {', '.join(first)} or {last}."


def write(export: Export, out: Path) -> None:
    """Write an export where it belongs, atomically: the one way an exporter's output reaches the disk."""
    write_atomic(out, export.content)


# -- the exporters -------------------------------------------------------------------------------
def _cpsv_ap(workspace: Workspace, out: Path, strict: bool = False) -> Export:
    """CPSV-AP 3.2.0 in the syntax ``out``'s suffix names, checked against SEMIC's shapes."""
    from eagraph.cli.console import plural

    export = cpsv_ap_export(workspace)
    check = check_export(export)
    details = tuple(f"{f.subject}: {f.path or ''} {f.code} {f.value or ''}".rstrip() for f in check.violations)
    return Export(serialized(export.graph, out), what=f"{plural(len(export.graph), 'statement')} of CPSV-AP 3.2.0",
                  verdict=check.summary(), notes=tuple(export.mapped), details=details,
                  refusal=f"the export has {check.summary()}" if strict and not check.conforms else None)


def _jsonld(workspace: Workspace, out: Path, context_url: str | None = None) -> Export:
    return Export(export_jsonld(workspace, context_url).encode("utf-8"))


def _archimate(workspace: Workspace, out: Path, name: str | None = None) -> Export:
    return Export(export_archimate(workspace, name))


CPSV_AP = Exporter(
    name="cpsv-ap", suffixes=tuple(CPSV_FORMATS), run=_cpsv_ap,
    options=(Option("--strict", is_flag=True,
                    help="Exit 1, writing nothing, when the output does not conform to the official shapes."),),
    help="""The public services of the model at PATH as CPSV-AP 3.2.0, checked against SEMIC's shapes.

    Everything the CPSV-AP 3.2.0 and CCCEV 2.1.0 vocabularies define is kept (code-list IRIs,
    opening hours, contact points, costs, channels, evidence type lists); CPSV-AP 2.x names are
    mapped to their 3.2.0 names; authentic sources become dcat:Datasets; titles and identifiers are
    filled in from the node's own label and IRI; nothing else is added. Before writing, the output
    is validated against the official CPSV-AP 3.2.0 and CCCEV 2.1.0 shapes and the command says
    the result: conforms, or how many violations there are and how many the model itself has
    (`eagraph validate PATH --profile cpsv-ap-3.2` shows those at file:line).
    """)

JSONLD = Exporter(
    name="jsonld", suffixes=(".jsonld",), run=_jsonld,
    options=(Option("--context-url", metavar="URL",
                    help="Refer to the context at this URL (e.g. https://w3id.org/eagraph/context.jsonld) "
                         "instead of embedding it."),),
    help="""The whole model as JSON-LD with eagraph's context: short names, texts as language maps.

    A web developer reads it as plain JSON: `node["title"]["nl"]`, `node["hasCompetentAuthority"]`.
    """)

ARCHIMATE = Exporter(
    name="archimate", suffixes=(".xml",), run=_archimate,
    options=(Option("--name", help="The model's name in the exchange file (default: the imported model's name, in "
                                   "its languages, else 'eagraph model')."),),
    help="""The model as an ArchiMate 3.1 Model Exchange File (open it in Archi: File > Import > Open
    Exchange XML Model), with a view per authority and per life event laid out by Graphviz, and the
    name, metadata, folders and views of an imported model as they were. Valid against the
    exchange format's XSDs, and the same bytes for the same model.""")

#: Every exporter by name, in the order ``eagraph export --help`` lists them.
EXPORTERS: dict[str, Exporter] = {exporter.name: exporter for exporter in (ARCHIMATE, CPSV_AP, JSONLD)}
