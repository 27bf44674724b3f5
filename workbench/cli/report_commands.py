"""`workbench report ...`: frequencies, co-occurrence and quotes, for the lead researcher."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from workbench import i18n
from workbench.cli.lazy import lazy
from workbench.cli.output import check_choice, emit
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.reports import cooccurrence_text, frequency_text
from workbench.reports.frequency_text import markdown_quotes

if TYPE_CHECKING:  # the modules themselves, for the type checker; imported on first use
    from workbench.services import codebook as codebook_service
    from workbench.services import cooccurrence as cooccurrence_service
    from workbench.services import frequencies as frequencies_service
    from workbench.services import matrices as matrices_service
    from workbench.services import quotes as quotes_service
else:
    codebook_service = lazy("workbench.services.codebook")
    cooccurrence_service = lazy("workbench.services.cooccurrence")
    frequencies_service = lazy("workbench.services.frequencies")
    matrices_service = lazy("workbench.services.matrices")
    quotes_service = lazy("workbench.services.quotes")

app = typer.Typer(help="Reports for the lead researcher.", no_args_is_help=True)
Out = Annotated[Optional[Path], typer.Option("--out", help="write to this file")]
Language = Annotated[Optional[str], typer.Option(
    "--language", help="nl or en [default: the workbench's language: settings, else the locale]")]
Coders = Annotated[Optional[list[str]], typer.Option(
    "--coder", help="count only this coder's codings (repeat for several; default: every coder's)")]
Reviewed = Annotated[bool, typer.Option(
    "--reviewed", help="count only codings a person made or reviewed: by hand, accepted suggestions, confirmed "
                       "autocodes ('codings confirm') and imported codings")]
Consensus = Annotated[bool, typer.Option(
    "--consensus", help="count only codings another coder's coding of the same code overlaps")]


Attribution = Annotated[str, typer.Option("--attribution", help="under each quote: pseudonym+programme, pseudonym, "
                                         "programme or none")]
SmallGroup = Annotated[int, typer.Option("--small-group", help="warn when a quote is attributed to a programme of "
                                         "fewer respondents than this")]


def _small_groups(db, quoted, attribution: str, least: int) -> list[str]:
    """The note on programmes too small to name under a quote (for the report), and on stderr what to do."""
    notes = quotes_service.small_group_notes(db, quoted, attribution, least)
    if notes:
        typer.echo(_("hint: --attribution pseudonym or none leaves the programmes out of the quotes"), err=True)
    return notes


def _attributed(db, report, quotes: dict, attribution: str, least: int):
    """The quotes attributed as asked, and the report with a note on the programmes too small to name."""
    notes = _small_groups(db, (q.programmes for qs in quotes.values() for q in qs), attribution, least)
    return replace(report, notes=(*report.notes, *notes)), {k: [quotes_service.attributed(q, attribution) for q in qs]
                                                            for k, qs in quotes.items()}


def _needs_out(fmt: str, out: Path | None) -> Path:
    if out is None:
        raise WorkbenchError(_("--format {format} writes a file: give --out FILE.{format}").format(format=fmt))
    return out


def _speak(language: str | None) -> None:
    """The report in its own language (the command's messages follow it)."""
    if language is not None:
        i18n.use(check_choice(language, i18n.LANGUAGES, "--language"))


@app.command("frequencies")
def frequencies(
    ctx: typer.Context,
    by: Annotated[str, typer.Option("--by", help="programme, institution or none")] = "programme",
    unit: Annotated[str, typer.Option("--unit", help="respondent, institution or quotation")] = "respondent",
    fmt: Annotated[str, typer.Option("--format", help="table, csv, json, md, docx or xlsx")] = "table",
    out: Out = None,
    chart: Annotated[Optional[Path], typer.Option("--chart", help="also draw a bar chart per theme (.png or .svg): "
                                                  "FILE-01-<theme>.png, ... next to FILE")] = None,
    quotes: Annotated[int, typer.Option("--quotes", help="docx: up to this many quotes per code")] = 3,
    coders: Coders = None,
    language: Language = None,
    real_names: Annotated[bool, typer.Option("--real-names", help="name institutions by their real names (the "
                                             "report says so); default: their pseudonyms")] = False,
    attribution: Attribution = "pseudonym+programme",
    small_group: SmallGroup = 3,
    reviewed: Reviewed = False,
    consensus: Consensus = False,
) -> None:
    """How often each code occurs: respondents (not quotations) per programme, with N; every coder's
    codings together unless --coder names whose."""
    check_choice(by, ("programme", "institution", "none"), "--by")
    check_choice(unit, ("respondent", "institution", "quotation"), "--unit")
    check_choice(fmt, (*frequency_text.FORMATS, "docx", "xlsx"), "--format")
    _speak(language)
    for target in (out, chart):
        if target is not None:
            ctx.obj.output(target)
    db = ctx.obj.db
    check_choice(attribution, quotes_service.ATTRIBUTIONS, "--attribution")
    basis = dict(coders=coders, reviewed=reviewed, consensus=consensus)
    report = frequencies_service.frequencies(db, unit=unit, by=by, real_names=real_names, **basis)
    charts = {}
    if chart is not None:
        from workbench.reports.charts import chart_paths

        charts = {top: [ctx.obj.output(target) for target in targets]
                  for top, targets in chart_paths(report, chart).items()}
    if fmt == "docx":
        from workbench.reports.word import frequency_docx

        order = list(dict.fromkeys(row.path for row in report.rows))
        per_code, said = quotes_service.report_quotes(quotes_service.quotes(db, **basis), quotes, order)
        report, per_code = _attributed(db, replace(report, notes=(*report.notes, *said)), per_code, attribution,
                                       small_group)
        frequency_docx(report, per_code, _needs_out(fmt, out), codebook_service.show_codebook(db, counted=False))
        typer.echo(_("wrote {file}").format(file=out), err=True)
    elif fmt == "xlsx":
        from workbench.reports.excel import frequency_xlsx

        # the quotes are read in a process beside this one from the start, while the figures are worked out
        found = (quotes_service.attributed(q, attribution) for q in quotes_service.each_quote_aside(db, **basis))
        respondents = matrices_service.respondent_matrix(db, real_names=real_names, **basis)
        quoted = (tuple(row.programmes) for row in respondents.rows if any(row.counts.values()))
        report = replace(report, notes=(*report.notes, *_small_groups(db, quoted, attribution, small_group)))
        reports = [report] + [frequencies_service.frequencies(db, unit=u, by=by, real_names=real_names, **basis)
                              for u in ("respondent", "institution", "quotation") if u != unit]
        frequency_xlsx(reports, matrices_service.code_document_matrix(db, **basis), respondents, found,
                       _needs_out(fmt, out))  # the quotes written as they are read: millions fit
        typer.echo(_("wrote {file}").format(file=out), err=True)
    else:
        emit(frequency_text.render(report, fmt), out)
    if charts:
        from workbench.reports.charts import write_charts

        write_charts(report, charts)
        typer.echo(_("wrote {file}").format(file=", ".join(str(t) for targets in charts.values() for t in targets)),
                   err=True)
    if fmt != "table":
        typer.echo(report.provenance.text, err=True)
        for note in report.notes:
            typer.echo(_("note: {note}").format(note=note), err=True)
    if report.uncounted_codings:
        typer.echo(_("hint: 'workbench participants list' shows the speakers not in the registry"), err=True)


@app.command("matrix")
def matrix(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="csv or xlsx")] = "csv",
    out: Out = None,
    coders: Coders = None,
    language: Language = None,
    real_names: Annotated[bool, typer.Option("--real-names", help="name institutions by their real names")] = False,
    reviewed: Reviewed = False,
    consensus: Consensus = False,
) -> None:
    """Respondents x codes, to check any count against: per respondent (pseudonym, programmes, institution,
    interviews, variables) the codings of each code with its subcodes; a code's count in a programme is the
    number of that programme's respondents above 0."""
    check_choice(fmt, ("csv", "xlsx"), "--format")
    _speak(language)
    if out is not None:
        ctx.obj.output(out)
    found = matrices_service.respondent_matrix(ctx.obj.db, coders, reviewed, consensus, real_names)
    if fmt == "xlsx":
        from workbench.reports.excel import respondent_xlsx

        respondent_xlsx(found, _needs_out(fmt, out))
        typer.echo(_("wrote {file}").format(file=out), err=True)
    else:
        from workbench.reports.cells import csv_text
        from workbench.reports.excel import respondent_header, respondent_values

        emit(csv_text(respondent_header(found), respondent_values(found)), out)
    typer.echo(found.provenance.text, err=True)


@app.command("cooccurrence")
def cooccurrence(
    ctx: typer.Context,
    unit: Annotated[str, typer.Option("--unit", help="turn or respondent")] = "respondent",
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json")] = "table",
    out: Out = None,
    chart: Annotated[Optional[Path], typer.Option("--chart", help="also draw a heat map (.png or .svg)")] = None,
    language: Language = None,
    coders: Coders = None,
    reviewed: Reviewed = False,
    consensus: Consensus = False,
) -> None:
    """Codes x codes: how many turns (or respondents) carry both, and how strongly they go together
    (Jaccard's index: with both / with either)."""
    check_choice(fmt, cooccurrence_text.FORMATS, "--format")
    _speak(language)
    for target in (out, chart):
        if target is not None:
            ctx.obj.output(target)
    if chart is not None:
        from workbench.reports.charts import chart_format

        chart_format(chart)
    report = cooccurrence_service.cooccurrence(ctx.obj.db, unit, coders, reviewed, consensus)
    emit(cooccurrence_text.render(report, fmt), out)
    if chart is not None:
        from workbench.reports.charts import cooccurrence_chart, write_chart

        write_chart(cooccurrence_chart(report, chart_format(chart), language), chart)
        typer.echo(_("wrote {file}").format(file=chart), err=True)


@app.command("quotes")
def quotes(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="code path; its subcodes are included")],
    programme: Annotated[Optional[str], typer.Option("--programme", help="only respondents of this programme")] = None,
    coders: Coders = None,
    fmt: Annotated[str, typer.Option("--format", help="md or docx")] = "md",
    out: Out = None,
    language: Language = None,
    attribution: Attribution = "pseudonym+programme",
    small_group: SmallGroup = 3,
    reviewed: Reviewed = False,
    consensus: Consensus = False,
) -> None:
    """Anonymised quotes of a code, with respondent pseudonym, programme and time (as --attribution says)."""
    check_choice(fmt, ("md", "docx"), "--format")
    check_choice(attribution, quotes_service.ATTRIBUTIONS, "--attribution")
    _speak(language)
    if out is not None:
        ctx.obj.output(out)
    found = quotes_service.quotes(ctx.obj.db, code, programme, coders, reviewed, consensus)
    for note in _small_groups(ctx.obj.db, (q.programmes for q in found), attribution, small_group):
        typer.echo(_("note: {note}").format(note=note), err=True)
    found = [quotes_service.attributed(q, attribution) for q in found]
    if fmt == "docx":
        from workbench.reports.word import quotes_docx

        quotes_docx(code, found, _needs_out(fmt, out), programme)
        typer.echo(_("wrote {file}").format(file=out), err=True)
    else:
        emit(markdown_quotes(code, found, programme), out)
