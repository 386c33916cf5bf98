"""``eagraph lsp``'s settings as an editor gives them (``initializationOptions``,
``workspace/didChangeConfiguration``), and files changed outside the editor
(``workspace/didChangeWatchedFiles``), through the protocol on a copy of the example model.

Each server here runs on its own copy: the tests rewrite files on disk as ``git checkout`` would.
"""

from __future__ import annotations

import shutil
import time

import pytest
from helpers import MODELS
from lsp_client import LspClient
from test_lsp import BOSA, DANGLING, HOMEAFFAIRS, REGISTER, Editor

#: How long a test waits for a check the settings say happens at once (the command line's debounce
#: is far longer, so a server that ignores the setting misses it).
PROMPT = 8.0
ECONOMY = "authorities/economy.ttl"


@pytest.fixture
def model(tmp_path):
    root = tmp_path / "models"
    shutil.copytree(MODELS, root)
    return root


@pytest.fixture
def start(model):
    clients = []

    def started(*args: str, capabilities: dict | None = None, options: object = None) -> LspClient:
        client = LspClient(str(model), *args)
        clients.append(client)
        client.initialize(model, capabilities, options)
        settled(client)
        return client

    yield started
    for client in clients:
        client.close()


def settled(client: LspClient) -> None:
    """Wait until the server has handled every message sent before (a request is answered in order)."""
    client.request("textDocument/documentSymbol", {"textDocument": {"uri": "file:///nowhere.ttl"}})


def dangling_edit(editor: Editor) -> str:
    return editor.text.replace("cv:hasCompetentAuthority authority:bosa ;", f"cv:hasCompetentAuthority {DANGLING} ;", 1)


def messages(client: LspClient, kind: int) -> list[str]:
    """The window/showMessage texts of ``kind`` (1 error, 2 warning) received so far, taken."""
    found = [m for m in client.pending if m.get("method") == "window/showMessage" and m["params"]["type"] == kind]
    for message in found:
        client.pending.remove(message)
    return [m["params"]["message"] for m in found]


def test_initialization_options_give_the_messages_language(start, model):
    client = start(options={"language": "fr"})
    bosa = Editor(client, model / BOSA)
    found = [d for d in bosa.type(dangling_edit(bosa)) if d["code"] == "EAG090"]
    assert len(found) == 1
    assert found[0]["message"].startswith("la cible du lien")
    assert "n'est pas définie dans le modèle" in found[0]["message"]


def test_initialization_options_debounce_zero_checks_at_once(start, model):
    client = start("--debounce", "10000", options={"eagraph": {"debounce": 0}})
    bosa = Editor(client, model / BOSA)
    bosa.version += 1
    client.notify("textDocument/didChange", {"textDocument": {"uri": bosa.uri, "version": bosa.version},
                                             "contentChanges": [{"text": dangling_edit(bosa)}]})
    # with the command line's ten seconds this would time out
    assert [d for d in client.diagnostics(bosa.uri, bosa.version, timeout=PROMPT) if d["code"] == "EAG090"]


def test_changed_configuration_republishes_in_the_new_language(start, model):
    client = start()
    bosa = Editor(client, model / BOSA)
    assert [d for d in bosa.type(dangling_edit(bosa)) if d["code"] == "EAG090"][0]["message"].startswith("link target")
    client.notify("workspace/didChangeConfiguration", {"settings": {"eagraph": {"language": "nl"}}})
    dutch = [d for d in client.diagnostics(bosa.uri, bosa.version) if d["code"] == "EAG090"]
    assert len(dutch) == 1 and dutch[0]["message"].startswith("doel van de koppeling")


def test_empty_settings_keep_the_editors_and_null_gives_the_command_lines_again(start, model):
    client = start("--language", "nl", options={"language": "fr"})
    bosa = Editor(client, model / BOSA)
    client.notify("workspace/didChangeConfiguration", {"settings": {}})  # eglot's, when nothing is configured
    assert [d for d in bosa.type(dangling_edit(bosa)) if d["code"] == "EAG090"][0]["message"].startswith("la cible")
    client.notify("workspace/didChangeConfiguration", {"settings": {"eagraph": {"language": None}}})
    dutch = [d for d in client.diagnostics(bosa.uri, bosa.version) if d["code"] == "EAG090"]
    assert dutch[0]["message"].startswith("doel van de koppeling")


def test_changed_profiles_check_the_open_file_anew(start, model):
    client = start()
    bosa = Editor(client, model / BOSA)
    before = {d["code"] for d in bosa.diagnostics}
    client.notify("workspace/didChangeConfiguration", {"settings": {"eagraph": {"profiles": ["cpsv-ap-3.2"]}}})
    after = client.diagnostics(bosa.uri, bosa.version)
    assert {d["code"] for d in after} - before, "the profile's findings are published"


@pytest.mark.parametrize("settings, named", [
    ({"language": "de"}, "'language'"),
    ({"debounce": "fast"}, "'debounce'"),
    ({"debounce": -1}, "'debounce'"),
    ({"profiles": ["cpsv-ap-9"]}, "unknown profile 'cpsv-ap-9'"),
    ({"shapes": [3]}, "'shapes'"),
    ("nl", "expected an object"),
])
def test_a_wrong_setting_is_said_and_the_settings_stay(start, model, settings, named):
    client = start(options=settings)
    bosa = Editor(client, model / BOSA)
    errors = messages(client, 1)
    assert len(errors) == 1 and named in errors[0], errors
    found = [d for d in bosa.type(dangling_edit(bosa)) if d["code"] == "EAG090"]
    assert found[0]["message"].startswith("link target")  # English, checked: the server runs on


def test_an_unknown_setting_is_said_not_refused(start, model):
    client = start(options={"langauge": "fr", "debounce": 0})
    Editor(client, model / BOSA)  # its diagnostics come after the messages
    warnings = messages(client, 2)
    assert len(warnings) == 1 and "langauge" in warnings[0]
    assert not messages(client, 1)


# Files changed outside the editor ----------------------------------------------------------------

WATCHING = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}
CHANGED, CREATED, DELETED = 2, 1, 3


def published(client: LspClient, relpath: str, timeout: float = 30.0) -> list[dict]:
    message = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"].endswith("/models/" + relpath), timeout)
    return message["params"]["diagnostics"]


def watched(client: LspClient, *changes: tuple[object, int]) -> None:
    client.notify("workspace/didChangeWatchedFiles",
                  {"changes": [{"uri": path.as_uri(), "type": kind} for path, kind in changes]})


def test_the_server_asks_to_watch_the_model_files(start):
    client = start(capabilities=WATCHING)
    registrations = [r for m in client.requests if m["method"] == "client/registerCapability"
                     for r in m["params"]["registrations"]]
    assert [r["method"] for r in registrations] == ["workspace/didChangeWatchedFiles"]
    globs = [w["globPattern"] for w in registrations[0]["registerOptions"]["watchers"]]
    assert "**/*.ttl" in globs and "**/eagraph.toml" in globs


def test_no_watch_is_asked_of_a_client_that_cannot_register_it(start):
    client = start()
    assert not client.requests


def register_removed(model) -> str:
    """homeaffairs.ttl rewritten on disk without the national register (a checkout of a branch
    that removed it); the original text."""
    path = model / HOMEAFFAIRS
    original = path.read_text(encoding="utf-8")
    block = original[original.index(f"{REGISTER} a authsrc:DataSource"):]
    path.write_text(original.replace(block[:block.index(" .\n") + 3], ""), encoding="utf-8")
    return original


def test_a_file_rewritten_on_disk_gives_the_closed_files_linking_to_it_their_dangling_links(start, model):
    client = start(capabilities=WATCHING)
    original = register_removed(model)
    watched(client, (model / HOMEAFFAIRS, CHANGED))
    dangling = [d for d in published(client, BOSA) if d["code"] == "EAG090"]
    lines = (model / BOSA).read_text(encoding="utf-8").splitlines()
    assert sorted(d["range"]["start"]["line"] for d in dangling) == \
        [n for n, line in enumerate(lines) if line.startswith("    eag:uses") and REGISTER in line]
    assert all("national-register" in d["message"] for d in dangling)
    # the file back as it was (a checkout of main again): the links are whole again
    client.pending.clear()
    (model / HOMEAFFAIRS).write_text(original, encoding="utf-8")
    watched(client, (model / HOMEAFFAIRS, CHANGED))
    assert not [d for d in published(client, BOSA) if d["code"] == "EAG090"]


def test_a_file_removed_and_created_on_disk_is_followed(start, model):
    client = start(capabilities=WATCHING)
    homeaffairs = model / HOMEAFFAIRS
    moved = model / "shared" / "homeaffairs-moved.ttl"
    homeaffairs.rename(moved)  # a pull that moved the file: one deleted, one created
    watched(client, (homeaffairs, DELETED))
    assert published(client, HOMEAFFAIRS) == []
    assert [d for d in published(client, BOSA) if d["code"] == "EAG090" and "national-register" in d["message"]]
    client.pending.clear()
    watched(client, (moved, CREATED))
    assert not [d for d in published(client, BOSA) if d["code"] == "EAG090"]


def test_an_open_file_keeps_the_editors_text_when_the_disk_changes(start, model):
    client = start(capabilities=WATCHING)
    Editor(client, model / HOMEAFFAIRS)
    register_removed(model)
    watched(client, (model / HOMEAFFAIRS, CHANGED))
    time.sleep(1.0)  # nothing to publish: the editor's text, with the register, still counts
    settled(client)
    assert not [m for m in client.pending if m.get("method") == "textDocument/publishDiagnostics"
                and any(d["code"] == "EAG090" for d in m["params"]["diagnostics"])]


def test_a_changed_eagraph_toml_reloads_the_model(start, model):
    client = start(capabilities=WATCHING)
    bosa = Editor(client, model / BOSA)
    assert not [d for d in bosa.diagnostics if d["code"] == "EAG090"]
    register_removed(model)  # a checkout that changed the configuration and a file: the model is read anew
    config = model / "eagraph.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    watched(client, (config, CHANGED))
    assert [d for d in client.diagnostics(bosa.uri, bosa.version) if d["code"] == "EAG090"]


# The settings themselves (no server) ---------------------------------------------------------------

def test_paths_are_the_model_folders_and_null_is_the_command_lines(tmp_path):
    from eagraph.lsp.settings import Settings, editor_settings
    from eagraph.validators.validate import ValidationOptions

    command_line = Settings(ValidationOptions(profiles=("cccev-2.1",)), "nl", 0.15)
    given = {"eagraph": {"shapes": ["shapes/org.ttl"], "baseline": "baseline.json", "profiles": [], "debounce": 0}}
    settings, unknown = editor_settings(given, command_line, command_line, tmp_path)
    assert settings.options.extra_shapes == (tmp_path / "shapes" / "org.ttl",)
    assert settings.options.baseline == tmp_path / "baseline.json"
    assert settings.options.profiles == () and settings.debounce == 0 and settings.language == "nl"
    assert unknown == []
    again, _ = editor_settings({"profiles": None, "baseline": None}, settings, command_line, tmp_path)
    assert again.options.profiles == ("cccev-2.1",) and again.options.baseline is None
    assert again.options.extra_shapes == settings.options.extra_shapes and again.debounce == 0
