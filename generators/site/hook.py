"""The mkdocs hook of a generated site: page bodies and diagrams go in as finished HTML.

A page's Markdown file holds its front matter and a placeholder; its body (rendered by
:mod:`.pages`, all model text escaped) is put in after Markdown, and its diagrams after the
search plugin has read the page. So neither Markdown's raw-HTML parser nor the search indexer
reads ten thousand tables and drawings for nothing, and Markdown never sees model text.

mkdocs loads this file by path, as a module of its own; the HTML is handed over through
:data:`PAGES` of the installed package (the build runs in the same process).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from eagraph.generators.site.escaping import mark_site_name
from eagraph.generators.site.pagestore import PAGES, body_of, merge_search_index, with_diagrams


def on_config(config):
    mark_site_name(config)
    return config


def on_template_context(context, template_name, config):
    """mkdocs gives error pages (404.html) root-absolute links, which lead out of a site opened
    from a folder or published under a sub-path: like every other page, they link relatively
    (404.html lies at the top of its language's site)."""
    if template_name == "404.html":
        context["base_url"] = "."
    return context


def on_page_content(html, page, config, files):
    return body_of(page.file.src_uri, html)


def on_post_page(output, page, config):
    return with_diagrams(output)


@event_priority(-50)  # after the search plugin wrote its index, before the offline plugin inlines it
def on_post_build(config):
    merge_search_index(config["site_dir"])


__all__ = ["PAGES", "on_config", "on_page_content", "on_template_context", "on_post_build", "on_post_page"]
