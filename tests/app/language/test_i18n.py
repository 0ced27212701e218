"""The interface speaks French, Dutch and English completely: catalogs are checked here."""

from __future__ import annotations

import re
import tokenize
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from app.language import i18n

ROOT = Path(__file__).resolve().parents[3]
LOCALE = ROOT / "resources" / "locale"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\(\w+\)s|%[sd]")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def catalog(lang: str):
    with (LOCALE / lang / "LC_MESSAGES" / "clausier.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def source_messages() -> set[str]:
    found = set()
    for folder in ("app", "ui"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_every_string_in_the_code_is_in_the_catalogs():
    missing = source_messages() - {
        m.id if isinstance(m.id, str) else m.id[0] for m in catalog("fr") if m.id
    }
    assert not missing, f"run scripts/translations.sh and translate: {sorted(missing)[:10]}"


def test_no_translated_string_hides_inside_an_f_string():
    """Babel's extractor cannot see ``_()`` inside an f-string: such text is never translated."""
    hidden = []
    call = re.compile(r"\b(_|N_|ngettext)\(")
    for folder in ("app", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            with path.open("rb") as handle:
                for token in tokenize.tokenize(handle.readline):
                    prefix = token.string[:2].lower()
                    if token.type == tokenize.STRING and "f" in prefix.rstrip("\"'"):
                        if call.search(token.string):
                            hidden.append(f"{path.relative_to(ROOT)}:{token.start[0]}")
    assert not hidden, f"move the translated text out of the f-string: {hidden}"


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_french_and_dutch_catalogs_are_complete(lang):
    untranslated = []
    for message in catalog(lang):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            untranslated.append(message.id)
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_translations_keep_every_placeholder(lang):
    wrong = []
    for message in catalog(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = sorted(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            if text and sorted(PLACEHOLDER.findall(text)) != expected:
                wrong.append((message.id, text))
    assert not wrong, wrong[:5]


@pytest.mark.parametrize(
    ("lang", "expected"), [("fr", "Insérer la clause vd2.1.4"), ("nl", "Clausule vd2.1.4 invoegen")]
)
def test_switching_language_renames_past_edits_in_the_undo_history(lang, expected):
    from app.library.clauses import builtin
    from app.notes.editing import NoteSession
    from app.notes.note import Note, Section

    session = NoteSession(Note(sections=[Section({"fr": "A"})]))
    session.insert_clause(session.note.sections[0].id, builtin().get("vd2.1.4"))
    assert session.history.undo_label == "Insert clause vd2.1.4"
    i18n.set_language(lang)
    assert session.history.undo_label == expected
    i18n.set_language("en")
    assert session.history.undo_label == "Insert clause vd2.1.4"


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_stale_compiled_catalog_gives_way_to_its_newer_source(tmp_path, monkeypatch, lang):
    import os
    import shutil

    folder = tmp_path / lang / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(LOCALE / lang / "LC_MESSAGES" / "clausier.po", folder / "clausier.po")
    (folder / "clausier.mo").write_bytes(b"")  # an old, broken compilation
    os.utime(folder / "clausier.mo", (0, 0))
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    translations = i18n.load(lang)
    assert translations.gettext("&Undo") != "&Undo"


def test_the_system_locale_decides_the_first_language(monkeypatch):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "nl_BE.UTF-8")
    assert i18n.system_language() == "nl"
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    assert i18n.system_language() == "fr"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.setattr(i18n.locale, "getlocale", lambda: (None, None))
    assert i18n.system_language() == "en"
