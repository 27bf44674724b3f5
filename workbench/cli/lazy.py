"""Modules imported on first use: `workbench` alone opens the TUI and must not wait for every command's
imports (SQLAlchemy, the parsers, YAML, report writers)."""

from __future__ import annotations

import importlib
from types import ModuleType


class LazyModule:
    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attribute: str):
        module: ModuleType = importlib.import_module(self._name)  # cached by Python after the first call
        return getattr(module, attribute)


def lazy(name: str) -> LazyModule:
    return LazyModule(name)
