"""Bringing back from Word what changes a note's structure: headings, follow-up rows, tables."""

from __future__ import annotations

import pytest

from app.library.worddiff import as_text
from app.notes.editing import NoteSession
from app.notes.note import FollowUpRow, FollowUpTable
from app.roundtrip import reconcile
from app.roundtrip import words as reconcilewords
from app.roundtrip.apply import Review, apply_all
from app.roundtrip.changes import Kind
from tests.app.roundtrip.wordedit import WordXml, export, sample_note


def changes_of(note, library, path):
    return reconcile.reconcile_file(note, library, path)


# -- headings --------------------------------------------------------------------------


def test_a_section_title_edited_in_word_renames_the_section(exported, library):
    note, path = exported
    word = WordXml(path)
    word.split_runs()
    word.replace_word("Engagements", "Engagements pris")
    word.save()
    found = changes_of(note, library, path)
    [change] = found.changes
    assert (change.kind, change.section_id, change.what) == (Kind.SECTION, "s2", "")
    assert reconcilewords.kind_name(change) == "Section title edited"
    assert as_text(change.diff) == "Engagements{+ pris+}"
    session = NoteSession(note)
    apply_all(session, found, library, ["all"])
    assert note.sections[1].title == {"fr": "Engagements pris", "nl": "Verbintenissen"}


def test_a_heading_deleted_in_word_joins_its_blocks_to_the_section_before(exported, library):
    note, path = exported
    word = WordXml(path)
    word.delete_paragraph("Engagements")
    word.save()
    found = changes_of(note, library, path)
    [change] = found.changes  # its blocks are no move: they stand where they stood
    assert (change.kind, change.what, change.section_id) == (Kind.SECTION, "deleted", "s2")
    assert reconcilewords.kind_name(change) == "Section heading deleted"
    session = NoteSession(note)
    review = Review(session, found, library)
    assert review.heading_deletion(change) == "merge"
    review.accept(change.id)
    assert [s.id for s in note.sections] == ["s1"]
    assert [b.id for b in note.sections[0].blocks] == ["t1", "t2", "c1", "c2", "c3"]
    review.undo()
    assert [s.id for s in note.sections] == ["s1", "s2"]
    assert [b.id for b in note.sections[0].blocks] == ["t1", "t2"]
    assert [b.id for b in note.sections[1].blocks] == ["c1", "c2", "c3"]


def test_a_heading_deleted_with_every_block_of_its_section_removes_the_section(exported, library):
    note, path = exported
    word = WordXml(path)
    word.delete_paragraph("Engagements")
    for number in (1, 2, 3):
        word.delete_control(f"clausier:vd2.1.{number}@1:fr")
    word.save()
    found = changes_of(note, library, path)
    assert sorted((c.kind.value, c.block_id or c.section_id) for c in found.changes) == [
        ("deleted", "c1"),
        ("deleted", "c2"),
        ("deleted", "c3"),
        ("section", "s2"),
    ]
    heading = next(c for c in found.changes if c.kind is Kind.SECTION)
    session = NoteSession(note)
    review = Review(session, found, library)
    assert review.heading_deletion(heading) == "remove"
    review.accept(heading.id)
    assert [s.id for s in note.sections] == ["s1"]
    assert review.accept_all() == []  # the blocks went with their section


def test_the_first_heading_deleted_is_not_applied_and_says_so(exported, library):
    note, path = exported
    word = WordXml(path)
    word.delete_paragraph("Contexte")
    word.save()
    found = changes_of(note, library, path)
    [change] = found.changes
    assert (change.kind, change.what, change.section_id) == (Kind.SECTION, "deleted", "s1")
    session = NoteSession(note)
    review = Review(session, found, library)
    assert not review.applicable(change)
    assert review.accept(change.id) is None
    assert reconcilewords.heading_outcome(review.heading_deletion(change)).startswith(
        "not applied: the section keeps its blocks"
    )
    assert [s.id for s in note.sections] == ["s1", "s2"]


# -- follow-up tables ---------------------------------------------------------------------


def follow_up_note():
    note = sample_note()
    note.sections[1].blocks.append(
        FollowUpTable(
            [
                FollowUpRow(clause_id="vd2.1.1", state={"fr": "En cours."}, lead={"fr": "OCAM"}),
                FollowUpRow(
                    commitment={"fr": "Fichier commun des combattants"},
                    state={"fr": "Prévu."},
                    lead={"fr": "Police fédérale"},
                    deadline="2019-03-31",
                ),
            ],
            id="f1",
        )
    )
    return note


def test_rows_added_and_deleted_in_word_are_reported_and_applied(tmp_path, library):
    note = follow_up_note()
    path = export(note, tmp_path / "table.docx")
    word = WordXml(path)
    word.split_runs()
    word.add_row_after(
        "OCAM", ["Magistrats de liaison", "À lancer.", "SPF Justice", "30 juin 2019"]
    )
    word.delete_row("Police fédérale")
    word.save()
    found = changes_of(note, library, path)
    assert [(c.kind, c.block_id, c.what) for c in found.changes] == [
        (Kind.EDITED, "f1", "row-added:0:0"),
        (Kind.EDITED, "f1", "row-deleted:1"),
    ]
    added, deleted = found.changes
    assert reconcilewords.kind_name(added) == "Row added"
    assert reconcilewords.place(added, note) == (
        "the follow-up table in “Engagements”, a new row after row 1"
    )
    assert added.text == "Magistrats de liaison | À lancer. | SPF Justice | 30 juin 2019"
    assert reconcilewords.kind_name(deleted) == "Row deleted"
    assert reconcilewords.place(deleted, note) == "the follow-up table in “Engagements”, row 2"
    assert "Fichier commun des combattants" in as_text(deleted.diff)
    session = NoteSession(note)
    apply_all(session, found, library, ["all"])
    rows = session.block("f1").rows
    assert [r.lead for r in rows] == [{"fr": "OCAM"}, {"fr": "SPF Justice"}]
    new = rows[1]
    assert (new.commitment, new.state, new.deadline, new.clause_id) == (
        {"fr": "Magistrats de liaison"},
        {"fr": "À lancer."},
        "2019-06-30",
        "",
    )
    session.undo()
    assert len(session.block("f1").rows) == 3


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_rows_and_cells_accepted_in_any_order_give_the_same_table(tmp_path, library, order):
    note = follow_up_note()
    path = export(note, tmp_path / "table.docx")
    word = WordXml(path)
    word.delete_row("OCAM")
    word.replace_word("Prévu.", "Commencé.")
    word.add_row_after("Police fédérale", ["Nouvel engagement", "", "OCAM", "fin 2019"])
    word.save()
    found = changes_of(note, library, path)
    assert sorted(c.what for c in found.changes) == [
        "cell:1:state",
        "row-added:1:0",
        "row-deleted:0",
    ]
    session = NoteSession(note)
    review = Review(session, found, library)
    for index in order:
        review.accept(found.changes[index].id)
    rows = session.block("f1").rows
    assert [(r.commitment, r.state, r.lead) for r in rows] == [
        ({"fr": "Fichier commun des combattants"}, {"fr": "Commencé."}, {"fr": "Police fédérale"}),
        ({"fr": "Nouvel engagement"}, {}, {"fr": "OCAM"}),
    ]
    assert (rows[1].deadline, rows[1].deadline_text) == ("", {"fr": "fin 2019"})


def test_a_follow_up_table_deleted_whole_is_the_block_deleted(tmp_path, library):
    note = follow_up_note()
    path = export(note, tmp_path / "table.docx")
    word = WordXml(path)
    word.delete_table("OCAM")
    word.save()
    found = changes_of(note, library, path)
    [change] = found.changes
    assert (change.kind, change.block_id) == (Kind.DELETED, "f1")
    assert reconcilewords.kind_name(change) == "Block deleted"
    session = NoteSession(note)
    apply_all(session, found, library, ["all"])
    assert [b.id for b in note.sections[1].blocks] == ["c1", "c2", "c3"]


# -- tables added in Word ------------------------------------------------------------------


def test_a_table_added_in_word_is_reported_with_its_cells_and_becomes_a_free_text(
    exported, library
):
    note, path = exported
    word = WordXml(path)
    word.insert_table_after(
        "Un paragraphe de conclusion.", [["Pays", "Contact"], ["Belgique", "OCAM"], ["France", ""]]
    )
    word.save()
    found = changes_of(note, library, path)
    [change] = found.changes
    assert (change.kind, change.what, change.block_id) == (Kind.ADDED, "table", "t2")
    assert reconcilewords.kind_name(change) == "Table added"
    assert reconcilewords.place(change, note) == "after text 2 in “Contexte”"
    assert change.text == "Pays | Contact\nBelgique | OCAM\nFrance | "
    session = NoteSession(note)
    apply_all(session, found, library, ["all"])
    blocks = note.sections[0].blocks
    assert [b.id for b in blocks][:2] == ["t1", "t2"] and len(blocks) == 3
    assert blocks[2].plain("fr") == "Pays | Contact\nBelgique | OCAM\nFrance |"
    session.undo()
    assert [b.id for b in note.sections[0].blocks] == ["t1", "t2"]


def test_a_table_added_with_the_follow_up_header_becomes_a_follow_up_table(exported, library):
    note, path = exported
    word = WordXml(path)
    word.insert_table_after(
        "De travailler sur",
        [
            ["Engagement", "État des lieux", "Service pilote", "Échéance"],
            ["Magistrats de liaison", "À lancer.", "SPF Justice", "30 juin 2019"],
        ],
    )
    word.save()
    found = changes_of(note, library, path)
    [change] = found.changes
    assert (change.kind, change.what, change.block_id) == (Kind.ADDED, "table", "c2")
    assert "Magistrats de liaison | À lancer. | SPF Justice | 30 juin 2019" in change.text
    session = NoteSession(note)
    apply_all(session, found, library, ["all"])
    table = note.sections[1].blocks[2]
    assert isinstance(table, FollowUpTable)
    [row] = table.rows
    assert (row.commitment, row.state, row.lead, row.deadline) == (
        {"fr": "Magistrats de liaison"},
        {"fr": "À lancer."},
        {"fr": "SPF Justice"},
        "2019-06-30",
    )


def test_a_table_added_beside_a_follow_up_table_is_not_taken_for_it(tmp_path, library):
    note = follow_up_note()
    path = export(note, tmp_path / "table.docx")
    word = WordXml(path)
    word.insert_table_after(
        "De travailler sur",
        [["Engagement", "État des lieux", "Service pilote", "Échéance"], ["Autre", "", "", ""]],
    )
    word.save()
    found = changes_of(note, library, path)
    assert [(c.kind, c.what) for c in found.changes] == [(Kind.ADDED, "table")]


def test_a_table_added_in_the_dutch_column_of_a_bilingual_file(tmp_path, library):
    from app.language.codes import NoteLanguage

    note = sample_note(NoteLanguage.BILINGUAL)
    path = export(note, tmp_path / "both.docx")
    word = WordXml(path)
    word.insert_table_after("Een slotalinea.", [["Land", "Contact"], ["België", "OCAD"]])
    word.save()
    found = changes_of(note, library, path)
    [change] = found.changes
    assert (change.kind, change.what, change.lang, change.block_id) == (
        Kind.ADDED,
        "table",
        "nl",
        "t2",
    )
    session = NoteSession(note)
    apply_all(session, found, library, ["all"])
    added = note.sections[0].blocks[2]
    assert added.plain("nl") == "Land | Contact\nBelgië | OCAD" and added.plain("fr") == ""
