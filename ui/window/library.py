"""The main window's library commands: the flows over the library, the clause actions that apply."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


class LibraryCommands:
    """Running library flows and following library changes, for :class:`~ui.mainwindow.MainWindow`."""

    def run_flow(self, module: str, function: str, *args) -> None:
        """Run a flow (``<module>.<function>(window, *args)``, a module of ui.flows), loaded on first use."""
        import importlib

        if self.services.collection is None:
            self.workspace.open_collection()  # normally open since the first paint
            if self.services.collection is None:
                self.services.dialogs.error(self, "\n".join(self.services.library_problems[-1:]))
                return
        flow = getattr(importlib.import_module(module), function)
        flow(self, *args)

    def _sync_clause_actions(self, *_args) -> None:
        """Offer only the clause actions that apply to the clause selected in the library."""
        from app.library.clauses import PERSONAL

        clause = self.services.library.clauses.get(self.library.selected_clause_id())
        mine = clause is not None and clause.library == PERSONAL
        for name in ("edit_clause", "clause_history", "clause_translation", "where_used"):
            self.actions[name].setEnabled(clause is not None)
        self.actions["copy_to_personal"].setEnabled(clause is not None and not mine)
        self.actions["retire_clause"].setEnabled(mine)
        self.actions["delete_clause"].setEnabled(mine)
        self.actions["export_clauses"].setEnabled(bool(self.library.selected_clause_ids()))

    def library_changed(self, change) -> None:
        """Show what a library action or a reload changed (an app.collection.actions.LibraryChange)."""
        if not self.ready:
            return
        library = self.services.library
        self.library.set_library(library, self.services.index)
        self.composer.set_library(library)
        self.preview.library = library
        self.preview.schedule()
        self.source_view.set_library(library)
        self.coverage.library = library
        self.word_count.library = library
        self.word_count.schedule()
        self._refresh_coverage()
        self._sync_clause_actions()
        self.run_flow("ui.flows.updates", "announce_pending")
