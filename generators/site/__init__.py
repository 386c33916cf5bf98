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

from .build import SiteBuildError, SiteInputs, SiteOptions, SiteResult, build_site, read_inputs
from .pages import Policy

__all__ = ["Policy", "SiteBuildError", "SiteGenerator", "SiteInputs", "SiteOptions", "SiteResult", "build_site",
           "read_inputs"]


@dataclass
class SiteGenerator:
    options: SiteOptions = field(default_factory=SiteOptions)
    name: str = "site"

    def generate(self, workspace: Workspace, out: Path) -> SiteResult:
        """The site without a trend (no git history read): what ``site build --trend 0`` writes."""
        return build_site(workspace, out, self.options, read_inputs(workspace))
