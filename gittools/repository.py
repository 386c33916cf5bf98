"""``eagraph init``: the files a new model repository starts with (see ``starter/``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from eagraph.workspace.files import write_atomic

STARTER = Path(__file__).with_name("starter")
#: starter file -> where it goes in the new repository
FILES = {
    "eagraph.toml": "eagraph.toml",
    "model/starter.ttl": "model/starter.ttl",
    "gitattributes": ".gitattributes",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "github-workflow.yml": ".github/workflows/eagraph.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
}
DRIVER = ("eagraph: merge Turtle on statements", "eagraph merge-driver %O %A %B %P")


def init_repository(folder: Path) -> tuple[list[Path], list[Path], bool]:
    """Write the starter files that do not exist yet; configure the merge driver in a git clone.
    Returns the files written, those kept, and whether git was configured."""
    written, kept = [], []
    for source, target in FILES.items():
        path = folder / target
        if path.exists() or path.is_symlink():  # a dangling link too: never written through
            kept.append(path)
            continue
        write_atomic(path, (STARTER / source).read_bytes())
        written.append(path)
    return written, kept, configure_merge_driver(folder)


def configure_merge_driver(folder: Path) -> bool:
    """``git config merge.eagraph.*`` for the clone at ``folder`` (False when it is none)."""
    if shutil.which("git") is None or subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--git-dir"], capture_output=True).returncode != 0:
        return False
    for key, value in (("merge.eagraph.name", DRIVER[0]), ("merge.eagraph.driver", DRIVER[1])):
        subprocess.run(["git", "-C", str(folder), "config", key, value], check=True, capture_output=True)
    return True
