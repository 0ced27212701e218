"""The main window's View and Help commands, its settings and language, its layout kept between runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.language.codes import NoteLanguage
from app.language.i18n import _
from ui.qt import QByteArray, QSize, Qt

if TYPE_CHECKING:
    pass


class ViewCommands:
    """The View and Help menus, settings, language and layout of :class:`~ui.mainwindow.MainWindow`."""

    def set_preview_language(self, language: NoteLanguage | str) -> None:
        """Show the preview in FR, NL or both."""
        self.preview.set_language(language)
        self._sync_preview_actions()

    def _sync_preview_actions(self) -> None:
        chosen = self.preview.language
        self.actions["preview_fr"].setChecked(chosen is NoteLanguage.FR)
        self.actions["preview_nl"].setChecked(chosen is NoteLanguage.NL)
        self.actions["preview_both"].setChecked(chosen is NoteLanguage.BILINGUAL)

    def focus_library(self) -> None:
        """Go to the library search (Ctrl+Shift+F; Ctrl+F in the library panel)."""
        self.actions["toggle_library"].setChecked(True)
        self.library.focus_search()

    def cycle_pane(self, step: int) -> None:
        """Move the keyboard to the next (or previous) pane: library, note, preview."""
        side = self.side.currentWidget() if self.side is not None else self.preview
        panes = [w for w in (self.library, self.composer, side) if w.isVisible()]
        focus = self.focusWidget()
        current = next(
            (
                i
                for i, p in enumerate(panes)
                if focus is not None and (p is focus or p.isAncestorOf(focus))
            ),
            -1,
        )
        target = panes[(current + step) % len(panes)] if panes else None
        if target is self.library:
            self.library.focus_search()
        elif target is self.composer:
            self.composer.focus_note()
        elif target is self.preview:
            self.preview.browser.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif target is self.source_view:
            self.source_view.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_preferences(self) -> None:
        """Open the preferences."""
        if self.preferences_dialog is not None:
            self.preferences_dialog.raise_()
            return
        from ui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.services.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.appliedRequest.connect(self.workspace.apply_settings)
        dialog.finished.connect(lambda _r: setattr(self, "preferences_dialog", None))
        self.preferences_dialog = dialog
        dialog.open()

    def show_shortcuts(self) -> None:
        """List every keyboard shortcut."""
        from ui.dialogs.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.actions.describe(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        """Version and licence."""
        from app import __version__
        from app.spelling.dictionaries import credits
        from ui.qt import QMessageBox

        QMessageBox.about(
            self,
            _("About Clausier"),
            _(
                "Clausier {version}\nBriefing notes from a library of commitments, in French, Dutch or both."
            ).format(version=__version__)
            + "\n\n"
            + _("Spelling dictionaries:")
            + "\n"
            + "\n".join(credits()),
        )

    def apply_settings(self) -> None:
        """Follow the preferences: autosave interval."""
        seconds = int(self.services.settings.get("autosave_seconds") or 0)
        if seconds > 0:
            self.autosave_timer.start(seconds * 1000)
        else:
            self.autosave_timer.stop()
            self.autosave_status = None
            self._show_autosave_status()

    def retranslate(self) -> None:
        """Set every text of the window in the interface language."""
        self.actions.retranslate()
        self.banner.retranslate()
        self.toolbar.setWindowTitle(_("Main toolbar"))
        self.toolbar.setAccessibleName(_("Main toolbar"))
        self.format_bar.retranslate()
        if not self._library_pending:  # else: made in the new language (complete)
            self.library.retranslate()
            self.library.setAccessibleName(_("Library"))
        self.splitter.setAccessibleName(_("Panes"))
        self.where.setAccessibleName(_("Where clauses are inserted"))
        self.autosaved.setAccessibleName(_("Autosave status"))
        self._show_autosave_status()
        self.setWindowTitle("Clausier")
        if not self.ready:
            return
        self.composer.retranslate()
        self.preview.retranslate()
        self.source_view.retranslate()
        self.coverage.retranslate()
        for widget, title in (
            (self.preview, _("Preview")),
            (self.source_view, _("Declaration")),
            (self.coverage, _("Coverage")),
        ):
            self.side.setTabText(self.side.indexOf(widget), title)
        self.side.setAccessibleName(_("Preview, declaration and coverage"))
        for dialog in (
            self.export_dialog,
            self.preferences_dialog,
            self.find_dialog,
            self.spell_dialog,
        ):
            if dialog is not None:
                dialog.retranslate()
        self.word_count.retranslate()
        if self.document is not None:
            self._follow_display_language()
            self._state_changed()
            self._show_banner()
            self._show_insertion_point()

    def restore_layout(self) -> None:
        """Put the window and its panes where the user left them, inside the screen it has now."""
        state = self.services.state
        geometry = state.get("geometry")
        if geometry:
            self.restoreGeometry(QByteArray.fromHex(geometry.encode("ascii")))
            self.fit_to_screen()
        panes = state.get("splitter")
        if panes:
            self.layout_restored = self.splitter.restoreState(
                QByteArray.fromHex(panes.encode("ascii"))
            )
        self.actions["toggle_library"].setChecked(state.get("library_visible", True))
        self.actions["toggle_preview"].setChecked(state.get("preview_visible", True))
        self.library.setVisible(self.actions["toggle_library"].isChecked())
        self.right.setVisible(self.actions["toggle_preview"].isChecked())

    def fit_to_screen(self) -> None:
        """Keep the window inside the available area of its screen: no larger, not past its edges."""
        screen = self.screen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        area = screen.availableGeometry()
        frame = self.frameGeometry()
        extra = frame.size() - self.geometry().size()  # the title bar and borders, once shown
        width = max(self.minimumWidth(), min(self.width(), area.width() - extra.width()))
        height = max(self.minimumHeight(), min(self.height(), area.height() - extra.height()))
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        self.chosen_size = QSize(width, height)
        outer_width, outer_height = width + extra.width(), height + extra.height()
        x = max(area.left(), min(frame.x(), area.left() + area.width() - outer_width))
        y = max(area.top(), min(frame.y(), area.top() + area.height() - outer_height))
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def _give_the_note_room(self) -> None:
        """Widen the note's pane to its page (the others give what they can spare)."""
        # Before the window shows, the splitter knows only the shares it was given.
        sizes = self.splitter.sizes() if self.splitter.isVisible() else list(self.pane_sizes)
        page = self.composer.page.minimumSizeHint().width()
        scroll_bar = self.composer.verticalScrollBar().sizeHint().width()
        needed = page + scroll_bar + 2 * self.fontMetrics().averageCharWidth()  # and the handles
        missing = needed - sizes[1]
        if missing <= 0:
            return
        spare = [
            max(0, sizes[0] - self.library.minimumWidth()),
            max(0, sizes[2] - self.right.minimumWidth()),
        ]
        if not sum(spare):
            return
        taken = [min(s, missing * s // sum(spare)) for s in spare]
        self.splitter.setSizes([sizes[0] - taken[0], sizes[1] + sum(taken), sizes[2] - taken[1]])

    def save_layout(self) -> None:
        """Remember the window and its panes."""
        state = self.services.state
        state.set("geometry", bytes(self.saveGeometry().toHex()).decode("ascii"))
        state.set("splitter", bytes(self.splitter.saveState().toHex()).decode("ascii"))
        state.set("library_visible", self.actions["toggle_library"].isChecked())
        state.set("preview_visible", self.actions["toggle_preview"].isChecked())
        state.save()
