"""Lists count as Word does: per list, per level, from 1 again after prose or a shallower item."""

from __future__ import annotations

import pytest

from app.text.numbering import list_ids, list_numbers, list_sequences, number_label
from app.text.richtext import ListKind, paragraph

B, N, P = ListKind.BULLET, ListKind.NUMBERED, ListKind.PLAIN


def items(*specs):
    return [paragraph(f"p{i}", kind, level) for i, (kind, level) in enumerate(specs)]


def test_prose_even_an_empty_line_ends_a_list_and_the_next_counts_from_one():
    paragraphs = items((N, 0), (N, 0), (P, 0), (N, 0), (N, 0))
    assert list_numbers(paragraphs) == [1, 2, 0, 1, 2]
    sequences = [s for s, _n in list_sequences(paragraphs)]
    assert sequences[0] == sequences[1] != sequences[3] == sequences[4] and sequences[2] == -1


def test_a_deeper_level_counts_again_under_each_item_and_the_outer_list_goes_on():
    paragraphs = items((N, 0), (N, 1), (N, 1), (N, 0), (N, 1), (B, 1), (N, 0))
    assert list_numbers(paragraphs) == [1, 1, 2, 2, 1, 1, 3]


def test_another_kind_at_the_same_level_ends_the_sequence():
    assert list_numbers(items((N, 0), (N, 0), (B, 0), (N, 0))) == [1, 2, 1, 1]


def test_word_lists_nest_numbers_in_their_numbered_parent_and_start_others_anew():
    paragraphs = items((N, 0), (N, 1), (N, 0), (N, 1), (B, 1), (N, 1), (P, 0), (N, 0))
    ids = list_ids(paragraphs)
    outer = ids[0]
    assert ids[1] == ids[2] == ids[3] == outer  # Word restarts level 1 after each item
    assert ids[5] not in (outer, ids[4])  # after a bullet list: a list of its own, from 1
    assert ids[6] == -1 and ids[7] not in ids[:6]


@pytest.mark.parametrize(
    ("number", "level", "label"),
    [(3, 0, "3."), (3, 1, "c)"), (27, 1, "aa)"), (4, 2, "iv."), (14, 2, "xiv."), (2, 3, "2.")],
)
def test_labels_are_one_a_and_roman_then_again(number, level, label):
    assert number_label(number, level) == label
