"""User settings: key bindings and theme, from a TOML file.

WORKBENCH_CONFIG, else ~/.config/workbench/config.toml:

    theme = "textual-light"
    blind = true        # hide other coders' codings while coding
    [keys]              # binding id = keys (comma-separated)
    code_turn = "enter,t"
    undo = "ctrl+z,u"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from workbench.errors import WorkbenchError


@dataclass(frozen=True)
class Settings:
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    blind: bool = False


def settings_path() -> Path:
    return Path(os.environ.get("WORKBENCH_CONFIG") or Path.home() / ".config" / "workbench" / "config.toml")


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    if not path.exists():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise WorkbenchError(f"cannot read settings: {exc}", where=str(path)) from exc
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise WorkbenchError("[keys] must map binding ids to key names", where=str(path))
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise WorkbenchError("theme must be a name such as \"textual-light\"", where=str(path))
    blind = data.get("blind", False)
    if not isinstance(blind, bool):
        raise WorkbenchError("blind must be true or false", where=str(path))
    return Settings(theme, dict(keys), blind)
