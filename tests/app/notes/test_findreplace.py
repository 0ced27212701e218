"""Find and Replace across a note: options, formats kept, linked clauses left alone, one undo."""

from __future__ import annotations

import pytest

from app.language.codes import NoteLanguage
from app.library.clauses import Clause, Kind, Library
from app.notes.editing import NoteSession
from app.notes.findreplace import FindOptions, find_all, find_in, replace_all, replace_one
from app.notes.history import Scope
from app.notes.note import FollowUpRow, FollowUpTable, LinkedClause, Note, Section, TextBlock
from app.notes.texts import CELL, LINKED, TEXT, TITLE
from app.text.richtext import TextRun, paragraph, rich


def library() -> Library:
    clause = Clause(
        "vd2.1.4",
        Kind.COMMITMENT,
        {"fr": "Sécurité", "nl": "Veiligheid"},
        {"fr": "La sécurité européenne.", "nl": "De Europese veiligheid."},
        revision=1,
    )
    return Library(clauses={clause.id: clause})


def bilingual() -> NoteSession:
    table = FollowUpTable([FollowUpRow(state={"fr": "sécurité renforcée", "nl": "veiligheid"})])
    note = Note(
        language=NoteLanguage.BILINGUAL,
        sections=[
            Section(
                {"fr": "Sécurité", "nl": "Veiligheid"},
                [
                    TextBlock({"fr": "La securite et la Sécurité.", "nl": "De veiligheid."}),
                    LinkedClause("vd2.1.4", 1),
                    table,
                ],
            ),
            Section({"fr": "Décision"}, [TextBlock({"fr": "Insécurité", "nl": "Onveiligheid"})]),
        ],
    )
    return NoteSession(note)


@pytest.mark.parametrize(
    ("options", "wanted"),
    [
        (FindOptions(), [(3, 11), (18, 26), (32, 40)]),
        (FindOptions(match_case=True), [(3, 11), (32, 40)]),
        (FindOptions(ignore_accents=False), [(18, 26), (32, 40)]),
        (FindOptions(match_case=True, ignore_accents=False), [(32, 40)]),
        (FindOptions(whole_words=True), [(3, 11), (18, 26)]),
    ],
)
def test_matching_follows_case_accents_and_whole_words(options, wanted):
    text = "La securite et la Sécurité, l'insécurité"
    assert find_in(text, "sécurité", options) == wanted


def test_ligatures_and_accents_fold_as_search_does():
    assert find_in("D’œuvrer au cœur", "oeuvrer", FindOptions()) == [(2, 8)]
    assert find_in("D’oeuvrer", "œuvrer", FindOptions()) == [(2, 9)]


def test_find_walks_titles_blocks_linked_clauses_and_cells_in_both_languages():
    s = bilingual()
    found = find_all(s.note, library(), "securite")
    assert [(m.place.kind, m.place.lang, m.text) for m in found] == [
        (TITLE, "fr", "Sécurité"),
        (TEXT, "fr", "securite"),
        (TEXT, "fr", "Sécurité"),
        (LINKED, "fr", "sécurité"),
        (CELL, "fr", "sécurité"),
        (TEXT, "fr", "sécurité"),
    ]
    dutch = find_all(s.note, library(), "veiligheid", FindOptions(whole_words=True))
    assert [m.place.kind for m in dutch] == [TITLE, TEXT, LINKED, CELL]


def test_replace_all_is_one_undo_step_that_leaves_linked_clauses_and_restores_every_block():
    s = bilingual()
    before = [b.plain("fr") for _s, b in s.note.blocks() if isinstance(b, TextBlock)]
    done = replace_all(s, library(), "sécurité", "sûreté", FindOptions(whole_words=True))
    assert done.count == 4  # title, two in the text, the cell; not the linked clause
    assert [m.place.kind for m in done.linked] == [LINKED]
    note = s.note
    assert note.sections[0].title["fr"] == "sûreté"
    assert note.sections[0].blocks[0].plain("fr") == "La sûreté et la sûreté."
    assert note.sections[0].blocks[2].rows[0].state["fr"] == "sûreté renforcée"
    assert note.sections[1].blocks[0].plain("fr") == "Insécurité"  # not a whole word
    assert done.change.scope is Scope.BLOCKS
    assert s.history.undo_text == "&Undo Replace all “sécurité”"
    s.undo()
    assert [b.plain("fr") for _s, b in s.note.blocks() if isinstance(b, TextBlock)] == before
    assert note.sections[0].title["fr"] == "Sécurité"
    assert note.sections[0].blocks[2].rows[0].state["fr"] == "sécurité renforcée"
    assert not s.history.can_undo
    s.redo()
    assert note.sections[0].blocks[0].plain("fr") == "La sûreté et la sûreté."


def test_a_replacement_keeps_the_bold_of_what_it_replaces_and_the_text_around():
    text = rich([paragraph([TextRun("Une "), TextRun("securite", bold=True), TextRun(" forte")])])
    s = NoteSession(Note(sections=[Section({}, [TextBlock({"fr": text})])]))
    replace_all(s, None, "securite", "sûreté")
    runs = s.note.sections[0].blocks[0].text["fr"].paragraphs[0].runs
    assert runs == (TextRun("Une "), TextRun("sûreté", bold=True), TextRun(" forte"))


def test_replacing_one_match_and_refusing_a_linked_clause():
    s = bilingual()
    found = find_all(s.note, library(), "securite")
    change = replace_one(s, found[1], "sûreté")
    assert change.scope is Scope.BLOCK
    assert s.note.sections[0].blocks[0].plain("fr") == "La sûreté et la Sécurité."
    with pytest.raises(ValueError):
        replace_one(s, found[3], "sûreté")


def test_nothing_to_replace_changes_nothing():
    s = bilingual()
    done = replace_all(s, library(), "absent", "x")
    assert (done.change, done.count, done.linked) == (None, 0, [])
    assert not s.history.can_undo
