"""The first page laid out for export: À, De, Date, Objet…, the place line, classification.

:class:`FirstPage` is mixed into the renderer (:mod:`app.export.render`): it reads the pass's
``note``, ``languages``, ``place_lines``, ``subject_spans`` and ``warnings``, and calls its
``spans``, ``localized_spans``, ``word_spans`` and ``missing_marker``.
"""

from __future__ import annotations

from dataclasses import replace

from app.docx.plan import MetaLine, Paragraph, Span, Style
from app.language import dates, period
from app.language.classification import Classification
from app.language.i18n import _


def _plain(spans: list[Span]) -> str:
    """The text of ``spans`` as the reader sees it (marks aside)."""
    return "".join(span.text for span in spans)


class FirstPage:
    """The first page of one rendering pass (a part of the renderer)."""

    def meta(self) -> list[MetaLine]:
        """The first-page block: À, De, Date, Objet, Réunion, Réf., classification."""
        note, main = self.note, self.languages[0]
        lines: list[tuple[str, list[Span]]] = []
        to_spans = self.localized_spans(note.addressee, what=_("The addressee"), field="addressee")
        if not to_spans:
            self.detail_missing("addressee", _("The note has no addressee."))
        lines.append(("to", to_spans))
        from_spans = self.from_spans()
        if from_spans:
            lines.append(("from", from_spans))
        else:
            self.detail_missing(
                "author",
                _("The note has no author or cabinet; its “From” line is left out of the file."),
            )
        if not note.date:
            self.detail_missing("date", _("The note has no date."))
        if note.date and not self.place_lines:
            lines.append(("date", self.date_spans(note.date)))
        lines.append(("subject", self.subject_spans))
        if note.meeting_date:
            lines.append(("meeting", self.date_spans(note.meeting_date, weekday=True)))
        if note.reference:
            lines.append(("reference", [Span(note.reference)]))
        if note.classification is not Classification.NONE:
            lines.append(("classification", self.classification_spans()))
        return [
            MetaLine(
                Paragraph(self.word_spans(key, bold=True), main, Style.META_LABEL),
                Paragraph(spans, main, Style.META_VALUE),
            )
            for key, spans in lines
        ]

    def from_spans(self) -> list[Span]:
        """The "De / Van" line: author, function and cabinet, one whole line per language.

        "Jean Dupont, Conseiller, Cabinet du Premier ministre / Jean Dupont, Adviseur,
        Kabinet van de Eerste Minister", as the other rows give each language whole (once
        when they say the same); a function or cabinet that one language lacks while the
        other has it is marked there. Empty when the note names no one.
        """
        note = self.note
        author = " ".join(note.author.split())
        details = (
            ("author_function", _("The author’s function"), note.author_function),
            ("cabinet", _("The cabinet"), note.cabinet),
        )
        lines: list[list[Span]] = []
        for lang in self.languages:
            line = [replace(s, lang=lang) for s in self.spans(author, lang)] if author else []
            for field, what, values in details:
                value = values.get(lang, "").strip()
                if value:
                    piece = [replace(s, lang=lang) for s in self.spans(value, lang)]
                elif any(v.strip() for v in values.values()):
                    piece = [self.missing_marker(lang, what, field=field)]
                else:
                    continue
                if line:
                    line.append(Span(", ", lang=lang))
                line.extend(piece)
            if line:
                lines.append(line)
        if len(lines) == 2 and _plain(lines[0]) == _plain(lines[1]):
            return lines[0]
        spans: list[Span] = []
        for line in lines:
            if spans:
                spans.append(Span(" / ", lang=line[0].lang))
            spans.extend(line)
        return spans

    def date_spans(self, value: period.Period, *, weekday: bool = False) -> list[Span]:
        """A day (with its weekday when asked) or a range of days, in each export language."""
        texts = {lang: dates.format_period(value, lang, weekday=weekday) for lang in self.languages}
        return self.localized_spans(texts)

    def place_paragraphs(self) -> list[Paragraph]:
        """The place lines, one per export language: "Bruxelles, le 11 juin 2018" / "Brussel, …".

        None without a date or without a place in any language; a language whose
        place is missing while another has one gets the missing marker.
        """
        note = self.note
        if note.date is None or not any(v.strip() for v in note.place.values()):
            return []
        lines = []
        for lang in self.languages:
            place = note.place.get(lang, "").strip()
            if place:
                spans = self.spans(dates.place_line(place, note.date, lang), lang)
            else:
                marker = self.missing_marker(lang, _("The place"), field="place")
                spans = [marker, *self.spans(dates.after_place(note.date, lang), lang)]
            lines.append(Paragraph(spans, lang, Style.PLACE_LINE))
        return lines

    def classification_spans(self) -> list[Span]:
        """The classification label in each export language (empty when unclassified)."""
        level = self.note.classification
        if level is Classification.NONE:
            return []
        labels = {lang: level.label(lang).upper() for lang in self.languages}
        return self.localized_spans(labels)
