"""The mkdocs plugin of a generated site: page bodies and diagrams go in as finished HTML.

A page's Markdown file holds its front matter and a placeholder; its body (rendered by
:mod:`.pages`, all model text escaped) is put in after Markdown, and its diagrams after the
search plugin has read the page. So neither Markdown's raw-HTML parser nor the search indexer
reads ten thousand tables and drawings for nothing, and Markdown never sees model text. Entity
pages are not rendered by mkdocs at all: it renders one shell page per section, which the plugin
keeps, and indexes the entity pages for search (:mod:`.shells`).

The build adds the plugin to the loaded config (:func:`install`) with the pages of that build
(:class:`~.pagestore.PageStore`) as an argument: no module state carries pages from one build
to the next, and the mkdocs.yml on disk names no hook file.
"""

from __future__ import annotations

from mkdocs.plugins import BasePlugin, event_priority

from .escaping import mark_site_name
from .pagestore import PageStore
from .search import read_quickly
from .shells import index_entities


class SitePlugin(BasePlugin):
    """Runs after every configured plugin (it is added last), as mkdocs hooks do."""

    def __init__(self, store: PageStore):
        super().__init__()
        self.store = store

    def on_config(self, config):
        mark_site_name(config)
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if getattr(search, "search_index", None) is not None:  # made by its on_config, which ran first
            read_quickly(search.search_index, self.store.search_entries, self.store.navigation_entries)
        return config

    def on_env(self, env, config, files):
        """The theme's templates do not change during a build: no file check at every include of
        every page."""
        env.auto_reload = False
        return env

    def on_template_context(self, context, template_name, config):
        """mkdocs gives error pages (404.html) root-absolute links, which lead out of a site opened
        from a folder or published under a sub-path: like every other page, they link relatively
        (404.html lies at the top of its language's site)."""
        if template_name == "404.html":
            context["base_url"] = "."
        return context

    def on_page_content(self, html, page, config, files):
        return self.store.body_of(page.file.src_uri, html)

    def on_post_page(self, output, page, config):
        self.store.keep_shell(page.file.src_uri, output)
        return self.store.with_diagrams(output)

    @event_priority(50)  # before the search plugin writes its index
    def on_post_build(self, config):
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None:
            index_entities(search, self.store.entities, self.store.search_entries, self.store.kept,
                           self.store.search_keys)
            self.store.search_entries.update(self.store.navigation_entries)  # kept for the next build too


def install(config, store: PageStore):
    """Add the site's plugin, holding ``store``, to a loaded mkdocs config; returns the config."""
    config.plugins["eagraph-site"] = SitePlugin(store)
    return config
