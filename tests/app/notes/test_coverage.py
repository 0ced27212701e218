"""Coverage: which commitments of each declaration a note cites, part by part."""

from __future__ import annotations

from app.library import clauses as library_mod
from app.library.clauses import Library
from app.library.importer import import_file
from app.notes.coverage import citing_blocks, coverage, follow_up_rows, to_json
from app.notes.editing import NoteSession
from app.notes.note import CopiedClause, FollowUpRow, FollowUpTable, LinkedClause, Note, Section
from tests.app.library.test_anchors import OTHER


def note_citing(*clause_ids: str) -> Note:
    return Note(sections=[Section({"fr": "S"}, [LinkedClause(i, 1) for i in clause_ids])])


def test_each_part_counts_the_commitments_cited_and_lists_the_others():
    library = library_mod.builtin()
    note = note_citing("vd2.1.2", "vd2.1.5", "vd2.1.1", "vd2.2.3", "vd2.0.4")
    (covered,) = coverage(note, library)
    assert covered.source.id == "vd2"
    assert [(p.number, len(p.cited), p.total) for p in covered.parts] == [
        (1, 3, 7),
        (2, 1, 7),
        (3, 0, 7),
    ]
    part1 = covered.parts[0]
    assert [c.id for c in part1.cited] == ["vd2.1.1", "vd2.1.2", "vd2.1.5"]  # the source's order
    assert [c.id for c in part1.not_cited] == ["vd2.1.3", "vd2.1.4", "vd2.1.6", "vd2.1.7"]
    assert part1.title["fr"] == "En matière de lutte contre le terrorisme"
    assert (covered.cited, covered.total) == (4, 21)  # the preamble's context is no commitment


def test_a_copied_or_quoted_commitment_is_cited_and_a_follow_up_row_is_not():
    library = library_mod.builtin()
    note = Note(
        sections=[
            Section(
                {"fr": "S"},
                [
                    CopiedClause("vd2.3.2", 1, {}, {"fr": "Le PNR"}, excerpt={"fr": (0, 6)}),
                    FollowUpTable(rows=[FollowUpRow(clause_id="vd2.3.3")]),
                ],
            )
        ]
    )
    (covered,) = coverage(note, library)
    assert [c.id for p in covered.parts for c in p.cited] == ["vd2.3.2"]
    assert citing_blocks(note) == {"vd2.3.2": [note.sections[0].blocks[0].id]}


def test_a_note_citing_nothing_shows_every_declaration_with_commitments():
    library = Library()
    library.merge(library_mod.builtin())
    library.merge(import_file(OTHER, source_id="lux", id_prefix="lux").library())
    found = coverage(Note(), library)
    assert [c.source.id for c in found] == ["vd2", "lux"]
    assert all(c.cited == 0 for c in found)
    (only,) = coverage(note_citing("lux.2.1"), library)
    assert only.source.id == "lux" and only.cited == 1


def test_the_follow_up_rows_are_one_per_cited_commitment_in_one_undoable_step():
    library = library_mod.builtin()
    note = note_citing("vd2.3.1", "vd2.1.4", "vd2.0.1", "vd2.1.4")
    rows = follow_up_rows(coverage(note, library))
    assert [row.clause_id for row in rows] == ["vd2.1.4", "vd2.3.1"]
    session = NoteSession(note)
    change = session.insert_cited_follow_up(note.sections[0].id, rows)
    table = session.block(change.block_id)
    assert [row.clause_id for row in table.rows] == ["vd2.1.4", "vd2.3.1"]
    assert session.history.undo_text == "&Undo Insert follow-up table of cited commitments"
    session.undo()
    assert len(note.sections[0].blocks) == 4


def test_coverage_as_json_gives_counts_and_the_blocks_citing_each():
    library = library_mod.builtin()
    note = note_citing("vd2.2.7")
    data = to_json(coverage(note, library))
    (source,) = data["sources"]
    part2 = source["parts"][1]
    assert part2["cited"][0]["blocks"] == [note.sections[0].blocks[0].id]
    assert part2["cited"][0]["number"] == "2.7"
    assert [e["id"] for e in part2["not_cited"]] == [f"vd2.2.{n}" for n in range(1, 7)]
