"""``eagraph diff``: the change between two versions of the model, in business terms."""

from __future__ import annotations

from pathlib import Path

import click

from eagraph.gittools.diff import diff_dates, diff_versions, temporary_folder, version_folder
from eagraph.gittools.diff_report import FORMATS, render_diff
from eagraph.workspace.files import write_atomic

from .console import Console
from .options import DATE, message_language_option, verbosity_options


@click.command(name="diff")
@click.argument("versions", nargs=-1, metavar="[REV1] [REV2]")
@click.option("--model", "model", type=click.Path(path_type=Path), default=".", show_default=True,
              help="The model folder, or one file of it (inside a git repository when comparing revisions).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text; md to post as a pull-request comment; json for tools.")
@click.option("--no-findings", is_flag=True, help="Leave out how validation and analysis findings changed.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to this file instead of standard output.")
@message_language_option
@click.option("--as-of", "as_of", type=DATE, metavar="DATE",
              help="With --to: compare the model as of DATE (YYYY-MM-DD or today) with the model as of --to.")
@click.option("--to", "to", type=DATE, metavar="DATE", help="With --as-of: the later date of the plan to compare.")
@verbosity_options
def diff_command(versions: tuple[str, ...], model: Path, fmt: str, no_findings: bool, output: Path | None,
                 language: str, as_of, to) -> None:
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
      eagraph diff --as-of today --to 2030-01-01 models

    With --as-of DATE1 --to DATE2, the one model (PATH or --model, as it is now) is compared with
    itself: as it stands on DATE1 and as it will stand on DATE2 by its lifecycle dates, that is
    what the plan changes between the two dates.
    """
    if as_of is not None or to is not None:
        if as_of is None or to is None:
            raise click.UsageError("give both dates: --as-of DATE1 --to DATE2")
        if len(versions) > 1:
            raise click.UsageError("with --as-of and --to, give at most one model folder, not revisions")
        path = Path(versions[0]) if versions else model
        result = diff_dates(path, as_of, to, findings=not no_findings)
        _write(render_diff(result, fmt, language), output)
        return
    if len(versions) > 2:
        raise click.UsageError("give at most two revisions or folders")
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
    _write(render_diff(result, fmt, language), output)


def _write(text: str, output: Path | None) -> None:
    console = Console.current()
    if output is not None:
        write_atomic(output, text)
        console.info(f"wrote {output}")
    else:
        console.out(text.rstrip("\n"))
