"""Key descriptions in the current language: bindings are declared in English (marked with N_) and each
screen, dialog and the app show them translated (footer, F1, command palette)."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingsMap
from textual.dom import DOMNode

from workbench.i18n import _


def speak_keys(node: DOMNode) -> None:
    """Translate the descriptions of node's own bindings (made per instance: the language may change
    between two screens, as it does between tests)."""
    node._bindings = BindingsMap([replace(binding, description=_(binding.description) if binding.description else "")
                                  for bindings in node._bindings.key_to_bindings.values() for binding in bindings])
