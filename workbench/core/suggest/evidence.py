"""A suggestion's evidence and method in the coder's language. They are stored as the model writes them (the
audit's words, the same whatever language the coder reads), and said through the catalogue when shown."""

from __future__ import annotations

import re

from workbench.i18n import N_, _

KINDS = {"name": N_("name"), "phrase": N_("phrase"), "lemmas": N_("lemmas"), "compound": N_("compound"),
         "words": N_("words"), "denied": N_("denied")}
METHODS = {"match": N_("match"), "similar": N_("similar"), "learned": N_("learned"), "negation": N_("negation"),
           "none": N_("none")}
LIKE = re.compile(r"like (\d+) coded segment\(s\) (\(.*\))")
NOTHING_DENIED = re.compile(r"nothing denied (\(.*\))")
KIND = re.compile(r"(\w+) (.*)", re.DOTALL)


def said(evidence: str) -> str:
    """'lemmas "studie vertraging" + like 3 coded segment(s) (0.62)' in the language spoken; what was found is
    kept as it was written, and a part this does not know stays as stored."""
    return " + ".join(_part(part) for part in evidence.split(" + "))


def said_method(method: str) -> str:
    return "+".join(_(METHODS[m]) if m in METHODS else m for m in method.split("+"))


def _part(part: str) -> str:
    if part == "no evidence":
        return _("no evidence")
    if found := LIKE.fullmatch(part):
        return _("like {n} coded segment(s) {score}").format(n=found.group(1), score=found.group(2))
    if found := NOTHING_DENIED.fullmatch(part):
        return _("nothing denied {score}").format(score=found.group(1))
    found = KIND.fullmatch(part)
    if found and found.group(1) in KINDS:
        return f"{_(KINDS[found.group(1)])} {found.group(2)}"
    return part
