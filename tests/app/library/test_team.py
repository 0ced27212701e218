"""Tests for the team library: a read-only folder of library files, cached for offline use."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from app.library import clauses as library_mod
from app.library.clauses import TEAM, Clause, Kind, Library
from app.library.team import TeamLibrary, export_set
from app.system.errors import LibraryError


def clause(clause_id: str, text: str, revision: int = 1) -> Clause:
    return Clause(clause_id, Kind.STANDARD, {"fr": text[:20]}, {"fr": text}, revision=revision)


def write(folder, name: str, *clauses: Clause) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    library = Library(clauses={c.id: c for c in clauses})
    (folder / name).write_text(library_mod.dumps(library), encoding="utf-8")


@pytest.fixture
def share(tmp_path):
    folder = tmp_path / "share"
    write(folder, "sis.json", clause("team.sis", "La ligne SIS de l’équipe."))
    write(folder, "pnr.json", clause("team.pnr", "Le PNR ferroviaire."))
    return folder


def test_every_file_of_the_folder_is_read_and_marked_team(share, tmp_path):
    team = TeamLibrary(share, cache=tmp_path / "cache")
    refresh = team.refresh()
    assert refresh.changed and refresh.problems == [] and not refresh.offline
    assert set(team.library.clauses) == {"team.sis", "team.pnr"}
    assert all(c.library == TEAM for c in team.library)
    assert [f.name for f in refresh.files] == ["pnr.json", "sis.json"]


def test_one_unreadable_file_is_reported_and_the_rest_works(share, tmp_path):
    (share / "broken.json").write_text("{ not json", encoding="utf-8")
    (share / "foreign.json").write_text('{"format": "something-else"}', encoding="utf-8")
    team = TeamLibrary(share, cache=tmp_path / "cache")
    refresh = team.refresh()
    assert set(team.library.clauses) == {"team.sis", "team.pnr"}
    assert len(refresh.problems) == 2
    assert any("broken.json" in p for p in refresh.problems)
    assert any("foreign.json" in p for p in refresh.problems)


def test_files_are_read_again_only_when_they_change(share, tmp_path, monkeypatch):
    team = TeamLibrary(share, cache=tmp_path / "cache")
    team.refresh()
    reads = []
    original = library_mod.loads
    monkeypatch.setattr(
        library_mod, "loads", lambda *a, **k: reads.append(k.get("name")) or original(*a, **k)
    )
    assert not team.refresh().changed and reads == []
    write(share, "sis.json", clause("team.sis", "La ligne SIS révisée.", revision=2))
    stat = (share / "sis.json").stat()
    os.utime(share / "sis.json", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert team.refresh().changed and reads == ["sis.json"]
    assert team.library.get("team.sis").revision == 2


def test_the_last_copy_is_used_when_the_folder_is_offline(share, tmp_path):
    cache = tmp_path / "cache"
    TeamLibrary(share, cache=cache).refresh()
    share.rename(tmp_path / "unplugged")
    team = TeamLibrary(share, cache=cache)  # a new start, on the train
    refresh = team.refresh()
    assert refresh.offline and "cannot be reached" in refresh.problems[0]
    assert set(team.library.clauses) == {"team.sis", "team.pnr"}
    assert all(f.from_copy for f in refresh.files)


def test_a_file_damaged_after_it_was_seen_falls_back_to_its_copy(share, tmp_path):
    cache = tmp_path / "cache"
    TeamLibrary(share, cache=cache).refresh()
    (share / "sis.json").write_text("{ half a file", encoding="utf-8")
    team = TeamLibrary(share, cache=cache)
    refresh = team.refresh()
    assert "team.sis" in team.library.clauses
    assert "its copy of" in refresh.problems[0]
    assert [f.name for f in refresh.files if f.from_copy] == ["sis.json"]


def test_a_withdrawn_file_leaves_the_library(share, tmp_path):
    team = TeamLibrary(share, cache=tmp_path / "cache")
    team.refresh()
    (share / "pnr.json").unlink()
    assert team.refresh().changed
    assert set(team.library.clauses) == {"team.sis"}


def test_the_same_id_in_two_files_is_reported(share, tmp_path):
    write(share, "zz-other.json", clause("team.sis", "Une autre version."))
    team = TeamLibrary(share, cache=tmp_path / "cache")
    refresh = team.refresh()
    assert any("team.sis" in p and "zz-other.json" in p for p in refresh.problems)
    assert team.library.get("team.sis").text["fr"] == "Une autre version."


def test_no_folder_is_an_empty_team_library(tmp_path):
    team = TeamLibrary(None, cache=tmp_path / "cache")
    refresh = team.refresh()
    assert refresh.problems == [] and len(team.library) == 0


def test_a_curator_exports_clauses_with_their_revisions_and_sources(tmp_path):
    builtin = library_mod.builtin()
    first = clause("p.1", "Première version du texte.")
    second = replace(first, text={"fr": "Deuxième version du texte, {sommet}."}, revision=2)
    library = Library()
    library.merge(builtin)
    library.merge(Library(clauses={"p.1": second}, archive={"p.1": {1: first}}))
    library.variables["sommet"] = ("text", "Le sommet")
    path = export_set(library, ["p.1", "vd2.1.4"], tmp_path / "share" / "set.json")
    exported = library_mod.load_file(path)
    assert list(exported.clauses) == ["p.1", "vd2.1.4"]
    assert exported.at("p.1", 1).text["fr"] == "Première version du texte."
    assert set(exported.sources) == {"vd2"}
    assert exported.variables == {"sommet": ("text", "Le sommet")}


def test_exporting_an_unknown_clause_or_nothing_is_refused(tmp_path):
    with pytest.raises(LibraryError, match="nope"):
        export_set(library_mod.builtin(), ["nope"], tmp_path / "x.json")
    with pytest.raises(LibraryError, match="at least one"):
        export_set(library_mod.builtin(), [], tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()


# --- hostile files in the folder ---------------------------------------------------


def _hostile(folder) -> dict[str, str]:
    """Make every kind of bad file IT has met in a team folder; name → words of its problem."""
    lib = '{"format": "clausier-library", "version": 1, "clauses": [%s]}'
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder / "infinite.json").write_text(lib % '{"id": "x.1", "revision": 1e400}')
    (folder / "digits.json").write_text(lib % ('{"id": "x.2", "revision": ' + "9" * 5000 + "}"))
    (folder / "surrogate.json").write_text(lib % '{"id": "x.3", "text": {"fr": "\\ud800"}}')
    os.mkfifo(folder / "pipe.json")
    (folder / "zero.json").symlink_to("/dev/zero")
    (folder / "gone.json").symlink_to(folder / "nowhere")
    huge = folder / "huge.json"
    huge.touch()
    os.truncate(huge, 1024**3)  # sparse
    return {
        "deep.json": "nests more than",
        "infinite.json": "too large",
        "digits.json": "more than 100 digits",
        "surrogate.json": "broken character",
        "pipe.json": "named pipe",
        "zero.json": "device",
        "gone.json": "leads nowhere",
        "huge.json": "larger than 128 MB",
    }


def test_hostile_files_are_skipped_and_named_once_each_while_the_rest_works(share, tmp_path):
    expected = _hostile(share)
    team = TeamLibrary(share, cache=tmp_path / "cache")
    refresh = team.refresh()  # the old reader hung on the pipe and read /dev/zero for ever
    assert set(team.library.clauses) == {"team.sis", "team.pnr"}
    assert not refresh.offline
    assert len(refresh.problems) == len(expected)
    for name, words in expected.items():
        (line,) = [p for p in refresh.problems if name in p]
        assert words in line and "\n" not in line
    states = {f.name: f for f in refresh.files}
    assert all(states[name].problem and states[name].clauses == 0 for name in expected)
    assert not (tmp_path / "cache" / "files" / "pipe.json").exists()


def test_a_file_replaced_by_a_link_to_a_device_falls_back_to_its_copy(share, tmp_path):
    cache = tmp_path / "cache"
    TeamLibrary(share, cache=cache).refresh()
    (share / "sis.json").unlink()
    (share / "sis.json").symlink_to("/dev/zero")
    team = TeamLibrary(share, cache=cache)
    refresh = team.refresh()
    assert team.library.get("team.sis").text["fr"] == "La ligne SIS de l’équipe."
    (line,) = refresh.problems
    assert "sis.json" in line and "device" in line and "its copy of" in line


def test_a_damaged_manifest_in_the_cache_is_read_as_none(share, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "manifest.json").write_text("[" * 100_000)
    team = TeamLibrary(share, cache=cache)
    assert team.refresh().problems == []
    assert set(team.library.clauses) == {"team.sis", "team.pnr"}
