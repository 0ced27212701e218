"""Tests for undoable note edits (the history lives in the core, tested without a display)."""

from __future__ import annotations

import os
import time
from datetime import date

import pytest

from app.language.classification import Classification
from app.library.clauses import Clause, Kind, Library
from app.notes import file as notefile
from app.notes.editing import NoteSession
from app.notes.history import Scope
from app.notes.note import CopiedClause, LinkedClause, Note, Section
from app.system.errors import ClausierError


def library() -> Library:
    clause = Clause(
        "vd2.1.4",
        Kind.COMMITMENT,
        {"fr": "Financement", "nl": "Financiering"},
        {"fr": "Lutter contre {minister}.", "nl": "Strijd."},
        revision=3,
    )
    return Library(clauses={clause.id: clause})


def session() -> NoteSession:
    note = Note(sections=[Section({"fr": "Contexte"}), Section({"fr": "Engagements"})])
    return NoteSession(note)


def test_inserting_a_clause_links_its_current_revision_and_undo_removes_it():
    s = session()
    target = s.note.sections[1]
    change = s.insert_clause(target.id, library().get("vd2.1.4"))
    assert change.scope is Scope.BLOCKS and change.section_ids == (target.id,)
    assert target.blocks == [LinkedClause("vd2.1.4", 3, id=change.block_id)]
    assert s.history.undo_label == "Insert clause vd2.1.4"
    s.undo()
    assert target.blocks == []
    assert s.history.redo_label == "Insert clause vd2.1.4"
    s.redo()
    assert target.blocks[0].clause_id == "vd2.1.4"


def test_typing_in_one_field_merges_into_one_undo_step():
    s = session()
    block_id = s.insert_text(s.note.sections[0].id).block_id
    for text in ("L", "Le", "Le c", "Le contexte"):
        s.edit_text(block_id, "fr", text)
    assert s.block(block_id).plain("fr") == "Le contexte"
    s.undo()
    assert s.block(block_id).text.get("fr") is None
    s.redo()
    assert s.block(block_id).plain("fr") == "Le contexte"


def test_typing_does_not_merge_across_a_save(tmp_path):
    s = session()
    block_id = s.insert_text(s.note.sections[0].id).block_id
    s.edit_text(block_id, "fr", "avant")
    s.save(tmp_path / "n.clausier")
    assert not s.modified
    s.edit_text(block_id, "fr", "avant après")
    assert s.modified
    s.undo()
    assert s.block(block_id).plain("fr") == "avant"
    assert not s.modified


def test_metadata_changes_are_undoable_with_their_own_labels():
    s = session()
    s.set_metadata("classification", "confidential")
    s.set_metadata("date", date(2018, 6, 11))
    assert s.note.classification is Classification.CONFIDENTIAL
    assert s.history.undo_label == "Change date"
    s.undo()
    assert s.note.date is None
    assert s.history.undo_label == "Change classification"
    s.undo()
    assert s.note.classification is Classification.NONE


def test_localized_fields_are_edited_one_language_at_a_time():
    s = session()
    s.set_localized("subject", "fr", "Suivi")
    s.set_localized("subject", "nl", "Opvolging")
    assert s.note.subject == {"fr": "Suivi", "nl": "Opvolging"}
    s.set_localized("subject", "nl", "")
    assert s.note.subject == {"fr": "Suivi"}


def test_sections_are_added_renamed_moved_and_deleted_with_undo():
    s = session()
    first, second = (x.id for x in s.note.sections)
    s.add_section({"fr": "Décision"})
    s.rename_section(first, {"fr": "Contexte général"})
    s.move_section(second, 0)
    assert [x.title["fr"] for x in s.note.sections] == [
        "Engagements",
        "Contexte général",
        "Décision",
    ]
    s.remove_section(first)
    assert len(s.note.sections) == 2
    for label in ("Delete section", "Move section", "Rename section", "Add section"):
        assert s.history.undo_label == label
        s.undo()
    assert [x.title["fr"] for x in s.note.sections] == ["Contexte", "Engagements"]


def test_blocks_move_by_keyboard_across_sections():
    s = session()
    a = s.insert_text(s.note.sections[0].id, {"fr": "a"}).block_id
    b = s.insert_text(s.note.sections[0].id, {"fr": "b"}).block_id
    s.move_block_by(a, +1)
    assert [blk.id for blk in s.note.sections[0].blocks] == [b, a]
    s.move_block_by(a, +1)  # past the end: into the next section
    assert s.note.sections[1].blocks[0].id == a
    assert s.move_block_by(a, +1) is None  # nothing further
    s.undo()
    s.undo()
    assert [blk.id for blk in s.note.sections[0].blocks] == [a, b]


def test_a_linked_clause_is_read_only_until_edited_locally():
    s = session()
    lib = library()
    block_id = s.insert_clause(s.note.sections[1].id, lib.get("vd2.1.4")).block_id
    with pytest.raises(ClausierError, match="edit it locally"):
        s.edit_text(block_id, "fr", "x")
    s.edit_locally(block_id, lib)
    copied = s.block(block_id)
    assert isinstance(copied, CopiedClause) and copied.revision == 3
    s.edit_text(block_id, "fr", "Texte adapté.")
    assert lib.get("vd2.1.4").text["fr"] == "Lutter contre {minister}."  # library untouched
    s.undo()
    s.undo()
    assert isinstance(s.block(block_id), LinkedClause)


def test_variables_used_by_the_note_are_listed_and_filled():
    s = session()
    lib = library()
    s.insert_clause(s.note.sections[1].id, lib.get("vd2.1.4"))
    s.insert_text(s.note.sections[0].id, {"fr": "Réunion du {meeting_date}."})
    assert s.variable_names(lib) == ["meeting_date", "minister"]
    s.set_variable("minister", {"fr": "le ministre"})
    assert s.note.variables["minister"] == {"fr": "le ministre"}
    s.undo()
    assert "minister" not in s.note.variables


def test_a_read_only_note_cannot_be_saved_over(tmp_path):
    path = tmp_path / "n.clausier"
    notefile.write(Note(), path)
    s = NoteSession.open(path)
    s.read_only = True
    with pytest.raises(ClausierError, match="read-only"):
        s.save()
    s.save(tmp_path / "copy.clausier")
    assert s.path == tmp_path / "copy.clausier"


def test_follow_up_rows_are_edited_with_undo():
    s = session()
    table_id = s.insert_follow_up(s.note.sections[1].id).block_id
    s.add_follow_up_row(table_id)
    s.edit_follow_up(table_id, 0, "state", "fr", "En cours")
    s.edit_follow_up(table_id, 0, "deadline", "fr", "2018-12-31")
    row = s.block(table_id).rows[0]
    assert (row.state, row.deadline) == ({"fr": "En cours"}, "2018-12-31")
    s.undo()
    assert row.deadline == ""
    s.remove_follow_up_row(table_id, 0)
    assert s.block(table_id).rows == []
    s.undo()
    assert s.block(table_id).rows == [row]


def test_a_deadline_is_a_date_for_every_language_or_a_text_for_each_with_undo():
    s = session()
    table_id = s.insert_follow_up(s.note.sections[1].id).block_id
    s.add_follow_up_row(table_id)
    row = s.block(table_id).rows[0]
    s.edit_follow_up(table_id, 0, "deadline", "fr", "1er trimestre 2019")
    s.edit_follow_up(table_id, 0, "deadline", "nl", "eerste kwartaal 2019")
    assert (row.deadline, row.deadline_text) == (
        "",
        {"fr": "1er trimestre 2019", "nl": "eerste kwartaal 2019"},
    )
    s.edit_follow_up(table_id, 0, "deadline", "nl", "2019-03-31")  # a date: both languages
    assert (row.deadline, row.deadline_text) == ("2019-03-31", {})
    s.edit_follow_up(table_id, 0, "deadline", "fr", "fin mars")  # over a date: French only
    assert (row.deadline, row.deadline_text) == ("", {"fr": "fin mars"})
    assert s.history.undo_label == "Edit follow-up table"
    s.undo()
    assert (row.deadline, row.deadline_text) == ("2019-03-31", {})
    s.undo()  # the Dutch cell's typing, text then date, is one step
    assert (row.deadline, row.deadline_text) == ("", {"fr": "1er trimestre 2019"})
    s.edit_follow_up(table_id, 0, "deadline", "fr", "")
    assert (row.deadline, row.deadline_text) == ("", {})


def test_the_authors_function_is_set_per_language_with_undo():
    s = session()
    s.set_localized("author_function", "fr", "conseillère")
    assert s.note.author_function == {"fr": "conseillère"}
    assert s.history.undo_label == "Edit function"
    s.undo()
    assert s.note.author_function == {}


# --- clause reuse: update, keep, copy locally, link --------------------------------


def revisions() -> Library:
    from dataclasses import replace

    first = Clause("p.1", Kind.STANDARD, {"fr": "SIS"}, {"fr": "Le SIS est renforcé."})
    second = replace(first, revision=2, text={"fr": "Le SIS est nettement renforcé."})
    return Library(clauses={"p.1": second}, archive={"p.1": {1: first}})


def linked_session() -> tuple[NoteSession, str]:
    s = session()
    block_id = s.insert_clause(s.note.sections[0].id, revisions().at("p.1", 1)).block_id
    s.history.mark_clean()
    return s, block_id


def test_updating_a_linked_clause_takes_the_newest_revision_and_undo_goes_back():
    s, block_id = linked_session()
    change = s.update_clause(block_id, revisions())
    assert change.block_id == block_id and s.block(block_id) == LinkedClause("p.1", 2, id=block_id)
    assert s.history.undo_label == "Update clause p.1 to revision 2"
    s.undo()
    assert s.block(block_id).revision == 1


def test_updating_several_linked_clauses_is_one_step():
    s, first = linked_session()
    second = s.insert_clause(s.note.sections[1].id, revisions().at("p.1", 1)).block_id
    s.update_clauses([first, second], revisions())
    assert {s.block(first).revision, s.block(second).revision} == {2}
    assert s.history.undo_label == "Update 2 linked clauses"
    s.undo()
    assert {s.block(first).revision, s.block(second).revision} == {1}
    assert s.update_clauses([first], Library()) is None


def test_keeping_the_old_wording_is_recorded_and_undoable():
    s, block_id = linked_session()
    s.keep_revision(block_id, revisions())
    assert s.kept == {block_id: 2} and s.block(block_id).revision == 1
    assert s.history.undo_label == "Keep revision 1 of clause p.1"
    s.undo()
    assert s.kept == {}


def test_the_kept_wording_is_saved_with_the_note_and_reopened(tmp_path):
    s, block_id = linked_session()
    s.keep_revision(block_id, revisions())
    s.save(tmp_path / "n.clausier")
    reopened = NoteSession.open(tmp_path / "n.clausier")
    assert reopened.kept == {block_id: 2} and reopened.block(block_id).revision == 1


def test_updating_after_keeping_forgets_the_kept_revision_and_undo_restores_it():
    s, block_id = linked_session()
    s.keep_revision(block_id, revisions())
    s.update_clause(block_id, revisions())
    assert s.kept == {} and s.block(block_id).revision == 2
    s.undo()
    assert s.kept == {block_id: 2} and s.block(block_id).revision == 1


def test_copying_locally_keeps_the_linked_wording_not_the_newest():
    s, block_id = linked_session()
    s.copy_locally(block_id, revisions())
    copied = s.block(block_id)
    assert isinstance(copied, CopiedClause)
    assert (copied.revision, copied.plain("fr")) == (1, "Le SIS est renforcé.")
    s.undo()
    assert isinstance(s.block(block_id), LinkedClause)


def test_a_text_block_saved_as_a_clause_becomes_a_link():
    s = session()
    block_id = s.insert_text(s.note.sections[0].id, {"fr": "Le SIS est renforcé."}).block_id
    s.link_block(block_id, revisions().get("p.1"))
    assert s.block(block_id) == LinkedClause("p.1", 2, id=block_id)
    s.undo()
    assert s.block(block_id).plain("fr") == "Le SIS est renforcé."


def test_only_linked_blocks_can_be_updated():
    s = session()
    block_id = s.insert_text(s.note.sections[0].id).block_id
    with pytest.raises(ClausierError, match="not a linked clause"):
        s.update_clause(block_id, revisions())


# --- text entering from the window's editors (issue 9) -------------------------------


def test_lone_surrogates_typed_or_pasted_are_cleaned_where_they_enter(tmp_path):
    s = session()
    s.set_localized("subject", "fr", "caf\udce9")
    s.set_metadata("author", "A. \ud800")
    s.set_variable("minister", {"fr": "le \udfff ministre"})
    s.rename_section(s.note.sections[0].id, {"fr": "Contexte \udc80"})
    block_id = s.insert_text(s.note.sections[0].id, {"fr": "x"}).block_id
    s.edit_text(block_id, "fr", "L\u2019\udce9t\u00e9")
    table_id = s.insert_follow_up(s.note.sections[1].id).block_id
    s.add_follow_up_row(table_id)
    s.edit_follow_up(table_id, 0, "state", "fr", "en cours \udce9")
    assert s.note.subject == {"fr": "caf\ufffd"}
    assert s.note.author == "A. \ufffd"
    assert s.note.variables["minister"] == {"fr": "le \ufffd ministre"}
    assert s.note.sections[0].title == {"fr": "Contexte \ufffd"}
    assert s.block(block_id).plain("fr") == "L\u2019\ufffdt\u00e9"
    assert s.block(table_id).rows[0].state == {"fr": "en cours \ufffd"}
    saved = s.save(tmp_path / "n.clausier")  # saving no longer fails on them
    assert notefile.read(saved).subject == {"fr": "caf\ufffd"}
    assert not s.modified


def test_opening_a_note_removes_stale_temp_files_beside_it(tmp_path):
    path = tmp_path / "n.clausier"
    notefile.write(session().note, path)
    leftover = tmp_path / ".~deadbeef.tmp"
    leftover.write_bytes(b"half")
    old = time.time() - 3600
    os.utime(leftover, (old, old))
    NoteSession.open(path)
    assert not leftover.exists()


def test_updating_one_linked_clause_of_a_list_is_named_as_one_update():
    s, block_id = linked_session()
    s.update_clauses([block_id], revisions())
    assert s.history.undo_label == "Update clause p.1 to revision 2"


class _Catalog:
    """A stand-in interface catalog: the given translations, English for the rest."""

    def __init__(self, messages: dict[str, str]) -> None:
        self.messages = messages

    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)


FRENCH_UNDO = {
    "Rename section": "Renommer la section",
    "&Undo Rename section": "&Annuler le renommage de la section",
    "&Redo Rename section": "&Rétablir le renommage de la section",
    "&Undo Insert clause {id}": "&Annuler l’insertion de la clause {id}",
}
DUTCH_UNDO = {
    "&Undo Rename section": "Hernoemen van sectie &ongedaan maken",
    "&Redo Rename section": "Hernoemen van sectie opnie&uw uitvoeren",
}


def test_the_undo_and_redo_menus_say_the_whole_phrase_a_translator_wrote(monkeypatch):
    from app.language import i18n

    s = session()
    assert (s.history.undo_text, s.history.redo_text) == ("&Undo", "&Redo")
    s.rename_section(s.note.sections[0].id, {"fr": "Rappel"})
    assert s.history.undo_text == "&Undo Rename section"
    monkeypatch.setattr(i18n, "_current", _Catalog(FRENCH_UNDO))
    assert s.history.undo_text == "&Annuler le renommage de la section"
    s.insert_clause(s.note.sections[1].id, library().get("vd2.1.4"))
    assert s.history.undo_text == "&Annuler l’insertion de la clause vd2.1.4"
    s.undo()
    s.undo()
    assert s.history.redo_text == "&Rétablir le renommage de la section"
    monkeypatch.setattr(i18n, "_current", _Catalog(DUTCH_UNDO))  # past edits follow a switch
    assert s.history.redo_text == "Hernoemen van sectie opnie&uw uitvoeren"
    s.redo()
    assert s.history.undo_text == "Hernoemen van sectie &ongedaan maken"


def _edit_names() -> set[str]:
    """The name of every edit the core records: the message of each Label(N_(...)) in app/."""
    import re
    from pathlib import Path

    import app

    names: set[str] = set()
    for module in sorted(Path(app.__file__).parent.rglob("*.py")):
        source = module.read_text(encoding="utf-8")
        names |= set(re.findall(r'Label\(\s*N_\(\s*"([^"]+)"', source))
    return names


def test_every_edit_has_its_own_whole_undo_and_redo_phrases():
    import re

    from app.notes.editwords import PHRASES

    names = _edit_names()
    assert len(names) > 25
    missing = sorted(names - PHRASES.keys())
    assert not missing, f"add their Undo and Redo phrases to app/notes/editwords.py: {missing}"
    assert not PHRASES.keys() - names, "phrases for edits that no longer exist"
    for name in names:
        undo, redo = PHRASES[name]
        assert (undo, redo) == (f"&Undo {name}", f"&Redo {name}")  # English reads as before
        placeholders = sorted(re.findall(r"{\w+}", name))
        assert (
            sorted(re.findall(r"{\w+}", undo)) == placeholders == sorted(re.findall(r"{\w+}", redo))
        )


# --- formatting free text ------------------------------------------------------------


def test_each_format_command_is_one_undo_step_that_typing_does_not_merge_into():
    from app.text.richtext import ListKind, TextRun

    s = session()
    block_id = s.insert_text(s.note.sections[0].id).block_id
    for typed in ("L", "Le SIS", "Le SIS est là"):
        s.edit_text(block_id, "fr", typed)
    s.toggle_mark(block_id, "fr", 3, 6, "bold")
    assert s.history.undo_text == "&Undo Bold"
    s.edit_text(block_id, "fr", s.block(block_id).text["fr"])  # nothing changed: no step
    s.toggle_list(block_id, "fr", 0, 0, ListKind.NUMBERED)
    assert s.history.undo_text == "&Undo Numbered list"
    text = s.block(block_id).text["fr"]
    assert text.paragraphs[0].kind is ListKind.NUMBERED
    assert text.paragraphs[0].runs[1] == TextRun("SIS", bold=True)
    s.undo()
    assert s.block(block_id).text["fr"].paragraphs[0].kind is ListKind.PLAIN
    s.undo()
    assert not s.block(block_id).text["fr"].formatted
    assert s.block(block_id).plain("fr") == "Le SIS est là"
    s.undo()  # the typing, as one step
    assert s.block(block_id).text.get("fr") is None
    s.redo()
    s.redo()
    assert s.history.redo_text == "&Redo Numbered list"


def test_list_levels_go_deeper_and_back_as_commands():
    from app.text.richtext import ListKind

    s = session()
    block_id = s.insert_text(s.note.sections[0].id, {"fr": "- un\n- deux"}).block_id
    s.shift_list_level(block_id, "fr", 5, 5, 1)
    assert [p.level for p in s.block(block_id).text["fr"].paragraphs] == [0, 1]
    assert s.history.undo_text == "&Undo Increase list level"
    s.shift_list_level(block_id, "fr", 5, 5, -1)
    assert s.history.undo_text == "&Undo Decrease list level"
    s.toggle_list(block_id, "fr", 0, 7, ListKind.BULLET)  # all bullets: prose again
    assert s.block(block_id).plain("fr") == "un\ndeux"
    assert not s.block(block_id).text["fr"].formatted


def test_a_copied_clause_takes_formatting_but_a_linked_one_does_not():
    s = session()
    lib = library()
    block_id = s.insert_clause(s.note.sections[1].id, lib.get("vd2.1.4")).block_id
    with pytest.raises(ClausierError, match="edit it locally"):
        s.toggle_mark(block_id, "fr", 0, 6, "italic")
    s.edit_locally(block_id, lib)
    s.toggle_mark(block_id, "fr", 0, 6, "italic")
    assert s.block(block_id).text["fr"].paragraphs[0].runs[0].italic
    assert s.history.undo_text == "&Undo Italic"


# --- quotations of a source (issue 12) ------------------------------------------------


def test_a_quotation_is_inserted_anchored_to_its_excerpt_and_undone_in_one_step():
    from app.library import clauses as library_mod
    from app.notes.quotation import block_text, excerpt_from_selection

    library = library_mod.builtin()
    clause = library.get("vd2.1.4")
    start = clause.anchor.span("fr")[0] + len("Soulignant ")
    excerpt = excerpt_from_selection(library, "vd2", "fr", start, start + 12)
    session = NoteSession(Note(sections=[Section({"fr": "S"}, [])]))
    change = session.insert_quotation(session.note.sections[0].id, excerpt)
    block = session.block(change.block_id)
    assert isinstance(block, CopiedClause)
    assert (block.clause_id, block.revision, block.excerpt) == ("vd2.1.4", 1, {"fr": (11, 23)})
    assert block_text(block, None, "fr") == "la nécessité" and block.title == clause.title
    assert session.history.undo_text == "&Undo Insert quotation from vd2.1.4"
    session.undo()
    assert session.note.sections[0].blocks == []


def test_a_clause_is_presented_as_a_paraphrase_and_back_undoably():
    from app.library import clauses as library_mod

    session = NoteSession(Note(sections=[Section({"fr": "S"}, [LinkedClause("vd2.1.4", 1)])]))
    block = session.note.sections[0].blocks[0]
    session.set_paraphrase(block.id, True)
    assert block.paraphrase
    assert session.history.undo_text == "&Undo Present vd2.1.4 as a paraphrase"
    session.edit_locally(block.id, library_mod.builtin())
    copied = session.note.sections[0].blocks[0]
    assert isinstance(copied, CopiedClause) and copied.paraphrase  # the copy keeps it
    session.undo()
    session.undo()
    assert not session.note.sections[0].blocks[0].paraphrase
    text = session.insert_text(session.note.sections[0].id)
    with pytest.raises(ClausierError, match="taken from a source"):
        session.set_paraphrase(text.block_id, True)
