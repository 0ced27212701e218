"""The system's reasons for a failed file operation, in the user's words."""

from __future__ import annotations

import errno

import pytest

from app.language import i18n
from app.system.oserrors import reason

CODES = [
    (errno.ENOENT, "no such file or folder"),
    (errno.EACCES, "permission denied"),
    (errno.EPERM, "permission denied"),
    (errno.ENOSPC, "the disk is full"),
    (errno.EROFS, "the disk is read-only"),
    (errno.EISDIR, "it is a folder"),
    (errno.ENOTDIR, "a part of the path is not a folder"),
    (errno.ENAMETOOLONG, "the file name is too long"),
]


@pytest.mark.parametrize(("code", "words"), CODES)
def test_each_common_error_number_has_its_own_words(code, words):
    assert reason(OSError(code, "the C library's English", "x")) == words


def test_the_words_come_from_the_interface_language_s_catalog(tmp_path, monkeypatch):
    target = tmp_path / "fr" / "LC_MESSAGES"
    target.mkdir(parents=True)
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    lines += ['msgid "no such file or folder"', 'msgstr "aucun fichier ou dossier de ce nom"']
    (target / "clausier.po").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    i18n.set_language("fr")
    assert reason(FileNotFoundError(errno.ENOENT, "No such file or directory")) == (
        "aucun fichier ou dossier de ce nom"
    )


def test_an_error_number_not_listed_keeps_the_system_s_words():
    assert reason(OSError(errno.EBUSY, "Device or resource busy")) == "Device or resource busy"
    assert reason(OSError("no number at all")) == "no number at all"
