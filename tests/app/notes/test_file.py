"""Tests for reading and writing .clausier note files."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from app.language.classification import Classification
from app.language.codes import NoteLanguage
from app.language.period import DateRange
from app.notes import file as notefile
from app.notes.note import (
    CopiedClause,
    FollowUpRow,
    FollowUpTable,
    LinkedClause,
    Note,
    Section,
    TextBlock,
)
from app.system.errors import NoteFileError


def sample_note() -> Note:
    return Note(
        subject={"fr": "Suivi Val Duchesse II", "nl": "Opvolging Val Duchesse II"},
        addressee={"fr": "Monsieur le Premier ministre"},
        author="A. Conseillère",
        cabinet={"fr": "Cabinet du Premier ministre"},
        date=date(2018, 6, 11),
        meeting_date=date(2018, 6, 25),
        reference="PM/2018/123",
        classification=Classification.RESTRICTED,
        language=NoteLanguage.BILINGUAL,
        variables={"minister": {"fr": "le ministre", "nl": "de minister"}, "city": "Lille"},
        sections=[
            Section(
                title={"fr": "Contexte", "nl": "Context"},
                blocks=[
                    TextBlock({"fr": "L’été « chaud » — œuvre\n- point", "nl": "De zomer"}),
                    LinkedClause("vd2.1.4", 1),
                    LinkedClause("vd2.1.5", 1, kept=3),
                    CopiedClause("vd2.2.1", 1, {"fr": "Titre"}, {"fr": "Texte modifié"}),
                ],
            ),
            Section(
                title={"fr": "Suivi"},
                blocks=[
                    FollowUpTable(
                        [
                            FollowUpRow(
                                {"fr": "PNR"},
                                "vd2.3.2",
                                {"fr": "En cours"},
                                {"fr": "SPF"},
                                "2018-12-31",
                            )
                        ]
                    )
                ],
            ),
        ],
    )


def test_a_note_survives_a_round_trip_through_a_file(tmp_path):
    note = sample_note()
    path = tmp_path / "note.clausier"
    notefile.write(note, path)
    assert notefile.read(path) == note


def test_the_file_is_self_describing_utf8_json(tmp_path):
    path = tmp_path / "note.clausier"
    notefile.write(sample_note(), path)
    raw = path.read_bytes()
    assert "œuvre".encode() in raw  # readable UTF-8, not \u escapes
    data = json.loads(raw)
    assert data["format"] == "clausier-note"
    assert data["version"] == 1  # nothing in it needs version 2: Clausier 0.1 still opens it
    assert data["note"]["sections"][0]["blocks"][1] == {
        "type": "linked",
        "id": data["note"]["sections"][0]["blocks"][1]["id"],
        "clause": "vd2.1.4",
        "revision": 1,
    }


def test_a_note_from_a_newer_version_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "future.clausier"
    text = json.dumps({"format": "clausier-note", "version": 99, "note": {}})
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NoteFileError, match="newer version"):
        notefile.read(path)
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty: it holds no note"),
        (b"\xef\xbb\xbf \n\t", "is empty: it holds no note"),
        (b"{not json", "damaged"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'{"format": "something-else", "version": 1}', "not a Clausier note"),
        (b"[1, 2, 3]", "not a Clausier note"),
        (
            b'{"format": "clausier-note", "version": 1, "note": {"sections": [{"blocks": [{"type": "alien"}]}]}}',
            'damaged: unknown kind of block "alien"',
        ),
        (
            b'{"format": "clausier-note", "version": 1, "note": {"date": "11 juin"}}',
            'damaged: .date. is not a date written year-month-day: "11 juin"',
        ),
        (
            b'{"format": "clausier-note", "version": 1, "note": {"date": "2018-13-01"}}',
            "damaged: .date. is not a date",
        ),
        (
            b'{"format": "clausier-note", "version": 1, "note": {"classification": "ultra"}}',
            'damaged: .classification. cannot be "ultra"',
        ),
        (
            b'{"format": "clausier-note", "version": 1, "note": {"sections": [{"blocks": '
            b'[{"type": "linked", "revision": 1}]}]}}',
            "damaged: .clause. is missing",
        ),
        (
            b'{"format": "clausier-note", "version": 1, "note": {"sections": [{"blocks": '
            b'[{"type": "linked", "clause": "x", "revision": "deux"}]}]}}',
            "damaged: its content is not laid out as a Clausier note",
        ),
        (b'{"format": "clausier-note", "version": "one", "note": {}}', "no valid format version"),
        (
            b'{"format": "clausier-note", "version": 1, "note": {"sections": [{"blocks": '
            b'[{"type": "linked", "clause": "p.1", "revision": 1, "kept": "two"}]}]}}',
            "damaged: clause p.1: .kept. must be a revision number",
        ),
    ],
)
def test_a_damaged_or_foreign_file_is_refused_with_the_reason(tmp_path, content, reason):
    path = tmp_path / "bad.clausier"
    path.write_bytes(content)
    with pytest.raises(NoteFileError, match=reason) as caught:
        notefile.read(path)
    assert "bad.clausier" in str(caught.value)
    assert path.read_bytes() == content


def linked_json(**extra) -> bytes:
    block = {"type": "linked", "id": "b", "clause": "p.1", "revision": 1, **extra}
    note = {"format": "clausier-note", "version": 1, "note": {"sections": [{"blocks": [block]}]}}
    return json.dumps(note).encode()


def test_keeping_the_old_wording_of_a_linked_clause_is_saved_as_kept(tmp_path):
    path = tmp_path / "note.clausier"
    note = Note(sections=[Section({"fr": "S"}, [LinkedClause("p.1", 1, id="b", kept=2)])])
    notefile.write(note, path)
    (block,) = json.loads(path.read_text("utf-8"))["note"]["sections"][0]["blocks"]
    assert block["kept"] == 2
    assert notefile.read(path).sections[0].blocks[0].kept == 2


def test_a_link_without_kept_opens_as_kept_nothing_and_is_written_without_it(tmp_path):
    path = tmp_path / "old.clausier"
    path.write_bytes(linked_json())
    note = notefile.read(path)
    assert note.sections[0].blocks[0] == LinkedClause("p.1", 1, id="b")
    assert "kept" not in notefile.dumps(note)


@pytest.mark.parametrize("value", ["2", -1, 1.5, True, [2]])
def test_a_bad_kept_value_is_refused_with_a_clear_message(tmp_path, value):
    path = tmp_path / "bad.clausier"
    path.write_bytes(linked_json(kept=value))
    with pytest.raises(NoteFileError, match="“kept” must be a revision number"):
        notefile.read(path)


def test_a_kept_revision_not_newer_than_the_link_means_nothing(tmp_path):
    path = tmp_path / "note.clausier"
    path.write_bytes(linked_json(kept=1))
    assert notefile.read(path).sections[0].blocks[0].kept == 0


def test_a_missing_file_or_a_folder_gives_a_clear_message(tmp_path):
    with pytest.raises(NoteFileError, match="does not exist"):
        notefile.read(tmp_path / "nothing.clausier")
    with pytest.raises(NoteFileError, match="folder"):
        notefile.read(tmp_path)


def test_a_failed_save_leaves_the_previous_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "note.clausier"
    notefile.write(sample_note(), path)
    before = path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    changed = sample_note()
    changed.subject = {"fr": "Autre chose"}
    with pytest.raises(Exception):  # noqa: B017 - the kind of error is the writer's
        notefile.write(changed, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["note.clausier"]


def test_a_byte_order_mark_from_a_windows_editor_is_accepted(tmp_path):
    path = tmp_path / "bom.clausier"
    path.write_bytes(b"\xef\xbb\xbf" + notefile.dumps(sample_note()).encode())
    assert notefile.read(path).reference == "PM/2018/123"


def test_a_meeting_over_several_days_and_a_place_survive_a_round_trip(tmp_path):
    note = sample_note()
    note.meeting_date = DateRange(date(2018, 4, 25), date(2018, 4, 26))
    note.place = {"fr": "Bruxelles", "nl": "Brussel"}
    path = tmp_path / "range.clausier"
    notefile.write(note, path)
    data = json.loads(path.read_bytes())
    assert data["version"] == 2
    assert data["note"]["meeting_date"] == "2018-04-25/2018-04-26"
    assert data["note"]["place"] == {"fr": "Bruxelles", "nl": "Brussel"}
    assert notefile.read(path) == note


def test_a_version_1_file_with_a_plain_meeting_date_reads_unchanged(tmp_path):
    path = tmp_path / "old.clausier"
    body = {"meeting_date": "2018-06-25", "date": "2018-06-11", "subject": {"fr": "S"}}
    path.write_text(json.dumps({"format": "clausier-note", "version": 1, "note": body}))
    note = notefile.read(path)
    assert note.meeting_date == date(2018, 6, 25)
    assert note.place == {}


def test_a_reader_of_version_1_says_a_range_needs_a_newer_clausier(tmp_path, monkeypatch):
    note = Note(meeting_date=DateRange(date(2018, 4, 30), date(2018, 5, 2)))
    path = tmp_path / "range.clausier"
    notefile.write(note, path)
    monkeypatch.setattr(notefile, "NOTE_VERSION", 1)  # what Clausier 0.1 checks
    with pytest.raises(NoteFileError, match="newer version"):
        notefile.read(path)


def test_a_deadline_per_language_and_the_authors_function_survive_a_round_trip(tmp_path):
    note = sample_note()
    row = note.sections[1].blocks[0].rows[0]
    row.deadline = ""
    row.deadline_text = {"fr": "1er trimestre 2019", "nl": "eerste kwartaal 2019"}
    note.author_function = {"fr": "conseillère", "nl": "adviseur"}
    path = tmp_path / "text.clausier"
    notefile.write(note, path)
    data = json.loads(path.read_bytes())
    assert data["version"] == 3  # an older Clausier would take the object for one deadline
    written = data["note"]["sections"][1]["blocks"][0]["rows"][0]["deadline"]
    assert written == {"fr": "1er trimestre 2019", "nl": "eerste kwartaal 2019"}
    assert data["note"]["author_function"] == {"fr": "conseillère", "nl": "adviseur"}
    assert notefile.read(path) == note


def test_a_deadline_that_is_a_date_is_still_one_string_and_needs_no_newer_version(tmp_path):
    path = tmp_path / "date.clausier"
    notefile.write(sample_note(), path)
    data = json.loads(path.read_bytes())
    assert data["note"]["sections"][1]["blocks"][0]["rows"][0]["deadline"] == "2018-12-31"
    assert data["version"] == 1 and "author_function" not in data["note"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", {"fr": "1er trimestre 2019"}),
        ("nl", {"nl": "1er trimestre 2019"}),
        ("fr+nl", {"fr": "1er trimestre 2019"}),  # its Dutch is then missing, and said so
    ],
)
def test_an_old_deadline_typed_once_is_read_as_the_first_languages_text(
    tmp_path, language, expected
):
    rows = [{"commitment": {"fr": "PNR"}, "deadline": "1er trimestre 2019"}]
    body = {"language": language, "sections": [{"blocks": [{"type": "followup", "rows": rows}]}]}
    path = tmp_path / "old.clausier"
    path.write_text(json.dumps({"format": "clausier-note", "version": 2, "note": body}))
    (row,) = notefile.read(path).sections[0].blocks[0].rows
    assert (row.deadline, row.deadline_text) == ("", expected)


def test_a_reader_of_version_2_says_a_deadline_per_language_needs_a_newer_clausier(
    tmp_path, monkeypatch
):
    row = FollowUpRow({"fr": "PNR"}, deadline_text={"fr": "fin 2019"})
    note = Note(sections=[Section({"fr": "S"}, [FollowUpTable([row])])])
    path = tmp_path / "text.clausier"
    notefile.write(note, path)
    monkeypatch.setattr(notefile, "NOTE_VERSION", 2)  # what the Clausier before it checks
    with pytest.raises(NoteFileError, match="newer version"):
        notefile.read(path)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2018-04-26/2018-04-25", "neither a date .* nor a range"),
        ("2018-04-25/", "neither a date .* nor a range"),
        ("25-26/04/2018", "neither a date .* nor a range"),
    ],
)
def test_a_meeting_range_that_is_not_one_is_refused_as_damage(tmp_path, value, reason):
    path = tmp_path / "bad.clausier"
    path.write_text(
        json.dumps({"format": "clausier-note", "version": 2, "note": {"meeting_date": value}})
    )
    with pytest.raises(NoteFileError, match=reason):
        notefile.read(path)


# --- where a save lands (issue 9) ---------------------------------------------------


def _stale(path, seconds: float = 3600) -> None:
    when = __import__("time").time() - seconds
    os.utime(path, (when, when))


def test_saving_through_a_symlink_changes_the_real_note_and_keeps_the_link(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    real = share / "note.clausier"
    notefile.write(sample_note(), real)
    link = tmp_path / "note.clausier"
    os.symlink(real, link)
    changed = sample_note()
    changed.reference = "PM/2018/124"
    assert notefile.write(changed, link) == []
    assert link.is_symlink()
    assert notefile.read(real).reference == "PM/2018/124"


def test_saving_a_note_with_a_hard_link_says_so(tmp_path):
    path = tmp_path / "note.clausier"
    notefile.write(sample_note(), path)
    os.link(path, tmp_path / "other.clausier")
    changed = sample_note()
    changed.reference = "PM/2018/124"
    (warning,) = notefile.write(changed, path)
    assert "hard link" in warning
    assert notefile.read(tmp_path / "other.clausier").reference == "PM/2018/123"


def test_a_read_only_note_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "note.clausier"
    notefile.write(sample_note(), path)
    path.chmod(0o444)
    before = path.read_bytes()
    changed = sample_note()
    changed.reference = "PM/2018/124"
    with pytest.raises(NoteFileError) as caught:
        notefile.write(changed, path)
    assert str(caught.value) == (
        "Cannot save note.clausier: the file is read-only. The previous file is unchanged."
    )
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["note.clausier"]


def test_a_note_holding_lone_surrogates_is_saved_with_replacement_characters(tmp_path):
    note = sample_note()
    note.subject = {"fr": "caf\udce9", "nl": "\ud800x"}
    path = tmp_path / "note.clausier"
    notefile.write(note, path)
    assert notefile.read(path).subject == {"fr": "caf\ufffd", "nl": "\ufffdx"}


def test_a_note_name_of_255_bytes_is_saved(tmp_path):
    path = tmp_path / ("é" * 123 + ".clausier")
    assert len(path.name.encode("utf-8")) == 255
    notefile.write(sample_note(), path)
    notefile.write(sample_note(), path)
    assert notefile.read(path).reference == "PM/2018/123"


def test_saving_removes_stale_temp_files_of_interrupted_saves_beside_the_note(tmp_path):
    old_style = tmp_path / ".note.clausier.0123abcd.tmp"
    new_style = tmp_path / ".~89abcdef.tmp"
    fresh = tmp_path / ".~01234567.tmp"
    for leftover in (old_style, new_style, fresh):
        leftover.write_bytes(b"half a note")
    _stale(old_style)
    _stale(new_style)
    notefile.write(sample_note(), tmp_path / "note.clausier")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".~01234567.tmp", "note.clausier"]


# --- hostile and oversized notes ------------------------------------------------------


def _note_json(body: str) -> str:
    return '{"format": "clausier-note", "version": 1, "note": ' + body + "}"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "damaged: it nests more than 64 levels deep"),
        (
            _note_json(
                '{"sections": [{"blocks": [{"type": "linked", "clause": "x", "revision": 1e400}]}]}'
            ),
            r"damaged: it holds a number too large to use \(1e400\)",
        ),
        (
            _note_json(
                '{"sections": [{"blocks": [{"type": "linked", "clause": "x", "revision": '
                + "9" * 5000
                + "}]}]}"
            ),
            "damaged: it holds a number of more than 100 digits",
        ),
        (_note_json('{"subject": {"fr": "caf\\ud800"}}'), "damaged: it holds a broken character"),
        (_note_json('{"sections": [], "x": NaN}'), "damaged: it holds NaN"),
    ],
    ids=["100000-deep", "1e400", "5000-digits", "surrogate", "nan"],
)
def test_a_hostile_note_is_one_clear_note_file_error(tmp_path, text, reason):
    path = tmp_path / "hostile.clausier"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NoteFileError, match=reason) as caught:
        notefile.read(path)
    assert str(caught.value).startswith("hostile.clausier: the note is ")
    assert path.read_text(encoding="utf-8") == text


def test_a_named_pipe_or_a_link_to_a_device_is_not_read_as_a_note(tmp_path):
    os.mkfifo(tmp_path / "pipe.clausier")
    with pytest.raises(NoteFileError, match="Cannot read pipe.clausier: it is a named pipe"):
        notefile.read(tmp_path / "pipe.clausier")
    (tmp_path / "zero.clausier").symlink_to("/dev/zero")
    with pytest.raises(NoteFileError, match="Cannot read zero.clausier: it is a device"):
        notefile.read(tmp_path / "zero.clausier")


def test_a_note_file_over_the_size_cap_is_refused_by_its_size(tmp_path):
    path = tmp_path / "huge.clausier"
    path.touch()
    os.truncate(path, 1024**3)  # a sparse gigabyte
    with pytest.raises(NoteFileError, match="larger than 16 MB"):
        notefile.read(path)


def _sections(count: int, blocks: int = 1, rows: int = 0) -> str:
    block = {"type": "followup", "rows": [{}] * rows} if rows else {"type": "text", "text": "x"}
    section = {"title": {"fr": "S"}, "blocks": [block] * blocks}
    return _note_json(json.dumps({"sections": [section] * count}))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (lambda: _sections(notefile.MAX_SECTIONS + 1), "more than 500 sections"),
        (lambda: _sections(21, blocks=100), "more than 2000 blocks"),
        (lambda: _sections(1, rows=notefile.MAX_ROWS + 1), "more than 1000 rows"),
        (
            lambda: _note_json(json.dumps({"subject": "x" * (notefile.MAX_TEXT_CHARS + 1)})),
            "longer than 1000000 characters",
        ),
        (
            lambda: _note_json(json.dumps({"variables": {f"v{n}": "x" for n in range(1001)}})),
            "more than 1000 variables",
        ),
    ],
    ids=["sections", "blocks", "rows", "text", "variables"],
)
def test_a_note_past_a_cap_is_refused_with_the_cap(tmp_path, text, words):
    path = tmp_path / "big.clausier"
    path.write_text(text(), encoding="utf-8")
    with pytest.raises(NoteFileError, match=words):
        notefile.read(path)


def test_a_note_at_every_cap_still_opens(tmp_path):
    path = tmp_path / "full.clausier"
    path.write_text(_sections(notefile.MAX_SECTIONS, blocks=4), encoding="utf-8")
    note = notefile.read(path)
    assert len(note.sections) == notefile.MAX_SECTIONS
    assert sum(1 for _ in note.blocks()) == notefile.MAX_BLOCKS


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda n: n.sections.extend(Section() for _ in range(500)), "more than 500 sections"),
        (lambda n: n.sections[0].blocks.extend(TextBlock() for _ in range(2000)), "2000 blocks"),
        (lambda n: n.sections[0].blocks.append(FollowUpTable([FollowUpRow()] * 1001)), "rows"),
        (lambda n: n.subject.update(fr="x" * 1_000_001), "longer than 1000000 characters"),
    ],
    ids=["sections", "blocks", "rows", "text"],
)
def test_a_note_past_a_cap_is_not_saved_so_every_saved_note_opens_again(tmp_path, make, words):
    path = tmp_path / "note.clausier"
    notefile.write(sample_note(), path)
    before = path.read_bytes()
    note = sample_note()
    make(note)
    with pytest.raises(NoteFileError, match=words):
        notefile.write(note, path)
    assert path.read_bytes() == before


def _zip(path, names: list[str]) -> bytes:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name in names:
            archive.writestr(name, "<xml/>")
    return path.read_bytes()


@pytest.mark.parametrize("name", ["rapport.docx", "rapport.clausier", "modele.dotx"])
def test_a_word_file_is_named_as_a_word_file_and_left_untouched(tmp_path, name):
    import docx

    path = tmp_path / name
    docx.Document().save(str(path))
    before = path.read_bytes()
    with pytest.raises(NoteFileError) as refused:
        notefile.read(path)
    assert str(refused.value) == f"{name} is a Word file, not a Clausier note."
    assert path.read_bytes() == before


def test_a_word_file_whose_main_part_has_another_name_is_still_a_word_file(tmp_path):
    path = tmp_path / "online.docx"
    _zip(path, ["[Content_Types].xml", "_rels/.rels", "word/document2.xml"])
    with pytest.raises(NoteFileError, match="^online.docx is a Word file, not a Clausier note.$"):
        notefile.read(path)


@pytest.mark.parametrize(
    "names", [["[Content_Types].xml", "xl/workbook.xml"], []], ids=["spreadsheet", "empty-zip"]
)
def test_another_zip_is_not_called_a_word_file(tmp_path, names):
    path = tmp_path / "tableau.xlsx"
    _zip(path, names)
    with pytest.raises(NoteFileError) as refused:
        notefile.read(path)
    assert "Word" not in str(refused.value)


def test_a_damaged_zip_that_starts_like_a_word_file_is_not_called_one(tmp_path):
    path = tmp_path / "tronque.docx"
    path.write_bytes(b"PK\x03\x04" + bytes(200))
    with pytest.raises(NoteFileError) as refused:
        notefile.read(path)
    assert str(refused.value) == "tronque.docx: the note is damaged (line 1, column 1)."


# --- formatted text (format version 4) --------------------------------------------

NOTES = Path(__file__).parents[1] / "data" / "notes"


@pytest.mark.parametrize("name", ["plain-v1.clausier", "range-v2.clausier", "deadline-v3.clausier"])
def test_an_older_note_with_no_formatting_is_written_back_byte_for_byte(tmp_path, name):
    # These files were written by Clausier before formatted text existed.
    original = (NOTES / name).read_bytes()
    note = notefile.read(NOTES / name)
    copy = tmp_path / name
    notefile.write(note, copy)
    assert copy.read_bytes() == original


def formatted_note() -> Note:
    from app.text.richtext import ListKind, TextRun, paragraph, rich

    text = rich(
        [
            paragraph([TextRun("Le ministre rappelle les points "), TextRun("essentiels", True)]),
            paragraph("premier", ListKind.NUMBERED),
            paragraph([TextRun("second", italic=True)], ListKind.NUMBERED),
        ]
    )
    copied = rich([paragraph([TextRun("Le "), TextRun("SIS", True)])])
    return Note(
        sections=[
            Section(
                {"fr": "S"},
                [
                    TextBlock({"fr": text, "nl": "- gewoon"}),
                    CopiedClause("vd2.2.1", 1, {"fr": "Titre"}, {"fr": copied}),
                ],
            )
        ]
    )


def test_formatted_text_survives_a_round_trip_as_version_4(tmp_path):
    note = formatted_note()
    path = tmp_path / "formatted.clausier"
    notefile.write(note, path)
    data = json.loads(path.read_bytes())
    assert data["version"] == 4
    blocks = data["note"]["sections"][0]["blocks"]
    assert blocks[0]["text"]["nl"] == "- gewoon"  # a string still, where one is enough
    assert blocks[0]["text"]["fr"][1] == {"list": "numbered", "text": "premier"}
    assert blocks[1]["text"]["fr"] == [["Le ", {"text": "SIS", "bold": True}]]
    assert notefile.read(path) == note


def test_bullets_alone_need_no_newer_version(tmp_path):
    note = Note(sections=[Section({"fr": "S"}, [TextBlock({"fr": "Intro\n- un\n- deux"})])])
    path = tmp_path / "bullets.clausier"
    notefile.write(note, path)
    data = json.loads(path.read_bytes())
    assert data["version"] == 1
    assert data["note"]["sections"][0]["blocks"][0]["text"] == {"fr": "Intro\n- un\n- deux"}


def test_a_reader_of_version_3_says_formatted_text_needs_a_newer_clausier(tmp_path, monkeypatch):
    path = tmp_path / "formatted.clausier"
    notefile.write(formatted_note(), path)
    monkeypatch.setattr(notefile, "NOTE_VERSION", 3)  # what the Clausier before it checks
    with pytest.raises(NoteFileError, match="newer version"):
        notefile.read(path)


def test_a_damaged_paragraph_is_refused_with_the_reason(tmp_path):
    body = {"sections": [{"blocks": [{"type": "text", "text": {"fr": [{"list": "x"}]}}]}]}
    path = tmp_path / "bad.clausier"
    path.write_text(json.dumps({"format": "clausier-note", "version": 4, "note": body}))
    with pytest.raises(NoteFileError, match="damaged: .*paragraph Clausier cannot read"):
        notefile.read(path)


def test_the_text_cap_counts_the_characters_of_formatted_text(tmp_path):
    runs = [{"text": "x" * 600_000, "bold": True}, "y" * 400_001]
    body = {"sections": [{"blocks": [{"type": "text", "text": {"fr": [runs]}}]}]}
    path = tmp_path / "long.clausier"
    path.write_text(json.dumps({"format": "clausier-note", "version": 4, "note": body}))
    with pytest.raises(NoteFileError, match="longer than 1000000 characters"):
        notefile.read(path)


# --- quotations of a source: paraphrase and excerpt (issue 12) -------------------------


def test_a_paraphrase_and_an_excerpt_survive_a_round_trip_in_a_version_1_file(tmp_path):
    from app.notes.note import CopiedClause, LinkedClause, Section

    linked = LinkedClause("vd2.1.4", 1, paraphrase=True)
    quoted = CopiedClause(
        "vd2.1.4", 1, {"fr": "T"}, {"fr": "la nécessité"}, excerpt={"fr": (11, 23)}
    )
    note = Note(sections=[Section({"fr": "S"}, [linked, quoted, LinkedClause("vd2.1.5", 1)])])
    path = tmp_path / "q.clausier"
    notefile.write(note, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1  # older readers ignore both keys: no newer version is needed
    blocks = data["note"]["sections"][0]["blocks"]
    assert blocks[0]["paraphrase"] is True
    assert blocks[1]["excerpt"] == {"fr": [11, 23]} and "paraphrase" not in blocks[1]
    assert "paraphrase" not in blocks[2] and "excerpt" not in blocks[2]
    read = notefile.read(path).sections[0].blocks
    assert read[0].paraphrase and not read[2].paraphrase
    assert read[1].excerpt == {"fr": (11, 23)} and not read[1].paraphrase


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("paraphrase", "yes"),
        ("excerpt", {"fr": [5, 2]}),
        ("excerpt", {"fr": [-1, 2]}),
        ("excerpt", {"fr": [1]}),
        ("excerpt", {"fr": [True, 2]}),
        ("excerpt", [1, 2]),
    ],
)
def test_a_bad_paraphrase_or_excerpt_is_refused_as_damage(tmp_path, key, value):
    block = {"type": "copied", "id": "b", "clause": "vd2.1.4", "revision": 1, "text": {}}
    block[key] = value
    data = {
        "format": "clausier-note",
        "version": 1,
        "note": {"sections": [{"id": "s", "blocks": [block]}]},
    }
    path = tmp_path / "bad.clausier"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(NoteFileError, match=key):
        notefile.read(path)
