"""Modules imported on first use: `workbench` alone opens the TUI and must not wait for every command's
imports (SQLAlchemy, the parsers, YAML, report writers)."""

from __future__ import annotations

import importlib
from types import ModuleType


class LazyModule:
    def __init__(self, name: str):
        self._name, self._module = name, None

    def __getattr__(self, attribute: str):
        if self._module is None:  # import_module looks the module up again on every call: 3 µs
            self._module = importlib.import_module(self._name)
        module: ModuleType = self._module
        return getattr(module, attribute)


def lazy(name: str) -> LazyModule:
    return LazyModule(name)
