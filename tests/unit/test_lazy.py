"""A command's lazy modules: imported on first use, and once (1.5M quotes each asked for a function through one)."""

import importlib

from workbench.cli.lazy import lazy


def test_a_lazy_module_is_imported_on_first_use_and_only_then(monkeypatch):
    imported = []
    real = importlib.import_module
    monkeypatch.setattr(importlib, "import_module", lambda name: imported.append(name) or real(name))
    proxy = lazy("workbench.core.spans")
    assert imported == []
    assert proxy.trim("  a ", 0, 4) == (2, 3) and proxy.PASSAGE_WORDS == (25, 60)
    assert imported == ["workbench.core.spans"]
