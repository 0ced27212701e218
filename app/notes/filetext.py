"""How a note file writes formatted text: a plain string when one holds it, else paragraphs.

A string is the text as every version of the format wrote it (one paragraph per line,
"- " lines bullets). Text that a string cannot hold (bold, italic, numbered items,
nested bullets) is a list of paragraphs, each a string (plain prose), a list of runs
(prose with bold or italic words) or an object for a list item::

    ["Le ministre rappelle :",
     {"list": "bullet", "text": ["le renforcement du ", {"text": "SIS", "bold": true}]},
     {"list": "numbered", "level": 2, "text": "un point"}]

A run is a string or ``{"text": …, "bold": true, "italic": true}``; ``level`` counts
from 1 (the outermost list) and is left out at 1. See docs/note-format.md.
"""

from __future__ import annotations

import json
from typing import Any

from app.language.codes import LANGS
from app.language.i18n import _
from app.text.richtext import (
    MAX_LEVEL,
    ListKind,
    RichLocalized,
    RichText,
    TextParagraph,
    TextRun,
    from_plain,
    legacy_text,
    paragraph,
    rich,
)


class TextDamaged(ValueError):
    """A formatted text in a note file that is not laid out as the format says (translated)."""


def needs_paragraphs(value: RichText) -> bool:
    """Whether ``value`` needs the paragraphs of format version 4 (a string cannot hold it)."""
    return legacy_text(value) is None


def _runs_json(item: TextParagraph) -> str | list[Any]:
    if not item.formatted:
        return item.text
    out: list[Any] = []
    for run in item.runs:
        if not run.formatted:
            out.append(run.text)
            continue
        data: dict[str, Any] = {"text": run.text}
        if run.bold:
            data["bold"] = True
        if run.italic:
            data["italic"] = True
        out.append(data)
    return out


def to_json(value: RichText) -> str | list[Any]:
    """``value`` as a note file writes it: a string when one holds it, else paragraphs."""
    legacy = legacy_text(value)
    if legacy is not None:
        return legacy
    out: list[Any] = []
    for item in value.paragraphs:
        runs = _runs_json(item)
        if not item.is_list_item:
            out.append(runs)
            continue
        data: dict[str, Any] = {"list": item.kind.value}
        if item.level:
            data["level"] = item.level + 1
        data["text"] = runs
        out.append(data)
    return out


def texts_to_json(texts: RichLocalized) -> dict[str, Any]:
    """A formatted text per language as a note file writes it."""
    return {lang: to_json(value) for lang, value in texts.items()}


def _damaged(field: str, value: Any) -> TextDamaged:
    shown = json.dumps(value, ensure_ascii=False)[:60]
    return TextDamaged(
        _("“{field}” holds a paragraph Clausier cannot read: {value}").format(
            field=field, value=shown
        )
    )


def _run(value: Any, field: str) -> TextRun:
    if isinstance(value, str):
        return TextRun(value)
    if not isinstance(value, dict) or not isinstance(value.get("text", ""), str):
        raise _damaged(field, value)
    bold, italic = value.get("bold", False), value.get("italic", False)
    if not isinstance(bold, bool) or not isinstance(italic, bool):
        raise _damaged(field, value)
    return TextRun(value.get("text", ""), bold, italic)


def _paragraph(value: Any, field: str) -> TextParagraph:
    if isinstance(value, str):
        return paragraph(value)
    if isinstance(value, list):
        return paragraph([_run(run, field) for run in value])
    if not isinstance(value, dict):
        raise _damaged(field, value)
    try:
        kind = ListKind(value.get("list") or ListKind.PLAIN)
    except ValueError:
        raise _damaged(field, value) from None
    level = value.get("level", 1)
    if isinstance(level, bool) or not isinstance(level, int) or level < 1:
        raise _damaged(field, value)
    runs = value.get("text", "")
    if isinstance(runs, str):
        runs = [runs]
    if not isinstance(runs, list):
        raise _damaged(field, value)
    # Word has nine levels: a deeper one (another program's file) is the ninth.
    return paragraph([_run(run, field) for run in runs], kind, min(level - 1, MAX_LEVEL))


def from_json(value: Any, field: str = "text") -> RichText:
    """Formatted text from a note file: a string (read as always) or a list of paragraphs."""
    if isinstance(value, list):
        return rich(_paragraph(item, field) for item in value)
    if value is None:
        return from_plain("")
    if isinstance(value, dict):
        raise _damaged(field, value)
    return from_plain(str(value))


def texts_from_json(value: Any, field: str = "text") -> RichLocalized:
    """A formatted text per language from a note file (a bare string is French, as always)."""
    if value is None:
        return {}
    if isinstance(value, str | list):
        return {"fr": from_json(value, field)}
    if not isinstance(value, dict):
        raise TextDamaged(_("“{field}” should hold a text per language").format(field=field))
    return {
        lang: from_json(item, field)
        for lang, item in value.items()
        if lang in LANGS and item is not None
    }
