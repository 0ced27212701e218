"""Tests for word-level differences between two wordings."""

from __future__ import annotations

import pytest

from app.library.clauses import Clause, Kind
from app.library.worddiff import Op, Piece, as_text, changed, diff_clauses, diff_words, tokens


def test_words_spaces_and_punctuation_are_separate_tokens():
    assert tokens("l’école, vite !") == ["l", "’", "école", ",", " ", "vite", " ", "!"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("agir vite", "agir vite", "agir vite"),
        ("agir vite", "agir très vite", "agir {+très +}vite"),
        ("agir très vite", "agir vite", "agir [-très -]vite"),
        ("la sécurité des écoles", "la sûreté des écoles", "la [-sécurité-]{+sûreté+} des écoles"),
        # A space between two changed words reads as one changed phrase.
        ("nous devons agir", "il faut lutter", "[-nous devons agir-]{+il faut lutter+}"),
        ("", "nouveau texte", "{+nouveau texte+}"),
        ("ancien texte", "", "[-ancien texte-]"),
    ],
)
def test_a_word_diff_shows_removed_and_added_words(old, new, expected):
    assert as_text(diff_words(old, new)) == expected


def test_a_diff_rebuilds_both_texts():
    old = "Soulignant la nécessité d’agir contre le financement du terrorisme."
    new = "Soulignant la nécessité de lutter contre le financement du terrorisme, vite."
    pieces = diff_words(old, new)
    assert "".join(p.text for p in pieces if p.op is not Op.INSERT) == old
    assert "".join(p.text for p in pieces if p.op is not Op.DELETE) == new


def test_changed_is_false_for_equal_texts():
    assert not changed(diff_words("même texte", "même texte"))
    assert changed([Piece(Op.INSERT, "x")])


def test_clause_diffs_are_per_language():
    old = Clause("c", Kind.STANDARD, {"fr": "Titre"}, {"fr": "Un texte.", "nl": "Een tekst."})
    new = Clause("c", Kind.STANDARD, {"fr": "Titre"}, {"fr": "Un autre texte.", "nl": "Een tekst."})
    diffs = diff_clauses(old, new)
    assert diffs["fr"].changed and not diffs["nl"].changed
    assert as_text(diffs["fr"].text) == "Un {+autre +}texte."
