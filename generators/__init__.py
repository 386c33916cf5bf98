"""Generators: a model in, files out: the architecture site (``site/``) and the exports
(``archimate``, ``cpsv_ap``, ``jsonld``).

Every generator has the one interface of :class:`Generator`: it takes a loaded
:class:`~eagraph.workspace.Workspace` and an output path, and writes files there atomically
(nothing half-written is ever left where the output belongs).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from eagraph.workspace import Workspace


class Generator(Protocol):
    name: str

    def generate(self, workspace: Workspace, out: Path): ...
