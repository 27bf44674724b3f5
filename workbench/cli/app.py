"""Command definitions (Typer)."""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from workbench.cli import codebook_commands, coding_commands, guide_commands, project_commands, report_commands
from workbench.cli.lazy import lazy
from workbench.cli.output import Format, TranscriptName, check_choice, emit, listing, table, to_json
from workbench.cli.state import State
from workbench.core.codes import PATH_SEPARATOR
from workbench.core.suggest import SHOWN
from workbench.core.suggest.evidence import said
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.transcripts.clock import format_clock

if TYPE_CHECKING:  # the modules themselves, for the type checker; imported on first use
    from workbench.services import agreement as agreement_service
    from workbench.services import autocode as autocode_service
    from workbench.services import backups as backups_service
    from workbench.services import erasure as erasure_service
    from workbench.services import participants as participants_service
    from workbench.services import suggestions as suggestions_service
    from workbench.services import transcripts as transcripts_service
else:
    agreement_service = lazy("workbench.services.agreement")
    autocode_service = lazy("workbench.services.autocode")
    backups_service = lazy("workbench.services.backups")
    erasure_service = lazy("workbench.services.erasure")
    participants_service = lazy("workbench.services.participants")
    suggestions_service = lazy("workbench.services.suggestions")
    transcripts_service = lazy("workbench.services.transcripts")

app = typer.Typer(
    help="Code Dutch interview transcripts and count codes per respondent and programme.",
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
transcripts_app = typer.Typer(help="Imported transcripts.", no_args_is_help=True)
participants_app = typer.Typer(
    help="The participants registry (speakers, pseudonyms, programmes).", no_args_is_help=True
)
app.add_typer(transcripts_app, name="transcripts")
app.add_typer(participants_app, name="participants")
app.add_typer(codebook_commands.app, name="codebook")
app.add_typer(coding_commands.app, name="codings")
app.add_typer(project_commands.app, name="project")
app.add_typer(report_commands.app, name="report")
app.add_typer(guide_commands.app, name="guide")

Coders = Annotated[list[str], typer.Argument(help="two or more coders")]
CodeFilter = Annotated[Optional[str], typer.Option("--code", help="only this code (with its subcodes)")]
UnitChoice = Annotated[str, typer.Option("--unit", help="turn (respondent turns) or sentence")]


def _default_coder() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "coder")


def _version(ctx: typer.Context, asked: bool) -> None:
    """--version: the command's name as it was started, and the version."""
    if asked:
        from workbench import __version__

        typer.echo(f"{ctx.find_root().info_name} {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[Optional[str], typer.Option("--db", help="SQLite file or SQLAlchemy URL [default: db/workbench.sqlite; env WORKBENCH_DB]")] = None,
    coder: Annotated[Optional[str], typer.Option("--coder", help="who is coding [default: your user name]")] = None,
    new_coder: Annotated[bool, typer.Option("--new-coder", help="--coder is new to this study (else a name "
                                            "the study does not know is refused: a typo)")] = False,
    version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_version,
                                          help="print the workbench's version and stop")] = False,
) -> None:
    ctx.obj = State(
        db, coder or _default_coder(), ctx.invoked_subcommand or "", confirm_coder=bool(coder) and not new_coder
    )
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        tui(ctx, blind=False)


@app.command()
def tui(
    ctx: typer.Context,
    blind: Annotated[bool, typer.Option("--blind", help="hide other coders' codings while coding")] = False,
) -> None:
    """Open the coding workbench (also what `workbench` alone does)."""
    from dataclasses import replace

    from workbench.config import load_settings
    from workbench.tui.app import WorkbenchApp

    state: State = ctx.obj
    settings = load_settings()
    workbench = WorkbenchApp(lambda: state.db, state.coder, replace(settings, blind=settings.blind or blind))
    workbench.run()
    if workbench.open_error:
        raise WorkbenchError(workbench.open_error)
    if workbench.return_code:
        raise typer.Exit(workbench.return_code)


@app.command()
def serve(
    ctx: typer.Context,
    port: Annotated[int, typer.Option("--port", help="the port on 127.0.0.1")] = 8000,
) -> None:
    """The workbench in a browser on this machine: 127.0.0.1 only, opened with the token in the printed address."""
    from workbench.cli.serve import serve as serve_tui

    state: State = ctx.obj
    if not 1024 <= port <= 65535:
        raise WorkbenchError(_("--port must be between 1024 and 65535"))
    url = state.db.url  # opened (and the coder checked) here: a bad study is one line, not a blank browser tab
    state.db.close()
    serve_tui(url, state.coder, port)


@app.command("import")
def import_(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="transcript files or folders (searched recursively)")],
    replace: Annotated[bool, typer.Option("--replace", help="replace a transcript imported earlier under the same name")] = False,
) -> None:
    """Import transcripts (.docx, .vtt, .srt, .txt, .md) from Teams, Zoom, Meet, Otter, Rev, Whisper or a
    transcriber; of several files, each one that cannot be read whole is refused in a line (exit code 2)."""
    state: State = ctx.obj
    outcomes = transcripts_service.import_paths(state.db, paths, replace=replace, coder=state.coder)
    taken = [o for o in outcomes if o.status != "refused"]
    if taken:
        typer.echo(table(
            [_("transcript"), _("status"), _("layout"), _("turns"), _("words"), _("unassigned speakers"), _("note")],
            [(o.name, _(o.status), o.layout, o.turns, o.words, len(o.unassigned) or "", o.note) for o in taken],
        ))
    if other := transcripts_service.other_files(paths):
        typer.echo(_("not read, no transcript layout reads these: {files}").format(
            files=", ".join(p.name for p in other)), err=True)
    unassigned = sum(len(o.unassigned) for o in outcomes)
    if unassigned:
        typer.echo(_("{n} speaker(s) not in the participants registry: see 'workbench participants list'").format(
            n=unassigned), err=True)
    refused = [o for o in outcomes if o.status == "refused"]
    for outcome in refused:
        typer.echo(_("error: {message}").format(message=WorkbenchError(outcome.note, outcome.source_path)), err=True)
    if refused:
        raise typer.Exit(2)


@transcripts_app.command("list")
def transcripts_list(ctx: typer.Context, fmt: Format = "table") -> None:
    """Transcripts with respondents, programmes and how much is coded."""
    listing(
        fmt, transcripts_service.list_transcripts(ctx.obj.db),
        [_("transcript"), _("date"), _("duration"), _("words"), _("turns"), _("respondents"), _("programmes"),
         _("coded"), _("unassigned")],
        lambda s: (s.name, s.recorded_on, format_clock(s.duration_ms), s.words, s.turns, ", ".join(s.respondents),
                   ", ".join(s.programmes), f"{s.coded_share:.0%}", len(s.unassigned) or ""),
    )


@transcripts_app.command("show")
def transcripts_show(ctx: typer.Context, name: TranscriptName, fmt: Format = "table") -> None:
    """Every turn of a transcript: index, speaker, times, offsets, text."""
    check_choice(fmt, ("table", "json"), "--format")
    detail = transcripts_service.show_transcript(ctx.obj.db, name)
    if fmt == "json":
        emit(to_json({"name": detail.summary.name, "layout": detail.summary.layout, "meta": detail.meta,
                      "memo": detail.memo, "turns": detail.turns}))
        return
    if detail.memo:
        typer.echo(_("memo: {memo}").format(memo=detail.memo) + "\n")
    for turn in detail.turns:
        typer.echo(f"[{turn.index}] {turn.speaker} ({_(turn.role) if turn.role else _('unassigned')}) "
                   f"{format_clock(turn.start_ms)}  @{turn.start}-{turn.end}")
        if turn.memo:
            typer.echo("    " + _("memo: {memo}").format(memo=turn.memo))
        typer.echo(f"    {turn.text}\n")


@participants_app.command("import")
def participants_import(
    ctx: typer.Context, file: Annotated[Path, typer.Argument(help="the registry, a .csv file")]
) -> None:
    """Load the registry CSV: transcript,speaker,respondent,role,institution,programme."""
    outcome = participants_service.import_registry(ctx.obj.db, file)
    typer.echo(_("{participants} participant(s), {labels} speaker label(s); {assigned} speaker(s) assigned, "
                 "{unassigned} unassigned").format(participants=outcome.participants, labels=outcome.aliases,
                                                   assigned=outcome.assigned_speakers,
                                                   unassigned=len(outcome.unassigned)))
    for speaker in outcome.unassigned:
        typer.echo(_("unassigned: {transcript}: {label} ({turns} turns)").format(
            transcript=speaker.transcript, label=speaker.label, turns=speaker.turns), err=True)
    for pseudonym in outcome.erased_skipped:
        typer.echo(_("note: {pseudonym} was erased: their rows were left out (their names are not stored)").format(
            pseudonym=pseudonym), err=True)


@participants_app.command("list")
def participants_list(ctx: typer.Context, fmt: Format = "table") -> None:
    """Participants by pseudonym, and speakers not yet assigned."""
    check_choice(fmt, ("table", "json"), "--format")
    people, unassigned = participants_service.list_participants(ctx.obj.db)
    if fmt == "json":
        emit(to_json({"participants": people, "unassigned": unassigned}))
        return
    emit(table([_("pseudonym"), _("role"), _("institution"), _("programmes"), _("transcripts"), _("variables")],
               [(p.pseudonym, p.role, p.institution, "; ".join(p.programmes), len(p.transcripts),
                 "; ".join(f"{name}={value}" for name, value in p.variables)[:60]) for p in people]))
    if unassigned:
        typer.echo("\n" + _("unassigned speakers:"))
        emit(table([_("transcript"), _("speaker"), _("turns")], [(u.transcript, u.label, u.turns) for u in unassigned]))


@app.command()
def autocode(
    ctx: typer.Context,
    code: Annotated[Optional[str], typer.Option("--code", help="code path 'Parent > Child' [default: every code with keywords]")] = None,
    pattern: Annotated[Optional[str], typer.Option("--pattern", help="regular expression [default: the code's keywords and patterns]")] = None,
    unit: Annotated[str, typer.Option("--unit", help="what a hit codes: match, sentence or turn")] = "sentence",
    role: Annotated[str, typer.Option("--role", help="only turns of: respondent, interviewer or any")] = "any",
    transcript: Annotated[Optional[str], typer.Option("--transcript", help="only this transcript")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="show the hits, code nothing")] = False,
    question: Annotated[Optional[str], typer.Option("--question", help="only the answers to this guide question "
                                                    "(each answer whole, unless --pattern)")] = None,
) -> None:
    """Code every hit of a pattern or of the codebook's keywords (like ATLAS.ti auto-coding)."""
    state: State = ctx.obj
    outcome = autocode_service.autocode(
        state.db, state.coder, code_path=code, pattern=pattern, unit=unit, role=role,
        transcript=transcript, dry_run=dry_run, question=question,
    )
    if dry_run:
        for hit in outcome.hits:
            typer.echo(f"{hit.transcript}  {hit.code_path}  @{hit.start}-{hit.end}  {hit.quote[:80]!r}")
    said = (_("{hits} hit(s); would create {created} coding(s), {known} already coded") if dry_run
            else _("{hits} hit(s); created {created} coding(s), {known} already coded"))
    typer.echo(said.format(hits=len(outcome.hits), created=outcome.created, known=len(outcome.hits) - outcome.created))


@app.command()
def suggest(
    ctx: typer.Context,
    transcript: Annotated[Optional[str], typer.Option("--transcript", help="only this transcript")] = None,
    min_score: Annotated[float, typer.Option("--min-score", help="leave out codes below this share of their turn's "
                                             "best code's score (0-1; 0: the --top best of every turn)")] = SHOWN,
    top: Annotated[int, typer.Option("--top", help="at most this many codes per respondent turn")] = 3,
    fmt: Format = "table",
) -> None:
    """Suggest codes for respondent turns, offline (nothing is coded): score, method and evidence."""
    check_choice(fmt, ("table", "json"), "--format")
    if not 0 <= min_score <= 1 or top < 1:
        raise WorkbenchError(_("--min-score must be between 0 and 1 and --top at least 1"))
    found = suggestions_service.suggest(ctx.obj.db, transcript, min_score, top, coder=ctx.obj.coder)
    if fmt == "json":
        emit(to_json([dict(transcript=s.transcript, turn=s.turn, start=s.start, end=s.end,
                           code=s.path.split(PATH_SEPARATOR)[-1], path=s.path, score=s.score, raw_score=s.raw,
                           method=s.method, evidence=s.evidence) for s in found]))
        return
    emit(table([_("transcript"), _("turn"), _("span"), _("code"), _("score"), _("raw"), _("evidence")],
               [(s.transcript, s.turn, f"{s.start}-{s.end}", s.path.split(PATH_SEPARATOR)[-1], f"{s.score:.2f}",
                 f"{s.raw:.2f}", said(s.evidence)) for s in found]))


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


AgreementFormat = Annotated[str, typer.Option(
    "--format", help="table, json, or docx / xlsx: the figures and every disagreement in one file (--out)")]
AgreementOut = Annotated[Optional[Path], typer.Option("--out", help="the .docx or .xlsx to write")]


def _agreement_file(ctx: typer.Context, coders: list[str], code: str | None, unit: str, fmt: str,
                    out: Path | None) -> bool:
    """For docx and xlsx: the figures and the disagreements (names masked) written to out; whether it was."""
    if fmt not in ("docx", "xlsx"):
        return False
    if out is None:
        raise WorkbenchError(_("--format {format} writes a file: give --out FILE.{format}").format(format=fmt))
    ctx.obj.output(out)
    figures, found = agreement_service.for_report(ctx.obj.db, coders, code, unit)
    if fmt == "docx":
        from workbench.reports.word import agreement_docx as write
    else:
        from workbench.reports.excel import agreement_xlsx as write
    write(figures, found, coders, unit, out)
    typer.echo(_("wrote {file}").format(file=out), err=True)
    return True


@app.command()
def agreement(
    ctx: typer.Context,
    coders: Coders,
    code: CodeFilter = None,
    unit: UnitChoice = "turn",
    fmt: AgreementFormat = "table",
    out: AgreementOut = None,
) -> None:
    """Intercoder agreement per code and overall: percent, Cohen's kappa (two coders), Krippendorff's alpha."""
    check_choice(fmt, ("table", "json", "docx", "xlsx"), "--format")
    if _agreement_file(ctx, coders, code, unit, fmt, out):
        return
    listing(fmt, agreement_service.agreement(ctx.obj.db, coders, code, unit),
            [_("code"), _("units"), _("coded"), _("agreement"), _("kappa"), _("alpha")],
            lambda r: (r.code_path, r.units, r.coded_units, _figure(r.percent), _figure(r.kappa), _figure(r.alpha)))


@app.command()
def disagreements(
    ctx: typer.Context,
    coders: Coders,
    code: CodeFilter = None,
    unit: UnitChoice = "turn",
    fmt: AgreementFormat = "table",
    out: AgreementOut = None,
) -> None:
    """Units where coders decided differently: unit, time, respondent, code, who coded it and who did not."""
    check_choice(fmt, ("table", "json", "docx", "xlsx"), "--format")
    if _agreement_file(ctx, coders, code, unit, fmt, out):
        return
    listing(fmt, agreement_service.each_disagreement(ctx.obj.db, coders, code, unit),
            [_("transcript"), _("turn"), _("time"), _("respondent"), _("span"), _("code"), _("coded by"), _("not by"),
             _("text")],
            lambda d: (d.transcript, d.turn, format_clock(d.start_ms), d.respondent, f"{d.start}-{d.end}", d.code_path,
                       ", ".join(d.coded_by), ", ".join(d.not_coded_by), " ".join(d.text.split())[:60]))


@app.command()
def backup(
    ctx: typer.Context,
    file: Annotated[Optional[Path], typer.Argument(help="where to [default: backups/ next to the database]")] = None,
) -> None:
    """Copy the study with SQLite's online backup API (safe while others are coding)."""
    typer.echo(_("backup written to {file}").format(file=backups_service.backup(ctx.obj.db, file)))


@app.command()
def restore(ctx: typer.Context, file: Annotated[Path, typer.Argument(help="a backup file")]) -> None:
    """Replace the study with a backup (the current state is backed up first)."""
    kept = backups_service.restore(ctx.obj.db, file)
    typer.echo(_("restored {file}; the state before is in {kept}").format(file=file, kept=kept))


@participants_app.command("erase")
def erase(
    ctx: typer.Context,
    respondent: Annotated[str, typer.Argument(help="the respondent's pseudonym")],
    backup_files: Annotated[Optional[list[Path]], typer.Option("--backup", help="erase in this backup too")] = None,
) -> None:
    """Erase a respondent's words and real names from the study (and named backups); counts stay."""
    done = erasure_service.erase_respondent(ctx.obj.db, respondent, backup_files or [])
    typer.echo(_("{respondent}: {turns} turn(s) overwritten, {names} name(s) masked").format(
        respondent=respondent, turns=done.turns, names=done.names)
        + (_("; also in {n} backup(s)").format(n=len(done.backups)) if done.backups else "")
        + (_(" and {n} automatic backup(s)").format(n=done.automatic_backups) if done.automatic_backups else ""))
    for note in done.notes:
        typer.echo(_("note: {note}").format(note=note), err=True)
