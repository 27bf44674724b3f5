"""`workbench codebook ...`: import, export, show, and changes that keep codings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from workbench.cli.lazy import lazy
from workbench.cli.output import CodePath, Format, emit, listing
from workbench.errors import WorkbenchError
from workbench.i18n import _

if TYPE_CHECKING:  # the modules themselves, for the type checker; imported on first use
    from workbench.core import codebook_file
    from workbench.services import codebook as service
else:
    service = lazy("workbench.services.codebook")
    codebook_file = lazy("workbench.core.codebook_file")

app = typer.Typer(help="Codes and subcodes, and the history of changes to them.", no_args_is_help=True)


@app.command("import")
def import_(ctx: typer.Context, file: Annotated[Path, typer.Argument(help="a .yaml, .qdc or .csv codebook")],
            overwrite: Annotated[bool, typer.Option("--overwrite", help="where the file says otherwise, take the file's")] = False) -> None:
    """Add and update codes from a YAML, REFI-QDA (.qdc) or Taguette (.csv) codebook; nothing is erased:
    codes not in the file are kept, and so is what the file leaves out."""
    outcome = service.import_codebook(ctx.obj.db, file, ctx.obj.coder, overwrite)
    typer.echo(_("{added} code(s) added, {updated} updated, {unchanged} unchanged").format(
        added=len(outcome.added), updated=len(outcome.updated), unchanged=outcome.unchanged))
    if outcome.groups_added or outcome.groups_updated:
        typer.echo(_("code groups: {added} added, {updated} given codes").format(
            added=len(outcome.groups_added), updated=len(outcome.groups_updated)))
    for line in outcome.not_read:
        typer.echo(_("not imported: {line}").format(line=line), err=True)
    if outcome.conflicts:
        typer.echo(_("kept ours where the file says otherwise ({n}; --overwrite takes the file's):").format(
            n=len(outcome.conflicts)), err=True)
        for line in outcome.conflicts:
            typer.echo(f"  {line}", err=True)


@app.command("export")
def export(ctx: typer.Context, file: Annotated[Optional[Path], typer.Argument(help="YAML file [default: print]")] = None) -> None:
    """Write the codebook as YAML, or REFI-QDA for a .qdc file (with guids, so re-imports match)."""
    if file is not None:
        ctx.obj.output(file)
    book = service.export_codebook(ctx.obj.db)
    if file is not None and file.suffix.lower() == ".qdc":
        from workbench.interop.refi_xml import codebook_xml

        try:
            file.write_bytes(codebook_xml(book))
        except OSError as exc:
            raise WorkbenchError(_("cannot write: {reason}").format(reason=exc.strerror), where=str(file)) from exc
        typer.echo(_("wrote {file}").format(file=file), err=True)
        return
    emit(codebook_file.dump_codebook(book), file)


@app.command("show")
def show(ctx: typer.Context, fmt: Annotated[str, typer.Option("--format", help="tree or json")] = "tree") -> None:
    """The code tree with the number of codings per code (and the code groups, in a tree)."""
    listing(fmt, service.show_codebook(ctx.obj.db), [_("code"), _("codings"), _("colour"), _("keywords")],
            lambda c: ("  " * c.depth + c.name, c.codings, c.colour, ", ".join(c.keywords)[:60]), ("tree", "json"))
    groups = service.code_groups(ctx.obj.db) if fmt == "tree" else {}
    if groups:
        typer.echo("\n" + _("code groups:"))
        for name, paths in groups.items():
            typer.echo(f"  {name}: {'; '.join(paths)}")


@app.command("add")
def add(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="'Parent > Child'; missing parents are created")],
    description: Annotated[str, typer.Option("--description")] = "",
    colour: Annotated[Optional[str], typer.Option("--colour", help="#RRGGBB")] = None,
) -> None:
    """Add a code."""
    typer.echo(_("added {code}").format(code=service.add_code(ctx.obj.db, path, ctx.obj.coder, description, colour)))


@app.command("set")
def set_(
    ctx: typer.Context,
    path: CodePath,
    description: Annotated[Optional[str], typer.Option("--description", help="what the code means")] = None,
    colour: Annotated[Optional[str], typer.Option("--colour", help="#RRGGBB")] = None,
    keyword: Annotated[Optional[list[str]], typer.Option("--keyword", help="replaces the keywords; repeat")] = None,
    pattern: Annotated[Optional[list[str]], typer.Option("--pattern", help="replaces the patterns; repeat")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option(
        "--exclude", help="replaces the phrases (written as keywords) in which a hit is none; repeat")] = None,
) -> None:
    """Change a code's description, colour, keywords, patterns or exclusions."""
    service.update_code(ctx.obj.db, path, ctx.obj.coder, description=description, colour=colour,
                        keywords=keyword, patterns=pattern, exclusions=exclude)
    typer.echo(_("updated {code}").format(code=path))


@app.command("rename")
def rename(ctx: typer.Context, path: CodePath,
           new_name: Annotated[str, typer.Argument(help="the new name (not a path)")]) -> None:
    """Rename a code; its codings stay."""
    typer.echo(_("renamed to {code}").format(code=service.rename_code(ctx.obj.db, path, new_name, ctx.obj.coder)))


@app.command("move")
def move(
    ctx: typer.Context, path: CodePath,
    to: Annotated[str, typer.Option("--to", help="new parent path; '' for the top level")],
) -> None:
    """Move a code (with its subcodes and codings) under another parent."""
    typer.echo(_("moved to {code}").format(code=service.move_code(ctx.obj.db, path, to or None, ctx.obj.coder)))


@app.command("merge")
def merge(ctx: typer.Context, source: Annotated[str, typer.Argument(help="the code that goes")],
          target: Annotated[str, typer.Argument(help="the code that takes its codings and subcodes")]) -> None:
    """Merge SOURCE into TARGET: codings and subcodes move, SOURCE goes."""
    moved = service.merge_codes(ctx.obj.db, source, target, ctx.obj.coder)
    typer.echo(_("merged {source} into {target}: {n} coding(s) moved").format(source=source, target=target, n=moved))


@app.command("delete")
def delete(ctx: typer.Context, path: CodePath) -> None:
    """Delete a code that has no codings and no subcodes (merge one that has codings)."""
    typer.echo(_("deleted {code}").format(code=service.delete_code(ctx.obj.db, path, ctx.obj.coder)))


@app.command("group")
def group(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help="the code group (made if new)")],
    paths: Annotated[list[str], typer.Argument(help="the codes to put in it (or take out)")],
    remove: Annotated[bool, typer.Option("--remove", help="take the codes out (an emptied group goes)")] = False,
) -> None:
    """Put codes from anywhere in the tree in a code group, or take them out."""
    if remove:
        service.remove_from_code_group(ctx.obj.db, name, paths, ctx.obj.coder)
        typer.echo(_("{n} code(s) taken out of {group}").format(n=len(paths), group=name))
        return
    added = service.add_to_code_group(ctx.obj.db, name, paths, ctx.obj.coder)
    typer.echo(_("{n} code(s) added to {group}").format(n=len(added), group=name))


@app.command("split")
def split(
    ctx: typer.Context, path: CodePath,
    new_path: Annotated[str, typer.Argument(help="the code that takes the chosen codings (created if new)")],
    pattern: Annotated[Optional[str], typer.Option("--pattern", help="move codings whose quote matches")] = None,
    coding: Annotated[Optional[list[str]], typer.Option("--coding", help="move this coding (guid); repeat")] = None,
) -> None:
    """Split a code: move some of its codings to another (new) code."""
    moved = service.split_code(ctx.obj.db, path, new_path, ctx.obj.coder, pattern=pattern, coding_guids=coding)
    typer.echo(_("{n} coding(s) moved from {code} to {new}").format(n=moved, code=path, new=new_path))


@app.command("history")
def history(ctx: typer.Context, fmt: Format = "table") -> None:
    """Every change to the codebook: who, when, what."""
    listing(fmt, service.history(ctx.obj.db), [_("when"), _("coder"), _("action"), _("detail")],
            lambda c: (c.at.strftime("%Y-%m-%d %H:%M"), c.coder, c.action,
                       ", ".join(f"{k}={v}" for k, v in c.detail.items())[:100]))
