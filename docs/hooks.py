"""mkdocs hooks: pages that are generated from the code, so they cannot drift from it."""

from eagraph.cli.reference import cli_markdown, config_markdown

MARKERS = {
    "<!-- eagraph:cli-reference -->": cli_markdown,
    "<!-- eagraph:config-reference -->": config_markdown,
}


def on_page_markdown(markdown, page, config, files):
    for marker, generate in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, generate())
    return markdown
