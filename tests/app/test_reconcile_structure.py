"""Bringing back from Word what changes a note's structure: headings, follow-up rows, tables."""

from __future__ import annotations

import pytest

from app import library as library_mod
from app import reconcile, reconcilewords
from app.editing import NoteSession
from app.reconcile import Kind
from app.reconcileapply import Review, apply_all
from app.worddiff import as_text
from tests.app.wordedit import WordXml, export, sample_note


@pytest.fixture(scope="module")
def library():
    return library_mod.builtin()


@pytest.fixture
def exported(tmp_path):
    note = sample_note()
    return note, export(note, tmp_path / "note.docx")


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
