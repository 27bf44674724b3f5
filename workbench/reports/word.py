"""Word reports: frequencies shaped like a results chapter (Dutch or English); quotes alone."""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from workbench import i18n
from workbench.core.counting import TOTAL
from workbench.core.dto import AgreementRow, CodeView, Disagreement, FrequencyReport, FrequencyRow, QuoteView
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.limits import xml_safe
from workbench.reports.charts import WIDTH_CM, frequency_chart, parts
from workbench.reports.word_layout import LANDSCAPE_CM, TEXT_CM, fit, layout, turn
from workbench.reports.word_pages import settle
from workbench.reports.words import attribution, lead, quotes_of, share, words
from workbench.transcripts.clock import format_clock

LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}  # what Word spell-checks the text as


def _document(title: str, language: str | None = None):
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = docx.Document()
    tag = LANGUAGE_TAGS[language or i18n.current()]
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for lang in defaults.findall(qn("w:lang")):
        lang.set(qn("w:val"), tag)
    fonts = defaults.find(qn("w:rFonts"))
    for script in ("ascii", "hAnsi", "cs"):  # Calibri throughout, not the template's Cambria: LibreOffice's
        fonts.attrib.pop(qn(f"w:{script}Theme"), None)  # Carlito sets its lines as Word does (Caladea's are
        fonts.set(qn(f"w:{script}"), "Calibri")  # lower than Cambria's), so the pages fall alike in both
    paragraphs = document.styles.element.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    paragraphs.insert(0, OxmlElement("w:widowControl"))  # never one line alone at a page's foot or head: Word
    # leaves it off where not said, LibreOffice sets it; word_pages counts with it
    document.core_properties.language = tag
    for section in document.sections:  # A4, as Dutch reports are
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
    document.core_properties.title = title
    document.core_properties.author = _("Interview workbench")
    document.add_heading(title, level=0)
    return document


def _save(document, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        document.save(str(path))
    except OSError as exc:
        raise WorkbenchError(_("cannot write: {reason}").format(reason=exc.strerror), where=str(path)) from exc


def _cite(document, quote: QuoteView, unknown: str) -> None:
    paragraph = document.add_paragraph(style="Quote")
    paragraph.add_run(f"“{' '.join(xml_safe(quote.quoted).split())}”")  # a study from an older version may
    # still hold control characters
    where = [quote.source] if "pseudonym" in quote.attribution else []  # the interview: only beside a pseudonym,
    # which links a respondent's quotes already
    where += [format_clock(quote.start_ms)] if quote.start_ms is not None else []
    said = [attribution(quote, unknown), f"({', '.join(where)})" if where else ""]
    source = document.add_paragraph("— " + " ".join(filter(None, said)))
    source.paragraph_format.left_indent = paragraph.paragraph_format.left_indent


def frequency_docx(report: FrequencyReport, quotes: dict[str, list[QuoteView]], path: Path,
                   codebook: Sequence[CodeView] = (), language: str | None = None) -> None:
    """Shaped like a results chapter: the counting rule once, then per theme a lead sentence from the counts,
    the list ("studievertraging (15x)"), the code x group table (count, % of N), a chart and the quotes; an
    appendix with the codebook (names and descriptions) and N per programme."""
    from docx.shared import Cm, Pt

    say = words(language)
    document = _document(say["title"].format(unit=say[report.unit]), language)
    document.add_paragraph(f"{say['made'].format(date=f'{date.today():%d-%m-%Y}')} {say['rule']}")
    document.add_paragraph(report.provenance.text)
    groups = [*report.groups, TOTAL] if report.by != "none" else [TOTAL]
    document.add_paragraph(say["groups"].format(groups="; ".join(
        f"{g or say['total']} (N = {report.sizes.get(g, 0)})" for g in groups)))
    if report.by == "programme" and sum(report.sizes.get(g, 0) for g in report.groups) > report.sizes.get(TOTAL, 0):
        document.add_paragraph(say["overlap"])
    for note in report.notes:
        document.add_paragraph(say["note"].format(note=note))
    by_path: dict[str, dict[str, FrequencyRow]] = defaultdict(dict)
    for row in report.rows:
        by_path[row.path][row.group] = row
    counts = {(row.path, row.group): row.count for row in report.rows}
    sections: dict[str, list[FrequencyRow]] = defaultdict(list)
    for path_, cells in by_path.items():
        sections[path_.split(" > ")[0]].append(cells[TOTAL])
    numbers = iter(range(1, len(sections) + 1))  # tables and figures numbered alike: one of each per theme
    for top, rows in sections.items():
        if not rows[0].count:
            continue
        number = next(numbers)
        document.add_heading(f"{top} ({rows[0].count}x)", level=1)
        document.add_paragraph(lead(rows[1:], counts, report.groups, report.sizes, report.unit, language))
        for row in sorted(rows[1:], key=lambda r: (-r.count, r.code.casefold())):
            if row.count:
                document.add_paragraph(f"{row.code} ({row.count}x)", style="List Bullet")
        names = [group or say["total"].capitalize() for group in groups]
        codes = [say["code"], *("\u2003" * row.depth + row.code for row in rows)]
        wide, size = layout(names, codes)
        if wide:
            turn(document, landscape=True)
        caption = document.add_paragraph(say["table caption" if report.by != "none" else "table caption total"].format(
            n=number, theme=top, unit=say[report.unit]), style="Caption")
        caption.paragraph_format.keep_with_next = True
        table = document.add_table(rows=1, cols=len(groups) + 1)
        table.style = "Light Grid Accent 1"
        table.autofit = False
        header = table.rows[0].cells
        header[0].text = say["code"]
        for cell, group in zip(header[1:], groups):
            cell.text = f"{group or say['total'].capitalize()}\nN = {report.sizes.get(group, 0)}"  # a name whole
        for row, code in zip(rows, codes[1:]):
            cells = table.add_row().cells
            cells[0].text = code
            for cell, group in zip(cells[1:], groups):
                cell.text = share(by_path[row.path][group].count, report.sizes.get(group, 0))
        fit(table, names, codes, LANDSCAPE_CM if wide else TEXT_CM, size)
        if wide:
            turn(document, landscape=False)
        pieces = parts(report, [r.path for r in rows[1:]] or [rows[0].path])
        for k, piece in enumerate(pieces):  # a long theme over several charts: Figuur 2a, 2b
            chart = frequency_chart(report, piece, language=language)
            document.add_picture(io.BytesIO(chart), width=Cm(WIDTH_CM))
            document.paragraphs[-1].paragraph_format.keep_with_next = True  # its caption under it, on its page
            document.paragraphs[-1].paragraph_format.space_before = Pt(6)
            letter = chr(ord("a") + k) if len(pieces) > 1 else ""
            document.add_paragraph(say["figure caption"].format(n=f"{number}{letter}", theme=top,
                                                                unit=say[report.unit]), style="Caption")
        cited = [(row, quotes.get(row.path, [])) for row in rows if quotes.get(row.path)]
        if cited:
            document.add_heading(say["quotes"], level=2)
        for row, found in cited:
            document.add_heading(row.code, level=3)
            for quote in found:
                _cite(document, quote, say["unknown programme"])
    _appendix(document, report, codebook, say)
    settle(document)  # no chart leaves the page above it half empty
    _save(document, path)


def _appendix(document, report: FrequencyReport, codebook: Sequence[CodeView], say: dict[str, str]) -> None:
    """The codebook, names and descriptions, and N per programme."""
    from docx.shared import Cm

    if codebook:
        document.add_heading(say["appendix"], level=1)
        for code in codebook:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.left_indent = Cm(0.6 * code.depth)
            paragraph.add_run(code.name).bold = True
            paragraph.add_run(f" — {xml_safe(code.description) or say['no description']}")
    document.add_heading(say["sizes"], level=2)
    for group in [*report.groups, TOTAL]:
        document.add_paragraph(f"{group or say['total']}: N = {report.sizes.get(group, 0)}", style="List Bullet")


def quotes_docx(code: str, found: list[QuoteView], path: Path, programme: str | None) -> None:
    document = _document(_("Quotes: {code}").format(code=code))
    document.add_paragraph(quotes_of(found, programme) + " " + _("Names of people and institutions have been replaced."))
    unknown = words()["unknown programme"]
    for quote in found:
        _cite(document, quote, unknown)
    _save(document, path)


def agreement_docx(figures: Sequence[AgreementRow], found: Sequence[Disagreement], coders: Sequence[str], unit: str,
                   path: Path) -> None:
    """Intercoder agreement for a methods section: the figures per code, then every disagreement with its
    interview, time and respondent (names masked: see services/agreement.for_report)."""
    document = _document(_("Intercoder agreement"))
    document.add_paragraph(_("Coders: {coders}. Unit: {unit}. Percent agreement, Cohen's kappa (two coders) and "
                             "Krippendorff's alpha (nominal) per code, a code with its subcodes.").format(
        coders=", ".join(coders), unit=_(unit)))
    table = document.add_table(rows=1, cols=6)
    table.style = "Light Grid Accent 1"
    for cell, head in zip(table.rows[0].cells, (_("code"), _("units"), _("coded"), _("agreement"), _("kappa"),
                                                _("alpha"))):
        cell.text = head
    for row in figures:
        cells = table.add_row().cells
        for cell, value in zip(cells, (row.code_path, str(row.units), str(row.coded_units), _figure(row.percent),
                                       _figure(row.kappa), _figure(row.alpha))):
            cell.text = value
    document.add_heading(_("Disagreements ({n})").format(n=len(found)), level=1)
    table = document.add_table(rows=1, cols=6)
    table.style = "Light Grid Accent 1"
    for cell, head in zip(table.rows[0].cells, (_("interview"), _("time"), _("respondent"), _("code"),
                                                _("coded by"), _("not by"))):
        cell.text = head
    for item in found:
        cells = table.add_row().cells
        for cell, value in zip(cells, (item.transcript, format_clock(item.start_ms), item.respondent, item.code_path,
                                       ", ".join(item.coded_by), ", ".join(item.not_coded_by))):
            cell.text = xml_safe(value)
        cells = table.add_row().cells
        merged = cells[0].merge(cells[-1])
        merged.text = xml_safe(" ".join(item.text.split()))  # the unit's words under its row
    _save(document, path)


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"
