"""How lists count: which items of a text belong together, and the number each one shows.

The editor, the preview and the Word writer all number from this, so a list that the
window shows as 1, 2, 3 is 1, 2, 3 in Word, and the next list starts at 1 again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from app.text.richtext import LEGACY_BULLET, ListKind, RichText, TextParagraph


@dataclass
class _Frame:
    level: int
    kind: ListKind
    sequence: int
    count: int


def list_sequences(paragraphs: Iterable[TextParagraph]) -> Iterator[tuple[int, int]]:
    """For each paragraph, (the list it belongs to, its number in it); (-1, 0) for prose.

    A list is a run of list items: a plain paragraph, even an empty one, ends it, so
    the next list counts from 1 again. Inside it, the items of one level and kind that
    follow each other (deeper items between them) are one sequence, numbered 1, 2, 3; a
    shallower item, or another kind at that level, ends a sequence. Sequences are
    numbered from 0 in order of their first item.
    """
    stack: list[_Frame] = []
    next_sequence = 0
    for item in paragraphs:
        if item.kind is ListKind.PLAIN:
            stack.clear()
            yield (-1, 0)
            continue
        while stack and stack[-1].level > item.level:
            stack.pop()
        if stack and stack[-1].level == item.level and stack[-1].kind is item.kind:
            stack[-1].count += 1
        else:
            if stack and stack[-1].level == item.level:
                stack.pop()
            stack.append(_Frame(item.level, item.kind, next_sequence, 1))
            next_sequence += 1
        yield (stack[-1].sequence, stack[-1].count)


def list_numbers(paragraphs: Iterable[TextParagraph]) -> list[int]:
    """Each paragraph's number in its list (1, 2, 3…; 0 for prose)."""
    return [number for _sequence, number in list_sequences(paragraphs)]


#: How each level of a numbered list counts, as Word, the preview and the editor show it:
#: 1. / a) / i. and again.
NUMBER_FORMATS = ("decimal", "lowerLetter", "lowerRoman")


def number_format(level: int) -> str:
    """How a numbered list counts at ``level``: "decimal", "lowerLetter" or "lowerRoman"."""
    return NUMBER_FORMATS[level % len(NUMBER_FORMATS)]


def _letters(number: int) -> str:
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _roman(number: int) -> str:
    out = ""
    for value, digits in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while number >= value:
            out += digits
            number -= value
    return out


def number_label(number: int, level: int) -> str:
    """The label of item ``number`` at ``level``: "3.", "c)", "iii."."""
    kind = number_format(level)
    if kind == "lowerLetter":
        return f"{_letters(number)})"
    if kind == "lowerRoman":
        return f"{_roman(number)}."
    return f"{number}."


@dataclass
class _Instance:
    level: int
    kind: ListKind
    ident: int
    nested: set[int]  # levels under the current item where a numbered list shares this one


def list_ids(paragraphs: Iterable[TextParagraph]) -> list[int]:
    """For each paragraph, the Word list (``w:num``) it is numbered in; -1 for prose.

    Word counts the items of one list per level and starts a level again after each item
    of a shallower level, as :func:`list_sequences` counts: a numbered list nested in a
    numbered item is numbered in its parent's list (the first one under that item; a
    second, after a bullet list between them, starts a list of its own). Every other
    sequence, bulleted or numbered, has an id of its own. Ids count from 0.
    """
    stack: list[_Instance] = []
    ids: list[int] = []
    next_id = 0
    for item in paragraphs:
        if item.kind is ListKind.PLAIN:
            stack.clear()
            ids.append(-1)
            continue
        while stack and stack[-1].level > item.level:
            stack.pop()
        if stack and stack[-1].level == item.level and stack[-1].kind is item.kind:
            stack[-1].nested.clear()  # a new item: lists under it start again
        else:
            if stack and stack[-1].level == item.level:
                stack.pop()
            parent = stack[-1] if stack else None
            if (
                item.kind is ListKind.NUMBERED
                and parent is not None
                and parent.kind is ListKind.NUMBERED
                and item.level not in parent.nested
            ):
                ident = parent.ident
                parent.nested.add(item.level)
            else:
                ident = next_id
                next_id += 1
            stack.append(_Instance(item.level, item.kind, ident, set()))
        ids.append(stack[-1].ident)
    return ids


def marked_text(value: RichText) -> str:
    """``value`` as a plain string a reader would write it: bullets "- ", numbers "1. ", "a) "…

    For places that hold plain text only (a library clause): the wording and the lists
    survive, bold and italic do not; nested items are indented by two spaces a level.
    """
    numbers = list_numbers(value.paragraphs)
    lines = []
    for item, number in zip(value.paragraphs, numbers, strict=True):
        if item.kind is ListKind.PLAIN:
            lines.append(item.text)
            continue
        indent = "  " * item.level
        if item.kind is ListKind.BULLET:
            # A top-level bullet stays "- " so the library shows it as a bullet.
            lines.append(f"{indent}{LEGACY_BULLET}{item.text}")
        else:
            lines.append(f"{indent}{number_label(number, item.level)} {item.text}")
    return "\n".join(lines)
