"""One language at a time: every message the code says is in the Dutch catalogue (same placeholders), the
compiled catalogue is the one the .po file says, no user-facing text escapes the catalogue, and the words
Textual itself shows are covered."""

from __future__ import annotations

import ast
import gettext
import inspect
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from textual.app import App
from textual.binding import Binding
from textual.widgets import Checkbox, DataTable, Input, OptionList, Select, TextArea, Tree

from workbench import i18n
from workbench.tui.textual_words import SYSTEM_COMMANDS, WIDGET_KEYS
from workbench.tui.widgets.coded_text import CodedText

PACKAGE = Path(i18n.__file__).parent
PO = i18n.LOCALE_DIR / "nl" / "LC_MESSAGES" / "workbench.po"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
WORDS = re.compile(r"[^\W\d_]{2,}")  # two letters in a row: text a person reads, not '★' or ' · '
# calls whose text argument a person reads: the name, and which positional argument
SHOWN = {"notify": 0, "Label": 0, "Static": 0, "add_column": 0, "ChoicePicker": 0, "TextPrompt": 0, "Confirm": 0,
         "echo": 0, "WorkbenchError": 0, "Binding": 2, "Tree": 0, "Checkbox": 0, "Progress": 0, "CodePicker": 2}


def _name(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def _sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE.parent), ast.parse(path.read_text(encoding="utf-8"))


def messages_in_code() -> dict[str | tuple[str, str], str]:
    """Every literal message given to _(), N_() or ngettext(), and where it is."""
    found: dict[str | tuple[str, str], str] = {}
    for path, tree in _sources():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            texts = [a.value for a in node.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if _name(node) in ("_", "N_") and texts:
                found.setdefault(texts[0], f"{path}:{node.lineno}")
            elif _name(node) == "ngettext" and len(texts) == 2:
                found.setdefault((texts[0], texts[1]), f"{path}:{node.lineno}")
    return found


def catalogue() -> dict[str | tuple[str, str], object]:
    with PO.open("rb") as file:
        return {m.id if isinstance(m.id, str) else tuple(m.id): m for m in read_po(file) if m.id}


def test_every_message_has_its_dutch_translation_with_the_same_placeholders():
    shipped = catalogue()
    missing = [f"{where}: {key!r}" for key, where in messages_in_code().items()
               if key not in shipped or shipped[key].fuzzy or not all(
                   [shipped[key].string] if isinstance(key, str) else shipped[key].string)]
    assert not missing, "not in the Dutch catalogue (make catalogues, then translate):\n" + "\n".join(missing)
    for key, message in shipped.items():
        for source, translated in zip([key] if isinstance(key, str) else key,
                                      [message.string] if isinstance(key, str) else message.string):
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translated)), key


def test_the_catalogue_holds_no_message_the_code_no_longer_says():
    stale = set(catalogue()) - set(messages_in_code())
    assert not stale, f"in workbench.po but not in the code: {sorted(map(str, stale))}"


def test_the_compiled_catalogue_is_the_po_file():
    with open(i18n.LOCALE_DIR / "nl" / "LC_MESSAGES" / "workbench.mo", "rb") as file:
        compiled = gettext.GNUTranslations(file)._catalog  # type: ignore[attr-defined]
    for key, message in catalogue().items():
        if isinstance(key, str):
            assert compiled[key] == message.string, key
        else:
            assert [compiled[(key[0], n)] for n in range(2)] == list(message.string), key


def test_no_message_a_person_reads_escapes_the_catalogue():
    """A literal (or f-string) text in a call that shows it, or given to _() as an f-string (never found)."""
    escaped = []
    for path, tree in _sources():
        if path.parts[1] in ("migrations", "sample"):  # schema changes; the invented study's own Dutch
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node)
            if name in ("_", "ngettext") and any(isinstance(a, ast.JoinedStr) for a in node.args):
                escaped.append(f"{path}:{node.lineno}: an f-string given to {name}()")
            at = SHOWN.get(name)
            if at is None or len(node.args) <= at:
                continue
            text = node.args[at]
            parts = [text.value] if isinstance(text, ast.Constant) and isinstance(text.value, str) else [
                v.value for v in text.values if isinstance(v, ast.Constant)] if isinstance(text, ast.JoinedStr) else []
            if any(WORDS.search(part) for part in parts):
                escaped.append(f"{path}:{node.lineno}: {name}({ast.unparse(text)[:60]})")
    assert not escaped, "\n".join(escaped)


@pytest.mark.parametrize("widget", [DataTable, TextArea, Input, OptionList, Tree, Select, Checkbox, CodedText])
def test_the_keys_of_textuals_widgets_are_in_the_catalogue(widget):
    described = {b.description for klass in widget.__mro__ for b in getattr(klass, "BINDINGS", None) or []
                 if isinstance(b, Binding) and b.description}
    assert described <= set(WIDGET_KEYS), described - set(WIDGET_KEYS)


def test_textuals_own_commands_are_in_the_catalogue():
    source = ast.parse(inspect.getsource(App.get_system_commands).strip())  # the code, not its docstring's example
    said = {a.value for node in ast.walk(source) if isinstance(node, ast.Call) and _name(node) == "SystemCommand"
            for a in node.args[:2] if isinstance(a, ast.Constant)}
    assert said and said <= set(SYSTEM_COMMANDS), said - set(SYSTEM_COMMANDS)


def test_the_language_comes_from_the_settings_else_the_locale_else_english():
    assert i18n.from_environment({"LANG": "nl_NL.UTF-8"}) == "nl"
    assert i18n.from_environment({"LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"}) == "en"  # LC_ALL first
    assert i18n.from_environment({"LANGUAGE": "fr:nl", "LANG": "en_US.UTF-8"}) == "nl"  # a list: first we have
    assert i18n.from_environment({"LANG": "de_DE.UTF-8"}) == "en"
    assert i18n.from_environment({"LANG": "C.UTF-8"}) == "en"
    assert i18n.from_environment({}) == "en"
    assert i18n.current() == "en" and i18n._("Search") == "Search"
    assert i18n.ngettext("{n} transcript", "{n} transcripts", 2) == "{n} transcripts"
    i18n.use("nl")
    assert i18n._("Search") == "Zoek" and i18n.current() == "nl"
    assert i18n.ngettext("{n} transcript", "{n} transcripts", 1) == "{n} transcript"
