"""The real ``clausier`` command, run as a process: dates, places and languages in the Word file.

Each test creates a note with ``clausier note new``, exports it with
``clausier export`` and reads the .docx back as Word does (python-docx, and the
``w:lang`` of each run).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.oxml.ns import qn

from app.language.period import DateRange
from app.notes import file as notefile
from app.notes.note import Section, TextBlock
from app.system.settings import user_file

CLAUSIER = Path(sys.executable).with_name("clausier")


def clausier(*argv: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CLAUSIER), *argv], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def new_and_export(tmp_path: Path, *options: str, export: tuple[str, ...] = ()) -> Path:
    created = clausier(
        "note", "new", "--date", "2018-06-11", *options, "-o", "n.clausier", "--force", cwd=tmp_path
    )
    assert created.returncode == 0, created.stderr
    exported = clausier("export", "n.clausier", *export, "-o", "n.docx", "--force", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    return tmp_path / "n.docx"


def runs(paragraph) -> list[tuple[str, str]]:
    """(text, w:lang) of each run of a python-docx paragraph."""
    found = []
    for run in paragraph.runs:
        lang = run._r.find(qn("w:rPr")).find(qn("w:lang"))
        found.append((run.text, lang.get(qn("w:val"))))
    return found


def meta_rows(document) -> dict[str, object]:
    """The first-page block: label text → value paragraph."""
    table = document.tables[0]
    return {row.cells[0].text: row.cells[1].paragraphs[0] for row in table.rows}


BILINGUAL = ("--lang", "fr+nl", "--subject", "Réunion bilatérale", "--subject-nl", "Bilaterale")


def test_a_meeting_range_and_the_place_lines_reach_the_word_file(tmp_path):
    path = new_and_export(tmp_path, *BILINGUAL, "--meeting-date", "2018-04-25/2018-04-26")
    document = docx.Document(str(path))
    first, second = document.paragraphs[:2]
    assert runs(first) == [("Bruxelles, le 11 juin 2018", "fr-BE")]
    assert runs(second) == [("Brussel, 11 juni 2018", "nl-BE")]
    assert first.style.name == "Clausier Place Line"
    assert first.style.paragraph_format.alignment == WD_PARAGRAPH_ALIGNMENT.RIGHT
    rows = meta_rows(document)
    assert "Date / Datum" not in rows  # the place line gives the date
    assert runs(rows["Réunion / Vergadering"]) == [
        ("25–26 avril 2018", "fr-BE"),
        (" / ", "nl-BE"),
        ("25–26 april 2018", "nl-BE"),
    ]
    saved = (tmp_path / "n.clausier").read_text(encoding="utf-8")
    assert '"meeting_date": "2018-04-25/2018-04-26"' in saved and '"version": 2' in saved


def test_a_variable_holding_a_range_across_months_is_written_as_one(tmp_path):
    created = clausier(
        "note", "new", "--subject", "S", "--date", "2018-06-11",
        "--meeting-date", "30/04/2018 – 2/05/2018", "-o", "n.clausier", cwd=tmp_path,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    note = notefile.read(tmp_path / "n.clausier")
    note.sections = [Section({"fr": "Contexte"}, [TextBlock({"fr": "Réunion du {meeting_date}."})])]
    notefile.write(note, tmp_path / "n.clausier")
    exported = clausier("export", "n.clausier", "-o", "n.docx", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    texts = [p.text for p in docx.Document(str(tmp_path / "n.docx")).paragraphs]
    assert "Réunion du 30 avril – 2 mai 2018." in texts


def test_a_range_that_ends_before_it_starts_is_refused_in_one_line(tmp_path):
    result = clausier(
        "note", "new", "--subject", "S", "--meeting-date", "2018-04-26/2018-04-25",
        "-o", "n.clausier", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "ends before it starts" in result.stderr
    assert not (tmp_path / "n.clausier").exists()


def test_the_place_comes_from_the_options_or_the_settings(tmp_path):
    user_file().parent.mkdir(parents=True, exist_ok=True)
    user_file().write_text("[settings]\nplace_fr = Namur\nplace_nl = Namen\n", encoding="utf-8")
    path = new_and_export(tmp_path, *BILINGUAL)
    assert [p.text for p in docx.Document(str(path)).paragraphs[:2]] == [
        "Namur, le 11 juin 2018",
        "Namen, 11 juni 2018",
    ]
    path = new_and_export(tmp_path, *BILINGUAL, "--place", "Liège", "--place-nl", "Luik")
    assert [p.text for p in docx.Document(str(path)).paragraphs[:2]] == [
        "Liège, le 11 juin 2018",
        "Luik, 11 juni 2018",
    ]


def test_each_half_of_a_bilingual_label_carries_its_own_language(tmp_path):
    path = new_and_export(
        tmp_path, *BILINGUAL, "--to", "Monsieur le Premier ministre", "--from", "Marie Dupont"
    )
    table = docx.Document(str(path)).tables[0]
    labels = {row.cells[0].text: runs(row.cells[0].paragraphs[0]) for row in table.rows}
    assert labels["À / Aan"] == [("À", "fr-BE"), (" / ", "nl-BE"), ("Aan", "nl-BE")]
    assert labels["Objet / Betreft"] == [("Objet", "fr-BE"), (" / ", "nl-BE"), ("Betreft", "nl-BE")]
    assert labels["De / Van"] == [("De", "fr-BE"), (" / ", "nl-BE"), ("Van", "nl-BE")]
    path = new_and_export(
        tmp_path, "--lang", "fr+nl", "--subject", "S", "--place", "", "--place-nl", ""
    )
    labels = [runs(row.cells[0].paragraphs[0]) for row in docx.Document(str(path)).tables[0].rows]
    assert [("Date", "fr-BE"), (" / ", "nl-BE"), ("Datum", "nl-BE")] in labels  # no place line


def test_french_addressee_and_cabinet_are_never_copied_into_the_dutch_side(tmp_path):
    french_only = (
        "--to",
        "Monsieur le Premier ministre",
        "--cabinet",
        "Cabinet du Premier ministre",
    )
    created = clausier("note", "new", *BILINGUAL, *french_only, "-o", "n.clausier", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    assert "--to-nl not given" in created.stderr and "--cabinet-nl not given" in created.stderr
    exported = clausier("export", "n.clausier", "-o", "n.docx", cwd=tmp_path)
    rows = meta_rows(docx.Document(str(tmp_path / "n.docx")))
    assert runs(rows["À / Aan"]) == [
        ("Monsieur le Premier ministre", "fr-BE"),
        (" / ", "nl-BE"),
        ("[Nederlandse tekst ontbreekt]", "nl-BE"),
    ]
    dutch = [text for text, lang in runs(rows["De / Van"]) if lang == "nl-BE"]
    assert "Cabinet du Premier ministre" not in dutch and "[Nederlandse tekst ontbreekt]" in dutch
    assert "clausier: warning: the addressee: no Dutch text" in exported.stderr


def test_dutch_addressee_and_cabinet_are_given_with_their_own_options(tmp_path):
    path = new_and_export(
        tmp_path, *BILINGUAL,
        "--to", "Monsieur le Premier ministre", "--to-nl", "De heer Eerste Minister",
        "--cabinet", "Cabinet du Premier ministre", "--cabinet-nl", "Kabinet van de Eerste Minister",
    )  # fmt: skip
    rows = meta_rows(docx.Document(str(path)))
    assert runs(rows["À / Aan"]) == [
        ("Monsieur le Premier ministre", "fr-BE"),
        (" / ", "nl-BE"),
        ("De heer Eerste Minister", "nl-BE"),
    ]
    assert ("Kabinet van de Eerste Minister", "nl-BE") in runs(rows["De / Van"])
    note = notefile.read(tmp_path / "n.clausier")
    assert note.subject == {"fr": "Réunion bilatérale", "nl": "Bilaterale"}


def test_a_dutch_note_takes_the_plain_options_as_dutch(tmp_path):
    path = new_and_export(
        tmp_path, "--lang", "nl", "--subject", "Opvolging", "--to", "De heer Eerste Minister"
    )
    rows = meta_rows(docx.Document(str(path)))
    assert runs(rows["Aan"]) == [("De heer Eerste Minister", "nl-BE")]
    assert notefile.read(tmp_path / "n.clausier").addressee == {"nl": "De heer Eerste Minister"}


def test_the_skeletons_dutch_default_stays_when_no_dutch_value_is_given(tmp_path):
    created = clausier(
        "note", "new", *BILINGUAL, "--skeleton", "bilateral", "-o", "n.clausier", cwd=tmp_path
    )
    assert created.returncode == 0, created.stderr
    note = notefile.read(tmp_path / "n.clausier")
    assert note.addressee == {"fr": "Monsieur le Premier ministre", "nl": "De heer Eerste Minister"}
    created = clausier(
        "note", "new", *BILINGUAL, "--skeleton", "bilateral", "--to", "Madame la Ministre",
        "-o", "m.clausier", cwd=tmp_path,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    note = notefile.read(tmp_path / "m.clausier")
    assert note.addressee == {"fr": "Madame la Ministre", "nl": "De heer Eerste Minister"}
    assert "--to-nl not given: the Dutch side stays “De heer Eerste Minister”" in created.stderr


def test_dates_written_in_words_are_read_by_note_new(tmp_path):
    created = clausier(
        "note", "new", "--subject", "S", "--date", "lundi 11 juin 2018",
        "--meeting-date", "du 25 au 26 avril 2018", "-o", "n.clausier", cwd=tmp_path,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    note = notefile.read(tmp_path / "n.clausier")
    assert note.date == date(2018, 6, 11)
    assert note.meeting_date == DateRange(date(2018, 4, 25), date(2018, 4, 26))


def test_a_wrong_weekday_on_the_command_line_is_one_line_saying_why(tmp_path):
    result = clausier(
        "note", "new", "--subject", "S", "--date", "maandag 12 juni 2018",
        "-o", "n.clausier", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "12 June 2018 is a Tuesday" in result.stderr  # the interface language
    assert not (tmp_path / "n.clausier").exists()
