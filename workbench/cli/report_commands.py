"""`workbench report ...`: frequencies counted the study's way."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from workbench.cli.output import check_choice, emit
from workbench.core.services.frequencies import frequencies as frequencies_service
from workbench.reports.frequency_text import FORMATS, render

app = typer.Typer(help="Reports for the lead researcher.", no_args_is_help=True)


@app.command("frequencies")
def frequencies(
    ctx: typer.Context,
    by: Annotated[str, typer.Option("--by", help="programme, institution or none")] = "programme",
    unit: Annotated[str, typer.Option("--unit", help="respondent, institution or quotation")] = "respondent",
    fmt: Annotated[str, typer.Option("--format", help="table, csv, json or md")] = "table",
    out: Annotated[Optional[Path], typer.Option("--out", help="write to this file")] = None,
) -> None:
    """How often each code occurs: respondents (not quotations) per programme, with N."""
    check_choice(by, ("programme", "institution", "none"), "--by")
    check_choice(unit, ("respondent", "institution", "quotation"), "--unit")
    check_choice(fmt, FORMATS, "--format")
    report = frequencies_service(ctx.obj.db, unit=unit, by=by)
    emit(render(report, fmt), out)
    if fmt != "table":
        for note in report.notes:
            typer.echo(f"note: {note}", err=True)
