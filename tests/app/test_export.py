"""End-to-end export: a real note over the built-in library, read back as Word sees it."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest

from app import library as library_mod
from app.classification import Classification
from app.export import export_note
from app.language import NoteLanguage
from app.note import LinkedClause, Note, Section, TextBlock
from tests.app.docx.docxparts import NS, part

W_LANG = f"{{{NS['w']}}}val"


def val_duchesse_note(language: NoteLanguage) -> Note:
    return Note(
        subject={"fr": "Suivi Val Duchesse II", "nl": "Opvolging Val Duchesse II"},
        addressee={"fr": "Monsieur le Premier ministre", "nl": "De heer Eerste Minister"},
        author="Marie Dupont",
        date=date(2016, 2, 1),
        meeting_date=date(2018, 6, 11),
        reference="PM/2018/123",
        classification=Classification.RESTRICTED,
        language=language,
        variables={
            "minister": {
                "fr": "le ministre de l’Intérieur",
                "nl": "de minister van Binnenlandse Zaken",
            }
        },
        sections=[
            Section(
                {"fr": "Contexte", "nl": "Context"},
                [
                    TextBlock(
                        {
                            "fr": "Réunion avec {minister} le {meeting_date} : suivi.",
                            "nl": "Vergadering met {minister} op {meeting_date}: opvolging.",
                        }
                    ),
                    LinkedClause("vd2.0.1", 1),
                ],
            ),
            Section(
                {"fr": "Engagements concernés", "nl": "Betrokken verbintenissen"},
                [LinkedClause("vd2.1.4", 1), LinkedClause("vd2.3.2", 1)],
            ),
        ],
    )


def text_of(path) -> str:
    return "".join(part(path, "word/document.xml").itertext())


def test_a_french_export_has_the_dates_texts_and_tagged_clauses(tmp_path):
    result = export_note(
        val_duchesse_note(NoteLanguage.FR), library_mod.builtin(), tmp_path, language="fr"
    )
    assert result.path.name == "2016-02-01_Suivi-Val-Duchesse-II_FR.docx"
    text = text_of(result.path)
    assert "1er février 2016" in text
    assert "lundi 11 juin 2018" in text  # meeting date in the first-page block
    assert "Réunion avec le ministre de l’Intérieur le 11 juin 2018\u00a0: suivi." in text
    assert "Soulignant la nécessité d’agir contre le financement du terrorisme" in text
    root = part(result.path, "word/document.xml")
    tags = [t.get(W_LANG) for t in root.iterfind(".//w:sdtPr/w:tag", NS)]
    assert tags == ["clausier:vd2.0.1@1:fr", "clausier:vd2.1.4@1:fr", "clausier:vd2.3.2@1:fr"]
    langs = {e.get(W_LANG) for e in root.iterfind(".//w:r/w:rPr/w:lang", NS)}
    assert langs == {"fr-BE"}
    header = "".join("".join(part(result.path, name).itertext()) for name in ("word/header1.xml",))
    assert "DIFFUSION RESTREINTE" in header
    assert docx.Document(str(result.path)).core_properties.author == "Marie Dupont"
    assert result.warnings == []


def test_a_dutch_export_speaks_dutch_everywhere(tmp_path):
    result = export_note(
        val_duchesse_note(NoteLanguage.NL), library_mod.builtin(), tmp_path / "n.docx"
    )
    text = text_of(result.path)
    assert "1 februari 2016" in text and "maandag 11 juni 2018" in text
    assert "Vergadering met de minister van Binnenlandse Zaken op 11 juni 2018: opvolging." in text
    assert "Wijzend op de noodzaak" in text
    root = part(result.path, "word/document.xml")
    langs = {e.get(W_LANG) for e in root.iterfind(".//w:r/w:rPr/w:lang", NS)}
    assert langs == {"nl-BE"}
    styles = part(result.path, "word/styles.xml")
    default = styles.find(".//w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert default.get(W_LANG) == "nl-BE"


def test_a_bilingual_export_holds_both_languages_side_by_side(tmp_path):
    result = export_note(val_duchesse_note(NoteLanguage.BILINGUAL), library_mod.builtin(), tmp_path)
    assert result.path.name.endswith("_FR-NL.docx")
    root = part(result.path, "word/document.xml")
    tags = [t.get(W_LANG) for t in root.iterfind(".//w:sdtPr/w:tag", NS)]
    assert "clausier:vd2.1.4@1:fr" in tags and "clausier:vd2.1.4@1:nl" in tags
    langs = {e.get(W_LANG) for e in root.iterfind(".//w:r/w:rPr/w:lang", NS)}
    assert langs == {"fr-BE", "nl-BE"}


def test_a_missing_variable_is_visible_in_the_file_and_warned(tmp_path):
    note = val_duchesse_note(NoteLanguage.FR)
    note.variables.clear()
    result = export_note(note, library_mod.builtin(), tmp_path / "n.docx")
    assert "{minister}" in text_of(result.path)
    assert [w.code for w in result.warnings] == ["unfilled_variable"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_exported_note_opens_in_libreoffice(tmp_path):
    result = export_note(
        val_duchesse_note(NoteLanguage.BILINGUAL), library_mod.builtin(), tmp_path / "n.docx"
    )
    profile = tmp_path / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(result.path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "n.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(next(x for x in info.stdout.splitlines() if x.startswith("Pages:")).split()[1])
    assert 1 <= pages <= 3
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Opvolging" in text or "Wijzend op de noodzaak" in text
    assert f"Page / Pagina 1 / {pages}" in text


def test_the_template_comes_from_the_option_then_the_settings_then_the_built_in(tmp_path):
    from app import settings
    from app.export import default_template, resolve_template

    assert resolve_template() == default_template()
    site = settings.site_file()
    site.parent.mkdir(parents=True)
    site.write_text("[settings]\ntemplate = /srv/share/house.docx\n")
    assert resolve_template() == Path("/srv/share/house.docx")
    assert resolve_template(tmp_path / "mine.docx") == tmp_path / "mine.docx"
