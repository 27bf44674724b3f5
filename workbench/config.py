"""User settings: key bindings and theme, from a TOML file.

WORKBENCH_CONFIG, else ~/.config/workbench/config.toml:

    theme = "textual-light"
    language = "nl"     # or "en"; else the locale's, else English
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

from workbench import i18n
from workbench.errors import WorkbenchError
from workbench.i18n import _


@dataclass(frozen=True)
class Settings:
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    blind: bool = False
    language: str | None = None

    def speak(self) -> None:
        """Use the language these settings ask for, else the locale's."""
        i18n.use(self.language or i18n.from_environment())


def settings_path() -> Path:
    return Path(os.environ.get("WORKBENCH_CONFIG") or Path.home() / ".config" / "workbench" / "config.toml")


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    if not path.exists():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise WorkbenchError(_("cannot read settings: {reason}").format(reason=exc), where=str(path)) from exc
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise WorkbenchError(_("[keys] must map binding ids to key names"), where=str(path))
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise WorkbenchError(_("theme must be a name such as \"textual-light\""), where=str(path))
    blind = data.get("blind", False)
    if not isinstance(blind, bool):
        raise WorkbenchError(_("blind must be true or false"), where=str(path))
    language = data.get("language")
    if language is not None and language not in i18n.LANGUAGES:
        raise WorkbenchError(_("language must be one of {choices}").format(choices=", ".join(i18n.LANGUAGES)),
                             where=str(path))
    return Settings(theme, dict(keys), blind, language)
