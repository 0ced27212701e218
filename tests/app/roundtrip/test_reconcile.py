"""Bringing a note back from Word: an export edited as Word writes its XML, then matched."""

from __future__ import annotations

import zipfile

import pytest

from app.language.codes import NoteLanguage
from app.library.worddiff import as_text
from app.notes.editing import NoteSession
from app.notes.note import CopiedClause, LinkedClause, TextBlock
from app.roundtrip import reconcile
from app.roundtrip.apply import Review, apply_all
from app.roundtrip.changes import Kind
from app.system.errors import ClausierError
from app.text.richtext import coerce
from tests.app.roundtrip.wordedit import AUTHOR, DATE, WordXml, export, sample_note


def changes_of(note, library, path):
    return reconcile.reconcile_file(note, library, path)


def test_an_untouched_export_has_no_change(exported, library):
    note, path = exported
    found = changes_of(note, library, path)
    assert found.changes == []
    assert found.unchanged == 5
    assert found.by_marks


def test_words_split_into_runs_proof_marks_smart_tags_and_bookmarks_are_no_change(
    exported, library
):
    note, path = exported
    word = WordXml(path)
    word.split_runs()
    word.wrap_in_smart_tag("La coopération")
    word.save()
    assert changes_of(note, library, path).changes == []


def test_word_typography_is_no_change(exported, library):
    note, path = exported
    word = WordXml(path)
    word.replace_word("d’informations", "d'informations")  # Word's straight apostrophe
    word.replace_word("M. Dupont", "M.\u00a0Dupont")
    word.save()
    assert changes_of(note, library, path).changes == []


def test_a_word_changed_in_a_linked_clause_becomes_a_local_copy(exported, library):
    note, path = exported
    word = WordXml(path)
    word.split_runs()
    word.replace_word("renforcement", "durcissement")
    word.save()
    found = changes_of(note, library, path)
    [change] = found.changes
    assert (change.kind, change.block_id, change.lang, change.certain) == (
        Kind.EDITED,
        "c1",
        "fr",
        True,
    )
    assert "[-renforcement-]{+durcissement+}" in as_text(change.diff)
    session = NoteSession(note)
    apply_all(session, found, library, ["all"])
    block = session.block("c1")
    assert isinstance(block, CopiedClause)
    assert block.plain("fr").startswith("De poursuivre le durcissement des échanges")
    assert block.plain("nl") == library.get("vd2.1.1").text_in("nl")
    session.undo()
    assert isinstance(session.block("c1"), LinkedClause)


def test_an_edit_keeps_the_variable_and_the_other_paragraphs(exported, library):
    note, path = exported
    word = WordXml(path)
    word.replace_word("rappelle", "a rappelé")
    word.save()
    found = changes_of(note, library, path)
    [change] = found.changes
    assert "[-rappelle-]{+a rappelé+}" in as_text(change.diff)
    session = NoteSession(note)
    apply_all(session, found, library, ["1"])
    assert session.block("t1").plain("fr") == (
        "Le ministre {minister} a rappelé les engagements pris.\nLa coopération reste étroite."
    )


def test_bold_set_in_word_on_free_text_comes_back(exported, library):
    note, path = exported
    word = WordXml(path)
    word.bold_word("étroite")
    word.save()
    found = changes_of(note, library, path)
    [change] = found.changes
    assert change.kind is Kind.EDITED and change.formats
    session = NoteSession(note)
    apply_all(session, found, library, ["all"])
    second = coerce(session.block("t1").text["fr"]).paragraphs[1]
    assert [(r.text, r.bold) for r in second.runs] == [
        ("La coopération reste ", False),
        ("étroite", True),
        (".", False),
    ]


def test_tracked_changes_show_their_author_and_are_taken_one_by_one(exported, library):
    note, path = exported
    word = WordXml(path)
    word.replace_word("renforcement", "durcissement", tracked=True)
    word.insert_paragraph_after("Un paragraphe de conclusion.", "Ajout suivi.", tracked=True)
    word.save()
    found = changes_of(note, library, path)
    kinds = [(c.kind, c.block_id, c.author, c.date) for c in found.changes]
    assert (Kind.TRACKED, "c1", AUTHOR, DATE) in kinds
    assert (Kind.ADDED, "t2", AUTHOR, DATE) in kinds
    tracked = next(c for c in found.changes if c.kind is Kind.TRACKED)
    assert as_text(tracked.diff).startswith("De poursuivre le [-renforcement-]{+durcissement+}")
    session = NoteSession(note)
    review = Review(session, found, library)
    added = next(c for c in found.changes if c.kind is Kind.ADDED)
    review.reject(added.id)
    review.accept(tracked.id)
    assert session.block("c1").plain("fr").startswith("De poursuivre le durcissement")
    assert [b.id for b in note.sections[0].blocks] == ["t1", "t2"]


def test_a_rejected_tracked_change_leaves_the_note_alone(exported, library):
    note, path = exported
    word = WordXml(path)
    word.replace_word("renforcement", "durcissement", tracked=True)
    word.save()
    found = changes_of(note, library, path)
    session = NoteSession(note)
    review = Review(session, found, library)
    review.reject(found.changes[0].id)
    assert isinstance(session.block("c1"), LinkedClause)
    assert not session.modified


def test_a_comment_is_shown_with_its_block_and_kept_on_it(exported, library):
    note, path = exported
    word = WordXml(path)
    word.comment("De travailler sur", "Vérifier avec la Sûreté.")
    word.save()
    found = changes_of(note, library, path)
    [change] = found.changes
    assert (change.kind, change.block_id, change.author, change.text) == (
        Kind.COMMENT,
        "c2",
        AUTHOR,
        "Vérifier avec la Sûreté.",
    )
    session = NoteSession(note)
    apply_all(session, found, library, ["all"])
    [kept] = session.block("c2").comments
    assert (kept.text, kept.author, kept.date, kept.lang) == (
        "Vérifier avec la Sûreté.",
        AUTHOR,
        DATE,
        "fr",
    )
    assert isinstance(session.block("c2"), LinkedClause)  # a comment is no edit of the text


def test_a_deleted_clause(exported, library):
    note, path = exported
    word = WordXml(path)
    word.delete_control("clausier:vd2.1.2@1:fr")
    word.save()
    found = changes_of(note, library, path)
    [change] = found.changes
    assert (change.kind, change.block_id) == (Kind.DELETED, "c2")
    session = NoteSession(note)
    apply_all(session, found, library, ["all"])
    assert [b.id for b in note.sections[1].blocks] == ["c1", "c3"]


def test_a_control_removed_with_its_text_kept_is_no_change(exported, library):
    note, path = exported
    word = WordXml(path)
    word.unwrap_control("clausier:vd2.1.2@1:fr")
    word.save()
    assert changes_of(note, library, path).changes == []


def test_a_control_moved_elsewhere(exported, library):
    note, path = exported
    word = WordXml(path)
    word.move_control_before("clausier:vd2.1.3@1:fr", "clausier:vd2.1.1@1:fr")
    word.save()
    found = changes_of(note, library, path)
    [change] = found.changes
    assert (change.kind, change.block_id, change.section_id, change.after) == (
        Kind.MOVED,
        "c3",
        "s2",
        "",
    )
    session = NoteSession(note)
    apply_all(session, found, library, ["all"])
    assert [b.id for b in note.sections[1].blocks] == ["c3", "c1", "c2"]


def test_a_paragraph_inserted_between_two_blocks(exported, library):
    note, path = exported
    word = WordXml(path)
    word.insert_paragraph_after("De travailler sur", "Un point ajouté par le cabinet.")
    word.save()
    found = changes_of(note, library, path)
    [change] = found.changes
    assert (change.kind, change.block_id, change.text) == (
        Kind.ADDED,
        "c2",
        "Un point ajouté par le cabinet.",
    )
    session = NoteSession(note)
    apply_all(session, found, library, ["all"])
    blocks = note.sections[1].blocks
    assert [type(b).__name__ for b in blocks] == [
        "LinkedClause",
        "LinkedClause",
        "TextBlock",
        "LinkedClause",
    ]
    assert blocks[2].plain("fr") == "Un point ajouté par le cabinet."


def test_a_first_page_detail(exported, library):
    note, path = exported
    word = WordXml(path)
    word.set_cell("Objet", "Réunion Val Duchesse (report)")
    word.save()
    found = changes_of(note, library, path)
    [change] = found.changes
    assert (change.kind, change.what) == (Kind.DETAIL, "subject")
    session = NoteSession(note)
    apply_all(session, found, library, ["all"])
    assert note.subject["fr"] == "Réunion Val Duchesse (report)"


def test_a_file_without_marks_is_matched_by_its_text_less_certainly(exported, library):
    note, path = exported
    word = WordXml(path)
    word.drop_marks()
    word.replace_word("renforcement", "durcissement")
    word.save()
    found = changes_of(note, library, path)
    assert not found.by_marks
    [change] = found.changes
    assert (change.kind, change.block_id, change.certain) == (Kind.EDITED, "c1", False)


def test_a_bilingual_file_edited_in_its_dutch_column_only(tmp_path, library):
    note = sample_note(NoteLanguage.BILINGUAL)
    path = export(note, tmp_path / "both.docx")
    word = WordXml(path)
    word.replace_word("herinnert aan", "wijst op")
    word.save()
    found = changes_of(note, library, path)
    assert found.languages == ("fr", "nl")
    [change] = found.changes
    assert (change.kind, change.block_id, change.lang) == (Kind.EDITED, "t1", "nl")
    session = NoteSession(note)
    apply_all(session, found, library, ["all"])
    block = session.block("t1")
    assert block.plain("nl").startswith("De minister {minister} wijst op de verbintenissen.")
    assert block.plain("fr").startswith("Le ministre {minister} rappelle")


def test_nothing_changes_until_a_change_is_accepted(exported, library):
    note, path = exported
    word = WordXml(path)
    word.replace_word("renforcement", "durcissement")
    word.delete_control("clausier:vd2.1.2@1:fr")
    word.save()
    found = changes_of(note, library, path)
    assert len(found.changes) == 2
    session = NoteSession(note)
    assert not session.modified
    assert isinstance(session.block("c1"), LinkedClause)


def test_accepting_undoing_and_accepting_again(exported, library):
    note, path = exported
    word = WordXml(path)
    word.replace_word("rappelle", "a rappelé")
    word.replace_word("conclusion", "synthèse")
    word.save()
    found = changes_of(note, library, path)
    session = NoteSession(note)
    review = Review(session, found, library)
    first, second = (c.id for c in found.changes)
    review.accept(first)
    review.reject(second)
    assert "a rappelé" in session.block("t1").plain("fr")
    assert session.block("t2").plain("fr") == "Un paragraphe de conclusion."
    assert review.undo() == first
    assert "a rappelé" not in session.block("t1").plain("fr")
    assert review.state(first) == "pending" and review.state(second) == "rejected"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "Word 97–2003 document (.doc)"),
        (b"%PDF-1.7\n" + b"\0" * 100, "is a PDF, not a Word document"),
        (b"PK\x03\x04 damaged", "cannot be read"),
    ],
)
def test_bad_input_is_one_clear_message(tmp_path, library, data, words):
    path = tmp_path / "edited.docx"
    path.write_bytes(data)
    with pytest.raises(ClausierError) as raised:
        reconcile.reconcile_file(sample_note(), library, path)
    assert words in str(raised.value) and "\n" not in str(raised.value)


def test_a_file_exported_from_another_note_says_so_with_its_subject(tmp_path, library):
    other = sample_note()
    other.subject = {"fr": "Une autre note"}
    for _section, block in other.blocks():
        block.id = block.id + "x"
    path = export(other, tmp_path / "other.docx")
    with pytest.raises(ClausierError) as raised:
        reconcile.reconcile_file(sample_note(), library, path)
    assert "exported from another note (“Une autre note”)" in str(raised.value)


def test_a_hostile_package_is_refused_by_the_hardened_reader(tmp_path, library):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>")
    with pytest.raises(ClausierError) as raised:
        reconcile.reconcile_file(sample_note(), library, path)
    assert "DTD" in str(raised.value)


def test_text_blocks_keep_their_kind(exported, library):
    note, _path = exported
    assert isinstance(note.sections[0].blocks[0], TextBlock)


def test_a_follow_up_table_edited_cell_by_cell(tmp_path, library):
    from app.notes.note import FollowUpRow, FollowUpTable

    note = sample_note()
    note.sections[1].blocks.append(
        FollowUpTable(
            [
                FollowUpRow(
                    clause_id="vd2.1.1",
                    state={"fr": "En cours."},
                    lead={"fr": "OCAM"},
                    deadline="2019-03-31",
                )
            ],
            id="f1",
        )
    )
    path = export(note, tmp_path / "table.docx")
    word = WordXml(path)
    word.replace_word("En cours.", "Terminé en mars.")
    word.replace_word("31 mars 2019", "30 avril 2019")
    word.save()
    found = changes_of(note, library, path)
    assert [(c.kind, c.block_id, c.what) for c in found.changes] == [
        (Kind.EDITED, "f1", "cell:0:state"),
        (Kind.EDITED, "f1", "cell:0:deadline"),
    ]
    session = NoteSession(note)
    apply_all(session, found, library, ["all"])
    row = session.block("f1").rows[0]
    assert (row.state, row.deadline, row.lead) == (
        {"fr": "Terminé en mars."},
        "2019-04-30",
        {"fr": "OCAM"},
    )
