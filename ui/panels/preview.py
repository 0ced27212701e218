"""The preview: the note laid out as Word will get it, in FR, NL or FR|NL, following the edits."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from app.language.codes import NoteLanguage
from app.language.i18n import _, ngettext
from app.library.clauses import Library
from app.notes.note import Note
from ui.panels.checklist import CheckList
from ui.qt import (
    QAction,
    QActionGroup,
    QLabel,
    QObject,
    QRunnable,
    QSizePolicy,
    Qt,
    QTextBrowser,
    QThreadPool,
    QTimer,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from app.docx.plan import DocumentPlan

PlanBuilder = Callable[[Note, Library, NoteLanguage], "DocumentPlan"]

#: Pause in typing after which the preview catches up (ms).
DEBOUNCE_MS = 350


def _default_builder(note: Note, library: Library, language: NoteLanguage) -> DocumentPlan:
    from app.export.render import (
        build_plan,  # Babel loads with it: not needed before the first paint
    )

    return build_plan(note, library, language)


class _Relay(QObject):
    """Carries a finished rendering from the worker thread back to the window's thread."""

    done = Signal(int, object, object)  # generation, html | None, plan | error


class _RenderJob(QRunnable):
    """Builds the plan and its HTML away from the window's thread."""

    def __init__(
        self, generation: int, work: Callable[[], tuple[str, DocumentPlan]], relay: _Relay
    ) -> None:
        super().__init__()
        self.generation = generation
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            html, plan = self.work()
        except Exception as error:  # shown in the pane, never a crash
            self.relay.done.emit(self.generation, None, error)
            return
        self.relay.done.emit(self.generation, html, plan)


class PreviewPane(QWidget):
    """Shows the note as it will print, with missing texts and unfilled variables highlighted."""

    languageChosenRequest = Signal(str)
    goToRequest = Signal(object)  # a PlanWarning whose place in the note the user clicked
    rendered = Signal()

    def __init__(
        self,
        library: Library,
        build: PlanBuilder = _default_builder,
        parent: QWidget | None = None,
        *,
        threaded: bool = True,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.build = build
        self.threaded = threaded
        self.note: Note | None = None
        self.language = NoteLanguage.FR
        self.plan: DocumentPlan | None = None
        self.last_render_ms = 0.0
        self._generation = 0
        self._shown_generation = 0
        self._busy = False
        self._pending = False
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.title = QLabel(self)
        self.title.setObjectName("previewTitle")
        self.toolbar.addWidget(self.title)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions_by_language: dict[NoteLanguage, QAction] = {}
        for language, text in (
            (NoteLanguage.FR, "FR"),
            (NoteLanguage.NL, "NL"),
            (NoteLanguage.BILINGUAL, "FR | NL"),
        ):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setData(language.value)
            self.group.addAction(action)
            self.toolbar.addAction(action)
            self.actions_by_language[language] = action
        self.group.triggered.connect(lambda action: self.languageChosenRequest.emit(action.data()))

        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(18)
        # The page keeps most of the pane: the check list under it is a few lines tall
        # and scrolls (see resizeEvent).
        self.browser.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.status = QLabel(self)
        self.status.setObjectName("previewStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setContentsMargins(4, 4, 4, 2)
        self.checks = CheckList(self)
        self.checks.setObjectName("previewChecks")
        self.checks.goToRequest.connect(self.goToRequest)
        self.status.setBuddy(self.checks)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.checks)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.render_now)
        self.retranslate()

    # --- public -------------------------------------------------------------------

    def set_note(self, note: Note, language: NoteLanguage | None = None) -> None:
        """Follow ``note``; the preview language defaults to the note's."""
        self.note = note
        self.set_language(language or note.language)

    def set_language(self, language: NoteLanguage | str) -> None:
        """Preview in ``language`` (FR, NL or both)."""
        self.language = NoteLanguage(language)
        self.actions_by_language[self.language].setChecked(True)
        self.schedule(immediately=True)

    def schedule(self, immediately: bool = False) -> None:
        """Render again after a pause in typing (or at once)."""
        self.timer.start(0 if immediately else DEBOUNCE_MS)

    def render_now(self) -> None:
        """Render the note now (in the worker thread when threaded)."""
        self.timer.stop()
        note = self.note
        if note is None:
            return
        if not self.isVisible() and self.threaded:
            self._pending = True
            return
        self._pending = False
        if self._busy:
            self._pending = True  # render again once the running job ends
            return
        self._generation += 1
        generation = self._generation
        snapshot = copy.deepcopy(note) if self.threaded else note
        library, language, build = self.library, self.language, self.build

        from ui.panels.planhtml import plan_to_html

        def work() -> tuple[str, DocumentPlan]:
            plan = build(snapshot, library, language)
            return plan_to_html(plan), plan

        if not self.threaded:
            try:
                html, plan = work()
            except Exception as error:  # noqa: BLE001 - shown in the pane
                self._finished(generation, None, error)
                return
            self._finished(generation, html, plan)
            return
        self._busy = True
        self._pool.start(_RenderJob(generation, work, self._relay))

    def wait(self) -> None:
        """Wait for a running render (tests and the benchmark)."""
        self._pool.waitForDone()

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.title.setText(_("Preview"))
        self.toolbar.setAccessibleName(_("Preview language"))
        names = {
            NoteLanguage.FR: (_("Preview in French (Ctrl+1)"), _("French")),
            NoteLanguage.NL: (_("Preview in Dutch (Ctrl+2)"), _("Dutch")),
            NoteLanguage.BILINGUAL: (
                _("Preview in both languages (Ctrl+3)"),
                _("French and Dutch"),
            ),
        }
        for language, action in self.actions_by_language.items():
            tooltip, name = names[language]
            action.setToolTip(tooltip)
            action.setStatusTip(tooltip)
            for widget in action.associatedObjects():
                if isinstance(widget, QWidget):
                    widget.setAccessibleName(_("Preview: {language}").format(language=name))
        self.browser.setAccessibleName(_("Preview of the exported document"))
        self.status.setAccessibleName(_("Preview warnings"))
        self.checks.setAccessibleName(_("Things to check before export"))
        self._show_warnings()
        if self.note is not None:
            self.schedule(immediately=True)  # warnings are worded in the interface language

    # --- internals ------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # A quarter of the pane at most (four lines at least): the page stays readable.
        lines = self.fontMetrics().lineSpacing() * 4
        self.checks.setMaximumHeight(max(lines, self.height() // 4))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pending:
            self.schedule()  # a moment later: the window paints first

    def _finished(self, generation: int, html: str | None, result: object) -> None:
        self._busy = False
        started = time.perf_counter()
        if html is None:
            self.plan = None
            self.browser.setHtml(
                "<p style='color:#b00020'>"
                + escape(_("The preview failed: {error}").format(error=result))
                + "</p>"
            )
        elif generation >= self._shown_generation:
            self.plan = result  # type: ignore[assignment]
            bar = self.browser.verticalScrollBar()
            position = bar.value()
            self.browser.setHtml(html)
            bar.setValue(position)
        self._shown_generation = max(self._shown_generation, generation)
        self.last_render_ms = (time.perf_counter() - started) * 1000
        self._show_warnings()
        if self._pending:
            self.schedule(immediately=True)
        self.rendered.emit()

    def _show_warnings(self) -> None:
        from ui.panels.checklist import one_per_place

        plan = self.plan
        warnings = one_per_place(plan.warnings) if plan is not None else []
        if not warnings:
            self.status.setText("")
            self.status.setVisible(False)
            self.checks.clear()
            self.checks.setVisible(False)
            return
        summary = ngettext(
            "{n} thing to check before export", "{n} things to check before export", len(warnings)
        ).format(n=len(warnings))
        self.status.setText(f"<span style='color:#a15c00'>⚠ {escape(summary)}</span>")
        self.checks.show_warnings(warnings)
        self.status.setVisible(True)
        self.checks.setVisible(True)
