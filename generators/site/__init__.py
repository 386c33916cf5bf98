"""The architecture site: a multilingual mkdocs-material site generated from the model.

``SiteGenerator().generate(workspace, out)`` (or ``eagraph site build``) reads the model
(:mod:`.content`), renders the pages of each language from jinja2 templates (:mod:`.pages`,
``templates/``), lays out the diagrams with Graphviz (:mod:`.diagrams`), draws the charts
(:mod:`.charts`) and builds one mkdocs site per language (:mod:`.build`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eagraph.workspace import Workspace

from .build import SiteBuildError, SiteOptions, SiteResult, build_site

__all__ = ["SiteBuildError", "SiteGenerator", "SiteOptions", "SiteResult", "build_site"]


@dataclass
class SiteGenerator:
    options: SiteOptions = field(default_factory=SiteOptions)
    name: str = "site"

    def generate(self, workspace: Workspace, out: Path) -> SiteResult:
        return build_site(workspace, out, self.options)
