"""``flask import``: bring in moments exported from the platforms (JSON Lines, CSV, TikTok
Research API responses) as pending submissions, scored and routed like shared ones."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from ..extensions import db
from ..participate.import_formats import FORMATS, FormatError, Mapping
from ..participate.importing import ImportOptions, import_files
from ..services import get_scorer

SHOW_PROBLEMS = 100


@click.command("import")
@with_appcontext
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="auto: by the file's name (.jsonl/.ndjson, .csv/.tsv, .json for TikTok responses).",
)
@click.option(
    "--source",
    help="Where the rows come from (instagram, x, ...); known by it and their ids, so the same "
    "export imported twice adds nothing. TikTok Research API rows are 'tiktok'.",
)
@click.option("--text", "text_field", help="Field or column with the text [text].")
@click.option("--author", "author_field", help="Field or column with the author [author].")
@click.option("--created", "created_field", help="Field or column with the time [created].")
@click.option("--link", "link_field", help="Field or column with the link [link].")
@click.option("--id", "id_field", help="Field or column with the original id [id].")
@click.option("--default-author", help="Shown as the author where a row names none.")
@click.option("--delimiter", default=",", show_default=True, help="CSV column separator.")
@click.option("--dry-run", is_flag=True, help="Check and count everything; store nothing.")
@click.option(
    "--score",
    is_flag=True,
    help="Score and route the imported rows now, in this process (otherwise the score "
    "workers do, as for shared moments).",
)
def import_command(
    files,
    fmt,
    source,
    text_field,
    author_field,
    created_field,
    link_field,
    id_field,
    default_author,
    delimiter,
    dry_run,
    score,
) -> None:
    """Import comments or posts from FILES as pending moments.

    Bad rows are listed with their line and skipped; everything else is stored in one
    transaction, so an import that fails part-way leaves nothing behind.
    """
    given = {
        "text": text_field,
        "author": author_field,
        "created": created_field,
        "link": link_field,
        "id": id_field,
    }
    mapping = Mapping(
        **{key: value for key, value in given.items() if value},
        explicit=frozenset(key for key, value in given.items() if value),
    )
    if delimiter == "\\t":
        delimiter = "\t"
    if len(delimiter) != 1:
        raise click.BadParameter("one character", param_hint="--delimiter")
    options = ImportOptions(fmt, source, mapping, delimiter, default_author)

    def progress(rows):
        with click.progressbar(rows, label="Importing", show_pos=True, file=sys.stderr) as bar:
            yield from bar

    try:
        summary = import_files(db.session, files, options, progress=progress, dry_run=dry_run)
    except FormatError as error:
        raise click.ClickException(str(error)) from None
    for problem in summary.problems[:SHOW_PROBLEMS]:
        click.echo(f"skipped {problem}", err=True)
    if len(summary.problems) > SHOW_PROBLEMS:
        click.echo(f"... and {len(summary.problems) - SHOW_PROBLEMS} more skipped rows", err=True)
    for line in summary.lines():
        click.echo(line)
    if dry_run:
        click.echo("Dry run: nothing was stored.")
        return
    if score and summary.imported:
        app = current_app._get_current_object()
        result = get_scorer(app).drain()
        click.echo(
            f"Scored {result.claimed}: {result.published} published, "
            f"{result.needs_review} to review, {result.rejected} rejected."
        )
    elif summary.imported:
        click.echo("They are pending: the score workers will score and route them.")
