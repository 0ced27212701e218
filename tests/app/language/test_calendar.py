"""Tests for the facts of Babel's calendars kept between runs: the same dates as Babel, fresh."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.language import calendar, dates

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def fresh_facts():
    """Every test loads the facts from its own cache folder, and leaves none loaded."""

    def forget() -> None:
        calendar.forget()
        for kept in (dates._month_names, dates._weekday_names, dates._format_date):
            kept.cache_clear()
        dates.format_range.cache_clear()

    forget()
    yield
    forget()


def babel(d: date, lang: str, kind: str) -> str:
    """``d`` as Babel itself writes pattern ``kind`` of ``lang`` (with "1er" in French)."""
    return dates._pattern(lang, kind, d.day == 1).apply(d, dates._locale(lang))


def days_to_check() -> list[date]:
    """Every day of 2016–2019, a leap year among them, and every first of a month to 2040."""
    every = [date(2016, 1, 1) + timedelta(days=n) for n in range(4 * 365 + 1)]
    firsts = [date(year, month, 1) for year in range(2000, 2041) for month in range(1, 13)]
    return every + firsts


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("kind", calendar.KINDS)
def test_the_kept_facts_write_every_date_as_babel_does(lang, kind):
    assert calendar.facts() is not None  # found as files in this environment
    for d in days_to_check():
        suffix = "er" if lang == "fr" and d.day == 1 else ""
        assert calendar.write(d, lang, kind, suffix) == babel(d, lang, kind), (d, lang, kind)


def test_the_months_and_weekdays_read_are_babels():
    from_facts = dates._month_names(), dates._weekday_names()
    calendar.forget()
    dates._month_names.cache_clear()
    dates._weekday_names.cache_clear()
    calendar._kept = None  # as if Babel's files could not be found: Babel itself
    assert (dates._month_names(), dates._weekday_names()) == from_facts
    assert dates.parse_date("1er sept. 2018") == date(2018, 9, 1)


def test_the_facts_are_kept_in_the_cache_folder_and_read_again_without_babel(tmp_path):
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "CLAUSIER_CACHE_DIR": str(tmp_path / "cache"),
    }
    script = (
        "import sys; from datetime import date; from app.language import dates;"
        "print(dates.format_date(date(2018, 6, 1), 'fr'), dates.format_date(date(2018, 6, 11),"
        " 'nl', weekday=True), 'babel' in sys.modules, sep='|')"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=environment
        )
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    assert runs[0].stdout == "1er juin 2018|maandag 11 juni 2018|True\n"  # read from Babel
    assert runs[1].stdout == "1er juin 2018|maandag 11 juni 2018|False\n"  # from the kept facts
    kept = json.loads((tmp_path / "cache" / "calendar.json").read_text(encoding="utf-8"))
    assert kept["key"] == calendar.fingerprint()
    assert kept["facts"]["fr"]["months"]["format"]["wide"][5] == "juin"


def fake_babel(folder: Path) -> list[str]:
    """Stand-ins for Babel's files, whose size and time make the key."""
    files = []
    for name in ("__init__.py", "fr.dat", "nl.dat"):
        path = folder / name
        path.write_text("x", encoding="utf-8")
        files.append(str(path))
    return files


def test_the_facts_are_read_from_babel_again_when_babels_files_change(tmp_path, monkeypatch):
    files = fake_babel(tmp_path)
    monkeypatch.setattr(calendar, "_babel_files", lambda: files)
    reads = []
    real = calendar.from_babel
    monkeypatch.setattr(calendar, "from_babel", lambda: reads.append(1) or real())
    assert calendar.facts()["nl"]["months"]["format"]["wide"][0] == "januari"
    calendar.forget()
    calendar.facts()
    assert len(reads) == 1  # the second process reads the kept file
    Path(files[1]).write_text("another Babel", encoding="utf-8")
    calendar.forget()
    assert calendar.facts()["fr"]["days"]["format"]["wide"][0] == "lundi"
    assert len(reads) == 2


def test_a_damaged_cache_file_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAUSIER_CACHE_DIR", str(tmp_path))
    (tmp_path / "calendar.json").write_text('{"key": ', encoding="utf-8")
    assert dates.format_date(date(2018, 6, 11), "fr", weekday=True) == "lundi 11 juin 2018"
    kept = json.loads((tmp_path / "calendar.json").read_text(encoding="utf-8"))
    assert kept["key"] == calendar.fingerprint()


def test_a_cache_folder_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CLAUSIER_CACHE_DIR", str(blocked / "cache"))
    assert dates.format_date(date(2016, 2, 1), "fr") == "1er février 2016"
    assert not (blocked / "cache").exists()


def test_without_babels_files_the_dates_come_from_babel(monkeypatch):
    monkeypatch.setattr(calendar, "_babel_files", lambda: None)
    assert calendar.facts() is None
    assert calendar.write(date(2018, 6, 11), "fr", "long") is None
    assert dates.format_date(date(2018, 6, 11), "fr") == "11 juin 2018"


@pytest.mark.parametrize(
    ("pattern", "fields"),
    [
        ("d MMMM y", [("d", 1), " ", ("M", 4), " ", ("y", 1)]),
        ("EEEE d 'de' MMMM", [("E", 4), " ", ("d", 1), " de ", ("M", 4)]),
        ("d''MM", [("d", 1), "'", ("M", 2)]),
        ("'o''clock' d", ["o'clock ", ("d", 1)]),
        ("cccc", [("c", 4)]),
    ],
)
def test_patterns_are_cut_into_fields_and_literals(pattern, fields):
    assert calendar._fields(pattern) == fields


@pytest.mark.parametrize("pattern", ["h:mm", "d MMMMM y", "G y", "'open", "ddd", "c"])
def test_a_pattern_with_a_field_it_does_not_write_is_left_to_babel(pattern):
    assert calendar._fields(pattern) is None


@pytest.mark.parametrize(
    "spoil",
    [
        lambda facts: facts["fr"].pop("patterns"),
        lambda facts: facts["nl"]["months"]["format"]["wide"].pop(),
        lambda facts: facts["fr"]["days"]["stand-alone"].update(wide=None),
        lambda facts: facts["fr"]["patterns"].update(long=12),
    ],
)
def test_kept_facts_under_the_right_key_but_edited_are_read_again(tmp_path, monkeypatch, spoil):
    monkeypatch.setenv("CLAUSIER_CACHE_DIR", str(tmp_path))
    facts = calendar.from_babel()
    spoil(facts)
    kept = {"key": calendar.fingerprint(), "facts": facts}
    (tmp_path / "calendar.json").write_text(json.dumps(kept), encoding="utf-8")
    assert dates.format_date(date(2018, 6, 1), "nl", weekday=True) == "vrijdag 1 juni 2018"
    assert dates.format_date(date(2018, 12, 1), "fr") == "1er décembre 2018"
    made_again = json.loads((tmp_path / "calendar.json").read_text(encoding="utf-8"))
    assert made_again["facts"] == calendar.from_babel()
