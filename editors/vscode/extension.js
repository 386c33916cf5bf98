// Starts `eagraph lsp --stdio` for the Turtle files of the workspace: everything else is the server's.
// The eagraph.* settings (other than the program and its arguments) are the server's options: given as
// initializationOptions at start and sent again when they change (workspace/didChangeConfiguration).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

const SERVER_SETTINGS = ["shapes", "profiles", "baseline", "language", "debounce"];

let client;

// The settings set (null or absent: the command line's value counts, see docs/editors.md).
function serverSettings() {
  const settings = vscode.workspace.getConfiguration("eagraph");
  const given = {};
  for (const key of SERVER_SETTINGS) {
    const value = settings.get(key);
    if (value !== null && value !== undefined) given[key] = value;
  }
  return given;
}

exports.activate = (context) => {
  const settings = vscode.workspace.getConfiguration("eagraph");
  const server = { command: settings.get("command", "eagraph"), args: ["lsp", "--stdio", ...settings.get("args", [])] };
  client = new LanguageClient("eagraph", "eagraph", server,
    { documentSelector: [{ scheme: "file", language: "turtle" }], initializationOptions: serverSettings() });
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((event) => {
    if (client && event.affectsConfiguration("eagraph")) {
      client.sendNotification("workspace/didChangeConfiguration", { settings: { eagraph: serverSettings() } });
    }
  }));
  return client.start();
};

exports.deactivate = () => client && client.stop();
