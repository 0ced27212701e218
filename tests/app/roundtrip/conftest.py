"""Fixtures of the Word round-trip tests: the built-in library and a note exported to Word."""

from __future__ import annotations

import pytest

from app.library import clauses as library_mod
from tests.app.roundtrip.wordedit import export, sample_note


@pytest.fixture(scope="module")
def library():
    """The built-in library (read once per test module)."""
    return library_mod.builtin()


@pytest.fixture
def exported(tmp_path):
    """The sample note and the .docx it was exported to, in this test's folder."""
    note = sample_note()
    return note, export(note, tmp_path / "note.docx")
