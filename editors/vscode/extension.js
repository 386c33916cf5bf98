// Starts `eagraph lsp --stdio` for the Turtle files of the workspace: everything else is the server's.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

exports.activate = () => {
  const settings = vscode.workspace.getConfiguration("eagraph");
  const server = { command: settings.get("command", "eagraph"), args: ["lsp", "--stdio", ...settings.get("args", [])] };
  client = new LanguageClient("eagraph", "eagraph", server,
    { documentSelector: [{ scheme: "file", language: "turtle" }] });
  return client.start();
};

exports.deactivate = () => client && client.stop();
