"""The VS Code extension of ``editors/vscode``: it starts ``eagraph lsp --stdio`` for Turtle files,
and (where ``scripts/run-tests.sh`` packaged it, npm being present) its ``.vsix`` holds what VS Code
needs to run it: the manifest, the script and the language client it requires."""

from __future__ import annotations

import json
import os
import re
import zipfile

import pytest
from helpers import REPO

EXTENSION = REPO / "editors" / "vscode"
VSIX = REPO / "build" / "vscode" / "eagraph.vsix"


def test_the_extension_starts_eagraph_lsp_for_turtle_files():
    manifest = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    assert "onLanguage:turtle" in manifest["activationEvents"]
    assert (EXTENSION / manifest["main"]).is_file()
    assert manifest["contributes"]["configuration"]["properties"]["eagraph.command"]["default"] == "eagraph"
    assert "vscode-languageclient" in manifest["dependencies"]
    script = (EXTENSION / manifest["main"]).read_text(encoding="utf-8")
    assert re.search(r'args: \["lsp", "--stdio", \.\.\.settings\.get\("args", \[\]\)\]', script)
    assert 'language: "turtle"' in script and 'require("vscode-languageclient/node")' in script


def test_a_repositorys_settings_cannot_choose_the_program_the_extension_starts():
    """A cloned repository's .vscode/settings.json is a pull request away from anyone: the program is
    read from the machine's settings only, and in a folder VS Code does not trust, the arguments and
    the files the server reads come from the user's own settings."""
    manifest = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    assert manifest["contributes"]["configuration"]["properties"]["eagraph.command"]["scope"] == "machine"
    untrusted = manifest["capabilities"]["untrustedWorkspaces"]
    assert untrusted["supported"] == "limited"
    assert set(untrusted["restrictedConfigurations"]) >= {"eagraph.args", "eagraph.shapes", "eagraph.baseline"}


def test_the_packaged_extension_holds_what_vscode_runs():
    if not VSIX.is_file():
        if os.environ.get("EAGRAPH_VSIX") == "required":
            pytest.fail(f"{VSIX} was not built (scripts/package-vscode.sh)")
        pytest.skip("the .vsix is built by scripts/run-tests.sh where npm is present")
    with zipfile.ZipFile(VSIX) as package:
        names = set(package.namelist())
        packaged = json.loads(package.read("extension/package.json"))
        script = package.read("extension/extension.js").decode("utf-8")
    assert packaged["name"] == "eagraph" and packaged["main"] == "./extension.js"
    assert script == (EXTENSION / "extension.js").read_text(encoding="utf-8")
    assert "extension/node_modules/vscode-languageclient/node.js" in names
    assert "extension.vsixmanifest" in names
