"""Lay a note out for one export: note + library → :class:`app.docx.plan.DocumentPlan`.

Dates, variables and French typography are applied here, characters Word
cannot hold are cleaned, and every gap (a missing translation, an unfilled
variable, an unknown clause) becomes a visible mark plus a warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from app.docx.plan import DocumentPlan, Mark, Paragraph, PlanWarning, Span, Style
from app.export.blocks import SectionsAndBlocks
from app.export.checks import Checks
from app.export.firstpage import FirstPage
from app.export.followup import FollowUpTables
from app.language import dates, period, typography, wordchars
from app.language.codes import Localized, NoteLanguage
from app.language.i18n import _
from app.language.vocabulary import word
from app.library import variables
from app.library.clauses import Library
from app.notes.note import FollowUpTable, Note
from app.text import numbering
from app.text.richtext import BULLET_MARKERS, ListKind, RichText, TextParagraph, TextRun, paragraph

_BULLETS = BULLET_MARKERS
_LIST_STYLES = {
    ListKind.PLAIN: Style.BODY,
    ListKind.BULLET: Style.BULLET,
    ListKind.NUMBERED: Style.NUMBER,
}


def _trimmed(runs: Sequence[TextRun]) -> list[TextRun]:
    """Runs without the spaces at the two ends of the paragraph."""
    out = list(runs)
    while out and not out[0].text.lstrip():
        out.pop(0)
    if out:
        out[0] = TextRun(out[0].text.lstrip(), out[0].bold, out[0].italic)
    while out and not out[-1].text.rstrip():
        out.pop()
    if out:
        out[-1] = TextRun(out[-1].text.rstrip(), out[-1].bold, out[-1].italic)
    return out


def _exported(item: TextParagraph) -> TextParagraph:
    """A paragraph as the export writes it: trimmed, a "- " prose line made a bullet."""
    runs = _trimmed(item.runs)
    if item.kind is ListKind.PLAIN and "".join(r.text for r in runs).startswith(_BULLETS):
        cut, rest = 2, []
        for run in runs:
            rest.append(TextRun(run.text[cut:], run.bold, run.italic))
            cut = max(0, cut - len(run.text))
        return paragraph(_trimmed(rest), ListKind.BULLET)
    return paragraph(runs, item.kind, item.level)


def _is_date_value(name: str, value: str) -> bool:
    """Whether a variable's text is a day or a range of days, which each language writes out.

    The same test as :func:`app.library.variables.value_in`: an ISO day or range, or, for a date
    variable, a day as users type it.
    """
    written = value.strip()
    try:
        period.parse_iso(written)
        return True
    except ValueError:
        pass
    definition = variables.BUILTIN.get(name)
    if definition is None or definition.type is not variables.VariableType.DATE:
        return False
    try:
        dates.parse_period(written)
    except ValueError:
        return False
    return True


def _raise_ordinals(spans: list[Span], lang: str) -> list[Span]:
    """``spans`` with the suffixes of ordinals ("1er", "XIXe") split off in superscript."""
    ranges = typography.superscripts("".join(span.text for span in spans), lang)
    if not ranges:
        return spans
    result: list[Span] = []
    end = 0
    for span in spans:
        start, end = end, end + len(span.text)
        cut = 0
        for low, high in ranges:
            low, high = max(low, start) - start, min(high, end) - start
            if low >= high:
                continue
            if low > cut:
                result.append(replace(span, text=span.text[cut:low]))
            result.append(replace(span, text=span.text[low:high], superscript=True))
            cut = high
        if cut < len(span.text):
            result.append(replace(span, text=span.text[cut:]) if cut else span)
    return result


class _Renderer(SectionsAndBlocks, FirstPage, FollowUpTables, Checks):
    """One rendering pass: holds the note, the library and the warnings found.

    Its sections and blocks, first page, follow-up tables and warnings are laid out by its
    parts (:mod:`app.export.blocks`, :mod:`app.export.firstpage`, :mod:`app.export.followup`,
    :mod:`app.export.checks`); the text itself (variables, typography, lists) is done here.
    """

    def __init__(self, note: Note, library: Library, languages: tuple[str, ...]) -> None:
        self.note = note
        self.library = library
        self.languages = languages
        self.warnings: list[PlanWarning] = []
        self.cleaned = 0
        self.unfilled: dict[str, list[str]] = {}  # variable → export languages it lacks
        self.unofficial: set[str] = set()
        self.values = self._variable_values()
        self.place_lines: list[Paragraph] = []
        self.section = ""  # how messages name the section being laid out: “Title”, section 2
        self.table_numbers: dict[str, int] = {}  # table id → its rank, in a section of several
        self.next_list = 0  # the list id the next list gets (ids are unique in the plan)

    # --- text ---------------------------------------------------------------

    def _variable_values(self) -> dict[str, str | Localized]:
        """The variables' values; a plain text is the value in the note's own languages only.

        A date (or range) is written in each language; any other text typed once is in
        the language(s) the note is written in, so an export in another language shows
        the variable as unfilled there rather than copying, say, French into a Dutch file.
        """
        values: dict[str, str | Localized] = {}
        if self.note.date:
            values["date"] = self.note.date.isoformat()
        if self.note.meeting_date:
            values["meeting_date"] = period.iso(self.note.meeting_date)
        if self.note.addressee:
            values.setdefault("addressee", dict(self.note.addressee))
        own = self.note.language.languages
        for name, value in self.note.variables.items():
            if not value:
                continue
            if isinstance(value, str) and not _is_date_value(name, value):
                value = {lang: value for lang in own}
            values[name] = value
        return values

    def spans(self, text: str, lang: str) -> list[Span]:
        """Spans for ``text`` in ``lang``: cleaned, variables filled, typography applied."""
        return self.run_spans((TextRun(text),), lang)

    def run_spans(self, runs: Sequence[TextRun], lang: str) -> list[Span]:
        """Spans for a paragraph's runs, each keeping its bold and italic.

        The whole line is one text for variables and typography: a variable whose format
        changes inside it is still found, and quotes around a bold word pair up.
        """
        parts = []
        for run in runs:
            cleaned, changed = wordchars.clean(run.text)
            self.cleaned += changed
            parts.append(cleaned)
        pieces = variables.render_parts(parts, self.values, lang)
        texts = []
        for segment, _part in pieces:
            value = segment.text
            if segment.kind is variables.SegmentKind.FILLED:
                value, changed = wordchars.clean(value)
                self.cleaned += changed
            texts.append(value)
        # Typography sees the whole line, so quotes around a variable pair up.
        texts = typography.apply_parts(texts, lang)
        result = []
        for (segment, part), value in zip(pieces, texts, strict=True):
            style = {"bold": runs[part].bold, "italic": runs[part].italic}
            if segment.kind is variables.SegmentKind.UNFILLED:
                missing_in = self.unfilled.setdefault(segment.name or "", [])
                if lang not in missing_in:
                    missing_in.append(lang)
                result.append(Span(segment.text, Mark.UNFILLED, **style))
            elif segment.kind is variables.SegmentKind.FILLED:
                result.append(Span(value, Mark.VARIABLE, **style))
            else:
                result.append(Span(value, **style))
        return _raise_ordinals(result, lang)

    def rich_paragraphs(self, text: RichText, lang: str) -> list[Paragraph]:
        """Paragraphs of formatted text: bold and italic runs, bulleted and numbered lists.

        As plain text always was, a prose paragraph that starts with "- " (or "– ", "• ",
        "* ") is a bullet, and empty paragraphs are left out; an empty prose paragraph
        still ends a list, so the next one counts from 1 again.
        """
        items = [_exported(item) for item in text.paragraphs]
        base = self.next_list
        result = []
        for item, ident in zip(items, numbering.list_ids(items), strict=True):
            self.next_list = max(self.next_list, base + ident + 1)
            if not item.runs:
                continue
            style = _LIST_STYLES[item.kind]
            list_id = base + ident if item.is_list_item else -1
            spans = self.run_spans(item.runs, lang)
            result.append(Paragraph(spans, lang, style, item.level, list_id))
        return result

    def paragraphs(self, text: str, lang: str, style: Style = Style.BODY) -> list[Paragraph]:
        """Paragraphs of ``text`` (one per line; "- " lines become bullets)."""
        text, changed = wordchars.clean(text)
        self.cleaned += changed
        result = []
        for line in text.split("\n"):
            line = line.strip()
            if not line:
                continue
            para_style = style
            if style is Style.BODY and line.startswith(_BULLETS):
                line = line[2:].lstrip()
                para_style = Style.BULLET
            result.append(Paragraph(self.spans(line, lang), lang, para_style))
        return result

    # --- whole note -----------------------------------------------------------

    def localized_spans(
        self,
        text: Localized,
        sep: str = " / ",
        *,
        what: str = "",
        block_id: str = "",
        field: str = "",
        force: bool = False,
    ) -> list[Span]:
        """Spans giving ``text`` in each export language, each tagged with its language.

        With ``what``, a language missing while another has the text (or, with ``force``,
        even when none has it) gets the visible missing marker and a warning, as blocks do.
        """
        values = [(lang, text.get(lang, "").strip()) for lang in self.languages]
        present = [(lang, v) for lang, v in values if v]
        if len(present) == 2 and present[0][1] == present[1][1]:
            present = present[:1]
        elif what and (force or any(v.strip() for v in text.values())):
            present = [
                (lang, value or self.missing_marker(lang, what, block_id, field=field))
                for lang, value in values
            ]
        spans: list[Span] = []
        for index, (lang, value) in enumerate(present):
            if index:
                spans.append(Span(sep, lang=lang))
            if isinstance(value, Span):
                spans.append(value)
                continue
            spans.extend(replace(s, lang=lang) for s in self.spans(value, lang))
        return spans

    def word_spans(self, key: str, *, bold: bool = False) -> list[Span]:
        """A word the document prints ("À / Aan") in each export language, each in its own."""
        # "À" is a French run; " / " and "Aan" are Dutch ones, so Word checks each rightly.
        spans: list[Span] = []
        for index, lang in enumerate(self.languages):
            if index:
                spans.append(Span(" / ", bold=bold, lang=lang))
            spans.append(Span(word(key, lang), bold=bold, lang=lang))
        return spans

    def build(self) -> DocumentPlan:
        """The whole plan."""
        langs, main = self.languages, self.languages[0]
        self.place_lines = self.place_paragraphs()
        self.subject_spans = self.localized_spans(
            self.note.subject, what=_("The subject"), field="subject"
        )
        if not self.subject_spans:
            self.detail_missing("subject", _("The note has no subject."))
        subject = [s if s.text != " / " else Span(" — ", lang=s.lang) for s in self.subject_spans]
        if not subject:
            subject = self.word_spans("untitled")
        meta = self.meta()
        body: list = []
        for number, section in enumerate(self.note.sections, 1):
            first = len(self.warnings)
            self.section = self.section_name(section.title, number)
            tables = [b.id for b in section.blocks if isinstance(b, FollowUpTable)]
            self.table_numbers = (
                {table_id: rank for rank, table_id in enumerate(tables, 1)}
                if len(tables) > 1
                else {}
            )
            items = self.section_items(section.blocks)
            if items:
                middle = len(self.warnings)
                body.append(
                    Paragraph(
                        self.heading_spans(section.title), main, Style.HEADING1, block_id=section.id
                    )
                )
                body.extend(items)
                # The title's warnings first, as the title comes first on the page.
                self.warnings[first:] = self.warnings[middle:] + self.warnings[first:middle]
            else:
                # One line for the section, not one more for an empty table in it.
                kept = [w for w in self.warnings[first:] if w.code != "empty_table"]
                self.warnings[first:] = kept
                self.warnings.append(
                    PlanWarning(
                        "empty_section",
                        _("Empty section, left out of the file: {section}.").format(
                            section=self.section
                        ),
                    )
                )
            for warning in self.warnings[first:]:
                warning.section_id = warning.section_id or section.id
        self.section = ""
        if not body:
            self.warnings.append(
                PlanWarning(
                    "empty_note",
                    _("The note has no text, clause or table: the file holds only its first page."),
                )
            )
        for lang in langs:
            if lang in self.unofficial:
                body.append(
                    Paragraph([Span(word("unofficial", lang), italic=True)], lang, Style.BODY)
                )
        self.finish_warnings()
        return DocumentPlan(
            languages=langs,
            title=Paragraph(subject, main, Style.TITLE),
            meta=meta,
            body=body,
            classification=self.classification_spans(),
            page_label=self.word_spans("page"),
            place_lines=self.place_lines,
            properties_title="".join(s.text for s in subject),
            properties_author=self.note.author,
            properties_subject=self.note.reference,
            created=datetime.now(),
            warnings=self.warnings,
        )


def build_plan(
    note: Note, library: Library, language: NoteLanguage | str | None = None
) -> DocumentPlan:
    """Lay ``note`` out for export in ``language`` (default: the note's own)."""
    chosen = NoteLanguage(language) if language else note.language
    return _Renderer(note, library, chosen.languages).build()
