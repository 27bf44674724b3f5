"""The words of the Word report and its charts (from the message catalogues; `--language` chooses), and the
lead sentence of a theme."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from workbench import i18n
from workbench.core.dto import FrequencyRow, QuoteView
from workbench.errors import WorkbenchError
from workbench.i18n import N_, _

WORDS: dict[str, str] = {  # key: the message in English (the catalogue's msgid)
    "title": N_("Frequencies ({unit})"),
    "made": N_("Made on {date}."),
    "rule": N_("Counting rule: a respondent who makes the same point six times counts once; a parent code counts "
               "respondents over all its subcodes; codes on interviewer turns do not count."),
    "groups": N_("Groups: {groups}. Names of people and institutions in quotes have been replaced."),
    "note": N_("Note: {note}"),
    "total": N_("total"),
    "code": N_("Code"),
    "quotes": N_("Quotes"),
    "unknown programme": N_("programme unknown"),
    "respondent": N_("respondents"),
    "institution": N_("institutions"),
    "quotation": N_("quotations"),
    "turn": N_("turns"),
    "axis": N_("percentage of N ({unit})"),
    "most": N_("Most often named: {code} ({count} of {n} {unit})."),
    "most quoted": N_("Most often quoted: {code} ({count}x)."),
    "least": N_("Least: {code} ({count})."),
    "differ": N_("Something else comes first at {tops}."),
    "nobody": N_("Nobody named any of the subcodes."),
    "appendix": N_("Appendix: codebook"),
    "sizes": N_("N per programme"),
    "no description": N_("(no description)"),
    "both": N_("{unit} with both"),
}


def words(language: str | None = None) -> dict[str, str]:
    """The report's words in a language (None: the one spoken now)."""
    language = language or i18n.current()
    if language not in i18n.LANGUAGES:
        raise WorkbenchError(_("--language must be one of {choices}, not '{language}'").format(
            choices=", ".join(i18n.LANGUAGES), language=language))
    catalogue = i18n.catalogue(language)
    return {key: catalogue.gettext(message) for key, message in WORDS.items()}


def lead(subcodes: Sequence[FrequencyRow], cells: Mapping[tuple[str, str], int], groups: Sequence[str],
         sizes: Mapping[str, int], unit: str, language: str | None = None) -> str:
    """A theme's opening sentence from its counts: the most and least named subcodes (subcodes: the TOTAL rows),
    and the programmes whose own most named subcode is another one."""
    say = words(language)
    named = sorted((r for r in subcodes if r.count), key=lambda r: (-r.count, r.code.casefold()))
    if not named:
        return say["nobody"]
    sentence = say["most quoted" if unit == "quotation" else "most"].format(  # N counts people, not quotes
        code=named[0].code, count=named[0].count, n=named[0].n, unit=say[unit])
    if len(named) > 1:
        sentence += " " + say["least"].format(code=named[-1].code, count=named[-1].count)
    tops = {}
    for group in groups:
        counts = {r.code: cells.get((r.path, group), 0) for r in named}
        best = max(counts.values(), default=0)
        if best and sizes.get(group):
            tops[group] = next(r.code for r in named if counts[r.code] == best)
    other = {group: code for group, code in tops.items() if code != named[0].code}
    if other:
        sentence += " " + say["differ"].format(tops="; ".join(f"{group} ({code})" for group, code in other.items()))
    return sentence


def attribution(quote: QuoteView, unknown: str) -> str:
    """What a report writes under a quote, as its attribution says: 'R05, pabo, tweedegraads', 'R05', 'pabo'
    or nothing (`unknown` for a programme the registry does not give)."""
    parts = [quote.respondent] if "pseudonym" in quote.attribution else []
    if "programme" in quote.attribution:
        parts.append(", ".join(quote.programmes) or unknown)
    return ", ".join(parts)
