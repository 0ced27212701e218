"""The Format menu and toolbar: bold, italic and lists for the text the cursor is in.

The actions live in :class:`ui.actions.Actions` (menus, shortcuts, texts); this keeps
them in step with the editor that has the keyboard: enabled only in a free text or a
copied clause that may be edited, checked as the selection (or the typing) is.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from app.language.i18n import _
from ui.qt import QApplication, QMenu, QMenuBar, QObject, Qt, QToolBar, QWidget
from ui.widgets.formatcommands import BOLD, BULLETS, COMMANDS, DEEPER, ITALIC, NUMBERS, SHALLOWER
from ui.widgets.formaticons import format_icon

if TYPE_CHECKING:
    from ui.actions import Actions
    from ui.widgets.formattededit import FormattedTextEdit


def _is_editor(widget: QWidget | None) -> bool:
    """Whether ``widget`` is a formatted text editor (none exists before its module loads).

    The toolbar is made with the window's frame, before the composer and its editors:
    the editor's module is not imported for it.
    """
    module = sys.modules.get("ui.widgets.formattededit")
    return module is not None and isinstance(widget, module.FormattedTextEdit)


class FormatBar(QObject):
    """The Format commands of one window, following the text editor that has the cursor."""

    def __init__(self, actions: Actions, window: QWidget) -> None:
        super().__init__(window)
        self.actions = actions
        self.window = window
        self.editor: FormattedTextEdit | None = None
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("formatToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.toolbar.setMovable(False)
        for name in COMMANDS:
            action = actions[name]
            action.setIcon(format_icon(name))
            action.triggered.connect(lambda _checked=False, name=name: self.run(name))
            if name in (BULLETS, DEEPER):
                self.toolbar.addSeparator()
            self.toolbar.addAction(action)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.sync()

    # --- which editor -------------------------------------------------------------------

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if _is_editor(now):
            if now.window() is self.window:
                self.follow(now)
            return
        if now is None or isinstance(now, QMenu | QMenuBar) or now is self.toolbar:
            return  # a menu or the toolbar: the editor keeps its selection for the command
        if self.toolbar.isAncestorOf(now) or now.window() is not self.window:
            return
        self.follow(None)

    def follow(self, editor: FormattedTextEdit | None) -> None:
        """Act on ``editor`` (None: no text has the cursor, the commands are off)."""
        if editor is self.editor:
            self.sync()
            return
        if self.editor is not None:
            try:
                self.editor.formatStateChanged.disconnect(self.sync)
                self.editor.destroyed.disconnect(self._gone)
            except (RuntimeError, TypeError):
                pass
        self.editor = editor
        if editor is not None:
            editor.formatStateChanged.connect(self.sync)
            editor.destroyed.connect(self._gone)
        self.sync()

    def _gone(self, *_args) -> None:
        self.editor = None
        self.sync()

    # --- the commands ------------------------------------------------------------------

    def run(self, name: str) -> None:
        """Carry out a Format command on the editor that has (or last had) the cursor."""
        editor = self.editor
        if editor is not None and not editor.isReadOnly():
            editor.request(name)
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.sync()

    def sync(self) -> None:
        """Enable and check the commands as the editor's selection and cursor are."""
        editor = self.editor
        usable = editor is not None and not editor.isReadOnly()
        states = {name: False for name in COMMANDS}
        if usable:
            from app.text.richtext import ListKind  # loaded with the editor

            kind = editor.list_kind()
            states = {
                BOLD: editor.is_bold(),
                ITALIC: editor.is_italic(),
                BULLETS: kind is ListKind.BULLET,
                NUMBERS: kind is ListKind.NUMBERED,
            }
        for name in COMMANDS:
            action = self.actions[name]
            if name in (DEEPER, SHALLOWER):
                action.setEnabled(usable and editor.can_shift(1 if name == DEEPER else -1))
                continue
            action.setEnabled(usable)
            action.setChecked(states[name])

    def retranslate(self) -> None:
        """Name the toolbar and its buttons in the interface language."""
        self.toolbar.setWindowTitle(_("Formatting"))
        self.toolbar.setAccessibleName(_("Formatting"))
        for name in COMMANDS:
            action = self.actions[name]
            button = self.toolbar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(action.text().replace("&", ""))
