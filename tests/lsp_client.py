"""A Language Server Protocol client over a pipe, for the tests of ``eagraph lsp``.

It starts the server as an editor does (a process speaking JSON-RPC on its standard input and
output, with Content-Length framing) and waits for every answer with a timeout, so a server
that hangs fails a test instead of holding the suite.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path

TIMEOUT = 30.0


class LspClient:
    def __init__(self, *args: str, cwd: Path | None = None):
        self.process = subprocess.Popen([sys.executable, "-m", "eagraph", "lsp", "--stdio", *args], cwd=cwd,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages: queue.Queue = queue.Queue()
        self.pending: list[dict] = []
        self.next_id = 0
        self.requests: list[dict] = []  # the server's requests (client/registerCapability, ...), answered
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            self.messages.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict, timeout: float = TIMEOUT):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        answer = self.wait(lambda m: m.get("id") == self.next_id and "method" not in m, timeout)
        assert "error" not in answer, answer
        return answer.get("result")

    def wait(self, wanted, timeout: float = TIMEOUT) -> dict:
        """The first message (kept or new) for which ``wanted`` is true; others are kept for later."""
        for message in self.pending:
            if wanted(message):
                self.pending.remove(message)
                return message
        while True:
            try:
                message = self.messages.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no answer from eagraph lsp within {timeout} s; stderr: "
                                     f"{self._stderr()}") from None
            if message.get("method") and "id" in message:  # a request of the server's (capabilities, say)
                self.requests.append(message)
                self.send({"id": message["id"], "result": None})
            elif wanted(message):
                return message
            else:
                self.pending.append(message)

    def diagnostics(self, uri: str, version: int, timeout: float = TIMEOUT) -> list[dict]:
        """The diagnostics published for ``uri`` at ``version`` of the document."""
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri and m["params"].get("version") == version, timeout)
        return message["params"]["diagnostics"]

    def _stderr(self) -> str:
        if self.process.poll() is None:
            return "(still running)"
        return self.process.stderr.read().decode(errors="replace")[-2000:]

    def initialize(self, root: Path, capabilities: dict | None = None, options: object = None) -> dict:
        """The handshake, with the client's ``capabilities`` and the editor's settings (``options``,
        sent as ``initializationOptions`` when given)."""
        params = {"processId": None, "rootUri": root.as_uri(), "capabilities": capabilities or {}}
        if options is not None:
            params["initializationOptions"] = options
        result = self.request("initialize", params)
        self.notify("initialized", {})
        return result

    def close(self) -> None:
        try:
            if self.process.poll() is None:
                self.request("shutdown", {}, timeout=5)
                self.notify("exit", {})
                self.process.wait(timeout=5)
        except Exception:
            pass
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=5)
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                stream.close()
