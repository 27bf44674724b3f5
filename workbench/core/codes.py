"""Code paths ('Parent > Child') and the keyword/pattern matchers codes carry."""

from __future__ import annotations

import re
from collections.abc import Iterable

from workbench.i18n import _

PATH_SEPARATOR = " > "
_SPLIT = re.compile(r"\s*(?:>|::)\s*")


def split_names(path: str) -> list[str]:
    """The names of a path as written, empty ones included ('a > > b')."""
    return _SPLIT.split(path.strip())


def split_path(path: str) -> list[str]:
    """'Parent > Child' (or 'Parent::Child') into names; empty names are an error."""
    names = split_names(path)
    if not path.strip() or any(not name for name in names):
        raise ValueError(_("not a code path: {path!r}").format(path=path))
    if not all(name.isprintable() for name in names):
        raise ValueError(_("code name {path!r} holds a line break or control character").format(path=path))
    return names


def join_path(names: Iterable[str]) -> str:
    return PATH_SEPARATOR.join(names)


def keyword_regex(keyword: str) -> str:
    """A keyword as a regex: whole words, case-insensitive, '*' for any word ending."""
    words = keyword.strip().split()
    parts = [re.escape(word.rstrip("*")) + (r"\w*" if word.endswith("*") else "") for word in words]
    tail = "" if words[-1].endswith("*") else r"\b"
    return r"\b" + r"\s+".join(parts) + tail


_COLOUR = re.compile(r"^#?(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def normalise_colour(value: str) -> str:
    """'#RGB', 'RRGGBB' or '#RRGGBB' as '#rrggbb'; ValueError otherwise."""
    if not _COLOUR.match(value.strip()):
        raise ValueError(_("not a colour (#RRGGBB): {value!r}").format(value=value))
    digits = value.strip().lstrip("#").lower()
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return f"#{digits}"
