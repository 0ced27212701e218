"""A note's spelling: unknown words in reading order, per language, Ignore All kept in the file."""

from __future__ import annotations

import pytest

from app.language.codes import NoteLanguage
from app.notes import file as notefile
from app.notes.editing import NoteSession
from app.notes.history import Scope
from app.notes.note import FollowUpRow, FollowUpTable, LinkedClause, Note, Section, TextBlock
from app.notes.texts import CELL, METADATA, TEXT, TITLE
from app.spelling.checker import PersonalWords, Speller
from app.spelling.note import correct, correct_all, ignore_all, misspellings


@pytest.fixture(scope="module")
def speller(tmp_path_factory):
    """Both real dictionaries, loaded once for the module."""
    return Speller(PersonalWords(tmp_path_factory.mktemp("words")))


def note() -> Note:
    return Note(
        subject={"fr": "Suivi du terorisme", "nl": "Opvolging"},
        language=NoteLanguage.BILINGUAL,
        sections=[
            Section(
                {"fr": "Contekste", "nl": "Context"},
                [
                    TextBlock({"fr": "La samenwerking.", "nl": "De samenwerking."}),
                    LinkedClause("vd2.1.4", 1),
                    FollowUpTable([FollowUpRow(lead={"fr": "Sûreté de l’Étatt"})]),
                ],
            )
        ],
    )


def test_every_unknown_word_in_reading_order_each_judged_in_its_language(speller):
    found = misspellings(note(), speller)
    assert [(m.place.kind, m.place.lang, m.word) for m in found] == [
        (METADATA, "fr", "terorisme"),
        (TITLE, "fr", "Contekste"),
        (TEXT, "fr", "samenwerking"),  # Dutch in the French column; fine in the Dutch one
        (CELL, "fr", "l’Étatt"),  # the elided article goes with its word
    ]
    assert (found[2].before, found[2].after) == ("La ", ".")


def test_ignore_all_is_undoable_kept_in_the_note_file_and_read_back(speller, tmp_path):
    s = NoteSession(note())
    change = ignore_all(s, "samenwerking", "fr")
    assert change.scope is Scope.METADATA and change.field == "ignored_words"
    assert "samenwerking" not in [m.word for m in misspellings(s.note, speller)]
    path = s.save(tmp_path / "n.clausier")
    assert '"ignored_words"' in path.read_text(encoding="utf-8")
    again = notefile.read(path)
    assert again.ignored_words == {"fr": ["samenwerking"]}
    assert "samenwerking" not in [m.word for m in misspellings(again, speller)]
    assert s.history.undo_text == "&Undo Ignore “samenwerking”"
    s.undo()
    assert s.note.ignored_words == {}
    assert "samenwerking" in [m.word for m in misspellings(s.note, speller)]


def test_a_note_that_ignores_nothing_is_written_as_before():
    assert "ignored_words" not in notefile.dumps(note())


def test_correcting_is_one_undoable_edit_that_keeps_the_rest(speller):
    s = NoteSession(note())
    found = misspellings(s.note, speller)
    correct(s, found[0], "terrorisme")
    assert s.note.subject["fr"] == "Suivi du terrorisme"
    correct(s, found[3], "l’État")
    assert s.note.sections[0].blocks[2].rows[0].lead["fr"] == "Sûreté de l’État"
    assert s.history.undo_text == "&Undo Correct “l’Étatt”"
    s.undo()
    s.undo()
    assert s.note.subject["fr"] == "Suivi du terorisme"
    with pytest.raises(ValueError):  # the text changed since it was checked
        s.note.subject = {"fr": "Autre"}
        correct(s, found[0], "terrorisme")


def test_change_all_corrects_every_occurrence_in_one_step(speller):
    s = NoteSession(Note(sections=[Section({}, [TextBlock({"fr": "terorisme et terorisme"})])]))
    found = misspellings(s.note, speller)
    correct_all(s, found, "terrorisme")
    assert s.note.sections[0].blocks[0].plain("fr") == "terrorisme et terrorisme"
    s.undo()
    assert s.note.sections[0].blocks[0].plain("fr") == "terorisme et terorisme"
