"""A declaration's text as received, laid out: its lines, its paragraphs, page breaks and hard wraps undone."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TERMINAL = ".!?…:;"
HEADING = re.compile(r"^(\d{1,2})\s*[-–—.)]\s*([^\W\d_].*)$")
BULLET = re.compile(r"^[-–—•]\s*(?=[^\W\d_]|[?«\"“(])")


@dataclass
class Paragraph:
    """A paragraph of the text as received: its raw lines and the blank lines before it."""

    lines: list[str]
    gap: int
    text: str = ""
    first: int = 0  # its first and last lines in the text as received (from 1)
    last: int = 0


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with a full stop or other closing punctuation."""
    return line.rstrip()[-1:] in _TERMINAL


def _starts_paragraph(line: str, previous: str) -> bool:
    stripped = line.strip()
    if HEADING.match(previous.strip()):
        return True
    if not ends_sentence(previous):
        return False
    return line[:1] == " " or bool(BULLET.match(stripped) or HEADING.match(stripped))


def paragraphs_of(text: str, numbers: list[int] | None = None) -> list[Paragraph]:
    """The paragraphs of ``text``, each with its raw lines and the blank lines before it.

    ``numbers`` gives the line of the text as received that each line of ``text`` comes
    from (a form feed made one line several); by default, each line is its own.
    """
    paragraphs: list[Paragraph] = []
    gap = 0
    previous = ""
    for index, line in enumerate(text.split("\n")):
        number = numbers[index] if numbers and index < len(numbers) else index + 1
        line = line.rstrip()
        if not line.strip():
            gap += 1
            previous = ""
            continue
        if previous and not _starts_paragraph(line, previous):
            paragraphs[-1].lines.append(line.strip())
            paragraphs[-1].last = number
        else:
            paragraphs.append(Paragraph([line.strip()], gap, first=number, last=number))
        gap = 0
        previous = line
    return paragraphs


def line_numbers(text: str) -> list[int]:
    """For each line of ``text`` once normalised, the line (from 1) it stands on as received.

    Line ends are \\r\\n, \\r or \\n; a form feed (a page break) becomes three line breaks
    within its line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    numbers: list[int] = []
    for number, line in enumerate(text.split("\n"), 1):
        numbers.extend([number] * (3 * line.count("\f") + 1))
    return numbers


def unwrap(lines: list[str]) -> str:
    """One line from hard-wrapped ``lines``; a hyphen at a line end stays with its word."""
    text = lines[0]
    for line in lines[1:]:
        if re.search(r"[^\W\d_]-$", text) and line[:1].isalnum():
            text += line
        else:
            text += " " + line
    return re.sub(r" {2,}", " ", text).strip()
