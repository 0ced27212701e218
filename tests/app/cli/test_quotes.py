"""``clausier check`` and ``clausier coverage``: a note's quotations and its coverage."""

from __future__ import annotations

import json
from pathlib import Path

from app.cli.command import main
from app.cli.quotes import condensed
from app.language.codes import NoteLanguage
from app.library import clauses as library_mod
from app.library.worddiff import diff_words
from app.notes import file as notefile
from app.notes.editing import NoteSession
from app.notes.note import LinkedClause, Note, Section
from app.notes.quotation import block_text, excerpt_from_selection


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def quoting_session(tmp_path: Path) -> tuple[NoteSession, str]:
    """A saved note that quotes commitment 1.4 (whole) and part of 1.2."""
    library = library_mod.builtin()
    note = Note(
        subject={"fr": "Financement du terrorisme"},
        language=NoteLanguage.BILINGUAL,
        sections=[Section({"fr": "Engagements", "nl": "Verbintenissen"}, [])],
    )
    session = NoteSession(note, tmp_path / "quotes.clausier")
    section = note.sections[0].id
    clause = library.get("vd2.1.4")
    start, end = clause.anchor.span("fr")
    change = session.insert_quotation(
        section, excerpt_from_selection(library, "vd2", "fr", start, end)
    )
    other = library.get("vd2.1.2")
    begin = other.anchor.span("fr")[0] + other.text_in("fr").index("l’harmonisation")
    session.insert_quotation(
        section,
        excerpt_from_selection(library, "vd2", "fr", begin, begin + len("l’harmonisation")),
    )
    session.save()
    return session, change.block_id


def test_check_fails_with_the_diff_after_an_edit_and_passes_again_after_undo(capsys, tmp_path):
    session, block_id = quoting_session(tmp_path)
    path = str(session.path)
    code, out, _err = run(capsys, "check", path)
    assert code == 0
    assert "3 quotations match their source word for word" in out  # 1.4 in fr and nl, 1.2 in fr

    text = block_text(session.note.sections[0].blocks[0], None, "fr")
    session.edit_text(block_id, "fr", text.replace("biens culturels", "œuvres d’art", 1))
    session.save()
    code, out, _err = run(capsys, "check", path)
    assert code == 1
    assert "clause vd2.1.4 in “Engagements” (French) is presented as a quotation" in out
    assert "[-biens culturels-]{+œuvres d’art+}" in out
    assert "1 quotation no longer matches its source." in out

    session.undo()
    session.save()
    code, out, _err = run(capsys, "check", path)
    assert code == 0
    assert "no longer" not in out


def test_check_of_the_dutch_only_and_of_a_paraphrase(capsys, tmp_path):
    session, block_id = quoting_session(tmp_path)
    text = block_text(session.note.sections[0].blocks[0], None, "nl")
    session.edit_text(block_id, "nl", text + " En meer.")
    session.save()
    code, out, _err = run(capsys, "check", str(session.path), "--lang", "fr")
    assert code == 0
    code, out, _err = run(capsys, "check", str(session.path), "--lang", "nl")
    assert code == 1 and "{+ En meer.+}" in out
    session.set_paraphrase(block_id, True)
    session.save()
    code, out, _err = run(capsys, "check", str(session.path))
    assert code == 0
    assert "1 quotation matches" in out  # the excerpt of 1.2
    assert "2 paraphrases or translations are not quotations" in out  # 1.4 in fr and nl


def test_check_of_a_note_without_quotations_says_so(capsys, tmp_path):
    path = tmp_path / "empty.clausier"
    notefile.write(Note(sections=[Section({"fr": "S"}, [])]), path)
    code, out, _err = run(capsys, "check", str(path))
    assert code == 0
    assert "No block of the note is taken from a declaration." in out


def test_check_of_a_missing_note_is_one_line_and_an_error(capsys, tmp_path):
    code, out, err = run(capsys, "check", str(tmp_path / "none.clausier"))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1


def test_coverage_counts_per_part_and_lists_what_is_not_cited(capsys, tmp_path):
    path = tmp_path / "cover.clausier"
    blocks = [LinkedClause(i, 1) for i in ("vd2.1.1", "vd2.1.4", "vd2.3.2", "vd2.0.1")]
    notefile.write(Note(sections=[Section({"fr": "S"}, blocks)]), path)
    code, out, _err = run(capsys, "coverage", str(path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith("(vd2): 3 of 21 commitments cited")
    assert "  Part 1: 2 of 7 — En matière de lutte contre le terrorisme" in lines
    assert "  Part 2: 0 of 7 — En matière de lutte contre la radicalisation violente" in lines
    assert "  Part 3: 1 of 7 — Au niveau européen" in lines
    assert any(line.startswith("    ✓ 1.4 Financement du terrorisme") for line in lines)
    assert any(line.startswith("    · 1.5 ") for line in lines)


def test_coverage_as_json(capsys, tmp_path):
    path = tmp_path / "cover.clausier"
    block = LinkedClause("vd2.2.7", 1)
    notefile.write(Note(sections=[Section({"fr": "S"}, [block])]), path)
    code, out, _err = run(capsys, "coverage", str(path), "--json")
    assert code == 0
    (source,) = json.loads(out)["sources"]
    assert (source["id"], source["cited"], source["total"]) == ("vd2", 1, 21)
    part = source["parts"][1]
    assert (part["part"], part["cited_count"], part["total"]) == (2, 1, 7)
    assert part["cited"] == [
        {
            "id": "vd2.2.7",
            "number": "2.7",
            "title": dict(library_mod.builtin().get("vd2.2.7").title),
            "blocks": [block.id],
        }
    ]
    assert len(part["not_cited"]) == 6


def test_coverage_of_an_unknown_source_is_an_error(capsys, tmp_path):
    path = tmp_path / "cover.clausier"
    notefile.write(Note(), path)
    code, _out, err = run(capsys, "coverage", str(path), "--source", "nope")
    assert code == 1 and "nope" in err


def test_a_diff_keeps_the_words_around_each_change_only():
    old = "Un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze."
    new = old.replace("sept", "SEPT")
    text = condensed(diff_words(old, new), context=12)
    assert text == "… cinq six [-sept-]{+SEPT+} huit neuf …"


def test_the_command_line_export_warns_about_a_quotation_that_no_longer_matches(capsys, tmp_path):
    session, block_id = quoting_session(tmp_path)
    text = block_text(session.note.sections[0].blocks[0], None, "fr")
    session.edit_text(block_id, "fr", text.replace("de biens culturels", "d’œuvres"))
    session.save()
    code, _out, err = run(
        capsys, "export", str(session.path), "--lang", "fr", "-o", str(tmp_path / "n.docx")
    )
    assert code == 0
    warnings = [line for line in err.splitlines() if "no longer matches the declaration" in line]
    assert warnings == [
        "clausier: warning: clause vd2.1.4 in “Engagements”: its French text is presented as a "
        "quotation but no longer matches the declaration; it is exported as a paraphrase, "
        f"without a citation. “clausier check {session.path}” shows the differences."
    ]
    folder = str(tmp_path / "out") + "/"
    code, _out, err = run(  # a batch (the note named twice) names each note's own command
        capsys, "export", str(session.path), str(session.path), "--lang", "fr", "-o", folder
    )
    assert code == 0
    assert f"“clausier check {session.path}” shows the differences." in err


def test_coverage_prints_the_titles_of_the_interface_language_whatever_the_note_s(
    capsys, tmp_path, monkeypatch
):
    path = tmp_path / "cover.clausier"
    blocks = [LinkedClause(i, 1) for i in ("vd2.1.3", "vd2.1.4")]
    notefile.write(Note(language=NoteLanguage.FR, sections=[Section({"fr": "S"}, blocks)]), path)
    monkeypatch.setenv("LANGUAGE", "nl")
    code, out, _err = run(capsys, "coverage", str(path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "Frans-Belgische bijeenkomst “Val Duchesse II” — Gemeenschappelijke verklaring (vd2): "
        "2 van 21 verbintenissen aangehaald"
    )
    assert "  Deel 1: 2 van 7 — Inzake de strijd tegen terrorisme" in lines
    assert (
        "    ✓ 1.4 Terrorismefinanciering: illegale handel in cultuurgoederen  [vd2.1.4]" in lines
    )
    assert not any("lutte" in line or "Financement" in line for line in lines)
    monkeypatch.setenv("LANGUAGE", "en")  # English has no titles: the note's language
    code, out, _err = run(capsys, "coverage", str(path))
    assert "    ✓ 1.4 Financement du terrorisme : trafic de biens culturels  [vd2.1.4]" in out
