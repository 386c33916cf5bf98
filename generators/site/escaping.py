"""Text from the config or the model on its way into the site: one escaping path for each place
it goes, so that a title or a label is always shown as written and never run.

- HTML (page bodies, charts, the redirect page): :func:`escape`, markupsafe's, everywhere.
- Markdown never sees model text: page bodies go in after Markdown (see :mod:`.hook`).
- YAML (a page's front matter) and mkdocs.yml (the site's name): the HTML-escaped text, written
  as a JSON string (which YAML reads), so that ``: ``, ``#`` or a line break stay text.
- mkdocs-material prints ``config.site_name`` both raw and through ``|e``: the hook marks the
  (already escaped) name as markup, so that it is escaped exactly once in both.
"""

from __future__ import annotations

import json

from markupsafe import Markup, escape

__all__ = ["escape", "yaml_string", "site_name", "mark_site_name"]


def yaml_string(text: object) -> Markup:
    """A YAML scalar of ``text`` for a page's front matter: HTML-escaped, JSON-quoted."""
    return Markup(json.dumps(str(escape(str(text))), ensure_ascii=False))


def site_name(title: str) -> str:
    """The site's name as it goes into mkdocs.yml (HTML-escaped; the config is written as JSON)."""
    return str(escape(title))


def mark_site_name(config) -> None:
    """In the mkdocs build: the escaped name is markup, so templates' ``|e`` leaves it as it is."""
    config["site_name"] = Markup(config["site_name"])
