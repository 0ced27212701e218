"""Tests for the libraries a command opens: with a team library of 100,000 clauses, only what it touches is read."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.cli.command import main
from app.library import indexstore
from app.notes import file as notefile
from app.notes.note import FollowUpRow, FollowUpTable, LinkedClause, Note, Section

BIG = 100_000


@pytest.fixture(scope="session")
def big_team_folder(tmp_path_factory) -> Path:
    """A team folder holding one library file of 100,000 clauses (written once per session)."""
    folder = tmp_path_factory.mktemp("big-team")
    clauses = [
        {
            "id": f"team.{n}",
            "kind": "standard",
            "title": {"fr": f"Engagement d’équipe {n}"},
            "text": {"fr": f"L’équipe {n} renforce la coopération policière."},
            "revision": 1,
        }
        for n in range(BIG)
    ]
    library = {"format": "clausier-library", "version": 1, "clauses": clauses}
    (folder / "big.json").write_text(json.dumps(library, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture
def team_note(big_team_folder, tmp_path, capsys) -> Path:
    """A note linking three of the team's clauses and a built-in one, the team library indexed."""
    from app.system.settings import user_file

    user_file().parent.mkdir(parents=True, exist_ok=True)
    user_file().write_text(f"[settings]\nteam_library = {big_team_folder}\n", encoding="utf-8")
    note = Note(
        subject={"fr": "Suivi de l’équipe"},
        date=date(2018, 6, 11),
        sections=[
            Section(
                {"fr": "Engagements"},
                [
                    LinkedClause("team.17", 1),
                    LinkedClause("team.99999", 1),
                    LinkedClause("vd2.1.4", 1),
                ],
            ),
            Section({"fr": "Suivi"}, [FollowUpTable([FollowUpRow(clause_id="team.5")])]),
        ],
    )
    path = tmp_path / "notes" / "suivi.clausier"
    path.parent.mkdir()
    notefile.write(note, path)
    # The first command after the team file appeared reads it, keeps a copy and indexes it.
    assert main(["export", str(path), "-o", str(tmp_path / "first.docx")]) == 0
    capsys.readouterr()
    return path


@pytest.fixture
def made(monkeypatch) -> list[str]:
    """The ids of the clauses made from the index's rows from now on."""
    ids: list[str] = []
    original = indexstore.clause_from_row

    def counting(row, *rest):
        ids.append(row[0])
        return original(row, *rest)

    monkeypatch.setattr(indexstore, "clause_from_row", counting)
    return ids


def _document_text(path: Path) -> str:
    """Every text of a Word file's body, content controls included."""
    import zipfile

    return zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")


def test_a_team_library_of_100000_clauses_costs_an_export_only_the_clauses_the_note_links(
    team_note, made, tmp_path, capsys
):
    out = tmp_path / "second.docx"
    assert main(["export", str(team_note), "-o", str(out)]) == 0
    assert sorted(made) == ["team.17", "team.5", "team.99999"]
    body = _document_text(out)
    assert "L’équipe 17 renforce la coopération policière." in body
    assert "999 renforce la coopération policière." in body  # 99 999, in French
    assert "Engagement d’équipe 5" in body  # the follow-up table's row
    capsys.readouterr()

    made.clear()  # library show and where-used make only the clause asked for, too
    assert main(["library", "show", "team.42"]) == 0
    assert "L’équipe 42 renforce la coopération policière." in capsys.readouterr().out
    assert made == ["team.42"]
    made.clear()
    assert main(["library", "where-used", "team.17", "--folder", str(team_note.parent)]) == 0
    assert "suivi.clausier" in capsys.readouterr().out
    assert set(made) <= {"team.17"}
