"""Where the running eagraph was installed from, so the CI files ``eagraph init`` writes install it.

eagraph is on no public package index, so ``pip install eagraph`` in CI would fail or, worse, fetch
someone else's package of that name. The CI files install a pip requirement instead, by default
the very eagraph that wrote them, read from its installation record (PEP 610 ``direct_url.json``):

- installed from git: ``git+https://host/eagraph.git@COMMIT`` (pinned to the commit);
- installed from a clone (``pip install -e .``) whose ``origin`` is an https URL: that URL at the
  clone's commit;
- installed from an archive's https URL: that URL;
- installed from a package index (your organisation's): ``eagraph==VERSION`` from that index.

Anything else (a local folder without an https origin) gives no default: CI then stops with a
message asking for the ``EAGRAPH_INSTALL`` variable. Only https URLs are written, without any
user or password they carried: a committed CI file must never hold a credential.
"""

from __future__ import annotations

import json
import re
import subprocess
from importlib.metadata import distributions
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

#: What the CI files may contain between quotes, in YAML and in a shell: no quote, space, $ or `.
_SAFE = re.compile(r"[\w.:/@+#=%~-]+")


def install_requirement() -> str | None:
    """The pip requirement that installs this eagraph again, or None when there is none to give."""
    found = list(distributions(name="eagraph"))
    records = [d.read_text("direct_url.json") for d in found]
    record = next((r for r in records if r), None)
    if record is None:
        return f"eagraph=={found[0].version}" if found else None
    try:
        return requirement_from_record(json.loads(record))
    except (ValueError, AttributeError, TypeError):
        return None


def requirement_from_record(record: dict) -> str | None:
    """The requirement a PEP 610 record describes, when CI can reach it (https) and it is safe to write."""
    url = record.get("url", "")
    if "vcs_info" in record:
        vcs = record["vcs_info"]
        public = _public(url)
        return _safe(f"git+{public}@{vcs['commit_id']}") if vcs.get("vcs") == "git" and public else None
    if "archive_info" in record:
        return _safe(_public(url))
    if "dir_info" in record and url.startswith("file://"):
        return _safe(_clone_requirement(Path(unquote(urlsplit(url).path))))
    return None


def _clone_requirement(folder: Path) -> str | None:
    """``git+ORIGIN@COMMIT`` for a clone whose origin is an https URL."""
    def git(*args: str) -> str:
        try:
            done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return ""
        return done.stdout.strip() if done.returncode == 0 else ""

    origin, commit = _public(git("remote", "get-url", "origin")), git("rev-parse", "HEAD")
    return f"git+{origin}@{commit}" if origin and commit else None


def _public(url: str) -> str | None:
    """An https URL without the user and password it may carry; None for any other URL."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return None
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    return urlunsplit(("https", host, parts.path, "", ""))


def _safe(requirement: str | None) -> str | None:
    return requirement if requirement and _SAFE.fullmatch(requirement) else None
