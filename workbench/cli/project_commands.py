"""`workbench project ...`: whole projects in and out, as REFI-QDA .qdpx."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from workbench.cli.lazy import lazy

if TYPE_CHECKING:  # the modules themselves, for the type checker; imported on first use
    from workbench.core.services import exchange
else:
    exchange = lazy("workbench.core.services.exchange")



app = typer.Typer(help="Projects to and from ATLAS.ti, MAXQDA, NVivo, QualCoder (REFI-QDA .qdpx).",
                  no_args_is_help=True)


@app.command("export")
def export(ctx: typer.Context, file: Path,
           name: Annotated[str, typer.Option("--name", help="project name")] = "Interviewstudie") -> None:
    """Coders, codebook, transcripts (speakers as pseudonyms), codings, memos, cases, sets."""
    project = exchange.export_project(ctx.obj.db, ctx.obj.output(file), name)
    codings = sum(len(s.codings) for s in project.sources)
    typer.echo(f"wrote {file}: {len(project.sources)} transcript(s), {codings} coding(s), "
               f"{len(project.cases)} case(s), {len(project.sets)} set(s)")


@app.command("import")
def import_(
    ctx: typer.Context, file: Path,
    sets_as_programmes: Annotated[bool, typer.Option("--sets-as-programmes", help="a set's name is the programme of the respondents in its documents")] = False,
) -> None:
    """Read a .qdpx; report what was imported and anything that could not be."""
    outcome = exchange.import_project(ctx.obj.db, file, ctx.obj.coder, sets_as_programmes)
    typer.echo(f"imported {outcome.sources} transcript(s) ({outcome.sources_known} known already), "
               f"{outcome.codes_added} new code(s), {outcome.codings} coding(s) ({outcome.codings_known} known "
               f"already), {outcome.participants} participant(s), {outcome.memos} memo(s), "
               f"{outcome.code_groups} code group(s); "
               f"{outcome.characters_not_kept} character(s) of text not kept")
    for note in outcome.notes:
        typer.echo(f"note: {note}", err=True)
    if outcome.lost:
        typer.echo(f"not imported ({len(outcome.lost)}):", err=True)
        for item in outcome.lost:
            typer.echo(f"  {item}", err=True)
