"""One language at a time for what the TUI, the CLI and the reports say, through gettext catalogues.

Messages are written in English in the code: `_("...")` translates now, `N_("...")` only marks text that is
translated where it is shown (key descriptions, declared at import). `workbench/locale/nl/LC_MESSAGES/` holds
the Dutch catalogue (`make catalogues` extracts, updates and compiles it with Babel). The language: the
settings' `language = "nl" | "en"`, else the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads
them), else English.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

LANGUAGES = ("nl", "en")
SOURCE_LANGUAGE = "en"
DOMAIN = "workbench"
LOCALE_DIR = Path(__file__).parent / "locale"

_catalogues: dict[str, gettext.NullTranslations] = {}
_active: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def catalogue(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language (English: the messages as written)."""
    if language not in _catalogues:
        if language == SOURCE_LANGUAGE:
            _catalogues[language] = gettext.NullTranslations()
        else:
            with open(LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as file:
                _catalogues[language] = gettext.GNUTranslations(file)
    return _catalogues[language]


def use(language: str) -> None:
    """Speak this language from now on (one of LANGUAGES)."""
    global _active, _language
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    _active, _language = catalogue(language), language


def current() -> str:
    return _language


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the locale asks for, if we have it; else English."""
    environ = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for wanted in environ.get(variable, "").split(":"):  # LANGUAGE may list several: nl:en
            code = wanted.split(".")[0].split("_")[0].split("@")[0].lower()
            if code in LANGUAGES:
                return code
        if environ.get(variable) and variable != "LANGUAGE":
            break  # the first variable set decides (LC_ALL over LANG), as the C library does
    return SOURCE_LANGUAGE


def _(message: str) -> str:
    """The message in the current language."""
    return _active.gettext(message)


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "mark only"
    """Mark a message for the catalogue; it is translated where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for n, in the current language."""
    return _active.ngettext(singular, plural, n)
