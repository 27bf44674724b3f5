"""The command reference in Markdown, read from the `workbench` command itself (the user guide's reference page
is built from it, so it cannot go stale)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import typer.main

from workbench.cli.app import app


def commands() -> Iterator[tuple[str, Any]]:
    """Every command and group, as `workbench codebook import`, depth first in the order `--help` lists them
    (Typer's own click commands: typer 0.28 vendors click)."""
    def walk(name: str, command: Any, ctx: Any) -> Iterator[tuple[str, Any]]:
        yield name, command
        for sub in command.list_commands(ctx) if hasattr(command, "list_commands") else ():
            child = command.get_command(ctx, sub)
            if child is not None and not child.hidden:
                yield from walk(f"{name} {sub}", child, type(ctx)(child, info_name=sub, parent=ctx))

    root = typer.main.get_command(app)
    yield from walk("workbench", root, root.make_context("workbench", [], resilient_parsing=True))


def markdown() -> str:
    """One section per command: what it does, its usage, its arguments and options with their help."""
    out = []
    for name, command in commands():
        ctx = command.make_context(name, [], resilient_parsing=True)
        out.append(f"{'##' if name.count(' ') < 2 else '###'} `{name}`\n")
        text = (command.help or "").strip()
        if text:
            out.append(_escaped(text) + "\n")
        usage = re.sub(r"\{(\w+)\}", lambda m: m.group(1).upper(), " ".join(command.collect_usage_pieces(ctx)))
        out.append(f"```\n{name} {usage}\n```\n")
        rows = [_row(param, ctx) for param in command.get_params(ctx)
                if not getattr(param, "hidden", False) and (param.name != "help" or name == "workbench")]
        if rows:
            out.append("| argument or option | what it is |\n| --- | --- |")
            out.extend(rows)
            out.append("")
    return "\n".join(out)


def _row(param: Any, ctx: Any) -> str:
    option = param.param_type_name == "option"
    names = ", ".join(f"`{n}`" for n in [*param.opts, *param.secondary_opts]) if option \
        else f"`{param.human_readable_name}`"
    help_text = getattr(param, "help", None) or ""
    choices = getattr(param.type, "choices", None)
    if choices:
        help_text += f" (one of: {', '.join(str(c) for c in choices)})"
    default = param.get_default(ctx, call=False)
    if option and default not in (None, False, (), []) and "[default" not in help_text:
        help_text += f" [default: {default}]"
    return f"| {names} | {_escaped(help_text).replace(chr(10), ' ')} |"


def _escaped(text: str) -> str:
    """Help text as Markdown table text: pipes escaped, angle brackets kept as text."""
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
