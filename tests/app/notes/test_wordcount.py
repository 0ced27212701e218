"""Word counts per language, as Word counts."""

from __future__ import annotations

import pytest

from app.language.codes import NoteLanguage
from app.library.clauses import Clause, Kind, Library
from app.notes.note import LinkedClause, Note, Section, TextBlock
from app.notes.wordcount import count, note_counts


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("", 0),
        ("L’invitation franco-belge", 2),
        ("les 25–26 avril 2018 – à Paris", 6),
        ("- un\n- deux", 2),
        ("« guillemets »", 1),
    ],
)
def test_words_are_runs_between_spaces_with_a_letter_or_digit(text, wanted):
    assert count(text) == wanted


def test_a_note_counts_titles_and_blocks_linked_clauses_included_per_language():
    clause = Clause("c1", Kind.COMMITMENT, {}, {"fr": "Trois mots ici", "nl": "Drie"}, revision=1)
    note = Note(
        subject={"fr": "Pas compté"},
        language=NoteLanguage.BILINGUAL,
        sections=[
            Section(
                {"fr": "Contexte"},
                [TextBlock({"fr": "Un deux", "nl": "Een twee drie"}), LinkedClause("c1", 1)],
            )
        ],
    )
    assert note_counts(note, Library(clauses={"c1": clause})) == {"fr": 6, "nl": 4}
