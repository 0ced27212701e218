"""The window's flows for the clauses of the personal library: write, edit, revise, translate.

Each public function is one Library menu action, called as ``function(window, *args)``
by :meth:`ui.mainwindow.MainWindow.run_flow`. Every change goes through
``window.workspace.change_library`` so errors reach a dialog and every window
refreshes; the dialogs are kept on the window (``window.clause_dialog``,
``window.history_dialog``...) while they are open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.collection.actions import LibraryChange
from app.language.i18n import _
from app.library.clauses import BUILTIN, IMPORT, PERSONAL, TEAM, Clause
from app.library.personal import ClauseDraft, title_from
from app.notes.note import CopiedClause, FollowUpTable, LinkedClause, TextBlock
from app.text.numbering import marked_text
from ui.labels import language_code
from ui.qt import QDialog, Qt

if TYPE_CHECKING:
    from ui.mainwindow import MainWindow

#: The window attribute of each dialog these flows open.
DIALOGS = (
    "clause_dialog",
    "history_dialog",
    "translation_dialog",
    "deleted_dialog",
    "translations_due_dialog",
)


def library_name(library: str) -> str:
    """A library as the messages name it: "built-in", "team"..."""
    return {
        BUILTIN: _("built-in"),
        IMPORT: _("imported"),
        TEAM: _("team"),
        PERSONAL: _("personal"),
    }.get(library, library)


# --- helpers ------------------------------------------------------------------------------


def _collection(window: MainWindow):
    return window.services.collection


def _tell(window: MainWindow, message: str) -> None:
    window.services.dialogs.information(window, message)


def _change(window: MainWindow, parent, operation: Callable[[], LibraryChange]):
    """Run one library action through the workspace (errors shown, every window refreshed)."""
    return window.workspace.change_library(parent, operation)


def _status(window: MainWindow, message: str) -> None:
    window.statusBar().showMessage(message, 8000)


def _chosen_clause(window: MainWindow, clause_id: str) -> Clause | None:
    """The clause the user chose in the library, or None after saying why there is none."""
    if not clause_id:
        _tell(window, _("Select a clause in the library first."))
        return None
    clause = _collection(window).library.find(clause_id)
    if clause is None:
        _tell(window, _("The clause {id} is no longer in the library.").format(id=clause_id))
    return clause


def select_in_library(window: MainWindow, clause_id: str) -> bool:
    """Show ``clause_id`` as the current clause of the library panel (clearing the search if needed)."""
    return window.library.select_clause(clause_id)


def _keep(window: MainWindow, name: str, dialog: QDialog) -> None:
    """Keep ``dialog`` on the window while it is open, following the language and the library."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    language = window.services.language.languageChanged
    retranslate = lambda _code: dialog.retranslate()  # noqa: E731
    language.connect(retranslate)
    reload = getattr(dialog, "reload", None)
    reloaded = (lambda _change: reload()) if reload else None
    if reloaded is not None:
        window.workspace.libraryChanged.connect(reloaded)

    connected = [True]

    def finished(*_args) -> None:
        if not connected[0]:
            return
        connected[0] = False
        language.disconnect(retranslate)
        if reloaded is not None:
            window.workspace.libraryChanged.disconnect(reloaded)
        if getattr(window, name, None) is dialog:
            setattr(window, name, None)

    dialog.finished.connect(finished)
    dialog.destroyed.connect(finished)  # closed with its window, without finishing
    setattr(window, name, dialog)
    dialog.open()


def _open_dialog(window: MainWindow, name: str) -> QDialog | None:
    """The dialog ``name`` already open on the window, raised (None when there is none)."""
    dialog = getattr(window, name, None)
    if dialog is not None and dialog.isVisible():
        dialog.raise_()
        dialog.activateWindow()
        return dialog
    return None


# --- writing clauses ---------------------------------------------------------------------


def _clause_dialog(window: MainWindow, mode: str, clause_id: str = ""):
    from ui.dialogs.clause import ClauseDialog

    if _open_dialog(window, "clause_dialog") is not None:
        _tell(window, _("Finish or cancel the clause you are writing first."))
        return None
    return ClauseDialog(mode, window, clause_id=clause_id)


def _added(window: MainWindow, dialog, change: LibraryChange | None) -> None:
    if change is None:
        return
    if dialog is not None:
        dialog.saved()
    new_id = change.clause_ids[0] if change.clause_ids else ""
    select_in_library(window, new_id)
    _status(window, _("Clause {id} added to your personal library.").format(id=new_id))


def save_block_as_clause(window: MainWindow, block_id: str) -> None:
    """Save a text block or a copied clause of the note (or its selected text) as a new clause."""
    document = window.document
    if not block_id or document is None:
        _tell(window, _("Put the cursor in a text block of the note first."))
        return
    try:
        block = document.session.block(block_id)
    except KeyError:
        _tell(window, _("That block is no longer in the note."))
        return
    if isinstance(block, LinkedClause):
        _tell(
            window,
            _(
                "This block is clause {id} of the library already. To make your own version, "
                "edit it locally in the note first, or edit the clause in the library."
            ).format(id=block.clause_id),
        )
        return
    if isinstance(block, FollowUpTable) or not isinstance(block, TextBlock | CopiedClause):
        _tell(window, _("A follow-up table cannot be saved as a clause; only text can."))
        return
    text = {lang: marked_text(value) for lang, value in block.text.items()}
    selected = _selection(window, block_id)
    if selected:
        text = selected
    if not any(v.strip() for v in text.values()):
        _tell(window, _("The block is empty: write its text first."))
        return
    title = dict(block.title) if isinstance(block, CopiedClause) and not selected else {}
    dialog = _clause_dialog(window, "block")
    if dialog is None:
        return
    dialog.fill(title=title, text=text)
    dialog.saveRequest.connect(
        lambda: _added(
            window,
            dialog,
            _change(
                window,
                dialog,
                lambda: _collection(window).save_block(
                    block,
                    title=dialog.title_value(),
                    kind=dialog.kind_value(),
                    tags=dialog.tags_value(),
                    text=dialog.text_value(),
                ),
            ),
        )
    )
    _keep(window, "clause_dialog", dialog)


def _selection(window: MainWindow, block_id: str) -> dict[str, str]:
    """The text selected in a block's editors, per language (empty when nothing is selected)."""
    widget = window.composer.block_widgets.get(block_id) if window.composer else None
    editors = getattr(getattr(widget, "editors", None), "editors", {})
    found = {}
    for lang, editor in editors.items():
        selected = editor.selected_rich()
        if selected is not None:  # a clause is plain text: its lists as "- " and "1. " lines
            found[lang] = marked_text(selected).strip()
    return {lang: text for lang, text in found.items() if text}


def new_clause(window: MainWindow) -> None:
    """Write a new clause of the personal library."""
    dialog = _clause_dialog(window, "new")
    if dialog is None:
        return

    def save() -> None:
        draft = ClauseDraft(
            text=dialog.text_value(),
            title=dialog.title_value(),
            kind=dialog.kind_value(),
            tags=dialog.tags_value(),
        )
        _added(
            window, dialog, _change(window, dialog, lambda: _collection(window).add_clause(draft))
        )

    dialog.saveRequest.connect(save)
    _keep(window, "clause_dialog", dialog)


def copy_to_personal(window: MainWindow, clause_id: str) -> str:
    """Copy a built-in, imported or team clause into the personal library; the copy's id."""
    clause = _chosen_clause(window, clause_id)
    if clause is None:
        return ""
    if clause.editable:
        _tell(
            window, _("The clause {id} is in your personal library already.").format(id=clause.id)
        )
        return ""
    change = _change(window, window, lambda: _collection(window).copy_to_personal(clause.id))
    if change is None or not change.clause_ids:
        return ""
    new_id = change.clause_ids[0]
    select_in_library(window, new_id)
    _status(
        window,
        _("Clause {id} copied to your personal library as {new}.").format(id=clause.id, new=new_id),
    )
    return new_id


def edit_clause(window: MainWindow, clause_id: str) -> None:
    """Change a personal clause (a new revision); another library's clause is copied first."""
    clause = _chosen_clause(window, clause_id)
    if clause is None:
        return
    if not clause.editable:
        question = _(
            "The clause {id} belongs to the {library} library and cannot be changed. "
            "Copy it to your personal library and edit the copy?"
        ).format(id=clause.id, library=library_name(clause.library))
        if not window.services.dialogs.confirm(window, question, _("Copy and Edit")):
            return
        if _open_dialog(window, "clause_dialog") is not None:
            _tell(window, _("Finish or cancel the clause you are writing first."))
            return
        new_id = copy_to_personal(window, clause.id)
        if not new_id:
            return
        clause = _collection(window).clause(new_id)
    dialog = _clause_dialog(window, "edit", clause.id)
    if dialog is None:
        return
    dialog.fill(title=clause.title, text=clause.text, kind=clause.kind, tags=clause.tags)
    edited_id, before = clause.id, clause.revision

    def save() -> None:
        texts, titles = dialog.text_value(), dialog.title_value()
        text = {lang: texts.get(lang, "") for lang in ("fr", "nl")}
        # A blank title is made from the text again; a language removed loses its title too.
        title = {lang: titles.get(lang) or title_from(value) for lang, value in texts.items()}
        title.update({lang: "" for lang in ("fr", "nl") if lang not in texts})
        change = _change(
            window,
            dialog,
            lambda: _collection(window).edit_clause(
                edited_id,
                title=title,
                text=text,
                kind=dialog.kind_value(),
                tags=dialog.tags_value(),
                remark=dialog.remark_value() or None,
            ),
        )
        if change is None:
            return
        dialog.saved()
        if change.revision == before:
            _status(window, _("Nothing changed in clause {id}.").format(id=edited_id))
        else:
            _status(
                window,
                _("Clause {id} saved as revision {n}.").format(id=edited_id, n=change.revision),
            )

    dialog.saveRequest.connect(save)
    _keep(window, "clause_dialog", dialog)


# --- history and translation ---------------------------------------------------------------


def show_history(window: MainWindow, clause_id: str) -> None:
    """Every revision of a clause, its differences, and restoring one as the newest."""
    clause = _chosen_clause(window, clause_id)
    if clause is None:
        return
    from ui.dialogs.history import HistoryDialog

    collection = _collection(window)
    dialog = _open_dialog(window, "history_dialog")
    if dialog is None:
        dialog = HistoryDialog(collection, window)
        dialog.restoreRequest.connect(lambda cid, n: _restore(window, dialog, cid, n))
        _keep(window, "history_dialog", dialog)
    dialog.set_clause(clause.id, collection.history(clause.id), clause.editable)


def _restore(window: MainWindow, dialog, clause_id: str, revision: int) -> None:
    change = _change(
        window, dialog, lambda: _collection(window).restore_revision(clause_id, revision)
    )
    if change is not None:
        dialog.select_revision(change.revision)
        _status(
            window,
            _("Revision {old} of clause {id} restored as revision {new}.").format(
                old=revision, id=clause_id, new=change.revision
            ),
        )


def show_translation(window: MainWindow, clause_id: str, lang: str = "") -> None:
    """The FR↔NL state of a clause, the source's changes, and updating or confirming a language."""
    clause = _chosen_clause(window, clause_id)
    if clause is None:
        return
    from ui.dialogs.translation import TranslationDialog

    dialog = _open_dialog(window, "translation_dialog")
    if dialog is None:
        dialog = TranslationDialog(_collection(window), window)

        def translate(cid: str, code: str, text: str, title: str) -> None:
            collection = _collection(window)
            if _change(
                window,
                dialog,
                lambda: collection.translate_clause(cid, code, text, title=title or None),
            ):
                _status(
                    window,
                    _("The {language} translation of {id} is saved and in step.").format(
                        language=language_code(code), id=cid
                    ),
                )

        def confirm(cid: str, code: str) -> None:
            if _change(window, dialog, lambda: _collection(window).confirm_translation(cid, code)):
                _status(
                    window,
                    _("The {language} text of {id} is confirmed as still correct.").format(
                        language=language_code(code), id=cid
                    ),
                )

        dialog.translateRequest.connect(translate)
        dialog.confirmRequest.connect(confirm)
        _keep(window, "translation_dialog", dialog)
    dialog.set_clause(clause.id, lang)


def show_translations_due(window: MainWindow) -> None:
    """Every clause language out of date, each opening the translation dialog."""
    from ui.dialogs.due import TranslationsDueDialog

    dialog = _open_dialog(window, "translations_due_dialog")
    if dialog is not None:
        dialog.reload()
        return
    dialog = TranslationsDueDialog(_collection(window), window)
    dialog.openRequest.connect(lambda cid, lang: show_translation(window, cid, lang))
    _keep(window, "translations_due_dialog", dialog)


# --- taking clauses out of use -----------------------------------------------------------


def _own_clause(window: MainWindow, clause_id: str, refusal: str) -> Clause | None:
    """The chosen clause if it is personal; else None after saying ``refusal``."""
    clause = _chosen_clause(window, clause_id)
    if clause is not None and not clause.editable:
        _tell(window, refusal.format(id=clause.id, library=library_name(clause.library)))
        return None
    return clause


def retire_clause(window: MainWindow, clause_id: str) -> None:
    """Retire a personal clause (or bring a retired one back), after asking."""
    clause = _own_clause(
        window,
        clause_id,
        _(
            "Only clauses of your personal library can be retired; {id} is in the {library} library."
        ),
    )
    if clause is None:
        return
    confirm = window.services.dialogs.confirm
    collection = _collection(window)
    if clause.retired:
        if not confirm(
            window,
            _("Bring clause {id} back into use? Search offers it again.").format(id=clause.id),
            _("Bring Back"),
        ):
            return
        if _change(window, window, lambda: collection.unretire_clause(clause.id)):
            select_in_library(window, clause.id)
            _status(window, _("Clause {id} is in use again.").format(id=clause.id))
        return
    if not confirm(
        window,
        _(
            "Retire clause {id}? Notes that use it keep it, but search no longer offers it. "
            "You can bring it back from Library ▸ Deleted and Retired Clauses."
        ).format(id=clause.id),
        _("Retire"),
    ):
        return
    if _change(window, window, lambda: collection.retire_clause(clause.id)):
        _status(window, _("Clause {id} retired.").format(id=clause.id))


def delete_clause(window: MainWindow, clause_id: str) -> None:
    """Delete a personal clause, after asking (it can be undeleted)."""
    clause = _own_clause(
        window,
        clause_id,
        _(
            "Only clauses of your personal library can be deleted; {id} is in the {library} library."
        ),
    )
    if clause is None:
        return
    if not window.services.dialogs.confirm(
        window,
        _(
            "Delete clause {id}? Notes that link it keep their wording. You can undelete it "
            "from Library ▸ Deleted and Retired Clauses."
        ).format(id=clause.id),
        _("Delete"),
    ):
        return
    if _change(window, window, lambda: _collection(window).delete_clause(clause.id)):
        _status(window, _("Clause {id} deleted.").format(id=clause.id))


def show_deleted(window: MainWindow) -> None:
    """The deleted and retired personal clauses, to undelete or bring back."""
    from ui.dialogs.deleted import DeletedDialog

    dialog = _open_dialog(window, "deleted_dialog")
    if dialog is not None:
        dialog.reload()
        return
    collection = _collection(window)
    dialog = DeletedDialog(collection, window)

    def back(operation: Callable[[str], LibraryChange], clause_id: str, message: str) -> None:
        if _change(window, dialog, lambda: operation(clause_id)):
            select_in_library(window, clause_id)
            _status(window, message.format(id=clause_id))

    dialog.undeleteRequest.connect(
        lambda cid: back(collection.undelete_clause, cid, _("Clause {id} undeleted."))
    )
    dialog.bringBackRequest.connect(
        lambda cid: back(collection.unretire_clause, cid, _("Clause {id} is in use again."))
    )
    _keep(window, "deleted_dialog", dialog)
