"""`workbench guide ...`: the interview guide, the questions found in speech, and coverage."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from workbench.cli.output import TranscriptName, check_choice, emit, table, to_json
from workbench.i18n import N_, _
from workbench.transcripts.clock import format_clock

if TYPE_CHECKING:  # the modules themselves, for the type checker; imported on first use
    from workbench.services import guide as service
else:
    from workbench.cli.lazy import lazy

    service = lazy("workbench.services.guide")

app = typer.Typer(help="The interview guide: questions found in speech, coverage per interview.", no_args_is_help=True)
Transcript = Annotated[Optional[str], typer.Option("--transcript", help="only this transcript")]


@app.command("import")
def import_guide(ctx: typer.Context, path: Annotated[Path, typer.Argument(help="the guide: .md, .yaml or .docx")]) -> None:
    """Read the guide's parts and questions, then find each question in every transcript."""
    outcome = service.import_guide(ctx.obj.db, path)
    typer.echo(_("{questions} question(s) in {parts} part(s); found {found} asked in the transcripts (see "
                 "'workbench guide coverage')").format(questions=outcome.questions, parts=outcome.parts,
                                                       found=outcome.found))


@app.command("align")
def align(ctx: typer.Context, transcript: Transcript = None) -> None:
    """Find the guide's questions again (after importing transcripts); questions a coder set are kept."""
    typer.echo(_("found {n} question(s) asked").format(n=service.align_questions(ctx.obj.db, transcript)))


@app.command("set")
def set_question(
    ctx: typer.Context, transcript: TranscriptName,
    turn: Annotated[int, typer.Argument(help="the turn's index, as `transcripts show` numbers it")],
    question: Annotated[str, typer.Argument(help="the guide's question id (16, a), or 'none'")],
) -> None:
    """Say which guide question a turn asks (kept when questions are found again)."""
    service.set_question(ctx.obj.db, ctx.obj.coder, transcript, turn, None if question == "none" else question)
    said = _("no question") if question == "none" else _("question {question}").format(question=question)
    typer.echo(_("{transcript} turn {turn}: {said}").format(transcript=transcript, turn=turn, said=said))


@app.command("not-asked")
def not_asked(
    ctx: typer.Context, transcript: TranscriptName,
    question: Annotated[str, typer.Argument(help="the guide's question id (16, a)")],
    undo: Annotated[bool, typer.Option("--undo", help="take it back: the question may have been asked")] = False,
) -> None:
    """Say that an interview did not ask a question: coverage then says "not asked", not "not found" (asked,
    maybe, in words the finder did not recognise: 'guide set' says which turn asked it)."""
    service.set_not_asked(ctx.obj.db, ctx.obj.coder, transcript, question, not undo)
    typer.echo((_("{transcript}: question {question} may have been asked") if undo else
                _("{transcript}: question {question} was not asked")).format(transcript=transcript, question=question))


STATUS = {"found": N_("found"), "set": N_("set by a coder"), "not asked": N_("not asked"),
          "not found": N_("not found: asked in other words? (guide set / guide not-asked)")}


@app.command("coverage")
def coverage(
    ctx: typer.Context, transcript: Transcript = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json")] = "table",
) -> None:
    """For every transcript and guide question, the turn where it was asked (and when), or missing."""
    check_choice(fmt, ("table", "csv", "json"), "--format")
    rows = service.coverage(ctx.obj.db, transcript)
    if fmt == "json":
        emit(to_json(rows))
        return
    when = [(r.transcript, r.question, r.turn, format_clock(r.start_ms) if r.start_ms is not None else None,
             r.score, r.status, r.text) for r in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["transcript", "question", "turn", "time", "score", "status", "text"])
        writer.writerows(when)
        emit(out.getvalue())
        return
    emit(table([_("transcript"), _("question"), _("turn"), _("time"), _("score"), _("status")],
               [(t, q, turn if turn is not None else "", time, s, _(STATUS[status]))
                for t, q, turn, time, s, status, _text in when]))
    interviews = len({r.transcript for r in rows})
    counted = {status: Counter(r.question for r in rows if r.status == status) for status in STATUS}
    order = list(dict.fromkeys(r.question for r in rows))
    texts = {r.question: r.text for r in rows}
    typer.echo("\n" + _("asked in how many interviews:"))
    emit(table([_("question"), _("asked"), _("not asked"), _("not found"), _("text")],
               [(q, f"{counted['found'][q] + counted['set'][q]}/{interviews}", counted["not asked"][q],
                 counted["not found"][q], " ".join(texts[q].split())[:60]) for q in order]))
