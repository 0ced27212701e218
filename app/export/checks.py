"""The export's checks: each gap found while laying a note out, made a mark and a warning.

:class:`Checks` is mixed into the renderer (:mod:`app.export.render`): it adds to the pass's
``warnings`` and reads its ``unfilled`` variables, ``values`` and ``cleaned`` count.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.docx.plan import Mark, Paragraph, PlanWarning, Span
from app.language.i18n import _, ngettext
from app.language.vocabulary import word


def warnings_text(warnings: Iterable[PlanWarning]) -> list[str]:
    """The warnings as lines for a user."""
    return [w.message for w in warnings]


class Checks:
    """The warnings of one rendering pass (a part of the renderer)."""

    def missing(
        self,
        lang: str,
        block_id: str,
        what: str,
        *,
        row: int = -1,
        column: str = "",
        field: str = "",
        hint: str = "",
    ) -> list[Paragraph]:
        """A visible placeholder for text missing in ``lang``, with a warning saying where
        (and, with ``hint``, how to fill it)."""
        if lang == "nl":
            message = _("{what}: no Dutch text; it is marked as missing in the file.")
        else:
            message = _("{what}: no French text; it is marked as missing in the file.")
        message = message.format(what=what)
        if hint:
            message = f"{message} {hint}"
        self.warnings.append(
            PlanWarning(
                "missing_translation",
                message,
                block_id,
                lang,
                row=row,
                column=column,
                field=field,
            )
        )
        return [Paragraph([Span(word("missing_text", lang), Mark.MISSING)], lang)]

    def missing_marker(self, lang: str, what: str, block_id: str = "", **where) -> Span:
        """The visible marker for a text missing in ``lang``, with its warning (``where``: see missing)."""
        self.missing(lang, block_id, what, **where)
        return Span(word("missing_text", lang), Mark.MISSING, lang=lang)

    def detail_missing(self, field: str, message: str) -> None:
        """Warn that a detail of the note (addressee, subject, date) is not filled in."""
        self.warnings.append(PlanWarning("missing_detail", message, field=field))

    def finish_warnings(self) -> None:
        """Summarise unfilled variables and cleaned characters as warnings."""
        for name, langs in self.unfilled.items():
            value = self.values.get(name)
            elsewhere = isinstance(value, dict) and any(v.strip() for v in value.values())
            if not elsewhere:
                self.warnings.append(
                    PlanWarning(
                        "unfilled_variable",
                        _("The variable {{{name}}} has no value; it is marked in the file.").format(
                            name=name
                        ),
                        variable=name,
                    )
                )
                continue
            for lang in langs:
                message = (
                    _("The variable {{{name}}} has no Dutch value; it is marked in the file.")
                    if lang == "nl"
                    else _("The variable {{{name}}} has no French value; it is marked in the file.")
                )
                self.warnings.append(
                    PlanWarning(
                        "unfilled_variable", message.format(name=name), variable=name, lang=lang
                    )
                )
        if self.cleaned:
            self.warnings.append(
                PlanWarning(
                    "cleaned_characters",
                    ngettext(
                        "{n} character that Word cannot hold was removed or replaced.",
                        "{n} characters that Word cannot hold were removed or replaced.",
                        self.cleaned,
                    ).format(n=self.cleaned),
                )
            )
