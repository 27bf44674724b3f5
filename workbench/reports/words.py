"""The words of the Word report and its charts, in Dutch and English, and the lead sentence of a theme.

Every language has every key (a test checks it); `--language` chooses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from workbench.core.dto import FrequencyRow
from workbench.errors import WorkbenchError

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Frequenties ({unit})",
        "made": "Gemaakt op {date}.",
        "rule": "Telregel: een respondent die hetzelfde argument zes keer maakt, telt één keer; een hoofdcode telt "
                "respondenten over al haar subcodes; codes op interviewerbeurten tellen niet.",
        "groups": "Groepen: {groups}. Namen van personen en instellingen in citaten zijn vervangen.",
        "note": "Noot: {note}",
        "total": "totaal",
        "code": "Code",
        "quotes": "Citaten",
        "unknown programme": "opleiding onbekend",
        "respondent": "respondenten",
        "institution": "instellingen",
        "quotation": "citaten",
        "turn": "beurten",
        "axis": "% van N ({unit})",
        "most": "Het vaakst genoemd: {code} ({count} van de {n} {unit}).",
        "most quoted": "Het vaakst geciteerd: {code} ({count}x).",
        "least": "Het minst: {code} ({count}).",
        "differ": "Bovenaan staat iets anders bij {tops}.",
        "nobody": "Niemand noemde een van de subcodes.",
        "appendix": "Bijlage: codeboek",
        "sizes": "N per opleiding",
        "no description": "(geen beschrijving)",
    },
    "en": {
        "title": "Frequencies ({unit})",
        "made": "Made on {date}.",
        "rule": "Counting rule: a respondent who makes the same point six times counts once; a parent code counts "
                "respondents over all its subcodes; codes on interviewer turns do not count.",
        "groups": "Groups: {groups}. Names of people and institutions in quotes have been replaced.",
        "note": "Note: {note}",
        "total": "total",
        "code": "Code",
        "quotes": "Quotes",
        "unknown programme": "programme unknown",
        "respondent": "respondents",
        "institution": "institutions",
        "quotation": "quotations",
        "turn": "turns",
        "axis": "% of N ({unit})",
        "most": "Most often named: {code} ({count} of {n} {unit}).",
        "most quoted": "Most often quoted: {code} ({count}x).",
        "least": "Least: {code} ({count}).",
        "differ": "Something else comes first at {tops}.",
        "nobody": "Nobody named any of the subcodes.",
        "appendix": "Appendix: codebook",
        "sizes": "N per programme",
        "no description": "(no description)",
    },
}
LANGUAGES = tuple(WORDS)


def words(language: str) -> dict[str, str]:
    if language not in WORDS:
        raise WorkbenchError(f"--language must be one of {', '.join(LANGUAGES)}, not '{language}'")
    return WORDS[language]


def lead(subcodes: Sequence[FrequencyRow], cells: Mapping[tuple[str, str], int], groups: Sequence[str],
         sizes: Mapping[str, int], unit: str, language: str) -> str:
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
