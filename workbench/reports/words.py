"""The words of the Word report and its charts (from the message catalogues; `--language` chooses), and the
lead sentence of a theme."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from workbench import i18n
from workbench.core.counting import TOTAL
from workbench.core.dto import FrequencyRow, QuoteView
from workbench.errors import WorkbenchError
from workbench.i18n import N_, _, ngettext

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
    "respondent one": N_("respondent"),
    "institution one": N_("institution"),
    "quotation one": N_("quotation"),
    "overlap": N_("A respondent who belongs to two programmes counts in each of them: together the programmes add "
                  "up to more than the total."),
    "axis": N_("percentage of N ({unit})"),
    "named": N_("named"),  # what a count of respondents (or institutions) says of a code
    "coded": N_("coded"),  # ... and a count of quotations
    "first one": N_("{codes} was {verb} most often"),
    "first tie": N_("{codes} were {verb} most often"),
    "followed": N_(", followed by {codes}"),
    "only": N_("Only {codes} was {verb}"),
    "least one": N_("{codes} was {verb} least often"),
    "least tie": N_("{codes} were {verb} least often"),
    "count one": N_("{codes} ({count}x)"),
    "count tie": N_("{codes} ({count}x each)"),
    "count of n one": N_("{codes} (at {count} of the {n} institutions)"),  # a count of institutions, in words
    "count of n tie": N_("{codes} (each at {count} of the {n} institutions)"),
    "and": N_(" and "),
    "differ": N_("At {group}, {code} comes first ({count} of {n} {unit})."),
    "numbers": N_("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                  "sixteen seventeen eighteen nineteen twenty"),
    "table caption": N_("Table {n}. {theme}: {unit} per group, with their share of the group's N"),
    "table caption total": N_("Table {n}. {theme}: {unit}, with their share of N"),
    "figure caption": N_("Figure {n}. {theme}: share of each group's N ({unit})"),
    "nobody": N_("Nobody named any of the subcodes."),
    "appendix": N_("Appendix: codebook"),
    "sizes": N_("N per programme"),
    "no description": N_("(no description)"),
    "heat title": N_("Codes that occur together ({unit}; in the cells: with both)"),
    "heat scale": N_("Jaccard index: {unit} with both / with either"),
}


def words(language: str | None = None) -> dict[str, str]:
    """The report's words in a language (None: the one spoken now)."""
    language = language or i18n.current()
    if language not in i18n.LANGUAGES:
        raise WorkbenchError(_("--language must be one of {choices}, not '{language}'").format(
            choices=", ".join(i18n.LANGUAGES), language=language))
    catalogue = i18n.catalogue(language)
    return {key: catalogue.gettext(message) for key, message in WORDS.items()}


SMALL_GROUP = 3  # respondents: a programme this small has no "first" and no percentage


def unit_of(n: int, unit: str, say: Mapping[str, str]) -> str:
    """'1 respondent', '9 respondents': the unit's word for a number."""
    return f"{n} {say[unit + ' one'] if n == 1 else say[unit]}"


def capitalised(name: str) -> str:
    """The first letter upper case, the rest as written ('ULO' stays 'ULO', 'pabo' is 'Pabo')."""
    return name[:1].upper() + name[1:]


def quotes_of(found: Sequence[QuoteView], programme: str | None = None) -> str:
    """'22 quotes of 10 respondents.' (', programme pabo' where one programme's)."""
    quotes = ngettext("{n} quote", "{n} quotes", len(found)).format(n=len(found))
    people = len({q.respondent for q in found})
    respondents = ngettext("{n} respondent", "{n} respondents", people).format(n=people)
    return (_("{quotes} of {respondents}, programme {programme}.") if programme else
            _("{quotes} of {respondents}.")).format(quotes=quotes, respondents=respondents, programme=programme)


def percent(count: int, n: int) -> int | None:
    """A count's share of N in whole percents, rounded half up (5 of 8: 63); None where N is too small for a
    share to mean anything."""
    return (200 * count + n) // (2 * n) if n >= SMALL_GROUP else None


def share(count: int, n: int) -> str:
    """A count with its share of N ('5 (63 %)' of 8); the count alone where N is too small."""
    shown = percent(count, n)
    return str(count) if shown is None else f"{count} ({shown} %)"


def lead(subcodes: Sequence[FrequencyRow], cells: Mapping[tuple[str, str], int], groups: Sequence[str],
         sizes: Mapping[str, int], unit: str, language: str | None = None) -> str:
    """A theme's opening sentences from its counts (subcodes: the TOTAL rows below the theme): the codes named
    most often, followed by the next, and least often, ties said as ties; then each programme of SMALL_GROUP or
    more whose own single first is another code. Codes that group others are no finding and are left out."""
    say = words(language)
    paths = [r.path for r in subcodes]
    findings = [r for r in subcodes if r.count and not any(p.startswith(r.path + " > ") for p in paths)]
    if not findings:
        return say["nobody"]
    levels = [sorted((r.code for r in findings if r.count == count), key=str.casefold)
              for count in sorted({r.count for r in findings}, reverse=True)]
    counts = sorted({r.count for r in findings}, reverse=True)
    verb = say["coded" if unit == "quotation" else "named"]
    form = "count of n" if unit == "institution" else "count"  # institutions: 'at six of the eight'

    def listed(level: int) -> str:
        names = levels[level]
        named = names[0] if len(names) == 1 else ", ".join(names[:-1]) + say["and"] + names[-1]
        count = counts[level] if form == "count" else _spelled(counts[level], say)
        return say[form + (" one" if len(names) == 1 else " tie")].format(
            codes=named, count=count, n=_spelled(sizes.get(TOTAL, 0), say))

    codes, count = _split(listed(0))
    if len(findings) == 1:
        return _sentence(say["only"].format(codes=codes, verb=verb), count)
    sentence = say["first one" if len(levels[0]) == 1 else "first tie"].format(codes=codes, verb=verb) + f" {count}"
    following, last = (levels[1:], None) if len(levels) < 3 else (levels[1:-1], len(levels) - 1)
    shown = []
    for level, names in enumerate(following[:2], start=1):
        if len(shown) >= 2:
            break
        shown.extend(names)
        sentence += say["followed"].format(codes=listed(level)) if level == 1 else say["and"] + listed(level)
    sentences = [sentence + "."]
    if last is not None and len(levels[last]) <= 3:
        codes, count = _split(listed(last))
        sentences.append(_sentence(say["least one" if len(levels[last]) == 1 else "least tie"].format(
            codes=codes, verb=verb), count))
    top = set(levels[0])
    for group in groups:
        n = sizes.get(group, 0)
        own = {r.code: cells.get((r.path, group), 0) for r in findings}
        best = max(own.values(), default=0)
        leaders = [code for code, c in own.items() if c == best]
        if n >= SMALL_GROUP and best and len(leaders) == 1 and leaders[0] not in top:
            sentences.append(say["differ"].format(group=group, code=leaders[0], count=_spelled(best, say),
                                                  n=_spelled(n, say), unit=say[unit]))
    return " ".join(sentences)


def _split(listed: str) -> tuple[str, str]:
    """'A and B (12x each)' as the names and the count in brackets."""
    at = listed.rindex(" (")
    return listed[:at], listed[at + 1:]


def _sentence(text: str, count: str) -> str:
    return f"{text} {count}."


def _spelled(n: int, say: Mapping[str, str]) -> str:
    """A small number in words ('zes van de acht'), a larger one in digits."""
    numbers = say["numbers"].split()
    return numbers[n] if 0 <= n < len(numbers) else str(n)


def attribution(quote: QuoteView, unknown: str) -> str:
    """What a report writes under a quote, as its attribution says: 'R05, pabo, tweedegraads', 'R05', 'pabo'
    or nothing (`unknown` for a programme the registry does not give)."""
    parts = [quote.respondent] if "pseudonym" in quote.attribution else []
    if "programme" in quote.attribution:
        parts.append(", ".join(quote.programmes) or unknown)
    return ", ".join(parts)
