"""``clausier reconcile NOTE EDITED.docx``: what Word changed in a note, and applying it.

Without ``--apply`` nothing is written: the changes are listed, block by block and per
language, with their word differences. ``--apply all`` (or the numbers of some changes)
writes them into the note atomically, after keeping the previous note in the user data
folder's ``backups`` (never beside the note, where the where-used index would read it as
a note of its own).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from app.language.i18n import _, ngettext


def add_parser(commands, parser_class) -> None:
    """Add ``reconcile`` to the command line's subcommands."""
    del parser_class
    command = commands.add_parser(
        "reconcile",
        help=_("bring back the changes made in Word to a note's export"),
        description=_(
            "List what was changed in a Word file exported from the note: blocks edited "
            "(with the word differences), deleted or moved, paragraphs added, first-page "
            "details, tracked changes and comments. Nothing is written unless --apply says "
            "which changes to take; the previous note is then kept in the backups folder."
        ),
    )
    command.add_argument("note", type=Path, help=_("the .clausier note"))
    command.add_argument("word", type=Path, help=_("the edited .docx file"))
    command.add_argument("--json", action="store_true", help=_("print JSON"))
    command.add_argument(
        "--apply",
        nargs="+",
        metavar="ID",
        help=_("write these changes into the note (their numbers, or “all”)"),
    )
    command.add_argument(
        "--as-revision",
        action="store_true",
        help=_(
            "with --apply: save the new wording of an edited linked clause that is one of "
            "your own as a new revision of it (“edited in Word”) instead of a copy in the note"
        ),
    )


def backups_dir() -> Path:
    """Where a note is kept before changes from Word are written into it."""
    from app.system import paths

    return paths.data_dir() / "backups"


def keep_backup(path: Path) -> Path:
    """Copy the note at ``path`` into the backups folder (atomically); the copy's path."""
    from app.system.atomic import write_atomic

    data = path.read_bytes()
    folder = backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}.clausier"
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{path.stem}-{stamp}-{number}.clausier"
    write_atomic(target, lambda stream: stream.write(data))
    return target


def _change_json(change, note) -> dict:
    from app.library import worddiff
    from app.roundtrip import words as reconcilewords

    return {
        "id": change.id,
        "kind": change.kind.value,
        "lang": change.lang,
        "block": change.block_id,
        "section": change.section_id,
        "where": reconcilewords.place(change, note),
        "certain": change.certain,
        **({"detail": change.what} if change.what else {}),
        **({"after": change.after} if change.after else {}),
        **({"author": change.author} if change.author else {}),
        **({"date": change.date} if change.date else {}),
        **({"text": change.text} if change.text else {}),
        **({"formats": True} if change.formats else {}),
        "diff": [{"op": p.op.value, "text": p.text} for p in change.diff],
        "diff_text": worddiff.as_text(change.diff),
    }


def _lines(reconciliation, note, review) -> list[str]:
    from app.cli.quotes import condensed
    from app.roundtrip import words as reconcilewords

    lines = []
    for change in reconciliation.changes:
        who = reconcilewords.by_whom(change)
        head = "{id:>3}  {kind}: {place} ({language}){who}{doubt}".format(
            id=change.id,
            kind=reconcilewords.kind_name(change),
            place=reconcilewords.place(change, note),
            language=reconcilewords.language_name(change.lang),
            who=f" {who}" if who else "",
            doubt="" if change.certain else " (?)",
        )
        lines.append(head)
        if change.kind.value == "section" and change.what == "deleted":
            how = review.heading_deletion(change)
            lines.append("       " + reconcilewords.heading_outcome(how))
        if change.kind.value == "comment":
            lines.append("       " + _("“{text}”").format(text=change.text).replace("\n", " "))
        elif change.diff:
            lines.append("       " + condensed(change.diff).replace("\n", " ¶ "))
    return lines


def _revise(review, collection, wanted: list[str]) -> list[str]:
    """Save the changes ``wanted`` of linked personal clauses as new revisions; their ids."""
    from app.library.clauses import PERSONAL
    from app.notes.note import LinkedClause
    from app.roundtrip import apply as reconcileapply
    from app.roundtrip.changes import Kind

    found = review.reconciliation
    revised = []
    for change_id in reconcileapply.wanted_ids(found, wanted):
        change = found.change(change_id)
        if change.kind not in (Kind.EDITED, Kind.TRACKED) or change.what.startswith("cell:"):
            continue
        try:
            block = review.session.block(change.block_id)
        except KeyError:
            continue
        if not isinstance(block, LinkedClause):
            continue
        clause = review.library.find(block.clause_id)
        if clause is None or clause.library != PERSONAL:
            continue
        if reconcileapply.revise_clause(review, change_id, collection):
            revised.append(change_id)
    return revised


def run(args: argparse.Namespace) -> int:
    """List the changes of ``args.word`` against ``args.note``; apply those asked for."""
    from app.cli.common import _warn
    from app.collection import actions
    from app.notes import file as notefile
    from app.notes.editing import NoteSession
    from app.roundtrip import apply as reconcileapply
    from app.roundtrip import reconcile
    from app.system.errors import ClausierError

    if args.as_revision and not args.apply:
        raise ClausierError(_("--as-revision says how to apply changes: give --apply too."))
    session = NoteSession.open(args.note)
    collection = None
    if args.as_revision:
        collection = actions.Collection.open(sync_index=False)
        loaded = actions.LoadedLibraries(collection.library, list(collection.problems))
    else:
        loaded = actions.load_all()
    for problem in loaded.problems:
        _warn(problem)
    note = session.note
    found = reconcile.reconcile_file(note, loaded.library, args.word)
    described = [_change_json(c, note) for c in found.changes]  # named before any applies
    text_lines = _lines(found, note, reconcileapply.Review(session, found, loaded.library))
    applied = []
    backup = None
    revised: list[str] = []
    if args.apply:
        review = reconcileapply.Review(session, found, loaded.library)
        if collection is not None:
            revised = _revise(review, collection, args.apply)
        done = reconcileapply.apply_all(session, found, loaded.library, args.apply, review=review)
        applied = sorted({*revised, *(c.id for c in done)}, key=int)
        if done:
            backup = keep_backup(args.note)
            for warning in notefile.write(session.note, args.note):
                _warn(warning)
    if args.json:
        print(
            json.dumps(
                {
                    "note": str(args.note),
                    "word": str(args.word),
                    "languages": list(found.languages),
                    "marked": found.by_marks,
                    "unchanged": found.unchanged,
                    "changes": described,
                    "applied": applied,
                    **({"revised": revised} if args.as_revision else {}),
                    **({"backup": str(backup)} if backup else {}),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for line in text_lines:
        print(line)
    summary = ngettext("{n} change, ", "{n} changes, ", len(found.changes)).format(
        n=len(found.changes)
    ) + ngettext("{n} block unchanged.", "{n} blocks unchanged.", found.unchanged).format(
        n=found.unchanged
    )
    print(summary)
    if any(not c.certain for c in found.changes):
        print(_("(?) a match made by aligning the text alone, less certain: check it."))
    if not found.by_marks:
        print(_("The file has lost Clausier's marks: every block was found by its text alone."))
    if args.apply:
        print(
            ngettext(
                "{n} change was written into {note}.",
                "{n} changes were written into {note}.",
                len(applied),
            ).format(n=len(applied), note=args.note.name)
        )
        for change_id in revised:
            block = review.session.block(found.change(change_id).block_id)
            print(
                _("Clause {id} was saved as its revision {n} (“edited in Word”).").format(
                    id=block.clause_id, n=block.revision
                )
            )
        if backup is not None:
            print(_("The previous note is kept as {path}.").format(path=backup))
    elif found.changes:
        print(
            _(
                "Nothing was changed in the note; “--apply all” or “--apply 1 3” writes changes "
                "into it."
            )
        )
    return 0
