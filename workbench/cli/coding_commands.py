"""`workbench codings ...`: code a span or a turn by hand, list, memo, confirm autocodes, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from workbench.cli.lazy import lazy
from workbench.cli.output import CodePath, Format, Guid, TranscriptName, listing
from workbench.errors import WorkbenchError
from workbench.i18n import _, ngettext

if TYPE_CHECKING:  # the modules themselves, for the type checker; imported on first use
    from workbench.services import codings as service
else:
    service = lazy("workbench.services.codings")

app = typer.Typer(help="Codings: code a span or a turn, list, memo, delete.", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    transcript: TranscriptName,
    code: CodePath,
    turn: Annotated[Optional[int], typer.Option("--turn", help="code this whole turn (index as in 'transcripts show')")] = None,
    span: Annotated[Optional[str], typer.Option("--span", help="START-END offsets in the transcript text")] = None,
    memo: Annotated[Optional[str], typer.Option("--memo", help="a memo on the coding")] = None,
) -> None:
    """Code a whole turn (--turn) or a span of text (--span START-END)."""
    state = ctx.obj
    if (turn is None) == (span is None):
        raise WorkbenchError(_("give either --turn N or --span START-END"))
    if turn is not None:
        view = service.code_turn(state.db, state.coder, transcript, turn, code, memo)
    else:
        try:
            start, end = (int(part) for part in span.split("-"))
        except ValueError as exc:
            raise WorkbenchError(_("--span must be START-END, not '{span}'").format(span=span)) from exc
        view = service.add_coding(state.db, state.coder, transcript, code, start, end, memo)
    typer.echo(f"{view.guid}  {view.code_path}  @{view.start}-{view.end}  {view.quote[:70]!r}")


@app.command("list")
def list_(
    ctx: typer.Context,
    transcript: Annotated[Optional[str], typer.Option("--transcript", help="only this transcript")] = None,
    code: Annotated[Optional[str], typer.Option("--code", help="this code and its subcodes")] = None,
    coder: Annotated[Optional[str], typer.Option("--by", help="only this coder's codings")] = None,
    fmt: Format = "table",
) -> None:
    """Codings in text order, with their quotes."""
    listing(fmt, service.list_codings(ctx.obj.db, transcript, code, coder),
            [_("guid"), _("transcript"), _("code"), _("span"), _("coder"), _("origin"), _("picked"), _("quote")],
            lambda c: (c.guid[:8], c.transcript, c.code_path, f"{c.start}-{c.end}", c.coder, c.origin,
                       c.picked_by or "", c.quote.replace("\n", " ")[:50]))


@app.command("memo")
def memo(ctx: typer.Context, guid: Guid, text: Annotated[str, typer.Argument(help="the memo ('' clears it)")]) -> None:
    """Set (or, with '', clear) a coding's memo."""
    service.set_memo(ctx.obj.db, guid, text)
    typer.echo(_("memo saved"))


@app.command("pick")
def pick(ctx: typer.Context, guid: Guid) -> None:
    """Choose a coding as a report quote: the Word report quotes picked codings first."""
    view = service.pick(ctx.obj.db, ctx.obj.coder, guid)
    typer.echo(_("picked as a report quote for {code}: {quote}").format(
        code=view.code_path, quote=repr(" ".join(view.quote.split())[:60])))


@app.command("unpick")
def unpick(ctx: typer.Context, guid: Guid) -> None:
    """No longer a chosen report quote."""
    view = service.pick(ctx.obj.db, ctx.obj.coder, guid, picked=False)
    typer.echo(_("no longer a report quote for {code}").format(code=view.code_path))


@app.command("confirm")
def confirm(
    ctx: typer.Context,
    guids: Annotated[Optional[list[str]], typer.Argument(help="these autocodes (GUIDs as 'codings list' shows)")] = None,
    transcript: Annotated[Optional[str], typer.Option("--transcript", help="the autocodes of this transcript")] = None,
    code: Annotated[Optional[str], typer.Option("--code", help="the autocodes of this code and its subcodes")] = None,
    of: Annotated[Optional[str], typer.Option("--of", help="the autocodes this coder ran")] = None,
    withdraw: Annotated[bool, typer.Option("--withdraw", help="no longer confirmed")] = False,
) -> None:
    """Say that you reviewed autocodes and keep them: 'report frequencies --reviewed' counts them (and codings
    made by hand, accepted suggestions and imported codings); an autocode you do not keep, delete."""
    if not (guids or transcript or code or of):
        raise WorkbenchError(_("say which autocodes: GUIDs, --transcript, --code or --of"))
    n = service.confirm_autocodes(ctx.obj.db, ctx.obj.coder, transcript, code, of, guids or (), withdraw)
    typer.echo((ngettext("{n} autocode no longer confirmed", "{n} autocodes no longer confirmed", n) if withdraw
                else ngettext("{n} autocode confirmed", "{n} autocodes confirmed", n)).format(n=n))


@app.command("delete")
def delete(
    ctx: typer.Context,
    guid: Guid,
    settle: Annotated[bool, typer.Option("--settle", help="remove another coder's coding to settle a "
                                                           "disagreement (their name stays in the history)")] = False,
) -> None:
    """Remove one of your codings (another coder's only with --settle)."""
    view = service.delete_coding(ctx.obj.db, ctx.obj.coder, guid, settle=settle)
    typer.echo(_("deleted {code} @{start}-{end} in {transcript}").format(
        code=view.code_path, start=view.start, end=view.end, transcript=view.transcript))


@app.command("deleted")
def deleted(
    ctx: typer.Context,
    fmt: Format = "table",
) -> None:
    """Every removed coding: when, what it was, who coded it, who removed it and why."""
    listing(fmt, service.deletions(ctx.obj.db),
            [_("at"), _("transcript"), _("code"), _("span"), _("coded by"), _("removed by"), _("why")],
            lambda d: (f"{d.at:%Y-%m-%d %H:%M}", d.transcript, d.code_path, f"{d.start}-{d.end}", d.coded_by,
                       d.deleted_by, d.reason))
