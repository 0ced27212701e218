"""The ``clausier library …`` commands: list, search, show, and curate the personal library.

Each command opens the user's :class:`app.collection.actions.Collection`, does one
action and prints the result; errors are one line on stderr (see app.cli.command).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.language import i18n
from app.language.codes import LANGS
from app.language.i18n import N_, _, ngettext
from app.system.errors import ClausierError

KINDS = ("commitment", "context", "standard", "talking_point")
STATUSES = ("official", "unofficial")
#: How the text output names kinds and statuses (the same words as the window; --json
#: keeps the values above).
_KIND_NAMES = {
    "commitment": N_("Commitment"),
    "context": N_("Context"),
    "standard": N_("Standard paragraph"),
    "talking_point": N_("Talking point"),
}
_STATUS_NAMES = {
    "official": N_("official"),
    "unofficial": N_("unofficial translation"),
    "missing": N_("missing"),
}


def kind_name(kind) -> str:
    """A clause's kind in the interface language, as a word in a line: "engagement"."""
    value = getattr(kind, "value", kind)
    return _(_KIND_NAMES[value]).lower() if value in _KIND_NAMES else str(value)


def status_name(status) -> str:
    """A text's status in the interface language: "officielle", "niet-officiële vertaling"."""
    value = getattr(status, "value", status)
    return _(_STATUS_NAMES[value]) if value in _STATUS_NAMES else str(value)


def add_parser(commands, parser_class) -> argparse.ArgumentParser:
    """Add the ``library`` command and its subcommands to ``commands``."""
    lib = commands.add_parser("library", help=_("list, search, import and curate clauses"))
    sub = lib.add_subparsers(dest="library_command", parser_class=parser_class)

    listing = sub.add_parser("list", help=_("list every clause"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    search = sub.add_parser("search", help=_("search the clauses"))
    search.add_argument("query", nargs="+")
    search.add_argument("--retired", action="store_true", help=_("include retired clauses"))
    search.add_argument("--json", action="store_true", help=_("print JSON"))
    show = sub.add_parser("show", help=_("show one clause"))
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    imp = sub.add_parser("import", help=_("import a declaration (.txt or .docx)"))
    imp.add_argument("file", type=Path)
    imp.add_argument("--prefix", help=_("the id prefix of the new clauses"))
    imp.add_argument(
        "--lang", choices=LANGS, default="fr", help=_("the language of the text (default: fr)")
    )
    imp.add_argument("--title", default="", help=_("the source's title in French"))
    imp.add_argument("--title-nl", default="", help=_("the source's title in Dutch"))
    imp.add_argument("--date", type=_date, help=_("the source's date (YYYY-MM-DD)"))
    imp.add_argument("--place", default="", help=_("where the source was signed, in French"))
    imp.add_argument("--place-nl", default="", help=_("where the source was signed, in Dutch"))
    imp.add_argument(
        "--parties", default="", help=_("the parties, separated by commas (France, Belgique)")
    )
    imp.add_argument("--dry-run", action="store_true", help=_("show what would be imported"))

    add = sub.add_parser("add", help=_("add a clause to your personal library"))
    _text_options(add)
    add.add_argument("--id", default="", help=_("the clause's id (made up when omitted)"))
    add.add_argument("--kind", choices=KINDS, default="standard")
    add.add_argument("--tag", action="append", default=[], help=_("a tag (repeatable)"))
    edit = sub.add_parser("edit", help=_("change a personal clause (a new revision)"))
    edit.add_argument("id")
    _text_options(edit)
    edit.add_argument("--kind", choices=KINDS)
    for lang in LANGS:
        edit.add_argument(f"--status-{lang}", choices=STATUSES)
    tag = sub.add_parser("tag", help=_("add or remove tags of a personal clause"))
    tag.add_argument("id")
    tag.add_argument("--add", action="append", default=[], metavar="TAG")
    tag.add_argument("--remove", action="append", default=[], metavar="TAG")
    translate = sub.add_parser("translate", help=_("update one language as a translation"))
    translate.add_argument("id")
    translate.add_argument("lang", choices=LANGS)
    translate.add_argument("text", help=_("the translated text (- reads it from stdin)"))
    translate.add_argument("--title", help=_("the translated title"))
    confirm = sub.add_parser("confirm", help=_("confirm a translation still matches"))
    confirm.add_argument("id")
    confirm.add_argument("lang", choices=LANGS)
    for name, text in (
        ("retire", _("retire a personal clause (kept for the notes that use it)")),
        ("unretire", _("bring a retired clause back")),
        ("delete", _("delete a personal clause (notes keep its wording)")),
        ("undelete", _("bring a deleted clause back")),
        ("copy", _("copy a clause into your personal library, to change it")),
    ):
        sub.add_parser(name, help=text).add_argument("id")
    history = sub.add_parser("history", help=_("list the revisions of a clause"))
    history.add_argument("id")
    history.add_argument("--json", action="store_true", help=_("print JSON"))
    diff = sub.add_parser("diff", help=_("show what changed between two revisions"))
    diff.add_argument("id")
    diff.add_argument("old", type=int)
    diff.add_argument("new", type=int, nargs="?")
    restore = sub.add_parser("restore", help=_("make an earlier revision the newest"))
    restore.add_argument("id")
    restore.add_argument("revision", type=int)
    used = sub.add_parser("where-used", help=_("list the notes that use a clause"))
    used.add_argument("id")
    used.add_argument(
        "--folder", action="append", default=[], type=Path, help=_("a folder of notes")
    )
    used.add_argument("--json", action="store_true", help=_("print JSON"))
    dupes = sub.add_parser("duplicates", help=_("list near-duplicate clauses"))
    dupes.add_argument("id", nargs="?")
    dupes.add_argument("--json", action="store_true", help=_("print JSON"))
    sub.add_parser("translations", help=_("list translations that are out of date"))
    variable = sub.add_parser("variable", help=_("describe a variable of your clauses"))
    variable.add_argument("name")
    variable.add_argument("type", choices=("text", "date", "person"))
    variable.add_argument("description")
    sub.add_parser("team", help=_("show the team library's files"))
    export = sub.add_parser("export-set", help=_("write clauses as a library file"))
    export.add_argument("ids", nargs="+", metavar="ID")
    export.add_argument("-o", "--output", required=True, type=Path)
    return lib


def _date(text: str):
    from app.language.dates import parse_date

    try:
        return parse_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _text_options(parser: argparse.ArgumentParser) -> None:
    for lang in LANGS:
        parser.add_argument(f"--{lang}", help=_("the text in {lang}").format(lang=lang))
        parser.add_argument(
            f"--{lang}-file",
            type=Path,
            help=_("read the text in {lang} from a file").format(lang=lang),
        )
        parser.add_argument(f"--title-{lang}", help=_("the title in {lang}").format(lang=lang))


def _texts(args: argparse.Namespace) -> tuple[dict[str, str], dict[str, str]]:
    text: dict[str, str] = {}
    title: dict[str, str] = {}
    for lang in LANGS:
        value = getattr(args, lang)
        path = getattr(args, f"{lang}_file")
        if path is not None:
            try:
                value = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                from app.system import oserrors

                why = oserrors.reason(error) if isinstance(error, OSError) else _("not UTF-8 text")
                raise ClausierError(
                    _("Cannot read {name}: {reason}").format(name=path.name, reason=why)
                ) from None
        if value is not None:
            text[lang] = value
        if getattr(args, f"title_{lang}") is not None:
            title[lang] = getattr(args, f"title_{lang}")
    return text, title


def _ui_lang() -> str:
    return "nl" if i18n.current_language() == "nl" else "fr"


def clause_json(clause) -> dict:
    """A clause as the command line prints it in JSON."""
    from app.library import sync

    return {
        "id": clause.id,
        "kind": clause.kind.value,
        "source": clause.origin.source if clause.origin else None,
        "part": clause.part,
        "position": clause.origin.position if clause.origin else None,
        "revision": clause.revision,
        "title": {lang: clause.title.get(lang, "") for lang in LANGS},
        "text": {lang: clause.text.get(lang, "") for lang in LANGS},
        "status": {lang: clause.status_in(lang).value for lang in LANGS},
        "tags": list(clause.tags),
        "library": clause.library,
        "retired": clause.retired,
        "sync": {lang: sync.state(clause, lang).value for lang in LANGS},
        "variables": clause.variables,
    }


def _line(clause) -> str:
    mark = "\t" + _("(retired)") if clause.retired else ""
    return f"{clause.id}\t{kind_name(clause.kind)}\t{clause.title_in(_ui_lang())}{mark}"


def _warn(message: str) -> None:
    from app.system.errors import continuation

    print(_("clausier: warning: {message}").format(message=continuation(message)), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Run one ``clausier library`` subcommand."""
    import sqlite3

    from app.collection.actions import Collection

    command = args.library_command
    # A command that only reads checks the user's own tables, not the whole search index
    # of a big team library; damage met while reading is then checked for and repaired.
    reads = command in _READS
    collection = Collection.open(full_check=not reads)
    try:
        if collection.read_only and command in _CHANGES:
            from app.library.database import Unwritable

            raise Unwritable(collection.read_only)  # one line: why nothing can change
        for problem in collection.problems:
            _warn(problem)
        handler = _HANDLERS.get(command)
        if handler is None:
            from app.cli.common import UsageError

            raise UsageError(_("clausier library: choose a subcommand (see --help)"))
        try:
            return handler(collection, args)
        except sqlite3.DatabaseError:
            if not reads:
                raise
            collection.close()
            collection = Collection.open(full_check=True)  # sets a damaged file aside, rebuilds
            for problem in collection.problems:
                _warn(problem)
            raise ClausierError(
                _("The library database was damaged while reading it; run the command again.")
            ) from None
    finally:
        collection.close()


#: The commands that only read the libraries.
_READS = frozenset(
    (
        "list",
        "search",
        "show",
        "history",
        "diff",
        "where-used",
        "duplicates",
        "translations",
        "team",
    )
)


# --- reading ----------------------------------------------------------------------


def _list(collection, args) -> int:
    clauses = list(collection.library)
    if args.json:
        print(json.dumps([clause_json(c) for c in clauses], ensure_ascii=False, indent=2))
    else:
        for clause in clauses:
            print(_line(clause))
    return 0


def _search(collection, args) -> int:
    hits = collection.search(" ".join(args.query), include_retired=args.retired)
    clauses = collection.library.clauses_of([h.clause_id for h in hits])
    if args.json:
        print(json.dumps([clause_json(c) for c in clauses], ensure_ascii=False, indent=2))
    else:
        for clause in clauses:
            print(_line(clause))
        if not clauses:
            print(_("No clause matches."), file=sys.stderr)
    return 0


def _show(collection, args) -> int:
    from app.collection.actions import library_name
    from app.library import revisions, sync

    clause = collection.clause(args.id)
    if args.json:
        data = clause_json(clause)
        data["variables"] = [
            {"name": v.name, "type": v.type.value, "description": v.label, "defined": v.defined}
            for v in collection.variables_of(clause.id)
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(
        _("{id} ({kind}, revision {n}, {library} library)").format(
            id=clause.id,
            kind=kind_name(clause.kind),
            n=clause.revision,
            library=library_name(clause.library),
        )
    )
    if clause.retired:
        print(_("Retired: no longer offered for new notes."))
    if clause.origin:
        print(
            _("Source: {source}, part {part}, position {position}").format(
                source=clause.origin.source,
                part=clause.origin.part,
                position=clause.origin.position,
            )
        )
    if clause.author or clause.modified:
        print(
            _("Last changed {time} by {author}: {changes}").format(
                time=clause.modified or "?",
                author=clause.author or "?",
                changes=revisions.describe(clause.changes),
            )
        )
    for lang in LANGS:
        print(
            f"\n[{lang.upper()}, {status_name(clause.status_in(lang))}] {clause.title.get(lang, '')}"
        )
        print(clause.text_in(lang))
        if sync.state(clause, lang) is sync.SyncState.OUT_OF_DATE:
            print(
                _("(out of date: translated from revision {n} of the other language)").format(
                    n=clause.version(lang).translated_from
                )
            )
    if clause.tags:
        # Tags are the library's own words, searched as stored: said so, not translated.
        tags = ", ".join(clause.tags)
        print("\n" + _("Tags (as the library stores them): {tags}").format(tags=tags))
    twins = list(clause.near_duplicates) + [
        d.second if d.first == clause.id else d.first for d in collection.near_duplicates(clause.id)
    ]
    if twins:
        print(_("Near-duplicates: {ids}").format(ids=", ".join(dict.fromkeys(twins))))
    for variable in collection.variables_of(clause.id):
        description = variable.label or _("(no description)")
        print(
            _("Variable {{{name}}} ({type}): {description}").format(
                name=variable.name, type=variable.type.value, description=description
            )
        )
    return 0


def _history(collection, args) -> int:
    from app.library import revisions

    found = collection.history(args.id)
    if args.json:
        rows = [
            {
                "revision": c.revision,
                "author": c.author,
                "time": c.modified,
                "changes": list(c.changes),
            }
            for c in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for clause in found:
        print(
            f"{clause.revision}\t{clause.modified or '-'}\t{clause.author or '-'}\t"
            f"{revisions.describe(clause.changes) if clause.changes else '-'}"
        )
    return 0


def _diff(collection, args) -> int:
    from app.library.worddiff import as_text

    for lang, diff in collection.diff(args.id, args.old, args.new).items():
        if not diff.changed:
            continue
        print(f"[{lang.upper()}] {as_text(diff.title)}")
        print(as_text(diff.text))
        print()
    return 0


def _where_used(collection, args) -> int:
    from app.notes.whereused import recent_notes

    folders = collection.note_folders + list(args.folder)
    recent = recent_notes()
    report = collection.refresh_note_index(recent=recent, folders=folders)
    for problem in report.problems:
        _warn(problem)
    usage = collection.where_used(args.id)
    if args.json:
        rows = [
            {
                "note": str(u.path),
                "subject": u.subject,
                "revision": u.revision,
                "mode": u.mode,
                "older": u in usage.older,
            }
            for u in usage.uses
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for use in usage.uses:
        print(f"{use.path}\t{use.mode}\t{use.revision or '-'}\t{use.subject}")
    older = len(usage.older_notes)
    if older:
        print(
            ngettext(
                "{n} note cites an older wording of {id} (newest: revision {newest}).",
                "{n} notes cite an older wording of {id} (newest: revision {newest}).",
                older,
            ).format(n=older, id=args.id, newest=usage.newest),
            file=sys.stderr,
        )
    if not usage.uses:
        print(_("No note uses {id}.").format(id=args.id), file=sys.stderr)
        looked = ngettext(
            "Looked in {n} recent note", "Looked in {n} recent notes", len(recent)
        ).format(n=len(recent))
        where = "; ".join(str(f) for f in folders) or _("no note folder (see --folder)")
        print(
            _("{looked} and in: {folders}.").format(looked=looked, folders=where), file=sys.stderr
        )
    return 0


def _duplicates(collection, args) -> int:
    from app.library.worddiff import as_text

    found = collection.near_duplicates(args.id)
    if args.json:
        rows = [
            {"first": d.first, "second": d.second, "lang": d.lang, "similarity": d.similarity}
            for d in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for pair in found:
        print(f"{pair.first} ≈ {pair.second} ({pair.lang}, {round(pair.similarity * 100)}%)")
        print(as_text(pair.diff(collection.library)))
        print()
    if not found:
        print(_("No near-duplicates found."), file=sys.stderr)
    return 0


def _translations(collection, args) -> int:
    for clause, lang in collection.translations_out_of_date():
        print(f"{clause.id}\t{lang}\t{clause.title_in(lang)}")
    return 0


def _team(collection, args) -> int:
    if collection.team.folder is None:
        print(_("No team library folder is set (setting team_library)."), file=sys.stderr)
        return 0
    for item in collection.team.files:
        if item.problem and not item.from_copy:
            origin = _("unreadable")  # named once on stderr with the reason
        else:
            origin = _("last copy") if item.from_copy else _("folder")
        print(f"{item.name}\t{item.clauses}\t{item.seen}\t{origin}")
    return 0


# --- changing ---------------------------------------------------------------------


def _report(collection, change) -> int:
    clause = collection.library.newest(change.clause_ids[0])
    print(
        _("{id}: revision {n} ({action})").format(
            id=clause.id, n=clause.revision, action=change.action.value
        )
    )
    return 0


def _add(collection, args) -> int:
    from app.library.clauses import Kind
    from app.library.personal import ClauseDraft

    text, title = _texts(args)
    draft = ClauseDraft(
        text=text, title=title, kind=Kind(args.kind), tags=tuple(args.tag), id=args.id
    )
    return _report(collection, collection.add_clause(draft))


def _edit(collection, args) -> int:
    from app.library.clauses import Status

    text, title = _texts(args)
    status = {
        lang: Status(getattr(args, f"status_{lang}"))
        for lang in LANGS
        if getattr(args, f"status_{lang}")
    }
    change = collection.edit_clause(
        args.id, text=text, title=title, kind=args.kind, status=status or None
    )
    return _report(collection, change)


def _tag(collection, args) -> int:
    return _report(collection, collection.tag_clause(args.id, args.add, args.remove))


def _translate(collection, args) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    return _report(
        collection, collection.translate_clause(args.id, args.lang, text, title=args.title)
    )


def _confirm(collection, args) -> int:
    return _report(collection, collection.confirm_translation(args.id, args.lang))


def _restore(collection, args) -> int:
    return _report(collection, collection.restore_revision(args.id, args.revision))


def _state(method: str):
    def run(collection, args) -> int:
        return _report(collection, getattr(collection, method)(args.id))

    return run


def _copy(collection, args) -> int:
    return _report(collection, collection.copy_to_personal(args.id))


def _variable(collection, args) -> int:
    change = collection.define_variable(args.name, args.type, args.description)
    print(
        ngettext(
            "{{{name}}} described; {n} clause uses it.",
            "{{{name}}} described; {n} clauses use it.",
            len(change.clause_ids),
        ).format(name=args.name, n=len(change.clause_ids))
    )
    return 0


def _export_set(collection, args) -> int:
    path = collection.export_set(args.ids, args.output)
    print(
        ngettext(
            "{n} clause written to {path}", "{n} clauses written to {path}", len(args.ids)
        ).format(n=len(set(args.ids)), path=path)
    )
    return 0


def _source_details(args: argparse.Namespace):
    """The source's title, date, place and parties from the import's options."""
    from app.library.importer import SourceDetails

    return SourceDetails(
        title={"fr": args.title.strip(), "nl": args.title_nl.strip()},
        date=args.date,
        place={"fr": args.place.strip(), "nl": args.place_nl.strip()},
        parties=SourceDetails.parties_of(args.parties),
    )


def _import(collection, args) -> int:
    details = _source_details(args)
    preview = collection.preview_import(
        args.file, prefix=args.prefix, lang=args.lang, details=details
    )
    for notice in preview.notices:
        _warn(notice)
    if "title" in details.missing():
        _warn(
            _("No title given (--title, --title-nl): the source is listed as “{id}”.").format(
                id=next(iter(preview.library.sources), preview.name)
            )
        )
    for clause in preview.clauses:
        print(_line(clause))
    for clause_id in preview.shadowed:
        _warn(
            _("{id} is also a team or personal clause, which is used instead.").format(id=clause_id)
        )
    if args.dry_run:
        print(
            ngettext(
                "{n} clause would be imported (nothing was written).",
                "{n} clauses would be imported (nothing was written).",
                len(preview.clauses),
            ).format(n=len(preview.clauses)),
            file=sys.stderr,
        )
        return 0
    if preview.replaces:
        _warn(_("This replaces the earlier import of {name}.").format(name=args.file.name))
    collection.import_declaration(preview)
    from app.collection import libraries

    print(
        _("{n} clauses imported into {path}").format(
            n=len(preview.clauses), path=libraries.imported_path(preview.name)
        )
    )
    return 0


#: The subcommands that change the personal library (refused while it is read-only).
_CHANGES = frozenset(
    (
        "add",
        "edit",
        "tag",
        "translate",
        "confirm",
        "retire",
        "unretire",
        "delete",
        "undelete",
        "copy",
        "restore",
        "variable",
    )
)

_HANDLERS = {
    "list": _list,
    "search": _search,
    "show": _show,
    "import": _import,
    "add": _add,
    "edit": _edit,
    "tag": _tag,
    "translate": _translate,
    "confirm": _confirm,
    "retire": _state("retire_clause"),
    "unretire": _state("unretire_clause"),
    "delete": _state("delete_clause"),
    "undelete": _state("undelete_clause"),
    "copy": _copy,
    "history": _history,
    "diff": _diff,
    "restore": _restore,
    "where-used": _where_used,
    "duplicates": _duplicates,
    "translations": _translations,
    "variable": _variable,
    "team": _team,
    "export-set": _export_set,
}
