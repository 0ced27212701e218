"""Anchors: each clause drawn from a source pinned to its span in the repaired full text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.library import anchors, importer, repair
from app.library import build as librarybuild
from app.library import clauses as library
from app.library.anchors import Anchor, LayoutEntry, anchor_from_json, anchor_to_json, assemble, cut
from app.library.clauses import Status

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ROOT / "resources" / "library" / "val-duchesse-ii.json"
RECEIVED = ROOT / "resources" / "sources" / "val-duchesse-ii.fr.txt"
OTHER = Path(__file__).parents[1] / "data" / "other_declaration.txt"


def _shipped() -> dict:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


def test_the_span_of_each_of_the_29_built_in_units_is_its_official_french_wording():
    data = _shipped()
    (source,) = data["sources"]
    french = source["text"]["fr"]
    assert source["text_status"] == {"fr": "official", "nl": "unofficial"}
    assert len(data["clauses"]) == 29
    for clause in data["clauses"]:
        assert clause["status"]["fr"] == "official"
        start, end = clause["anchor"]["spans"]["fr"]
        assert french[start:end] == clause["text"]["fr"], clause["id"]


def test_the_dutch_full_text_holds_each_dutch_text_at_its_span():
    data = _shipped()
    dutch = data["sources"][0]["text"]["nl"]
    for clause in data["clauses"]:
        start, end = clause["anchor"]["spans"]["nl"]
        assert dutch[start:end] == clause["text"]["nl"], clause["id"]


def test_the_dutch_full_text_has_the_french_paragraphs_in_the_same_order():
    source = library.builtin().sources["vd2"]
    french, dutch = source.text_in("fr").split("\n"), source.text_in("nl").split("\n")
    assert len(french) == len(dutch)
    assert french[8] == "1- en matière de lutte contre le terrorisme"
    assert dutch[8] == "1- inzake de strijd tegen terrorisme"
    assert dutch[9].startswith("- ") and french[9].startswith("- ")


@pytest.mark.parametrize(
    ("clause_id", "part", "number", "lines"),
    [
        ("vd2.0.1", 0, 1, (1, 8)),
        ("vd2.1.1", 1, 1, (53, 54)),
        ("vd2.1.4", 1, 4, (64, 67)),
        ("vd2.2.2", 2, 2, (90, 99)),  # across the page break of part 2
        ("vd2.3.4", 3, 4, (144, 160)),  # across the page break of part 3, two paragraphs
        ("vd2.3.7", 3, 7, (174, 177)),
    ],
)
def test_each_anchor_names_part_dash_and_the_lines_of_the_damaged_original(
    clause_id, part, number, lines
):
    anchor = library.builtin().get(clause_id).anchor
    assert (anchor.part, anchor.number, anchor.lines) == (part, number, lines)


def test_the_lines_of_each_anchor_hold_its_words_in_the_text_as_received():
    received = RECEIVED.read_text(encoding="utf-8").split("\n")
    for clause in library.builtin():
        first, last = clause.anchor.lines
        raw = " ".join(line.strip() for line in received[first - 1 : last])
        repaired = " ".join(repair.repair_characters(raw).split())
        words = clause.text_in("fr").split()
        assert " ".join(words[:6]) in repaired.replace("- ", ""), clause.id
        assert words[-1].rstrip(".") in repaired, clause.id


def test_the_repaired_full_text_is_the_declaration_paragraph_by_paragraph():
    text = library.builtin().sources["vd2"].text_in("fr")
    assert "?" not in text.replace("?»", "")  # every damaged ’ and œ repaired
    assert "l’invitation" in text and "D’œuvrer" in text and "franco-belge" in text
    assert "en cas de gestion" in text and "de de" not in text  # the repeated word
    assert "entre nos services." in text  # the stray guillemet
    assert "[à court et moyen terme]" in text  # kept, as the official text has it
    assert "URL source" not in text and "./." not in text
    paragraphs = text.split("\n")
    assert len(paragraphs) == 8 + 3 + 21 + 1  # preamble, headings, commitments, 3.4's 2nd


def test_an_imported_declaration_gets_the_same_anchors():
    result = importer.import_file(OTHER, source_id="lux", id_prefix="lux")
    text = result.source.text_in("fr")
    assert result.source.text_status == {"fr": Status.OFFICIAL}
    assert result.clauses
    for clause in result.clauses:
        span = clause.anchor.span("fr")
        assert cut(text, span) == clause.text_in("fr"), clause.id
        assert clause.anchor.part == clause.origin.part
        assert clause.anchor.number == clause.origin.position
    joined = result.library().get("lux.2.1")  # across a page break
    assert joined.anchor.lines == (20, 25)
    first = result.library().get("lux.1.1")
    assert first.anchor.lines == (10, 12)


def test_an_imported_declaration_keeps_its_anchors_in_its_library_file(tmp_path):
    result = importer.import_file(OTHER, source_id="lux", id_prefix="lux")
    path = tmp_path / "lux.json"
    path.write_text(library.dumps(result.library()), encoding="utf-8")
    read = library.load_file(path)
    assert read.sources["lux"].text == result.source.text
    for clause in result.clauses:
        assert read.get(clause.id).anchor == clause.anchor


def test_the_shipped_library_is_what_a_fresh_build_makes():
    assert librarybuild.is_current()


def test_a_form_feed_counts_as_a_page_break_within_its_line():
    text = "Préambule.\n\n1- en matière de test\n\n-De faire ceci\f et cela.\n"
    result = importer.import_declaration(text, source_id="t", id_prefix="t")
    clause = result.library().get("t.1.1")
    assert clause.anchor.lines == (5, 5)


def test_anchors_round_trip_through_json():
    anchor = Anchor(1, 4, {"fr": (10, 20), "nl": (12, 30)}, (64, 67))
    data = anchor_to_json(anchor)
    assert data == {
        "part": 1,
        "dash": 4,
        "spans": {"fr": [10, 20], "nl": [12, 30]},
        "lines": [64, 67],
    }
    assert anchor_from_json(data) == anchor
    preamble = anchor_to_json(Anchor(0, 2, {"fr": (0, 5)}))
    assert preamble == {"part": 0, "paragraph": 2, "spans": {"fr": [0, 5]}}
    assert anchor_from_json(None) is None


@pytest.mark.parametrize(
    "data",
    [
        {"part": 1, "dash": 1, "spans": {"fr": [20, 10]}},
        {"part": 1, "dash": 1, "spans": {"fr": [-1, 10]}},
        {"part": 1, "dash": 1, "spans": "fr"},
        {"dash": 1},
        "anchor",
    ],
)
def test_a_malformed_anchor_is_refused(data):
    with pytest.raises((ValueError, KeyError, TypeError)):
        anchor_from_json(data)


def test_a_damaged_anchor_makes_the_library_file_damaged():
    data = _shipped()
    data["clauses"][0]["anchor"]["spans"]["fr"] = [5, 1]
    with pytest.raises(library.LibraryFileError):
        library.loads(json.dumps(data), name="x.json")


def test_assemble_puts_each_clause_on_its_lines_after_its_dash():
    layout = [
        LayoutEntry("clause", 0, clause_id="a"),
        LayoutEntry("heading", 1, "1- en matière de test"),
        LayoutEntry("clause", 1, clause_id="b", bullet=True),
        LayoutEntry("text", 1, "Fait à Paris."),
    ]
    text, spans = assemble(layout, {"a": "Un.", "b": "De faire.\nEt puis."})
    assert text == "Un.\n1- en matière de test\n- De faire.\nEt puis.\nFait à Paris."
    assert cut(text, spans["a"]) == "Un."
    assert cut(text, spans["b"]) == "De faire.\nEt puis."
    other, other_spans = assemble(
        layout, {"a": "Een.", "b": "Doen."}, heading=lambda e: "1- test", other=lambda e: None
    )
    assert other == "Een.\n1- test\n- Doen."
    assert cut(other, other_spans["b"]) == "Doen."
    assert anchors.paragraph_spans(text, spans["b"]) == [
        (spans["b"][0], spans["b"][0] + 9),
        (spans["b"][0] + 10, spans["b"][1]),
    ]


def test_a_library_read_back_from_the_search_index_keeps_anchors_and_full_texts():
    from app.library import database
    from app.library.search import LibraryIndex

    index = LibraryIndex(database.connect())
    try:
        built = library.builtin()
        index.sync(built, origin="builtin")
        read = index.load("builtin", library="builtin")
        assert read.sources["vd2"].text == built.sources["vd2"].text
        assert read.sources["vd2"].text_status == built.sources["vd2"].text_status
        assert read.sources["vd2"].citation == built.sources["vd2"].citation
        for clause in built:
            assert read.get(clause.id).anchor == clause.anchor
    finally:
        index.close()
