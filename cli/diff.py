"""``eagraph diff``: the change between two versions of the model, in business terms."""

from __future__ import annotations

from pathlib import Path

import click

from eagraph.gittools.diff import diff_versions, temporary_folder, version_folder
from eagraph.gittools.diff_report import FORMATS, render_diff
from eagraph.workspace.files import write_atomic

from .console import Console
from .options import verbosity_options


@click.command(name="diff")
@click.argument("versions", nargs=-1, metavar="[REV1] [REV2]")
@click.option("--model", "model", type=click.Path(path_type=Path), default=".", show_default=True,
              help="The model folder, or one file of it (inside a git repository when comparing revisions).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text; md to post as a pull-request comment; json for tools.")
@click.option("--no-findings", is_flag=True, help="Leave out how validation and analysis findings changed.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to this file instead of standard output.")
@click.option("--language", type=click.Choice(["en", "nl", "fr"]), default="en", show_default=True)
@verbosity_options
def diff_command(versions: tuple[str, ...], model: Path, fmt: str, no_findings: bool, output: Path | None,
                 language: str) -> None:
    """Show what changed between two versions of the model, entity by entity.

    No REV: the working tree against HEAD. One REV: the working tree against it. Two REVs: the
    first against the second. Two folders instead of revisions compare those folders. Layout,
    order and blank-node names are not changes; validation and analysis findings introduced and
    resolved are listed after the entities.

    \b
    Examples:
      eagraph diff --model models
      eagraph diff origin/main HEAD --model models --format md -o diff.md
      eagraph diff old-models/ models/
    """
    if len(versions) > 2:
        raise click.UsageError("give at most two revisions or folders")
    console = Console.current()
    with temporary_folder() as work:
        if len(versions) == 2 and all(Path(v).is_dir() for v in versions):
            names = versions
            before, after = Path(versions[0]), Path(versions[1])
        else:
            old_rev = versions[0] if versions else "HEAD"
            new_rev = versions[1] if len(versions) == 2 else None
            names = (old_rev, new_rev or "working tree")
            before = version_folder(model, old_rev, Path(work))
            after = version_folder(model, new_rev, Path(work))
        result = diff_versions(before, after, before_name=names[0], after_name=names[1], findings=not no_findings)
    text = render_diff(result, fmt, language)
    if output is not None:
        write_atomic(output, text)
        console.info(f"wrote {output}")
    else:
        console.out(text.rstrip("\n"))
