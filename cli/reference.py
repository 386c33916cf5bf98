"""The CLI reference in Markdown, generated from the click commands so it cannot drift.

The manual's build (docs/hooks.py) calls :func:`cli_markdown`; a test checks that every
command and option appears in the built page.
"""

from __future__ import annotations

import datetime

import click

from eagraph.workspace.config import OPTIONS


def cli_markdown() -> str:
    from .main import cli

    root = click.Context(cli, info_name="eagraph")
    parts = [_command_markdown(cli, root, "eagraph", level=2)]
    for name in sorted(cli.list_commands(root)):
        command = cli.get_command(root, name)
        parts.append(_command_section(command, click.Context(command, info_name=name, parent=root), f"eagraph {name}"))
    return "\n\n".join(parts)


def _command_section(command: click.Command, ctx: click.Context, path: str) -> str:
    if isinstance(command, click.Group):
        sections = [_command_markdown(command, ctx, path, level=2)]
        for name in sorted(command.list_commands(ctx)):
            sub = command.get_command(ctx, name)
            sections.append(_command_markdown(sub, click.Context(sub, info_name=name, parent=ctx), f"{path} {name}", 3))
        return "\n\n".join(sections)
    return _command_markdown(command, ctx, path, level=2)


def _command_markdown(command: click.Command, ctx: click.Context, path: str, level: int) -> str:
    usage = " ".join(command.collect_usage_pieces(ctx))
    lines = [f"{'#' * level} `{path}`", "", f"```\n{path} {usage}\n```", ""]
    if command.help:
        lines += [_help_text(command.help), ""]
    options = [p for p in command.get_params(ctx) if isinstance(p, click.Option) and not p.hidden]
    if options:
        lines += ["| option | meaning |", "|---|---|"]
        for option in options:
            record = option.get_help_record(ctx)
            if record:
                flags, text = record
                flags, text = (value.replace("|", "\\|") for value in (flags, text))
                lines.append(f"| `{flags}` | {text} |")
    return "\n".join(lines).rstrip()


def _help_text(text: str) -> str:
    """click's help with its \\b no-rewrap blocks shown as code blocks."""
    out = []
    for paragraph in click.unstyle(text).strip().split("\n\n"):
        if paragraph.lstrip().startswith("\b"):
            body = paragraph.lstrip()[1:].strip("\n")
            out.append("```\n" + _dedent(body) + "\n```")
        else:
            out.append(" ".join(line.strip() for line in paragraph.splitlines()))
    return "\n\n".join(out)


def _dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text)


def config_markdown() -> str:
    lines = ["| section | key | type | default | meaning |", "|---|---|---|---|---|"]
    kinds = {list: "list of strings", str: "string", float: "number", datetime.date: "date"}
    for option in OPTIONS:
        default = f"`{option.default}`" if option.default not in ("", [], None) else (
            "(required)" if option.default is None else "(empty)")
        section = f"[[{option.section}]]" if option.table_array else f"[{option.section}]"
        lines.append(f"| `{section}` | `{option.key}` | {kinds[option.type]} | {default} | {option.doc} |")
    return "\n".join(lines)


def rule_page_markdown(rule) -> str:
    """The docs page of one rule, from its declaration in the shapes."""
    messages = "\n".join(f"| {language} | {text} |" for language, text in sorted(rule.messages.items()))
    return (f"# {rule.code} {rule.name}\n\n"
            f"**Severity:** {rule.severity.label} · **since** {rule.since}\n\n"
            f"{rule.help_markdown()}\n"
            f"## Messages\n\n| language | message |\n|---|---|\n{messages}\n\n"
            f"Suppress it for one node, with a reason, in the model:\n\n"
            f"```turtle\n<node> eag:suppress \"{rule.code}\" ;\n    eag:suppressionReason \"why\" .\n```\n")


def rules_index_markdown() -> str:
    from eagraph.validators.rule_codes import contract_rules

    rows = "\n".join(f"| [{r.code}]({r.code}.md) | {r.name} | {r.severity.label} | {r.description} |"
                     for r in contract_rules().values())
    return ("# Rules\n\nEvery rule `eagraph validate` applies, with its code. Codes are stable: a rule "
            "that changes name keeps its code.\n\n| code | name | severity | what it checks |\n|---|---|---|---|\n"
            f"{rows}\n")
