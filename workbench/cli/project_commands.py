"""`workbench project ...`: whole projects in and out, as REFI-QDA .qdpx."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from workbench.cli.lazy import lazy
from workbench.cli.output import Format, check_choice, emit, to_json
from workbench.i18n import _

if TYPE_CHECKING:  # the modules themselves, for the type checker; imported on first use
    from workbench.services import exchange, memos
else:
    exchange = lazy("workbench.services.exchange")
    memos = lazy("workbench.services.memos")

app = typer.Typer(help="Projects to and from ATLAS.ti, MAXQDA, NVivo, QualCoder (REFI-QDA .qdpx).",
                  no_args_is_help=True)


@app.command("export")
def export(ctx: typer.Context, file: Annotated[Path, typer.Argument(help="the .qdpx to write")],
           name: Annotated[str, typer.Option("--name", help="project name")] = "Interviewstudie",
           mask_institutions: Annotated[bool, typer.Option("--mask-institutions", help="mask the registered "
                                                           "institutions' names in the text too")] = False) -> None:
    """Coders, codebook, transcripts (speakers as pseudonyms), codings, memos, cases, sets; every word as
    stored but registered names of people (and of institutions, when asked)."""
    wrote = exchange.export_project(ctx.obj.db, ctx.obj.output(file), name, mask_institutions)
    typer.echo(_("wrote {file}: {sources} transcript(s), {codings} coding(s), {cases} case(s), {sets} set(s)").format(
        file=file, sources=wrote.sources, codings=wrote.codings, cases=wrote.cases, sets=wrote.sets))
    typer.echo(_("{n} registered name(s) masked in the text (every other word as stored)").format(
        n=wrote.names_masked))


@app.command("import")
def import_(
    ctx: typer.Context, file: Annotated[Path, typer.Argument(help="a .qdpx project")],
    sets_as_programmes: Annotated[bool, typer.Option("--sets-as-programmes", help="a set's name is the programme of the respondents in its documents")] = False,
) -> None:
    """Read a .qdpx; report what was imported and anything that could not be."""
    outcome = exchange.import_project(ctx.obj.db, file, ctx.obj.coder, sets_as_programmes)
    typer.echo(_("imported {sources} transcript(s) ({sources_known} known already), {codes} new code(s), {codings} "
                 "coding(s) ({codings_known} known already), {participants} participant(s), {memos} memo(s), "
                 "{groups} code group(s); {lost} character(s) of text not kept").format(
        sources=outcome.sources, sources_known=outcome.sources_known, codes=outcome.codes_added,
        codings=outcome.codings, codings_known=outcome.codings_known, participants=outcome.participants,
        memos=outcome.memos, groups=outcome.code_groups, lost=outcome.characters_not_kept))
    for note in outcome.notes:
        typer.echo(_("note: {note}").format(note=note), err=True)
    if outcome.lost:
        typer.echo(_("not imported ({n}):").format(n=len(outcome.lost)), err=True)
        for item in outcome.lost:
            typer.echo(f"  {item}", err=True)


@app.command("memos")
def memos_(ctx: typer.Context, fmt: Format = "table") -> None:
    """Memos of the study itself: a project's own notes (ATLAS.ti's memos) and those written with `memo`."""
    check_choice(fmt, ("table", "json"), "--format")
    found = memos.study_memos(ctx.obj.db)
    if fmt == "json":
        emit(to_json(found))
        return
    for memo in found:
        sets = f" [{', '.join(memo.sets)}]" if memo.sets else ""
        typer.echo(f"{memo.name} ({memo.author or '?'}){sets}\n  " + memo.text.replace("\n", "\n  "))


@app.command("memo")
def memo(ctx: typer.Context, name: Annotated[str, typer.Argument(help="the memo's name")],
         text: Annotated[str, typer.Argument(help="its text")]) -> None:
    """Write a memo of the study (it goes out with a project export as a project note)."""
    memos.add_study_memo(ctx.obj.db, name, text, ctx.obj.coder)
    typer.echo(_("memo saved"))
