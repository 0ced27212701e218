"""Reading and writing ``.clausier`` note files (UTF-8 JSON, versioned, self-describing).

The format is documented in ``docs/note-format.md``. Saving is atomic; a file
that is damaged, foreign or from a newer version is refused with the reason
and never written to.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from app import __version__
from app.language import surrogates
from app.language.classification import Classification
from app.language.codes import LANGS, Localized, NoteLanguage
from app.language.i18n import _
from app.language.period import DateRange, Period, parse_iso
from app.language.period import iso as period_iso
from app.notes import filetext as notetext
from app.notes.note import (
    Block,
    BlockComment,
    CopiedClause,
    FollowUpRow,
    FollowUpTable,
    LinkedClause,
    Note,
    Section,
    TextBlock,
)
from app.system import atomic, safejson, saferead
from app.system.atomic import write_atomic
from app.system.errors import NoteFileError, continuation
from app.text.richtext import RichLocalized

NOTE_FORMAT = "clausier-note"
#: The newest format version this Clausier reads and writes (see docs/note-format.md).
NOTE_VERSION = 4
#: The oldest version that can hold a note without a range of meeting days.
_PLAIN_VERSION = 1
#: The oldest that can hold a range of meeting days.
_RANGE_VERSION = 2
#: The oldest that can hold a deadline per language; formatted text needs NOTE_VERSION.
_DEADLINE_VERSION = 3
SUFFIX = ".clausier"
#: What one note may hold (docs/note-format.md, "Limits"); a file past a cap is refused whole.
#: A briefing note holds tens of blocks; the window opens one at the caps in seconds.
MAX_NOTE_BYTES = 16 * 1024 * 1024
MAX_SECTIONS = 500
MAX_BLOCKS = 2_000  # in the whole note
MAX_ROWS = 1_000  # in one follow-up table
MAX_COMMENTS = 1_000  # kept on one block
MAX_TEXT_CHARS = 1_000_000  # in one text, in one language
MAX_VARIABLES = 1_000


class Damaged(ValueError):
    """What is wrong in a note file, in words the user reads (translated)."""


def _localized(value: Any, what: str) -> Localized:
    if value is None:
        return {}
    if isinstance(value, str):
        texts = {"fr": value}
    elif isinstance(value, dict):
        texts = {k: str(v) for k, v in value.items() if k in LANGS and v is not None}
    else:
        raise Damaged(_("“{field}” should hold a text per language").format(field=what))
    if any(len(text) > MAX_TEXT_CHARS for text in texts.values()):
        raise past_limit("text")
    return texts


def _texts(value: Any) -> RichLocalized:
    """A block's formatted text per language (a string, or paragraphs in version 4)."""
    try:
        texts = notetext.texts_from_json(value)
    except notetext.TextDamaged as error:
        raise Damaged(str(error)) from None
    if any(len(text.plain) > MAX_TEXT_CHARS for text in texts.values()):
        raise past_limit("text")
    return texts


def past_limit(limit: str) -> NoteFileError:
    """The error for a note past one of its limits: sections, blocks, rows, text or variables."""
    messages = {
        "sections": (
            _("The note holds more than {n} sections, the most a note may hold."),
            MAX_SECTIONS,
        ),
        "blocks": (_("The note holds more than {n} blocks, the most a note may hold."), MAX_BLOCKS),
        "rows": (
            _("A follow-up table holds more than {n} rows, the most one table may hold."),
            MAX_ROWS,
        ),
        "text": (
            _("A text of the note is longer than {n} characters, the most one text may hold."),
            MAX_TEXT_CHARS,
        ),
        "variables": (
            _("The note holds more than {n} variables, the most a note may hold."),
            MAX_VARIABLES,
        ),
        "comments": (
            _("A block holds more than {n} comments, the most one block may hold."),
            MAX_COMMENTS,
        ),
    }
    message, cap = messages[limit]
    return NoteFileError(message.format(n=cap))


def _capped(items: Any, limit: str, cap: int, before: int = 0) -> Any:
    """``items`` as found, unless ``before`` plus its length passes ``cap``."""
    if isinstance(items, list) and before + len(items) > cap:
        raise past_limit(limit)
    return items


def check_limits(note: Note) -> None:
    """Refuse a note that holds more than a note file may (so that every note saved opens again)."""
    if len(note.sections) > MAX_SECTIONS:
        raise past_limit("sections")
    if sum(len(section.blocks) for section in note.sections) > MAX_BLOCKS:
        raise past_limit("blocks")
    if len(note.variables) > MAX_VARIABLES:
        raise past_limit("variables")
    texts: list = [note.subject, note.addressee, note.cabinet, *note.variables.values()]
    texts += [getattr(note, "place", {}), note.author_function]
    for section in note.sections:
        texts.append(section.title)
        for block in section.blocks:
            if isinstance(block, FollowUpTable):
                if len(block.rows) > MAX_ROWS:
                    raise past_limit("rows")
                for row in block.rows:
                    texts += [row.commitment, row.state, row.lead, row.deadline_text]
            elif isinstance(block, TextBlock | CopiedClause):
                texts += [{lang: value.plain for lang, value in block.text.items()}]
                texts += [getattr(block, "title", {})]
    for text in texts:
        values = [text] if isinstance(text, str) else text.values()
        if any(len(value) > MAX_TEXT_CHARS for value in values):
            raise past_limit("text")


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)[:60]


def _date(value: Any, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise Damaged(
            _("“{field}” is not a date written year-month-day: {value}").format(
                field=field, value=_shown(value)
            )
        ) from None


def _period(value: Any, field: str) -> Period | None:
    """A day ``YYYY-MM-DD`` or a range ``YYYY-MM-DD/YYYY-MM-DD``, None when absent."""
    if not value:
        return None
    try:
        return parse_iso(value)
    except (TypeError, ValueError):
        raise Damaged(
            _(
                "“{field}” is neither a date written year-month-day nor a range of two: {value}"
            ).format(field=field, value=_shown(value))
        ) from None


def format_version(note: Note) -> int:
    """The oldest format version that holds ``note``: 4 for text with bold, italic, numbered
    or nested lists, 3 for a deadline written per language, 2 for a range of meeting days,
    else 1.

    A note that version 1 can hold is written as version 1, so Clausier 0.1 still
    opens it; one with a range says it needs a newer Clausier instead of looking damaged.
    """
    if any(
        notetext.needs_paragraphs(value)
        for _section, block in note.blocks()
        if isinstance(block, TextBlock | CopiedClause)
        for value in block.text.values()
    ):
        return NOTE_VERSION
    if any(
        row.deadline_text and not row.deadline
        for _section, block in note.blocks()
        if isinstance(block, FollowUpTable)
        for row in block.rows
    ):
        return _DEADLINE_VERSION
    return _RANGE_VERSION if isinstance(note.meeting_date, DateRange) else _PLAIN_VERSION


def _deadline_json(row: FollowUpRow) -> str | Localized:
    """A row's deadline as written: the ISO date, else its text per language, else ""."""
    if row.deadline or not row.deadline_text:
        return row.deadline
    return row.deadline_text


def _deadline(value: Any, lang: str) -> tuple[str, Localized]:
    """A deadline read: (ISO date, {}) or ("", text per language).

    A string that is not a date comes from a file written before deadlines were per
    language: it was typed once, and is taken as the text of the note's first language
    ``lang`` (a bilingual note then lacks its Dutch deadline, which the export check says).
    """
    if isinstance(value, dict):
        return "", {k: v for k, v in _localized(value, "deadline").items() if v.strip()}
    text = str(value or "").strip()
    try:
        return date.fromisoformat(text).isoformat(), {}
    except ValueError:
        return "", ({lang: text} if text else {})


def _choice(kind, value: Any, field: str):
    """``value`` as one of the enum ``kind``'s values, or a clear reason why not."""
    try:
        return kind(value)
    except ValueError:
        raise Damaged(
            _("“{field}” cannot be {value}").format(field=field, value=_shown(value))
        ) from None


# --- to JSON -----------------------------------------------------------------


def block_to_json(block: Block) -> dict[str, Any]:
    """A block as plain JSON data (with its comments, when it has any)."""
    data = _block_json(block)
    if block.comments:
        data["comments"] = [_comment_json(comment) for comment in block.comments]
    return data


def _comment_json(comment: BlockComment) -> dict[str, str]:
    data = {"text": comment.text}
    for key in ("author", "date", "lang"):
        if getattr(comment, key):
            data[key] = getattr(comment, key)
    return data


def _block_json(block: Block) -> dict[str, Any]:
    if isinstance(block, TextBlock):
        return {"type": "text", "id": block.id, "text": notetext.texts_to_json(block.text)}
    if isinstance(block, LinkedClause):
        data: dict[str, Any] = {
            "type": "linked",
            "id": block.id,
            "clause": block.clause_id,
            "revision": block.revision,
        }
        if block.kept > block.revision:
            data["kept"] = block.kept
        data.update(_quoting_json(block))
        return data
    if isinstance(block, CopiedClause):
        return {
            "type": "copied",
            "id": block.id,
            "clause": block.clause_id,
            "revision": block.revision,
            "title": block.title,
            "text": notetext.texts_to_json(block.text),
            **_quoting_json(block),
        }
    if isinstance(block, FollowUpTable):
        return {
            "type": "followup",
            "id": block.id,
            "rows": [
                {
                    "commitment": row.commitment,
                    "clause": row.clause_id,
                    "state": row.state,
                    "lead": row.lead,
                    "deadline": _deadline_json(row),
                }
                for row in block.rows
            ],
        }
    raise TypeError(type(block).__name__)


def note_to_json(note: Note) -> dict[str, Any]:
    """A note as the JSON document written to a ``.clausier`` file."""
    return {
        "format": NOTE_FORMAT,
        "version": format_version(note),
        "generator": f"Clausier {__version__}",
        "note": {
            "subject": note.subject,
            "addressee": note.addressee,
            "author": note.author,
            **({"author_function": note.author_function} if note.author_function else {}),
            "cabinet": note.cabinet,
            "date": note.date.isoformat() if note.date else None,
            "meeting_date": period_iso(note.meeting_date) if note.meeting_date else None,
            "place": note.place,
            "reference": note.reference,
            "classification": note.classification.value,
            "language": note.language.value,
            "variables": note.variables,
            "sections": [
                {
                    "id": section.id,
                    "title": section.title,
                    "blocks": [block_to_json(b) for b in section.blocks],
                }
                for section in note.sections
            ],
            **({"ignored_words": _ignored_json(note.ignored_words)} if note.ignored_words else {}),
        },
    }


#: At most this many words per language are kept as ignored by a note's spelling.
MAX_IGNORED_WORDS = 10_000


def _ignored_json(ignored: dict[str, list[str]]) -> dict[str, list[str]]:
    """The words a note's spelling ignores, per language, sorted (so a save is stable)."""
    return {lang: sorted(set(words), key=str.casefold) for lang, words in ignored.items() if words}


def _ignored(value: Any) -> dict[str, list[str]]:
    """The optional ``ignored_words`` of a note: anything not a list of words is left out."""
    if not isinstance(value, dict):
        return {}
    found: dict[str, list[str]] = {}
    for lang, words in value.items():
        if lang in LANGS and isinstance(words, list):
            kept = [w for w in words if isinstance(w, str) and w.strip()][:MAX_IGNORED_WORDS]
            if kept:
                found[lang] = list(dict.fromkeys(kept))
    return found


def dumps(note: Note) -> str:
    """A note serialised as the text of a ``.clausier`` file."""
    return json.dumps(note_to_json(note), ensure_ascii=False, indent=1) + "\n"


# --- from JSON ---------------------------------------------------------------


def _kept(value: Any, block: LinkedClause) -> int:
    """The optional ``kept`` revision of a linked block (0 when absent)."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Damaged(
            _("clause {id}: “kept” must be a revision number, not {value}").format(
                id=block.clause_id, value=json.dumps(value, ensure_ascii=False)
            )
        )
    return value if value > block.revision else 0


def _quoting_json(block: LinkedClause | CopiedClause) -> dict[str, Any]:
    """The optional keys that say how a clause is quoted: ``paraphrase``, ``excerpt``."""
    data: dict[str, Any] = {}
    if block.paraphrase:
        data["paraphrase"] = True
    excerpt = getattr(block, "excerpt", None)
    if excerpt:
        data["excerpt"] = {lang: [start, end] for lang, (start, end) in excerpt.items()}
    return data


def _paraphrase(value: Any, clause_id: str) -> bool:
    """The optional ``paraphrase`` of a clause block (False when absent)."""
    if value is None:
        return False
    if not isinstance(value, bool):
        raise Damaged(
            _("clause {id}: “paraphrase” must be true or false, not {value}").format(
                id=clause_id, value=_shown(value)
            )
        )
    return value


def _excerpt(value: Any, clause_id: str) -> dict[str, tuple[int, int]]:
    """The optional ``excerpt`` of a copied clause: per language, a start and an end."""
    if value is None:
        return {}
    problem = Damaged(
        _("clause {id}: “excerpt” must give a start and an end per language, not {value}").format(
            id=clause_id, value=_shown(value)
        )
    )
    if not isinstance(value, dict):
        raise problem
    excerpt = {}
    for lang, span in value.items():
        if lang not in LANGS:
            continue
        if (
            not isinstance(span, list)
            or len(span) != 2
            or any(isinstance(v, bool) or not isinstance(v, int) for v in span)
            or not 0 <= span[0] <= span[1]
        ):
            raise problem
        excerpt[lang] = (span[0], span[1])
    return excerpt


def _comments(value: Any) -> list[BlockComment]:
    """The optional ``comments`` of a block: objects with a ``text`` and who, when, where."""
    if value is None:
        return []
    problem = Damaged(
        _("a block's “comments” must be a list of comments, not {value}").format(
            value=_shown(value)
        )
    )
    if not isinstance(value, list):
        raise problem
    comments = []
    for item in _capped(value, "comments", MAX_COMMENTS):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise problem
        extra = {k: item[k] for k in ("author", "date", "lang") if isinstance(item.get(k), str)}
        comments.append(BlockComment(item["text"], **extra))
    return comments


def block_from_json(data: dict[str, Any], lang: str = "fr") -> Block:
    """A block from JSON data (its comments too); raises ValueError or KeyError when malformed.

    ``lang`` is the note's first language, that of a deadline typed before deadlines
    were per language.
    """
    block = _block_from_json(data, lang)
    block.comments = _comments(data.get("comments"))
    return block


def _block_from_json(data: dict[str, Any], lang: str) -> Block:
    kind = data["type"]
    block_id = str(data.get("id") or "")
    extra = {"id": block_id} if block_id else {}
    if kind == "text":
        return TextBlock(text=_texts(data.get("text")), **extra)
    if kind == "linked":
        linked = LinkedClause(str(data["clause"]), int(data["revision"]), **extra)
        linked.kept = _kept(data.get("kept"), linked)
        linked.paraphrase = _paraphrase(data.get("paraphrase"), linked.clause_id)
        return linked
    if kind == "copied":
        return CopiedClause(
            str(data["clause"]),
            int(data.get("revision", 0)),
            title=_localized(data.get("title"), "title"),
            text=_texts(data.get("text")),
            paraphrase=_paraphrase(data.get("paraphrase"), str(data["clause"])),
            excerpt=_excerpt(data.get("excerpt"), str(data["clause"])),
            **extra,
        )
    if kind == "followup":
        rows = [
            FollowUpRow(
                commitment=_localized(row.get("commitment"), "commitment"),
                clause_id=str(row.get("clause") or ""),
                state=_localized(row.get("state"), "state"),
                lead=_localized(row.get("lead"), "lead"),
                deadline=deadline,
                deadline_text=deadline_text,
            )
            for row in _capped(data.get("rows", []), "rows", MAX_ROWS)
            for deadline, deadline_text in [_deadline(row.get("deadline"), lang)]
        ]
        return FollowUpTable(rows=rows, **extra)
    raise Damaged(_("unknown kind of block {kind}").format(kind=_shown(kind)))


def _variables(value: Any) -> dict[str, str | Localized]:
    if not value:
        return {}
    if not isinstance(value, dict):
        raise Damaged(_("“variables” should hold a value per variable"))
    if len(value) > MAX_VARIABLES:
        raise past_limit("variables")
    result: dict[str, str | Localized] = {}
    for name, item in value.items():
        result[str(name)] = item if isinstance(item, str) else _localized(item, name)
    return result


def note_from_json(data: Any) -> Note:
    """A note from the JSON document of a file; raises NoteFileError with the reason."""
    if not isinstance(data, dict) or data.get("format") != NOTE_FORMAT:
        raise NoteFileError(_("This is not a Clausier note."))
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise NoteFileError(_("The note has no valid format version."))
    if version > NOTE_VERSION:
        raise NoteFileError(
            _(
                "The note was saved by a newer version of Clausier (format {found}, "
                "this version reads up to {known}). Update Clausier to open it."
            ).format(found=version, known=NOTE_VERSION)
        )
    body = data.get("note")
    try:
        if not isinstance(body, dict):
            raise Damaged(_("it holds no note"))
        sections = []
        blocks_read = 0
        language = _choice(NoteLanguage, body.get("language") or "fr", "language")
        for item in _capped(body.get("sections", []), "sections", MAX_SECTIONS):
            found = _capped(item.get("blocks", []), "blocks", MAX_BLOCKS, blocks_read)
            blocks_read += len(found) if isinstance(found, list) else 0
            blocks = [block_from_json(b, language.languages[0]) for b in found]
            extra = {"id": str(item["id"])} if item.get("id") else {}
            sections.append(
                Section(title=_localized(item.get("title"), "title"), blocks=blocks, **extra)
            )
        return Note(
            subject=_localized(body.get("subject"), "subject"),
            addressee=_localized(body.get("addressee"), "addressee"),
            author=str(body.get("author") or ""),
            author_function=_localized(body.get("author_function"), "author_function"),
            cabinet=_localized(body.get("cabinet"), "cabinet"),
            date=_date(body.get("date"), "date"),
            meeting_date=_period(body.get("meeting_date"), "meeting_date"),
            place=_localized(body.get("place"), "place"),
            reference=str(body.get("reference") or ""),
            classification=_choice(
                Classification, body.get("classification") or "none", "classification"
            ),
            language=language,
            variables=_variables(body.get("variables")),
            sections=sections,
            ignored_words=_ignored(body.get("ignored_words")),
        )
    except Damaged as error:
        raise NoteFileError(_("The note is damaged: {reason}").format(reason=error)) from None
    except KeyError as error:
        raise NoteFileError(
            _("The note is damaged: “{field}” is missing.").format(field=error.args[0])
        ) from None
    except (TypeError, ValueError, AttributeError):
        raise NoteFileError(
            _("The note is damaged: its content is not laid out as a Clausier note.")
        ) from None


def loads(text: str) -> Note:
    """A note from the text of a ``.clausier`` file.

    The JSON is parsed with the limits of :mod:`app.system.safejson`: nesting, huge
    numbers and broken characters are refused with the reason, never a crash.
    """
    try:
        data = safejson.loads(text)
    except safejson.JSONRefused as error:
        if error.line:
            message = _("The note is damaged (line {line}, column {column}).").format(
                line=error.line, column=error.column
            )
        else:
            message = _("The note is damaged: {reason}").format(reason=error.reason)
        raise NoteFileError(message) from None
    return note_from_json(data)


def read(path: Path) -> Note:
    """Read the note at ``path``; raises NoteFileError with the reason.

    Only a regular file of at most MAX_NOTE_BYTES is read (a pipe or a device is
    refused without waiting on it).
    """
    path = Path(path)
    try:
        raw = saferead.read_regular(path, MAX_NOTE_BYTES)
    except saferead.FileRefused as refused:
        if refused.missing:
            message = _("{name} does not exist.")
        elif refused.folder:
            message = _("{name} is a folder, not a note.")
        else:
            message = _("Cannot read {name}: {reason}")
        raise NoteFileError(message.format(name=path.name, reason=refused.reason)) from None
    if is_word_file(raw):
        raise NoteFileError(_("{name} is a Word file, not a Clausier note.").format(name=path.name))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise NoteFileError(
            _("{name} is not a Clausier note (not UTF-8 text).").format(name=path.name)
        ) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise NoteFileError(_("{name} is empty: it holds no note.").format(name=path.name))
    try:
        return loads(text)
    except NoteFileError as error:
        raise NoteFileError(
            _("{name}: {reason}").format(name=path.name, reason=continuation(str(error)))
        ) from None


def is_word_file(raw: bytes) -> bool:
    """Whether ``raw`` is a Word document (.docx, .docm, .dotx): a zip whose parts are under word/."""
    if not raw.startswith(b"PK\x03\x04"):
        return False
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return any(name.startswith("word/") for name in archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def write(note: Note, path: Path) -> list[str]:
    """Save ``note`` to ``path`` atomically; the previous file survives any failure.

    A symbolic link is saved through (its target changes, the link stays); a
    read-only file is refused. Returns warnings for the user (a hard link the
    save separated). Clausier's own stale temporary files beside the note are
    removed afterwards.
    """
    check_limits(note)  # what is saved must open again
    text = dumps(note)
    if surrogates.has_surrogates(text):  # a note built outside the editor (a script)
        text = surrogates.clean(text)
    data = text.encode("utf-8")
    path = Path(path)
    try:
        warnings = write_atomic(path, lambda stream: stream.write(data))
    except OSError as error:
        if path.exists():
            message = _("Cannot save {name}: {reason}. The previous file is unchanged.")
        else:
            message = _("Cannot save {name}: {reason}.")
        raise NoteFileError(
            message.format(name=path.name, reason=atomic.failure_reason(error))
        ) from None
    remove_stale_temps_beside(path)
    return warnings


def remove_stale_temps_beside(path: Path) -> None:
    """Remove temporary files that interrupted saves left beside the note ``path`` (and its target)."""
    path = Path(path)
    folders = {path.parent, atomic.target_of(path).parent}
    for folder in folders:
        atomic.remove_stale_temps(folder)
