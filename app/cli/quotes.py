"""The ``clausier check`` and ``clausier coverage`` commands: quotations and coverage of a note.

``check NOTE`` lists every block presented as a quotation whose text no longer matches
its source, with the word differences, and exits with 1 when there is one;
``coverage NOTE [--json]`` says which commitments of each declaration the note cites,
part by part.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from app.language import i18n
from app.language.i18n import _, ngettext

if TYPE_CHECKING:
    from app.language.codes import Localized
    from app.library.worddiff import Piece
    from app.notes.coverage import SourceCoverage
    from app.notes.note import Note
    from app.notes.quotation import Quoted

#: How many characters of unchanged text a diff keeps on each side of a change.
CONTEXT = 40
EXIT_MISMATCH = 1


def add_parsers(commands, parser_class) -> None:
    """Add ``check`` and ``coverage`` to the command line's subcommands."""
    from app.cli.common import _language

    check = commands.add_parser(
        "check",
        help=_("check that the quotations of a note still match their source"),
        description=_(
            "List every block presented as a quotation whose text no longer matches the "
            "declaration it quotes, with the word differences; the exit status is 1 when "
            "there is one."
        ),
    )
    check.add_argument("note", type=Path, help=_("the .clausier note"))
    check.add_argument(
        "--lang",
        type=_language,
        help=_("the languages to check: fr, nl or fr+nl (default: the note’s own)"),
    )
    cover = commands.add_parser(
        "coverage",
        help=_("show which commitments of a declaration a note cites"),
        description=_(
            "Say, part by part, which commitments of each declaration the note cites "
            "(“Part 1: 5 of 7”) and which it does not."
        ),
    )
    cover.add_argument("note", type=Path, help=_("the .clausier note"))
    cover.add_argument("--source", action="append", metavar="ID", help=_("only this source"))
    cover.add_argument("--json", action="store_true", help=_("print JSON"))


def _load(path: Path):
    from app.cli.common import _warn
    from app.collection import actions
    from app.notes import file as notefile

    note = notefile.read(path)
    loaded = actions.load_all()
    for problem in loaded.problems:
        _warn(problem)
    return note, loaded.library


def condensed(pieces: list[Piece], context: int = CONTEXT) -> str:
    """A word diff written inline, ``[-removed-]{+added+}``, long unchanged stretches cut."""
    from app.library.worddiff import Op

    marks = {Op.DELETE: "[-{}-]", Op.INSERT: "{{+{}+}}"}
    out: list[str] = []
    for index, piece in enumerate(pieces):
        if piece.op is not Op.EQUAL:
            out.append(marks[piece.op].format(piece.text))
            continue
        text = piece.text
        first, last = index == 0, index == len(pieces) - 1
        keep_head = 0 if first else context
        keep_tail = 0 if last else context
        if len(text) > keep_head + keep_tail + 1:
            head = text[:keep_head].rsplit(" ", 1)[0] + " " if keep_head else ""
            tail = " " + text[len(text) - keep_tail :].split(" ", 1)[-1] if keep_tail else ""
            text = f"{head}…{tail}"
        out.append(text)
    return "".join(out)


def _language_name(lang: str) -> str:
    return _("French") if lang == "fr" else _("Dutch")


def _describe(quoted: Quoted, note) -> str:
    section = next((s for s in note.sections if s.id == quoted.section_id), None)
    titles = section.title if section else {}
    # The title in the interface language, as every line of the export's check names it.
    shown = (i18n.current_language(), quoted.lang, *titles)
    name = next((t for t in (titles.get(lang, "").strip() for lang in shown) if t), "")
    where = _("“{title}”").format(title=name) if name else _("an untitled section")
    return _(
        "clause {id} in {section} ({language}) is presented as a quotation but no longer "
        "matches the declaration:"
    ).format(id=quoted.clause_id, section=where, language=_language_name(quoted.lang))


def run_check(args: argparse.Namespace) -> int:
    """Check the note's quotations against their sources; 1 when one no longer matches."""
    from app.notes import quotation

    note, library = _load(args.note)
    languages = args.lang.languages if args.lang else note.language.languages
    found = list(quotation.assess_note(note, library, languages))
    differing = [q for q in found if q.standing is quotation.Standing.DIFFERS]
    for quoted in differing:
        print(f"{args.note.name}: {_describe(quoted, note)}")
        print("  " + condensed(quoted.diff()).replace("\n", "\n  "))
    verbatim = sum(1 for q in found if q.standing is quotation.Standing.VERBATIM)
    others = len(found) - verbatim - len(differing)
    if differing:
        print(
            ngettext(
                "{n} quotation no longer matches its source.",
                "{n} quotations no longer match their source.",
                len(differing),
            ).format(n=len(differing))
        )
        return EXIT_MISMATCH
    if not found:
        print(_("No block of the note is taken from a declaration."))
        return 0
    print(
        ngettext(
            "{n} quotation matches its source word for word",
            "{n} quotations match their source word for word",
            verbatim,
        ).format(n=verbatim)
        + ngettext(
            "; {n} paraphrase or translation is not a quotation.",
            "; {n} paraphrases or translations are not quotations.",
            others,
        ).format(n=others)
    )
    return 0


def _in(text: Localized | None, lang: str) -> str:
    """``text`` (a title per language) in ``lang``, else in the other language."""
    text = text or {}
    return text.get(lang, "").strip() or next((t for t in text.values() if t.strip()), "")


def titles_language(note: Note) -> str:
    """The language titles are printed in: the interface's, else (English) the note's first."""
    current = i18n.current_language()
    return current if current in ("fr", "nl") else note.language.languages[0]


def _coverage_lines(coverages: list[SourceCoverage], lang: str) -> list[str]:
    lines = []
    for covered in coverages:
        title = _in(covered.source.title, lang) or covered.source.id
        lines.append(
            _("{title} ({id}): {cited} of {total} commitments cited").format(
                title=title, id=covered.source.id, cited=covered.cited, total=covered.total
            )
        )
        for part in covered.parts:
            heading = _("Part {n}: {cited} of {total}").format(
                n=part.number, cited=len(part.cited), total=part.total
            )
            part_title = _in(part.title, lang)
            lines.append(f"  {heading} — {part_title}" if part_title else f"  {heading}")
            for mark, clauses in (("✓", part.cited), ("·", part.not_cited)):
                for clause in clauses:
                    number = (
                        f"{clause.origin.part}.{clause.origin.position}" if clause.origin else ""
                    )
                    lines.append(f"    {mark} {number} {clause.title_in(lang)}  [{clause.id}]")
    return lines


def run_coverage(args: argparse.Namespace) -> int:
    """Print which commitments of each declaration the note cites, part by part."""
    from app.notes import coverage
    from app.system.errors import ClausierError

    note, library = _load(args.note)
    if args.source:
        unknown = [s for s in args.source if s not in library.sources]
        if unknown:
            raise ClausierError(_("No source has the id “{id}”.").format(id=", ".join(unknown)))
    found = coverage.coverage(note, library, args.source)
    if args.json:
        print(json.dumps(coverage.to_json(found), ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(_("The library has no declaration with commitments."))
        return 0
    for line in _coverage_lines(found, titles_language(note)):
        print(line)
    return 0


def run(args: argparse.Namespace) -> int:
    """Run ``check`` or ``coverage``."""
    return run_check(args) if args.command == "check" else run_coverage(args)
