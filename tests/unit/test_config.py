"""User settings from a TOML file: read when valid, one clear line when not."""

import pytest

from workbench.config import Settings, load_settings
from workbench.errors import WorkbenchError


def test_no_file_means_the_defaults(tmp_path):
    assert load_settings(tmp_path / "none.toml") == Settings()


def test_theme_blind_and_keys_are_read(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "textual-light"\nblind = true\n[keys]\ncode_turn = "enter,t"\n', encoding="utf-8")
    assert load_settings(path) == Settings("textual-light", {"code_turn": "enter,t"}, True)


def test_the_environment_names_the_file(tmp_path, monkeypatch):
    path = tmp_path / "elsewhere.toml"
    path.write_text("blind = true\n", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(path))
    assert load_settings().blind is True


@pytest.mark.parametrize(("text", "message"), [
    ("theme = \n", "cannot read settings"),
    ("theme = 3\n", "theme must be a name"),
    ("blind = \"yes\"\n", "blind must be true or false"),
    ("[keys]\ncode_turn = 1\n", r"\[keys\] must map binding ids"),
    ("keys = 5\n", r"\[keys\] must map binding ids"),
])
def test_a_bad_file_is_one_line_naming_it(tmp_path, text, message):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbenchError, match=message) as caught:
        load_settings(path)
    assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)
