"""The preview of a declaration import: what would be added, shown before anything is written.

The importer says what the source is (title in French and Dutch, date, place,
parties) in the dialog's fields; the file's name gives only the ids.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.language.codes import LANGS
from app.language.i18n import _, ngettext
from app.library.importer import SourceDetails
from app.system.errors import ClausierError
from ui.labels import language_name
from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.datefield import DateField
from ui.widgets.rowlist import set_up_rows

if TYPE_CHECKING:
    from app.collection.actions import ImportPreview

#: Makes a preview from (prefix, language, source details); raises ClausierError for a bad file.
Previewer = Callable[[str, str, SourceDetails], "ImportPreview"]


class ImportDialog(QDialog):
    """Shows an import's clauses and notices; Import asks for the import, Cancel writes nothing."""

    importRequest = Signal(object)  # the ImportPreview to save

    def __init__(
        self, preview: ImportPreview, previewer: Previewer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.preview: ImportPreview | None = preview
        self.previewer = previewer
        self.problem = ""
        # the (prefix, lang, details) the preview was made with
        self._shown: tuple[str, str, SourceDetails] = ("", "", SourceDetails())

        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prefix = QLineEdit(self)
        self.lang = QComboBox(self)
        for lang in LANGS:
            self.lang.addItem(language_name(lang), lang)
        self.title = QLineEdit(self)  # in French
        self.title_nl = QLineEdit(self)
        self.date = DateField(self)
        self.place = QLineEdit(self)  # in French
        self.place_nl = QLineEdit(self)
        self.parties = QLineEdit(self)
        self.again = QPushButton(self)
        self.again.clicked.connect(self.preview_again)
        self.prefix_label, self.lang_label, self.title_label = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        self.date_label, self.place_label, self.parties_label = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        self.prefix_label.setBuddy(self.prefix)
        self.lang_label.setBuddy(self.lang)
        self.title_label.setBuddy(self.title)
        self.date_label.setBuddy(self.date)
        self.place_label.setBuddy(self.place)
        self.parties_label.setBuddy(self.parties)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.prefix_label, self.prefix)
        form.addRow(self.lang_label, self.lang)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.title_nl, 1)
        form.addRow(self.title_label, title_row)
        form.addRow(self.date_label, self.date)
        place_row = QHBoxLayout()
        place_row.addWidget(self.place, 1)
        place_row.addWidget(self.place_nl, 1)
        form.addRow(self.place_label, place_row)
        parties_row = QHBoxLayout()
        parties_row.addWidget(self.parties, 1)
        parties_row.addWidget(self.again)
        form.addRow(self.parties_label, parties_row)

        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setObjectName("importWarning")
        self.warning.setWordWrap(True)
        self.clauses_label = QLabel(self)
        self.clauses = set_up_rows(QTreeWidget(self), 3, stretch={2})
        self.clauses_label.setBuddy(self.clauses)
        self.notices_label = QLabel(self)
        self.notices = QPlainTextEdit(self)
        self.notices.setReadOnly(True)
        self.notices.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notices_label.setBuddy(self.notices)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.clauses_label)
        top_layout.addWidget(self.clauses)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.notices_label)
        bottom_layout.addWidget(self.notices)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.request_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.warning)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 120, metrics.lineSpacing() * 38)
        self.splitter.setSizes([metrics.lineSpacing() * 18, metrics.lineSpacing() * 8])

        self.prefix.setText(self._prefix_of(preview))
        self.lang.setCurrentIndex(max(0, self.lang.findData(self._lang_of(preview))))
        self._show_details(next(iter(preview.library.sources.values()), None))
        self._shown = self.choices()
        self.retranslate()

    # --- the preview ---------------------------------------------------------------------

    def details(self) -> SourceDetails:
        """The source's title, date, place and parties the fields hold."""
        return SourceDetails(
            title={"fr": self.title.text().strip(), "nl": self.title_nl.text().strip()},
            date=self.date.value(),
            place={"fr": self.place.text().strip(), "nl": self.place_nl.text().strip()},
            parties=SourceDetails.parties_of(self.parties.text()),
        )

    def _show_details(self, source) -> None:
        """Fill the source's fields from what a preview was made with."""
        if source is None:
            return
        self.title.setText(source.title.get("fr", ""))
        self.title_nl.setText(source.title.get("nl", ""))
        self.date.set_value(source.date)
        self.place.setText(source.place.get("fr", ""))
        self.place_nl.setText(source.place.get("nl", ""))
        self.parties.setText(", ".join(source.parties))

    def choices(self) -> tuple[str, str, SourceDetails]:
        """The (prefix, language, source details) the fields hold."""
        return (self.prefix.text().strip(), self.lang.currentData() or "fr", self.details())

    def preview_again(self) -> bool:
        """Preview with the prefix, language and source details now chosen; True when it worked."""
        prefix, lang, details = self.choices()
        try:
            self.preview = self.previewer(prefix, lang, details)
            self.problem = ""
        except ClausierError as error:
            self.preview = None
            self.problem = str(error)
        self._shown = (prefix, lang, details)
        self._fill()
        return self.preview is not None

    def _line_edits(self) -> tuple[QWidget, ...]:
        return (
            self.prefix,
            self.title,
            self.title_nl,
            self.place,
            self.place_nl,
            self.parties,
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a text field previews again; elsewhere it imports (the default).
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.focusWidget() in self._line_edits()
        ):
            self.preview_again()
            event.accept()
            return
        super().keyPressEvent(event)

    def request_import(self) -> None:
        """Import what is previewed (previewing again first if a field changed since)."""
        if self.choices() != self._shown and not self.preview_again():
            return
        if self.preview is not None:
            self.importRequest.emit(self.preview)

    @staticmethod
    def _prefix_of(preview: ImportPreview) -> str:
        first = next(iter(preview.library.clauses), "")
        return first.rsplit(".", 2)[0] if first.count(".") >= 2 else preview.name

    @staticmethod
    def _lang_of(preview: ImportPreview) -> str:
        source = next(iter(preview.library.sources.values()), None)
        texts = [c for c in preview.library.clauses.values()]
        for lang in LANGS:
            if texts and texts[0].text.get(lang):
                return lang
        return getattr(source, "lang", "fr") if source else "fr"

    def _title_of(self, preview: ImportPreview) -> str:
        source = next(iter(preview.library.sources.values()), None)
        if source is None:
            return ""
        lang = self.choices()[1]
        return source.title.get(lang) or next((t for t in source.title.values() if t), "")

    def _fill(self) -> None:
        preview = self.preview
        if preview is not None:
            source = self._title_of(preview)
            self.file_label.setText(
                _("File: {path}\nSource: {title}").format(path=preview.path, title=source)
                if source
                else _("File: {path}").format(path=preview.path)
            )
        self.clauses.clear()
        self.import_button.setEnabled(preview is not None)
        if preview is None:
            self.summary.setText(self.problem)
            self.warning.hide()
            self.notices.clear()
            self.clauses_label.setText(_("&Clauses found:"))
            return
        lang = self.choices()[1]
        for clause in preview.clauses:
            part = clause.part
            item = QTreeWidgetItem(
                [
                    clause.id,
                    (_("Preamble") if part == 0 else str(part)) if part is not None else "",
                    clause.title_in(lang),
                ]
            )
            item.setToolTip(2, clause.text_in(lang))
            self.clauses.addTopLevelItem(item)
        if self.clauses.topLevelItemCount():
            self.clauses.setCurrentItem(self.clauses.topLevelItem(0))
        count = len(preview.clauses)
        self.clauses_label.setText(
            ngettext("{n} &clause found:", "{n} &clauses found:", count).format(n=count)
        )
        self.summary.setText(
            _(
                "Nothing is written until you choose Import. The clauses go to your library of "
                "imported declarations as “{name}”."
            ).format(name=preview.name)
        )
        warnings = []
        if preview.replaces:
            warnings.append(
                _("This replaces an earlier import of “{name}”.").format(name=preview.name)
            )
        if preview.shadowed:
            warnings.append(
                ngettext(
                    "A team or personal clause with the same id hides {ids}.",
                    "Team or personal clauses with the same ids hide {ids}.",
                    len(preview.shadowed),
                ).format(ids=", ".join(preview.shadowed))
            )
        self.warning.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warning.setVisible(bool(warnings))
        self.notices_label.setText(
            ngettext(
                "{n} &notice from the importer:",
                "{n} &notices from the importer:",
                len(preview.notices),
            ).format(n=len(preview.notices))
        )
        self.notices.setPlainText(
            "\n".join(preview.notices) if preview.notices else _("The text needed no repair.")
        )

    def listed(self) -> list[tuple[str, str, str]]:
        """The clauses listed, as (id, part, title)."""
        return [
            tuple(self.clauses.topLevelItem(r).text(c) for c in range(3))
            for r in range(self.clauses.topLevelItemCount())
        ]

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.setWindowTitle(_("Import a declaration"))
        self.setAccessibleName(_("Import a declaration"))
        self._fill()
        self.prefix_label.setText(_("Id &prefix:"))
        self.prefix.setAccessibleName(_("Id prefix"))
        self.prefix.setToolTip(_("The clauses get the ids prefix.part.position, e.g. sen.1.2"))
        self.lang_label.setText(_("&Language of the text:"))
        self.lang.setAccessibleName(_("Language of the text"))
        for index in range(self.lang.count()):
            self.lang.setItemText(index, language_name(self.lang.itemData(index)))
        self.title_label.setText(_("Source &title:"))
        self.title.setAccessibleName(_("Source title in French"))
        self.title.setPlaceholderText(_("In French"))
        self.title_nl.setAccessibleName(_("Source title in Dutch"))
        self.title_nl.setPlaceholderText(_("In Dutch"))
        self.date_label.setText(_("Source &date:"))
        self.date.retranslate(_("Source date"), _("Clear the source date"))
        self.place_label.setText(_("Pl&ace:"))
        self.place.setAccessibleName(_("Place in French"))
        self.place.setPlaceholderText(_("In French"))
        self.place_nl.setAccessibleName(_("Place in Dutch"))
        self.place_nl.setPlaceholderText(_("In Dutch"))
        self.parties_label.setText(_("Pa&rties:"))
        self.parties.setAccessibleName(_("Parties"))
        self.parties.setPlaceholderText(_("Separated by commas: France, Belgique"))
        self.again.setText(_("Pre&view Again"))
        self.again.setAccessibleName(_("Preview again with these fields"))
        self.clauses.setHeaderLabels([_("Id"), _("Part"), _("Title")])
        self.clauses.setAccessibleName(_("Clauses found"))
        self.notices.setAccessibleName(_("Notices from the importer"))
        self.import_button.setText(_("&Import"))
        self.cancel_button.setText(_("Cancel"))
