"""mkdocs hooks: pages that are generated from the code, so they cannot drift from it."""

from mkdocs.structure.files import File

from eagraph.cli.reference import cli_markdown, config_markdown, rule_page_markdown, rules_index_markdown
from eagraph.validators.rule_codes import contract_rules

MARKERS = {
    "<!-- eagraph:cli-reference -->": cli_markdown,
    "<!-- eagraph:config-reference -->": config_markdown,
}


def on_files(files, config):
    """One page per rule code, and their index, generated from the shapes."""
    files.append(File.generated(config, "rules/index.md", content=rules_index_markdown()))
    for rule in contract_rules().values():
        files.append(File.generated(config, f"rules/{rule.code}.md", content=rule_page_markdown(rule)))
    return files


def on_page_markdown(markdown, page, config, files):
    for marker, generate in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, generate())
    return markdown
