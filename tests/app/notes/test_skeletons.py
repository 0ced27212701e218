"""Tests for the built-in note skeletons."""

import pytest

from app.notes import skeletons
from app.notes.note import FollowUpTable
from app.system.errors import NoteFileError


def test_the_bilateral_briefing_has_the_five_expected_sections():
    note = skeletons.new_note("bilateral")
    titles = [s.title["fr"] for s in note.sections]
    assert titles == [
        "Contexte",
        "Engagements concernés",
        "État des lieux",
        "Éléments de langage",
        "Proposition de décision",
    ]
    assert all(s.title.get("nl") for s in note.sections)
    assert skeletons.clauses_section("bilateral") == 1


def test_the_follow_up_skeleton_holds_a_follow_up_table():
    note = skeletons.new_note("followup")
    section = note.sections[skeletons.clauses_section("followup")]
    assert isinstance(section.blocks[0], FollowUpTable)


def test_each_new_note_gets_fresh_ids():
    first, second = skeletons.new_note("bilateral"), skeletons.new_note("bilateral")
    assert {s.id for s in first.sections}.isdisjoint(s.id for s in second.sections)


def test_every_skeleton_has_a_title_in_each_interface_language():
    for skeleton in skeletons.available():
        assert {"fr", "nl", "en"} <= set(skeleton.title)


def test_an_unknown_skeleton_names_the_available_ones():
    with pytest.raises(NoteFileError, match="bilateral"):
        skeletons.new_note("nope")
