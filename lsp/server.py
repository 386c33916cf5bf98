"""The language server: the protocol's requests answered by :class:`~eagraph.lsp.model.LiveModel`.

pygls reads and writes JSON-RPC on standard input and output; each handler converts between the
protocol's positions (0-based, UTF-16) and eagraph's locations (1-based, characters) through
:mod:`.text`, and asks the model. A model that cannot be read is said in the editor, not in a
traceback, and the server keeps running: the architect may be fixing it.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path

from eagraph import __version__
from eagraph.findings import Severity
from eagraph.location import Location
from eagraph.ontology import OWL, RDF, RDFS, SKOS, compact
from eagraph.validators.validate import ValidationOptions
from eagraph.workspace import EagraphError
from eagraph.workspace.config import CONFIG_FILE
from eagraph.workspace.sources import FORMATS

from .actions import tag_actions, type_actions
from .model import Diagnosis, LiveModel, NodeFacts, RenameRefused
from .settings import KEYS as SETTING_KEYS
from .settings import Settings, SettingsError, editor_settings
from .text import (PREFIX_DIRECTIVE, Span, expand, from_utf16, node_at, node_spans, prefixes, slot, term_span,
                   utf16, word_before, written)

SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
              Severity.INFO: types.DiagnosticSeverity.Information}
#: How many completions one request offers at most (the editor filters further as one types).
MAX_COMPLETIONS = 200
#: How long typing must pause before the edited file is checked (seconds): a burst of keystrokes is
#: checked once, on its last text.
DEBOUNCE = 0.150


class EagraphServer(LanguageServer):
    """A language server for the model at ``path`` (default: the folder the editor opened)."""

    def __init__(self, path: Path | None = None, options: ValidationOptions = ValidationOptions(),
                 language: str = "en", cache: bool = True, debounce: float = DEBOUNCE):
        super().__init__("eagraph", __version__)
        self.path, self.use_cache = path, cache
        self.command_line = self.settings = Settings(options, language, debounce)
        self.timers: dict[str, asyncio.TimerHandle] = {}  # per document, its check waiting for typing to pause
        self._model: LiveModel | None = None
        self.failure: str | None = None

    @property
    def options(self) -> ValidationOptions:
        return self.settings.options

    @property
    def language(self) -> str:
        return self.settings.language

    @property
    def debounce(self) -> float:
        return self.settings.debounce

    def folder(self) -> Path:
        """The folder of the model: the one given on the command line, else the one the editor opened."""
        return self.path or Path(self.workspace.root_path or ".")

    def model(self) -> LiveModel | None:
        """The model, loaded on first use; None (said once in the editor) when it cannot be read."""
        if self._model is None and self.failure is None:
            try:
                self._model = LiveModel(self.folder(), self.options, cache=self.use_cache)
            except EagraphError as exc:
                self.failure = exc.render()
                self.say(types.MessageType.Error, f"eagraph: {self.failure}")
        return self._model

    def reload(self) -> LiveModel | None:
        """Read the model anew (its configuration or the options changed): the next use loads it."""
        self._model, self.failure = None, None
        return self.model()

    def say(self, kind: types.MessageType, message: str) -> None:
        self.window_show_message(types.ShowMessageParams(kind, message))

    def configure(self, given: object) -> Settings:
        """Take the editor's settings over the command line's (see :mod:`.settings`); a wrong one is
        said in the editor and changes nothing. The settings in force before."""
        before = self.settings
        try:
            self.settings, unknown = editor_settings(given, self.settings, self.command_line, self.folder().absolute())
        except SettingsError as exc:
            self.say(types.MessageType.Error, exc.render())
            return before
        if unknown:
            self.say(types.MessageType.Warning, f"eagraph: settings not known, left aside: {', '.join(unknown)} "
                                                f"(known: {', '.join(SETTING_KEYS)})")
        return before

    def document(self, uri: str) -> tuple[LiveModel, str] | None:
        """The model and the relative path of the model file at ``uri`` (None: not a file of the model)."""
        model = self.model()
        if model is None or not uri.startswith("file:"):
            return None
        relpath = model.relpath(uri_path(uri))
        return None if relpath is None else (model, relpath)

    def open_documents(self, model: LiveModel) -> dict[str, tuple[str, int | None]]:
        """The model files open in the editor, with their URI and version."""
        documents = {}
        for uri, document in self.workspace.text_documents.items():
            if uri.startswith("file:") and (relpath := model.relpath(uri_path(uri))) is not None:
                documents[relpath] = (uri, document.version)
        return documents


def uri_path(uri: str) -> Path:
    """The file a ``file:`` URI names."""
    return Path(unquote(urlparse(uri).path))


def _range(lines: list[str], span: Span) -> types.Range:
    text = lines[span.line] if 0 <= span.line < len(lines) else ""
    return types.Range(types.Position(span.line, utf16(text, span.start)),
                       types.Position(span.line, utf16(text, span.end)))


def location_range(lines: list[str], location: Location) -> types.Range:
    """The range of the term written at a finding's or statement's location."""
    if location.line <= 0:
        return types.Range(types.Position(0, 0), types.Position(0, 0))
    return _range(lines, term_span(lines, location.line, location.column))


def diagnostics(diagnosis: Diagnosis, relpath: str, lines: list[str], language: str) -> list[types.Diagnostic]:
    """A file's findings (or why the model could not be read) as the editor shows them."""
    found = [types.Diagnostic(location_range(lines, f.where), f.text(language), SEVERITIES[f.severity], f.code,
                              source="eagraph") for f in diagnosis.findings]
    for problem in diagnosis.problems:
        if problem.file == relpath:
            found.append(types.Diagnostic(location_range(lines, Location(problem.file, problem.line, problem.column)),
                                          problem.message, types.DiagnosticSeverity.Error, problem.code,
                                          source="eagraph"))
        else:  # another file keeps the model from being read: say which, here, at the top
            found.append(types.Diagnostic(types.Range(types.Position(0, 0), types.Position(0, 0)),
                                          f"the model cannot be checked: {problem.render().splitlines()[0]}",
                                          types.DiagnosticSeverity.Warning, problem.code, source="eagraph"))
    if diagnosis.failure:
        found.append(types.Diagnostic(types.Range(types.Position(0, 0), types.Position(0, 0)), diagnosis.failure,
                                      types.DiagnosticSeverity.Error, source="eagraph"))
    return found


def make_server(path: Path | None = None, options: ValidationOptions = ValidationOptions(), language: str = "en",
                cache: bool = True, debounce: float = DEBOUNCE) -> EagraphServer:
    server = EagraphServer(path, options, language, cache, debounce)

    def send(model: LiveModel, relpath: str, diagnosis: Diagnosis, uri: str, version: int | None) -> None:
        result = diagnostics(diagnosis, relpath, model.lines(relpath), server.language)
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, result, version))

    def send_reached(model: LiveModel, diagnosis: Diagnosis) -> None:
        """The fresh findings of the files a change reached, open in the editor (at the document's
        version) or not."""
        documents = server.open_documents(model)
        for other, findings in diagnosis.reached.items():
            uri, version = documents.get(other, (from_fs_path(str(model.root / other)), None))
            send(model, other, Diagnosis(findings=findings), uri, version)

    def publish(uri: str, text: str, version: int | None) -> None:
        found = server.document(uri)
        if found is None:
            return
        model, relpath = found
        model.set_text(relpath, text)
        diagnosis = model.diagnose(relpath)
        send(model, relpath, diagnosis, uri, version)  # the edited file first: the reached ones may take long
        send_reached(model, model.reach(diagnosis))

    @server.feature(types.INITIALIZE)
    def initialize(ls: EagraphServer, params: types.InitializeParams) -> None:
        ls.configure(params.initialization_options)

    @server.feature(types.INITIALIZED)
    def initialized(ls: EagraphServer, params: types.InitializedParams) -> None:
        """Read the model (what changes on disk from now on is compared with it) and ask the editor
        to say when model files change on disk (a checkout, a pull), where it can."""
        ls.model()
        workspace = ls.client_capabilities.workspace
        watching = workspace.did_change_watched_files if workspace else None
        if watching and watching.dynamic_registration:
            watchers = [types.FileSystemWatcher(f"**/*{extension}") for extension in FORMATS]
            watchers.append(types.FileSystemWatcher(f"**/{CONFIG_FILE}"))
            ls.client_register_capability(types.RegistrationParams([types.Registration(
                "eagraph-model-files", types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                types.DidChangeWatchedFilesRegistrationOptions(watchers))]))

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: EagraphServer, params: types.DidChangeConfigurationParams) -> None:
        """New settings: the model checked anew with new options; known findings said in a new language."""
        if params.settings is None:
            return
        before = ls.configure(params.settings)
        if before.options != ls.options:
            republish(reload=True)
        elif before.language != ls.language:
            republish(reload=False)

    def republish(reload: bool) -> None:
        """Publish again what the editor shows: with ``reload``, the model read anew and the open
        files and the files shown before checked on it; else the findings known, as they are."""
        model = server._model
        shown = set(model.findings) if model is not None else set()
        if reload:
            model = server.reload()
        if model is None:
            return
        documents = server.open_documents(model)
        if reload:
            for uri, version in documents.values():
                document = server.workspace.text_documents.get(uri)
                if document is not None:
                    publish(uri, document.source, version)
            closed = {relpath for relpath in shown if relpath not in documents and relpath in model.sources}
            try:
                model.findings.update(model.whole(closed))
            except EagraphError:
                return  # the open files say why
        for relpath in sorted(model.findings if not reload else shown - set(documents)):
            uri, version = documents.get(relpath, (from_fs_path(str(model.root / relpath)), None))
            send(model, relpath, Diagnosis(findings=model.findings.get(relpath, [])), uri, version)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: EagraphServer, params: types.DidChangeWatchedFilesParams) -> None:
        """Files changed outside the editor: the files they reach get fresh diagnostics, open or not;
        a changed ``eagraph.toml`` has the model read anew."""
        paths = [uri_path(change.uri) for change in params.changes if change.uri.startswith("file:")]
        if any(path.name == CONFIG_FILE for path in paths) or (ls.failure is not None and paths):
            republish(reload=True)
            return
        model = ls.model()
        if model is None:
            return
        diagnosis = model.disk_changed(paths)
        documents = ls.open_documents(model)
        for relpath in sorted({problem.file for problem in diagnosis.problems} & set(model.sources)):
            uri, version = documents.get(relpath, (from_fs_path(str(model.root / relpath)), None))
            send(model, relpath, Diagnosis(problems=[p for p in diagnosis.problems if p.file == relpath]), uri,
                 version)
        if diagnosis.failure:
            ls.say(types.MessageType.Error, f"eagraph: {diagnosis.failure}")
        send_reached(model, diagnosis)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: EagraphServer, params: types.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri, params.text_document.text, params.text_document.version)

    def publish_latest(uri: str) -> None:
        """Check a document as the editor has it now: the latest text, published with its version."""
        server.timers.pop(uri, None)
        document = server.workspace.text_documents.get(uri)
        if document is not None:
            publish(uri, document.source, document.version)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: EagraphServer, params: types.DidChangeTextDocumentParams) -> None:
        """The text counts at once (completion, hover); the check waits for typing to pause, and a
        newer change puts it off again, so a burst is checked once and no older version is published."""
        uri = params.text_document.uri
        found = ls.document(uri)
        if found is not None:
            found[0].set_text(found[1], ls.workspace.get_text_document(uri).source)
        waiting = ls.timers.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.timers[uri] = asyncio.get_running_loop().call_later(ls.debounce, publish_latest, uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: EagraphServer, params: types.DidSaveTextDocumentParams) -> None:
        found = ls.document(params.text_document.uri)
        if found is not None:
            found[0].reread(found[1])

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: EagraphServer, params: types.DidCloseTextDocumentParams) -> None:
        waiting = ls.timers.pop(params.text_document.uri, None)
        if waiting is not None:
            waiting.cancel()
        found = ls.document(params.text_document.uri)
        if found is not None:
            model, relpath = found
            model.close(relpath)  # the disk's text counts again: what the unsaved edits reached is checked anew
            send_reached(model, model.reach(model.diagnose(relpath)))
            model.forget(relpath)
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(params.text_document.uri, []))

    def node(params: types.TextDocumentPositionParams) -> tuple[LiveModel, str, str, Span] | None:
        """The model, the document's file, and the IRI under the cursor with its span."""
        found = server.document(params.text_document.uri)
        if found is None:
            return None
        model, relpath = found
        lines = model.lines(relpath)
        line = lines[params.position.line] if params.position.line < len(lines) else ""
        at = node_at(lines, params.position.line, from_utf16(line, params.position.character))
        if at is None:
            return None
        text = model.file(relpath).data.decode("utf-8", errors="replace")
        iri = expand(at[0], text, model.sources[relpath].base(model.config))
        return None if iri is None else (model, relpath, iri, at[1])

    def lsp_location(model: LiveModel, location: Location) -> types.Location:
        return types.Location(from_fs_path(str(model.root / location.file)),
                              location_range(model.lines(location.file), location))

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: EagraphServer, params: types.DefinitionParams) -> types.Location | None:
        found = node(params)
        if found is None:
            return None
        model, _relpath, iri, _span = found
        place = model.definition(iri)
        return None if place is None else lsp_location(model, place)

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(ls: EagraphServer, params: types.ReferenceParams) -> list[types.Location]:
        found = node(params)
        if found is None:
            return []
        model, _relpath, iri, _span = found
        return [lsp_location(model, place) for place in model.references(iri)]

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(ls: EagraphServer, params: types.PrepareRenameParams) -> types.Range | None:
        found = node(params)
        if found is None:
            return None
        model, relpath, iri, span = found
        if not model.describing(iri):
            raise JsonRpcInvalidParams(f"<{iri}> is not described in the model: only its own nodes are renamed")
        return _range(model.lines(relpath), span)

    @server.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
    def rename(ls: EagraphServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
        found = node(params)
        if found is None:
            return None
        model, relpath, iri, _span = found
        text = model.file(relpath).data.decode("utf-8", errors="replace")
        new_name = params.new_name.strip()
        new_iri = expand(new_name, text, model.sources[relpath].base(model.config)) \
            if new_name.startswith("<") or ":" in new_name else None
        if not new_iri or not new_iri.isprintable() or any(c in new_iri for c in ' <>"{}|^`\\'):
            raise JsonRpcInvalidParams(f"{new_name!r} is not an IRI this file can write: give <https://...> "
                                       "or a prefixed name whose prefix the file declares")
        try:
            edits = model.rename(iri, new_iri)
        except RenameRefused as exc:
            raise JsonRpcInvalidParams(exc.render()) from None
        return types.WorkspaceEdit(changes={
            from_fs_path(str(model.root / file)): [types.TextEdit(_range(model.lines(file), span), new_text)
                                                   for span, new_text in spans]
            for file, spans in edits.items()})

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(ls: EagraphServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        found = ls.document(params.text_document.uri)
        return [] if found is None else symbols(found[0], found[1], ls.language)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: EagraphServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        found = ls.document(params.text_document.uri)
        if found is None:
            return []
        model, relpath = found
        uri, wanted, diagnostics = params.text_document.uri, params.range, params.context.diagnostics
        return [*prefix_actions(model, relpath, uri, wanted, diagnostics),
                *type_actions(model, relpath, wanted, diagnostics),
                *tag_actions(model, relpath, uri, wanted, diagnostics)]

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: EagraphServer, params: types.HoverParams) -> types.Hover | None:
        found = node(params)
        if found is None:
            return None
        model, relpath, iri, span = found
        text = hover_text(model, iri, ls.language)
        return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text), _range(model.lines(relpath), span))

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[":"]))
    def completion(ls: EagraphServer, params: types.CompletionParams) -> types.CompletionList:
        found = ls.document(params.text_document.uri)
        if found is None:
            return types.CompletionList(False, [])
        model, relpath = found
        return complete(model, relpath, params.position)

    return server


#: The symbol kind an editor's outline shows for a node, by its type.
SYMBOL_KINDS = {RDFS + "Class": types.SymbolKind.Class, OWL + "Class": types.SymbolKind.Class,
                SKOS + "ConceptScheme": types.SymbolKind.Enum, SKOS + "Concept": types.SymbolKind.EnumMember,
                RDF + "Property": types.SymbolKind.Property, OWL + "ObjectProperty": types.SymbolKind.Property,
                OWL + "DatatypeProperty": types.SymbolKind.Property}


def preferred_label(facts: NodeFacts, language: str) -> str:
    """A node's label in the reader's language, else nl, fr, en, untagged, any."""
    for lang in (language, "nl", "fr", "en", ""):
        if facts.labels.get(lang):
            return facts.labels[lang]
    return next(iter(facts.labels.values()), "")


def symbols(model: LiveModel, relpath: str, language: str) -> list[types.DocumentSymbol]:
    """The subjects of a file for the editor's outline: each named by its label (else its prefixed
    name), with its types, reaching from where it is first written to the next subject."""
    lines = model.lines(relpath)
    subjects = model.subjects(relpath)
    facts = model.facts(model.file(relpath))
    text = model.file(relpath).data.decode("utf-8", errors="replace")
    found = []
    for number, (iri, line, column) in enumerate(subjects):
        node = facts.get(iri, NodeFacts())
        last = (subjects[number + 1][1] - 1 if number + 1 < len(subjects) else len(lines)) - 1
        while last > line - 1 and not lines[last].strip():
            last -= 1
        selection = location_range(lines, Location(relpath, line, column))
        kinds = [SYMBOL_KINDS[t] for t in sorted(node.types) if t in SYMBOL_KINDS]
        found.append(types.DocumentSymbol(
            name=preferred_label(node, language) or written(iri, text),
            detail=" ".join([written(iri, text), *("a " + written(t, text) for t in sorted(node.types))]),
            kind=kinds[0] if kinds else types.SymbolKind.Object,
            range=types.Range(selection.start, types.Position(last, utf16(lines[last], len(lines[last])))),
            selection_range=selection))
    return found


def prefix_actions(model: LiveModel, relpath: str, uri: str, wanted: types.Range,
                   diagnostics: list[types.Diagnostic]) -> list[types.CodeAction]:
    """Quick fixes declaring the prefixes that the lines in ``wanted`` use and the file does not
    declare, where the model says for certain which namespace the prefix names."""
    text = model.file(relpath).data.decode("utf-8", errors="replace")
    declared = prefixes(text)
    lines = text.splitlines()
    after = max((number + 1 for number, line in enumerate(lines) if PREFIX_DIRECTIVE.match(line)), default=0)
    actions: dict[str, types.CodeAction] = {}
    for term, span in node_spans(text):
        name = term.partition(":")[0]
        if term.startswith("<") or name in declared or name in actions \
                or not wanted.start.line <= span.line <= wanted.end.line:
            continue
        namespace = model.namespace_of(name)
        if namespace is None:
            continue
        declaration = f"@prefix {name}: <{namespace}> .\n"
        actions[name] = types.CodeAction(
            f"Declare prefix {name}: <{namespace}>", kind=types.CodeActionKind.QuickFix, is_preferred=True,
            diagnostics=[d for d in diagnostics if d.range.start.line == span.line] or None,
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
                types.Range(types.Position(after, 0), types.Position(after, 0)), declaration)]}))
    return list(actions.values())


def hover_text(model: LiveModel, iri: str, language: str) -> str:
    """A node's labels in nl, fr and en, its types, where it is defined and its findings, in Markdown."""
    facts = model.labels(iri)
    parts = [f"**{compact(iri)}**  \n`<{iri}>`"]
    labels = [f"{facts.labels[lang]} ({lang or '-'})" for lang in ("nl", "fr", "en", "de", "")
              if lang in facts.labels]
    if labels:
        parts.append("  \n".join(labels))
    if facts.types:
        parts.append("a " + ", ".join(sorted(compact(t) for t in facts.types)))
    place = model.definition(iri)
    parts.append(f"defined in {place}" if place else "not defined in the model")
    findings = model.findings_about(iri)
    if findings:
        parts.append("\n".join(f"- {f.severity.label} {f.code}: {f.text(language)}" for f in findings))
    return "\n\n".join(parts)


def complete(model: LiveModel, relpath: str, position: types.Position) -> types.CompletionList:
    """What may be written at the cursor, written as the document would write it (its prefixes),
    replacing what was typed: first what the contract expects there (the properties a subject's
    class should have, required ones first; the values a property allows), then the model's nodes
    whose label, prefixed name or IRI holds what is typed."""
    lines = model.lines(relpath)
    line = lines[position.line] if position.line < len(lines) else ""
    typed, start = word_before(line, from_utf16(line, position.character))
    wanted = typed.lstrip("<").lower()
    text = model.file(relpath).data.decode("utf-8", errors="replace")
    replace_range = types.Range(types.Position(position.line, utf16(line, start)), position)
    items: dict[str, types.CompletionItem] = {}
    for iri, item in expected_items(model, relpath, text, lines, position.line, start):
        if not wanted or wanted in f"{item.label} {iri} {item.documentation or ''}".lower():
            item.text_edit = types.TextEdit(replace_range, item.label)
            item.filter_text = f"{typed} {item.label} {iri}"
            items[iri] = item
    for iri, facts in model.nodes():
        if iri in items or not facts.types:
            continue
        label = facts.labels.get("nl") or facts.labels.get("fr") or facts.labels.get("en") \
            or next(iter(facts.labels.values()), "")
        as_written = written(iri, text)
        names = " ".join([as_written, iri, *facts.labels.values()])
        if wanted and wanted not in names.lower():
            continue
        items[iri] = types.CompletionItem(
            label=as_written, kind=types.CompletionItemKind.Reference,
            detail=", ".join(sorted(compact(t) for t in facts.types)),
            documentation=" / ".join(v for v in facts.labels.values()) or None,
            filter_text=f"{typed} {names}", sort_text=f"1 {label.lower()}",
            text_edit=types.TextEdit(replace_range, as_written),
            label_details=types.CompletionItemLabelDetails(description=label or None))
        if len(items) >= MAX_COMPLETIONS:
            break
    return types.CompletionList(is_incomplete=len(items) >= MAX_COMPLETIONS, items=list(items.values()))


def expected_items(model: LiveModel, relpath: str, text: str, lines: list[str], line: int,
                   start: int) -> list[tuple[str, types.CompletionItem]]:
    """The contract's proposals at a place of the document: the properties expected on the
    subject's classes where a predicate is typed, the allowed values where an object is."""
    contract, at = model.contract(), slot(lines, line, start)
    if contract is None or at is None:
        return []
    base = model.sources[relpath].base(model.config)
    subject = expand(at.subject, text, base)
    classes = model.labels(subject).types if subject else set()
    found = []
    if at.predicate is None:
        for rank, (path, expected) in enumerate(contract.expected(classes).items()):
            found.append((path, types.CompletionItem(
                label=written(path, text), kind=types.CompletionItemKind.Property, sort_text=f"0 {rank:04}",
                detail="required by the contract" if expected.required else "expected by the contract")))
        return found
    predicate = expand(at.predicate, text, base) if at.predicate != "a" else None
    for rank, value in enumerate(contract.values(classes, predicate) if predicate else []):
        labels = contract.labels.get(value, {})
        label = labels.get("nl") or labels.get("fr") or labels.get("en") or ""
        found.append((value, types.CompletionItem(
            label=written(value, text), kind=types.CompletionItemKind.EnumMember, sort_text=f"0 {rank:04}",
            detail=f"a value {compact(predicate)} allows", documentation=" / ".join(labels.values()) or None,
            label_details=types.CompletionItemLabelDetails(description=label or None))))
    return found
