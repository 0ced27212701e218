"""``clausier check-spelling NOTE [--json]``: the note's unknown words, each where it is.

Each text the note owns is checked in its language with the shipped dictionaries and
the user's own words; the words the note ignores (Ignore All in the window) stay
ignored. The exit status is 1 when there is an unknown word, as ``clausier check``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from app.language.i18n import _, ngettext

if TYPE_CHECKING:
    from app.notes.note import Note
    from app.notes.texts import Place
    from app.spelling.note import Misspelling

EXIT_UNKNOWN = 1


def add_parser(commands, parser_class) -> None:
    """Add ``check-spelling`` to the command line's subcommands."""
    check = commands.add_parser(
        "check-spelling",
        help=_("list the words of a note the spelling dictionaries do not know"),
        description=_(
            "Check the spelling of every text the note owns, each in its language (French "
            "or Dutch), with the dictionaries shipped with Clausier and your own words; "
            "linked clauses are the library's wording and are not checked. The exit "
            "status is 1 when a word is unknown."
        ),
    )
    check.add_argument("note", type=Path, help=_("the .clausier note"))
    check.add_argument("--json", action="store_true", help=_("print JSON"))
    check.add_argument(
        "--no-suggestions",
        action="store_true",
        help=_("do not look for suggestions (faster on a long note)"),
    )


def _positions(note: Note) -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    sections = {s.id: n for n, s in enumerate(note.sections, 1)}
    blocks = {b.id: (sections[s.id], n) for s in note.sections for n, b in enumerate(s.blocks, 1)}
    return sections, blocks


def where(note: Note, place: Place) -> str:
    """Where a text is, in words: "subject", "section 2, block 3", "section 2, block 3, row 1"."""
    from app.notes.texts import CELL, METADATA, TITLE

    sections, blocks = _positions(note)
    if place.kind == METADATA:
        names = {
            "subject": _("subject"),
            "addressee": _("addressee"),
            "author_function": _("function"),
            "cabinet": _("cabinet"),
            "place": _("place"),
        }
        return names.get(place.field, place.field)
    if place.kind == TITLE:
        return _("section {n}, title").format(n=sections.get(place.section_id, 0))
    section, block = blocks.get(place.block_id, (0, 0))
    if place.kind == CELL:
        return _("section {n}, block {b}, row {r}").format(n=section, b=block, r=place.row + 1)
    return _("section {n}, block {b}").format(n=section, b=block)


def _json(note: Note, found: list[Misspelling], suggestions: dict) -> list[dict]:
    sections, blocks = _positions(note)
    out = []
    for mistake in found:
        place = mistake.place
        item = {
            "word": mistake.word,
            "lang": place.lang,
            "kind": place.kind,
            "where": where(note, place),
            "start": mistake.start,
            "end": mistake.end,
            "before": mistake.before,
            "after": mistake.after,
        }
        if place.field:
            item["field"] = place.field
        if place.section_id:
            item["section"] = sections.get(place.section_id, 0)
            item["section_id"] = place.section_id
        if place.block_id:
            item["block"] = blocks.get(place.block_id, (0, 0))[1]
            item["block_id"] = place.block_id
        if place.row >= 0:
            item["row"] = place.row + 1
        if suggestions is not None:
            item["suggestions"] = suggestions.get((mistake.word, place.lang), [])
        out.append(item)
    return out


def run(args: argparse.Namespace) -> int:
    """Print the note's unknown words; 1 when there is one."""
    from app.cli.common import _warn
    from app.notes import file as notefile
    from app.spelling.checker import Speller
    from app.spelling.note import misspellings

    note = notefile.read(args.note)
    speller = Speller()
    found = misspellings(note, speller)
    for problem in speller.problems:
        _warn(problem)
    suggestions: dict | None = None
    if not args.no_suggestions:
        suggestions = {}
        for mistake in found:
            key = (mistake.word, mistake.place.lang)
            if key not in suggestions:
                suggestions[key] = speller.suggest(mistake.word, mistake.place.lang)
    if args.json:
        print(json.dumps(_json(note, found, suggestions), ensure_ascii=False, indent=2))
        return EXIT_UNKNOWN if found else 0
    for mistake in found:
        lang = mistake.place.lang.upper()
        line = f"{args.note.name}: {where(note, mistake.place)} ({lang}): {mistake.word}"
        offered = (suggestions or {}).get((mistake.word, mistake.place.lang))
        if offered:
            line += " → " + ", ".join(offered)
        print(line)
        print(f"  …{mistake.before}[{mistake.word}]{mistake.after}…")
    if found:
        print(
            ngettext(
                "{n} unknown word.",
                "{n} unknown words.",
                len(found),
            ).format(n=len(found))
        )
        return EXIT_UNKNOWN
    print(_("No unknown words."))
    return 0
