"""Every command of the window as a QAction with its shortcut, and the menus that hold them."""

from __future__ import annotations

from app.language.i18n import _
from ui.qt import QAction, QKeySequence, QMenu, QMenuBar, QObject, QStyle, QWidget

#: Action name → shortcuts (the first is shown in menus).
SHORTCUTS: dict[str, tuple[str | QKeySequence.StandardKey, ...]] = {
    "new": (QKeySequence.StandardKey.New,),
    "open": (QKeySequence.StandardKey.Open,),
    "save": (QKeySequence.StandardKey.Save,),
    "save_as": ("Ctrl+Shift+S",),
    "export": ("Ctrl+E",),
    "bring_back": (),
    "close": ("Ctrl+W",),
    "quit": ("Ctrl+Q",),
    "undo": (QKeySequence.StandardKey.Undo,),
    "redo": ("Ctrl+Shift+Z", "Ctrl+Y"),
    # In the field that has the keyboard (a field keeps these keys for itself: see
    # MainWindow.edit_focused for what the menu does)
    "cut": (QKeySequence.StandardKey.Cut,),
    "copy": (QKeySequence.StandardKey.Copy,),
    "paste": (QKeySequence.StandardKey.Paste,),
    "select_all": (QKeySequence.StandardKey.SelectAll,),
    # Ctrl+F and Ctrl+H find and replace in the note, as in Word; in the library panel
    # Ctrl+F still goes to its search box, and Ctrl+Shift+F does from anywhere.
    "find": ("Ctrl+F",),
    "replace": ("Ctrl+H",),
    "find_library": ("Ctrl+Shift+F",),
    "check_spelling": ("F7",),
    "details": ("Ctrl+Shift+D",),
    "preferences": ("Ctrl+,",),
    "insert_clause": ("Ctrl+Shift+I",),
    "insert_text": ("Ctrl+T",),
    "insert_follow_up": ("Ctrl+Shift+T",),
    # Format: Word's keys, and LibreOffice's F12 / Shift+F12 for numbering and bullets
    "bold": (QKeySequence.StandardKey.Bold,),
    "italic": (QKeySequence.StandardKey.Italic,),
    "bullets": ("Ctrl+Shift+L", "Shift+F12"),
    "numbers": ("F12",),
    "deeper": ("Alt+Shift+Right",),
    "shallower": ("Alt+Shift+Left",),
    "add_section": ("Ctrl+Shift+N",),
    "block_up": ("Alt+Up",),
    "block_down": ("Alt+Down",),
    "edit_locally": ("Ctrl+Shift+E",),
    "delete_block": ("Ctrl+Shift+Del",),
    "rename_section": ("F2",),
    "section_up": ("Alt+Shift+Up",),
    "section_down": ("Alt+Shift+Down",),
    "delete_section": ("Ctrl+Alt+Shift+Del",),
    "preview_fr": ("Ctrl+1",),
    "preview_nl": ("Ctrl+2",),
    "preview_both": ("Ctrl+3",),
    "toggle_library": ("F8",),
    "toggle_preview": ("F9",),
    "next_pane": ("F6",),
    "previous_pane": ("Shift+F6",),
    "review_updates": ("Ctrl+Shift+U",),
    "save_as_clause": ("Ctrl+Shift+K",),
    "new_clause": (),
    "edit_clause": (),
    "copy_to_personal": (),
    "clause_history": ("Ctrl+Shift+H",),
    "clause_translation": (),
    "retire_clause": (),
    "delete_clause": (),
    "deleted_clauses": (),
    "where_used": ("Ctrl+Shift+W",),
    "near_duplicates": (),
    "translations_due": (),
    "import_declaration": (),
    "export_clauses": (),
    "team_library": (),
    "show_in_declaration": ("Ctrl+Alt+D",),
    "insert_quotation": ("Ctrl+Shift+Q",),
    "insert_cited_follow_up": (),
    "view_declaration": (),
    "view_coverage": (),
    "shortcuts": ("F1",),
    "about": (),
    "clear_recent": (),
}

_ICONS = {
    "new": QStyle.StandardPixmap.SP_FileIcon,
    "open": QStyle.StandardPixmap.SP_DialogOpenButton,
    "save": QStyle.StandardPixmap.SP_DialogSaveButton,
    "undo": QStyle.StandardPixmap.SP_ArrowBack,
    "redo": QStyle.StandardPixmap.SP_ArrowForward,
}


def _sequence(value: str | QKeySequence.StandardKey) -> QKeySequence:
    return QKeySequence(value)


class Actions(QObject):
    """The window's actions by name (``actions["save"]``), translated by :meth:`retranslate`."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.by_name: dict[str, QAction] = {}
        for name, keys in SHORTCUTS.items():
            action = QAction(window)
            action.setObjectName(f"action_{name}")
            if keys:
                action.setShortcuts([_sequence(k) for k in keys])
            if name in _ICONS:
                action.setIcon(window.style().standardIcon(_ICONS[name]))
            window.addAction(action)  # shortcuts work even when the menu bar is hidden
            self.by_name[name] = action
        for name in (
            "preview_fr",
            "preview_nl",
            "preview_both",
            "toggle_library",
            "toggle_preview",
            "bold",
            "italic",
            "bullets",
            "numbers",
        ):
            self.by_name[name].setCheckable(True)
        self.recent_menu = QMenu(window)
        self.menus: dict[str, QMenu] = {}

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def build_menus(self, bar: QMenuBar) -> None:
        """Fill the menu bar."""
        layout = {
            "file": [
                "new",
                "open",
                "recent",
                None,
                "save",
                "save_as",
                None,
                "export",
                "bring_back",
                None,
                "close",
                "quit",
            ],
            "edit": [
                "undo",
                "redo",
                None,
                "cut",
                "copy",
                "paste",
                "select_all",
                None,
                "find",
                "replace",
                "find_library",
                None,
                "check_spelling",
                None,
                "details",
                None,
                "preferences",
            ],
            "insert": [
                "insert_clause",
                "insert_text",
                "insert_follow_up",
                None,
                "insert_quotation",
                "insert_cited_follow_up",
                None,
                "add_section",
            ],
            "format": ["bold", "italic", None, "bullets", "numbers", None, "deeper", "shallower"],
            "note": [
                "block_up",
                "block_down",
                "edit_locally",
                "delete_block",
                None,
                "rename_section",
                "section_up",
                "section_down",
                "delete_section",
                None,
                "review_updates",
                "show_in_declaration",
            ],
            "library": [
                "save_as_clause",
                "new_clause",
                None,
                "edit_clause",
                "copy_to_personal",
                "clause_history",
                "clause_translation",
                "where_used",
                None,
                "retire_clause",
                "delete_clause",
                "deleted_clauses",
                None,
                "near_duplicates",
                "translations_due",
                None,
                "import_declaration",
                "export_clauses",
                "team_library",
            ],
            "view": [
                "preview_fr",
                "preview_nl",
                "preview_both",
                None,
                "toggle_library",
                "toggle_preview",
                "view_declaration",
                "view_coverage",
                None,
                "next_pane",
                "previous_pane",
            ],
            "help": ["shortcuts", "about"],
        }
        for menu_name, entries in layout.items():
            menu = bar.addMenu("")
            self.menus[menu_name] = menu
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                elif entry == "recent":
                    menu.addMenu(self.recent_menu)
                else:
                    menu.addAction(self.by_name[entry])

    def retranslate(self) -> None:
        """Set every action's text in the interface language."""
        texts = {
            "new": (_("&New…"), _("Create a note from a skeleton")),
            "open": (_("&Open…"), _("Open a note")),
            "save": (_("&Save"), _("Save the note")),
            "save_as": (_("Save &As…"), _("Save the note under another name")),
            "export": (_("&Export to Word…"), _("Export the note as a Word file")),
            "bring_back": (
                _("&Bring Back Changes from Word…"),
                _("Review what was changed in an exported Word file and take it into the note"),
            ),
            "close": (_("&Close Window"), _("Close this window")),
            "quit": (_("&Quit"), _("Close every window and quit")),
            "undo": (_("&Undo"), _("Undo the last change")),
            "redo": (_("&Redo"), _("Redo the last undone change")),
            "cut": (_("Cu&t"), _("Cut the selected text to the clipboard")),
            "copy": (_("C&opy"), _("Copy the selected text to the clipboard")),
            "paste": (_("P&aste"), _("Paste the clipboard where the cursor is")),
            "select_all": (_("Sele&ct All"), _("Select all the text of the field")),
            "find": (
                _("&Find in Note…"),
                _("Find words in the note (in the library panel: go to its search)"),
            ),
            "replace": (_("R&eplace…"), _("Find words in the note and replace them")),
            "find_library": (_("Find in &Library"), _("Go to the library search")),
            "check_spelling": (
                _("Check &Spelling…"),
                _("Go through every word of the note the dictionaries do not know"),
            ),
            "details": (
                _("Note &Details"),
                _("Go to the note's subject, dates and classification"),
            ),
            "preferences": (_("&Preferences…"), _("Change the preferences")),
            "insert_clause": (
                _("Selected &Clause"),
                _("Insert the clause selected in the library"),
            ),
            "insert_text": (_("&Text Block"), _("Insert a free-text block")),
            "bold": (_("&Bold"), _("Make the selected text bold, or not")),
            "italic": (_("&Italic"), _("Make the selected text italic, or not")),
            "bullets": (
                _("B&ulleted List"),
                _("Make the paragraphs a bulleted list, or plain paragraphs again"),
            ),
            "numbers": (
                _("&Numbered List"),
                _("Make the paragraphs a numbered list, or plain paragraphs again"),
            ),
            "deeper": (
                _("Increase List &Level"),
                _("Move the list items one level in (or Tab at the start of an item)"),
            ),
            "shallower": (
                _("&Decrease List Level"),
                _("Move the list items one level out (or Shift+Tab at the start of an item)"),
            ),
            "insert_follow_up": (
                _("&Follow-up Table"),
                _("Insert a table of commitments to follow up"),
            ),
            "add_section": (_("&Section"), _("Add a section after the current one")),
            "block_up": (_("Move Block &Up"), _("Move the current block up")),
            "block_down": (_("Move Block &Down"), _("Move the current block down")),
            "edit_locally": (
                _("&Edit Clause Locally"),
                _("Copy the linked clause into the note to edit it"),
            ),
            "delete_block": (_("De&lete Block"), _("Delete the current block")),
            "rename_section": (_("&Rename Section"), _("Edit the current section's title")),
            "section_up": (_("Move Section U&p"), _("Move the current section up")),
            "section_down": (_("Move Section Dow&n"), _("Move the current section down")),
            "delete_section": (
                _("Delete Sec&tion"),
                _("Delete the current section and its blocks"),
            ),
            "preview_fr": (_("Preview in &French"), _("Show the French document")),
            "preview_nl": (_("Preview in &Dutch"), _("Show the Dutch document")),
            "preview_both": (_("Preview in &Both Languages"), _("Show the bilingual document")),
            "toggle_library": (_("Show &Library"), _("Show or hide the library panel")),
            "toggle_preview": (_("Show &Preview"), _("Show or hide the preview")),
            "next_pane": (_("Ne&xt Pane"), _("Move the keyboard to the next pane")),
            "previous_pane": (_("Previous Pa&ne"), _("Move the keyboard to the previous pane")),
            "review_updates": (
                _("Re&view Clause Updates…"),
                _("See which linked clauses have a newer wording, and choose"),
            ),
            "save_as_clause": (
                _("&Save Block as Clause…"),
                _("Save the current block, or its selected text, in your personal library"),
            ),
            "new_clause": (_("&New Clause…"), _("Write a new clause in your personal library")),
            "edit_clause": (_("&Edit Clause…"), _("Change the selected clause of your library")),
            "copy_to_personal": (
                _("&Copy to Personal Library"),
                _("Make your own clause from the selected one, to change it"),
            ),
            "clause_history": (
                _("Clause &History…"),
                _("Every revision of the selected clause, with the differences"),
            ),
            "clause_translation": (
                _("&Translation…"),
                _("Bring a language of the selected clause in step with the other"),
            ),
            "retire_clause": (
                _("&Retire Clause"),
                _("Keep the clause in notes but stop offering it"),
            ),
            "delete_clause": (
                _("&Delete Clause…"),
                _("Delete the selected clause of your library"),
            ),
            "deleted_clauses": (
                _("Deleted and Retired C&lauses…"),
                _("See the clauses you deleted or retired and bring one back"),
            ),
            "where_used": (
                _("&Where Used…"),
                _("The notes that use the selected clause, and which wording"),
            ),
            "near_duplicates": (
                _("Near-Du&plicates…"),
                _("Clauses whose texts are nearly the same, with the differences"),
            ),
            "translations_due": (
                _("Translations &Out of Date…"),
                _("Clauses whose other language changed since it was translated"),
            ),
            "import_declaration": (
                _("&Import Declaration…"),
                _("Add the clauses of another declaration (.txt or .docx), after a preview"),
            ),
            "export_clauses": (
                _("E&xport Clauses as Library File…"),
                _("Write the selected clauses as a library file, e.g. for the team folder"),
            ),
            "team_library": (
                _("Team Li&brary…"),
                _("Where the team library is, and whether it could be read"),
            ),
            "show_in_declaration": (
                _("Show in Decl&aration"),
                _(
                    "Show where the current block, or the selected clause, stands in the declaration"
                ),
            ),
            "insert_quotation": (
                _("&Quotation from the Declaration"),
                _("Insert the words selected in the declaration as a quotation"),
            ),
            "insert_cited_follow_up": (
                _("Follow-up Table of Cited Co&mmitments"),
                _("Insert a follow-up table with a row for each commitment the note cites"),
            ),
            "view_declaration": (
                _("D&eclaration"),
                _("Show the full text of the declaration beside the note"),
            ),
            "view_coverage": (
                _("C&overage"),
                _("Show which commitments of the declaration the note cites"),
            ),
            "shortcuts": (_("&Keyboard Shortcuts"), _("List every keyboard shortcut")),
            "about": (_("&About Clausier"), _("Version and licence")),
            "clear_recent": (_("&Clear the List"), _("Forget the recent files")),
        }
        for name, (text, tip) in texts.items():
            action = self.by_name[name]
            action.setText(text)
            action.setStatusTip(tip)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
        titles = {
            "file": _("&File"),
            "edit": _("&Edit"),
            "insert": _("&Insert"),
            "format": _("F&ormat"),
            "note": _("&Note"),
            "library": _("&Library"),
            "view": _("&View"),
            "help": _("&Help"),
        }
        for name, menu in self.menus.items():
            menu.setTitle(titles[name])
        self.recent_menu.setTitle(_("Open &Recent"))

    def describe(self) -> list[tuple[str, str]]:
        """Every action with a shortcut, as (text, keys), for the shortcuts list."""
        rows = []
        for action in self.by_name.values():
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            )
            if keys:
                rows.append((action.text().replace("&", "").rstrip("…"), keys))
        return rows
