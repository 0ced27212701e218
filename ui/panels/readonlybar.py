"""The bar above the note that says it cannot be saved where it is, with Save As beside it."""

from __future__ import annotations

from app.language.i18n import _
from ui.qt import QFrame, QHBoxLayout, QLabel, QPushButton, Qt, QWidget, Signal

BACKGROUND = "#fff4ce"  # Word's and Office's colour for a message bar
BORDER = "#e0c060"


class ReadOnlyBar(QFrame):
    """Says why the note is read-only (another Clausier has it, its file is read-only)."""

    saveAsRequest = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet(
            f"#readOnlyBanner {{ background: {BACKGROUND}; border-bottom: 1px solid {BORDER}; }}"
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.save_as = QPushButton(self)
        self.save_as.setAutoDefault(False)
        self.save_as.clicked.connect(self.saveAsRequest)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.save_as, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()
        self.retranslate()

    def text(self) -> str:
        """What the bar says."""
        return self.label.text()

    def show_message(self, text: str) -> None:
        """Show the bar with ``text`` ("" hides it)."""
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.setVisible(bool(text))

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.setAccessibleName(_("Read-only note"))
        self.save_as.setText(_("Save &As…").replace("&", ""))  # Ctrl+Shift+S by keyboard
        self.save_as.setToolTip(_("Save the note under another name"))
