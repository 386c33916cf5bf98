"""``eagraph lsp`` through the protocol itself: a client over a pipe, on a copy of the example model.

An architect opens a file, types, and sees what ``validate`` would say, at the place it says it;
goes to a node's definition and its references; reads its labels on hover; completes an IRI by
its label. Every answer waits at most a bounded time; the server runs on no network.
"""

from __future__ import annotations

import json
import shutil
import time

import pytest
from helpers import MODELS
from lsp_client import LspClient

DANGLING = "<https://w3id.org/eagraph/be/authority/nope>"
BOSA = "authorities/bosa.ttl"


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    root = tmp_path_factory.mktemp("lsp") / "models"
    shutil.copytree(MODELS, root)
    return root


@pytest.fixture(scope="module")
def client(model):
    client = LspClient(str(model))
    client.initialize(model)
    yield client
    client.close()


class Editor:
    """One document open in the client: its text, version and the diagnostics of each version."""

    def __init__(self, client: LspClient, path):
        self.client, self.uri, self.version = client, path.as_uri(), 1
        self.text = path.read_text(encoding="utf-8")
        client.notify("textDocument/didOpen", {"textDocument": {"uri": self.uri, "languageId": "turtle",
                                                                "version": 1, "text": self.text}})
        self.diagnostics = client.diagnostics(self.uri, 1)

    def type(self, text: str) -> list[dict]:
        self.version += 1
        self.text = text
        self.client.notify("textDocument/didChange", {"textDocument": {"uri": self.uri, "version": self.version},
                                                      "contentChanges": [{"text": text}]})
        self.diagnostics = self.client.diagnostics(self.uri, self.version)
        return self.diagnostics

    def at(self, needle: str, offset: int = 0) -> dict:
        """The protocol position of ``needle`` (its first occurrence) plus ``offset`` characters."""
        before = self.text[:self.text.index(needle) + offset]
        return {"line": before.count("\n"), "character": len(before) - before.rfind("\n") - 1}

    def ask(self, method: str, needle: str, offset: int = 1, **params):
        return self.client.request(method, {"textDocument": {"uri": self.uri}, "position": self.at(needle, offset),
                                            **params})

    def close(self) -> None:
        self.client.notify("textDocument/didClose", {"textDocument": {"uri": self.uri}})


@pytest.fixture
def bosa(client, model):
    editor = Editor(client, model / BOSA)
    yield editor
    editor.close()


def test_a_dangling_link_typed_is_reported_where_validate_reports_it(bosa, model, run, tmp_path):
    assert not [d for d in bosa.diagnostics if d["code"] == "EAG090"]
    edited = bosa.text.replace("cv:hasCompetentAuthority authority:bosa ;", f"cv:hasCompetentAuthority {DANGLING} ;", 1)
    found = [d for d in bosa.type(edited) if d["code"] == "EAG090"]

    start = bosa.at(DANGLING)
    assert [d["range"] for d in found] == [{"start": start, "end": {**start, "character": start["character"]
                                                                       + len(DANGLING)}}]
    # the same code, severity and message as validate on the same text, saved
    saved = tmp_path / "models"
    shutil.copytree(model, saved)
    (saved / BOSA).write_text(edited, encoding="utf-8")
    report = json.loads(run("validate", saved, "--format", "json").stdout)
    expected = [f for f in report["findings"] if f["code"] == "EAG090"]
    assert [(f["severity"], f["message"], f["statement"]["line"]) for f in expected] == \
        [("error", found[0]["message"], start["line"] + 1)]
    assert found[0]["severity"] == 1 and found[0]["source"] == "eagraph"


def test_a_syntax_error_is_reported_at_its_line(bosa):
    definition = "authority:bosa a cv:PublicOrganisation ;"
    edited = bosa.text.replace(definition, definition + ";;]", 1)
    found = bosa.type(edited)
    line = bosa.at("authority:bosa a cv:PublicOrganisation")["line"]
    assert [(d["code"], d["range"]["start"]["line"]) for d in found] == [("EAG901", line)]
    assert not [d for d in bosa.type(bosa.text.replace(";;]", "")) if d["code"] == "EAG901"]


def test_definition_of_an_authority_lands_in_its_file_and_line(bosa, model):
    answer = bosa.ask("textDocument/definition", "cv:hasCompetentAuthority authority:bosa",
                      len("cv:hasCompetentAuthority authority:"))
    line = (model / BOSA).read_text(encoding="utf-8").splitlines().index("authority:bosa a cv:PublicOrganisation ;")
    assert answer["uri"] == (model / BOSA).as_uri()
    assert answer["range"] == {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 14}}


def national_register_line(model) -> int:
    """The line that defines the national register in the example model (the model's edits move it)."""
    text = (model / "authorities/homeaffairs.ttl").read_text(encoding="utf-8")
    return text.splitlines().index("source:national-register a authsrc:DataSource ;") + 1


def test_references_name_every_statement_in_every_file(bosa, model):
    answer = bosa.ask("textDocument/references", "eag:uses source:national-register", len("eag:uses source:"),
                      context={"includeDeclaration": True})
    places = {(a["uri"].rsplit("/models/", 1)[1], a["range"]["start"]["line"] + 1) for a in answer}
    expected = set()
    for path in model.rglob("*.ttl"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "source:national-register" in line or "source/national-register>" in line:
                expected.add((path.relative_to(model).as_posix(), number))
    assert places == expected
    assert ("authorities/homeaffairs.ttl", national_register_line(model)) in places
    assert len({file for file, _ in places}) > 3


def test_hover_shows_labels_type_and_definition(bosa, model):
    answer = bosa.ask("textDocument/hover", "eag:uses source:national-register", len("eag:uses source:"))
    text = answer["contents"]["value"]
    line = national_register_line(model)
    assert "Rijksregister van de natuurlijke personen (nl)" in text
    assert "Registre national des personnes physiques (fr)" in text
    assert "authsrc:DataSource" in text and f"defined in authorities/homeaffairs.ttl:{line}:1" in text


def test_hover_on_an_eli_shows_the_regulations_title(bosa):
    answer = bosa.ask("textDocument/hover", "eli/wet/2014/05/05/2014203384", 5)
    text = answer["contents"]["value"]
    assert "Only-once act (en)" in text and "Wet houdende verankering van het principe" in text
    assert "eli:LegalResource" in text and "defined in shared/regulations.ttl:329:1" in text


def test_completion_offers_the_national_register_by_its_label(bosa):
    edited = bosa.text.replace("eag:uses source:national-register .", "eag:uses Rijksreg .", 1)
    bosa.type(edited)
    answer = bosa.ask("textDocument/completion", "eag:uses Rijksreg", len("eag:uses Rijksreg"))
    items = {item["textEdit"]["newText"]: item for item in answer["items"]}
    register = items["source:national-register"]
    assert register["detail"] == "authsrc:DataSource"
    assert register["textEdit"]["range"]["start"] == bosa.at("Rijksreg")
    assert "Rijksregister van de natuurlijke personen" in register["labelDetails"]["description"]


TARIFF = "https://w3id.org/eagraph/be/service/social-energy-tariff"
ECONOMY = "authorities/economy.ttl"


def apply_edits(text: str, edits: list[dict]) -> str:
    """A document's text with a WorkspaceEdit's TextEdits applied, as an editor applies them."""
    from eagraph.lsp.text import from_utf16

    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def offset(position: dict) -> int:
        return starts[position["line"]] + from_utf16(lines[position["line"]], position["character"])

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        text = text[:offset(edit["range"]["start"])] + edit["newText"] + text[offset(edit["range"]["end"]):]
    return text


def statements(path, old: str = "", new: str = ""):
    """A file's statements (blank nodes compared by shape), ``old`` renamed to ``new`` if given."""
    from rdflib import Graph, URIRef
    from rdflib.compare import to_isomorphic

    graph = Graph().parse(path, format="turtle")
    if old:
        rename = {URIRef(old): URIRef(new)}
        graph = Graph().parse(data=graph.serialize(format="nt"), format="nt")
        for triple in list(graph):
            graph.remove(triple)
            graph.add(tuple(rename.get(term, term) for term in triple))
    return to_isomorphic(graph)


def test_rename_a_service_changes_every_file_consistently_and_nothing_else(client, model, tmp_path):
    economy = Editor(client, model / ECONOMY)
    try:
        place = economy.ask("textDocument/prepareRename", "service:social-energy-tariff a", 3)
        assert place["start"] == economy.at("service:social-energy-tariff a")
        answer = economy.ask("textDocument/rename", "service:social-energy-tariff a", 3,
                             newName="service:energy-tariff-social")
    finally:
        economy.close()
    renamed = tmp_path / "models"
    shutil.copytree(model, renamed)
    changed = set()
    for uri, edits in answer["changes"].items():
        relpath = uri.rsplit("/models/", 1)[1]
        changed.add(relpath)
        path = renamed / relpath
        path.write_text(apply_edits(path.read_text(encoding="utf-8"), edits), encoding="utf-8")
    assert changed == {ECONOMY, "shared/initiatives.ttl"}
    new = TARIFF.replace("social-energy-tariff", "energy-tariff-social")
    for path in model.rglob("*.ttl"):
        after = renamed / path.relative_to(model)
        assert statements(after) == statements(path, TARIFF, new), path  # the same statements, the node renamed
        text = after.read_text(encoding="utf-8")
        assert "service:social-energy-tariff" not in text.replace("service:social-energy-tariff-", "")
    # the lookalikes are left alone, and the file keeps its prefixes and layout
    economy_after = (renamed / ECONOMY).read_text(encoding="utf-8")
    assert "process:social-energy-tariff-determination a eag:Process ;" in economy_after
    assert "service:energy-tariff-social a cpsv:PublicService ;" in economy_after
    assert len(economy_after.splitlines()) == len((model / ECONOMY).read_text(encoding="utf-8").splitlines())


def refused_rename(client, model, needle: str, new_name: str, offset: int = 3) -> str:
    """The error message of a rename at ``needle`` in economy.ttl (the test fails if it is not refused)."""
    economy = Editor(client, model / ECONOMY)
    try:
        client.next_id += 1
        client.send({"id": client.next_id, "method": "textDocument/rename",
                     "params": {"textDocument": {"uri": economy.uri}, "newName": new_name,
                                "position": economy.at(needle, offset)}})
        answer = client.wait(lambda m: m.get("id") == client.next_id and "method" not in m)
    finally:
        economy.close()
    assert "error" in answer, answer
    return answer["error"]["message"]


def test_rename_onto_a_node_of_the_model_is_refused(client, model):
    message = refused_rename(client, model, "service:social-energy-tariff a", "service:legal-aid")
    assert "would merge the two" in message and "service/legal-aid" in message



def test_rename_to_a_name_the_file_cannot_write_is_refused(client, model):
    for new_name in ("nope:tariff", "<https://example.org/a b>", "energy tariff"):
        message = refused_rename(client, model, "service:social-energy-tariff a", new_name)
        assert "is not an IRI this file can write" in message, new_name

def test_rename_of_a_vocabulary_term_is_refused(client, model):
    message = refused_rename(client, model, "service:social-energy-tariff a cpsv:PublicService", "cpsv:Service",
                             len("service:social-energy-tariff a cpsv:"))
    assert "not described in the model" in message and "cpsv#PublicService" in message


def test_document_symbols_are_the_subjects_of_the_file_by_label_and_type(bosa):
    answer = bosa.client.request("textDocument/documentSymbol", {"textDocument": {"uri": bosa.uri}})
    lines = bosa.text.splitlines()
    written_subjects = [(number, line.split(" ", 1)[0]) for number, line in enumerate(lines)
                        if line[:1].isalpha() and " a " in line and not line.startswith("@")]
    assert [(s["selectionRange"]["start"]["line"], s["detail"].split(" ", 1)[0]) for s in answer] == written_subjects
    bosa_symbol = next(s for s in answer if s["detail"].startswith("authority:bosa "))
    assert bosa_symbol["name"] == "FPS Policy and Support"  # the label in the server's language (en)
    assert bosa_symbol["detail"] == "authority:bosa a cv:PublicOrganisation"
    start = bosa.at("authority:bosa a")
    assert bosa_symbol["selectionRange"] == {"start": start, "end": {**start, "character": len("authority:bosa")}}
    assert bosa_symbol["range"]["start"] == start and bosa_symbol["range"]["end"]["line"] > start["line"]
    assert lines[bosa_symbol["range"]["end"]["line"]].rstrip().endswith(".")


def test_a_quick_fix_declares_the_prefix_a_file_uses_and_does_not_declare(bosa):
    declaration = "@prefix channel: <https://w3id.org/eagraph/be/channel/> .\n"
    without = bosa.text.replace(declaration, "") + "\nauthority:bosa eag:note nope:thing .\n"
    found = [d for d in bosa.type(without) if d["code"] == "EAG901"]
    assert found, "the undeclared prefix is a syntax error"
    everything = {"start": {"line": 0, "character": 0}, "end": {"line": len(without.splitlines()), "character": 0}}
    actions = bosa.client.request("textDocument/codeAction", {"textDocument": {"uri": bosa.uri}, "range": everything,
                                                              "context": {"diagnostics": found}})
    # channel: is declared alike across the model, so the fix is certain; nope: names nothing known
    assert [a["title"] for a in actions] == ["Declare prefix channel: <https://w3id.org/eagraph/be/channel/>"]
    assert actions[0]["kind"] == "quickfix" and actions[0]["diagnostics"] == found
    fixed = apply_edits(without, actions[0]["edit"]["changes"][bosa.uri])
    assert "@prefix authority: <https://w3id.org/eagraph/be/authority/> .\n" in fixed
    assert fixed.count(declaration) == 1 and fixed.index(declaration) < fixed.index("\nauthority:bosa a")
    without_nope = fixed.replace("\nauthority:bosa eag:note nope:thing .\n", "")
    assert not [d for d in bosa.type(without_nope) if d["code"] == "EAG901"]



PUBLIC_SERVICE_REQUIRED = {"dct:identifier", "dct:title", "dct:description", "cv:hasCompetentAuthority", "dct:type",
                           "cv:hasLegalResource", "cv:hasChannel"}


def by_rank(answer: dict) -> list[dict]:
    return sorted(answer["items"], key=lambda item: item.get("sortText") or item["label"])


def test_completion_offers_the_properties_a_service_should_have_first(bosa):
    typing = bosa.text.replace("service:e-tendering a cpsv:PublicService ;\n",
                               "service:e-tendering a cpsv:PublicService ;\n    \n", 1)
    bosa.type(typing)  # an edit under way: the file does not parse, its service is still known
    position = bosa.at("service:e-tendering a cpsv:PublicService ;\n    \n", len("service:e-tendering a cpsv:"
                                                                                  "PublicService ;\n    "))
    answer = bosa.client.request("textDocument/completion", {"textDocument": {"uri": bosa.uri}, "position": position})
    ranked = [item["textEdit"]["newText"] for item in by_rank(answer)]
    required = ranked[:len(PUBLIC_SERVICE_REQUIRED)]
    assert PUBLIC_SERVICE_REQUIRED <= set(required), required
    assert "eag:grantingMode" in ranked[:40] and ranked.index("eag:grantingMode") >= len(PUBLIC_SERVICE_REQUIRED)
    kinds = [item["kind"] for item in by_rank(answer)]
    assert kinds == sorted(kinds, key=lambda kind: kind != 10) and 18 in kinds  # properties (10), then the nodes (18)


def test_completion_offers_the_granting_modes_for_a_granting_mode(bosa):
    typing = bosa.text.replace("service:e-tendering a cpsv:PublicService ;\n",
                               "service:e-tendering a cpsv:PublicService ;\n    eag:grantingMode \n", 1)
    bosa.type(typing)
    needle = "service:e-tendering a cpsv:PublicService ;\n    eag:grantingMode "
    answer = bosa.client.request("textDocument/completion", {"textDocument": {"uri": bosa.uri},
                                                             "position": bosa.at(needle, len(needle))})
    ranked = by_rank(answer)
    assert [item["textEdit"]["newText"] for item in ranked[:3]] == ["eag:OnRequest", "eag:Proactive", "eag:Automatic"]
    assert ranked[0]["labelDetails"]["description"] == "Op aanvraag"
    assert "Sur demande" in ranked[0]["documentation"]


HOMEAFFAIRS = "authorities/homeaffairs.ttl"
REGISTER = "source:national-register"


def published(client, relpath: str) -> list[dict]:
    """The next diagnostics published for the model file ``relpath`` (open in the editor or not)."""
    message = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"].endswith("/models/" + relpath))
    return message["params"]["diagnostics"]


def test_a_node_removed_in_one_file_is_a_dangling_link_in_the_files_that_link_to_it(client, model):
    homeaffairs = Editor(client, model / HOMEAFFAIRS)
    bosa = Editor(client, model / BOSA)
    try:
        # what earlier tests had published (economy.ttl's empty list when it closed) is no answer here
        client.pending = [m for m in client.pending if m.get("method") != "textDocument/publishDiagnostics"]
        original = homeaffairs.text
        block = original[original.index(f"{REGISTER} a authsrc:DataSource"):]
        homeaffairs.type(original.replace(block[:block.index(" .\n") + 3], ""))
        # bosa.ttl, open: its links to the register now dangle, each underlined where it is written
        dangling = [d for d in client.diagnostics(bosa.uri, 1) if d["code"] == "EAG090"]
        lines = bosa.text.splitlines()
        expected = [{"start": {"line": n, "character": line.index(REGISTER)},
                     "end": {"line": n, "character": line.index(REGISTER) + len(REGISTER)}}
                    for n, line in enumerate(lines) if line.startswith("    eag:uses") and REGISTER in line]
        assert sorted(d["range"]["start"]["line"] for d in dangling) == [r["start"]["line"] for r in expected]
        assert all(d["range"] in expected and "national-register" in d["message"] for d in dangling)
        # economy.ttl, not open, is told as well
        assert [d for d in published(client, ECONOMY) if d["code"] == "EAG090"]
        # the node back: the links are whole again, in both files
        homeaffairs.type(original)
        assert not [d for d in client.diagnostics(bosa.uri, 1) if d["code"] == "EAG090"]
        assert not [d for d in published(client, ECONOMY) if d["code"] == "EAG090"]
    finally:
        bosa.close()
        homeaffairs.close()


def actions_at(editor: Editor, diagnostic: dict) -> list[dict]:
    """The code actions the server offers at a diagnostic, the editor giving it as context."""
    return editor.client.request("textDocument/codeAction", {"textDocument": {"uri": editor.uri},
                                                             "range": diagnostic["range"],
                                                             "context": {"diagnostics": [diagnostic]}})


def test_a_quick_fix_tags_an_untagged_title_with_the_language_the_rule_misses(bosa):
    french = "\"Dépôt électronique d'une offre pour un marché public\""
    original = bosa.text
    untagged = original.replace(french + "@fr", french, 1)
    missing = [d for d in bosa.type(untagged) if d["code"] == "EAG003"]
    assert len(missing) == 1 and "French" in missing[0]["message"]
    actions = actions_at(bosa, missing[0])
    assert [a["title"] for a in actions] == [f"Tag {french[:40]} as @fr"]
    assert actions[0]["isPreferred"] and actions[0]["diagnostics"] == missing
    fixed = apply_edits(untagged, actions[0]["edit"]["changes"][bosa.uri])
    assert fixed == original
    assert not [d for d in bosa.type(fixed) if d["code"] == "EAG003"]


def test_a_quick_fix_tags_with_each_missing_language_when_both_are(bosa):
    both = bosa.text.replace('"Elektronisch indienen van een offerte voor een overheidsopdracht"@nl', "", 1) \
        .replace("\"Dépôt électronique d'une offre pour un marché public\"@fr ,", '"Offerte"', 1)
    missing = [d for d in bosa.type(both) if d["code"] == "EAG003"]
    assert len(missing) == 2
    actions = bosa.client.request("textDocument/codeAction", {"textDocument": {"uri": bosa.uri},
                                                              "range": missing[0]["range"],
                                                              "context": {"diagnostics": missing}})
    # one per configured language the rule misses, none preferred: the architect knows which it is
    assert sorted(a["title"] for a in actions) == ['Tag "Offerte" as @fr', 'Tag "Offerte" as @nl']
    assert not any(a.get("isPreferred") for a in actions)
    nl = next(a for a in actions if a["title"].endswith("@nl"))
    assert [d["message"] for d in nl["diagnostics"]] == [d["message"] for d in missing if "Dutch" in d["message"]]


NEW_SERVICE = """
service:new-thing dct:title "Nieuw"@nl , "Nouveau"@fr ;
    cv:hasCompetentAuthority authority:bosa .

authority:bosa eag:realises service:new-thing .
"""


def test_a_quick_fix_adds_the_type_the_contract_implies_to_a_node_linked_to(bosa):
    untyped = bosa.text + NEW_SERVICE
    dangling = [d for d in bosa.type(untyped) if d["code"] == "EAG090" and "new-thing" in d["message"]]
    assert len(dangling) == 1
    actions = actions_at(bosa, dangling[0])
    assert [a["title"] for a in actions] == ["Add a cpsv:PublicService to service:new-thing"]
    fixed = apply_edits(untyped, actions[0]["edit"]["changes"][bosa.uri])
    assert "\nservice:new-thing a cpsv:PublicService ;\n    dct:title \"Nieuw\"@nl" in fixed
    assert not [d for d in bosa.type(fixed) if d["code"] == "EAG090"]


def test_no_type_is_offered_where_the_contract_does_not_make_it_certain(bosa):
    vague = bosa.text + NEW_SERVICE.replace("cv:hasCompetentAuthority authority:bosa", "dct:identifier \"X-1\"")
    dangling = [d for d in bosa.type(vague) if d["code"] == "EAG090" and "new-thing" in d["message"]]
    assert len(dangling) == 1 and actions_at(bosa, dangling[0]) == []  # a title and an identifier: many classes


def test_a_burst_of_changes_is_checked_once_on_its_last_text(bosa):
    client, original, first = bosa.client, bosa.text, bosa.version + 1
    client.pending = [m for m in client.pending if m.get("method") != "textDocument/publishDiagnostics"]
    typed = [original + "\n" * n for n in range(1, 10)]
    typed.append(original.replace("cv:hasCompetentAuthority authority:bosa ;",
                                  f"cv:hasCompetentAuthority {DANGLING} ;", 1))  # only the last has the mistake
    for version, text in enumerate(typed, first):
        client.notify("textDocument/didChange", {"textDocument": {"uri": bosa.uri, "version": version},
                                                 "contentChanges": [{"text": text}]})
    last = first + len(typed) - 1
    assert [d for d in client.diagnostics(bosa.uri, last) if d["code"] == "EAG090"]
    time.sleep(0.5)  # three pauses' worth: a check of an older version would have been published by now
    client.request("textDocument/documentSymbol", {"textDocument": {"uri": bosa.uri}})  # all before it is read
    published_versions = [m["params"].get("version") for m in client.pending
                          if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == bosa.uri]
    assert published_versions == []
    bosa.version, bosa.text = last, typed[-1]
    assert not [d for d in bosa.type(original) if d["code"] == "EAG090"]


def test_references_read_only_the_files_that_mention_the_node(model):
    from eagraph.lsp.model import LiveModel

    live = LiveModel(model, cache=False)
    read = []
    positions = live.positions
    live.positions = lambda model_file: read.append(model_file.relpath) or positions(model_file)
    places = live.references(TARIFF)
    assert {place.file for place in places} == {ECONOMY, "shared/initiatives.ttl"}
    assert set(read) == {ECONOMY, "shared/initiatives.ttl"}  # not a scan of every file


def test_references_of_a_class_find_it_after_a_in_every_file(bosa, model):
    answer = bosa.ask("textDocument/references", "service:e-tendering a cpsv:PublicService",
                      len("service:e-tendering a cpsv:"), context={"includeDeclaration": True})
    files = {a["uri"].rsplit("/models/", 1)[1] for a in answer}
    assert files == {path.relative_to(model).as_posix() for path in model.rglob("*.ttl")
                     if "a cpsv:PublicService" in path.read_text(encoding="utf-8")}


def test_an_edit_reaching_many_files_is_told_from_one_check_of_the_whole_model(tmp_path, monkeypatch):
    """An edit that many files never diagnosed link to (a national register, an authority) is told to
    those files from one check of the whole model, not a check of each file's every node (144 s for 378
    files at 2,000 services): the same findings, file for file, as the file-by-file way."""
    from eagraph.lsp import model as live

    shutil.copytree(MODELS, tmp_path / "models")
    original = (tmp_path / "models" / HOMEAFFAIRS).read_text(encoding="utf-8")
    block = original[original.index(f"{REGISTER} a authsrc:DataSource"):]
    edited = original.replace(block[:block.index(" .\n") + 3], "")
    told = {}
    for threshold in (1, 10**6):
        monkeypatch.setattr(live, "WHOLE_MODEL_FROM", threshold)
        checks = []
        monkeypatch.setattr(live.LiveModel, "_check_model", counted(live.LiveModel._check_model, checks))
        model = live.LiveModel(tmp_path / "models", cache=False)
        model.set_text(HOMEAFFAIRS, edited)
        reached = model.reach(model.diagnose(HOMEAFFAIRS)).reached
        told[threshold] = {file: sorted(map(live._finding_key, found)) for file, found in reached.items()}
        assert len(checks) == (threshold == 1)
    assert len(told[1]) > 3 and any(key[0] == "EAG090" for keys in told[1].values() for key in keys)
    assert told[1] == told[10**6]


def counted(method, calls: list):
    def wrapper(self, *args):
        calls.append(args)
        return method(self, *args)
    return wrapper
