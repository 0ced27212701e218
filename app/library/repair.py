"""The characters a declaration's text lost, put back by rule: every ’ and œ that became "?".

Between letters, after an elided word (l, d, qu, jusqu, aujourd…) a "?" is an apostrophe,
unless what follows is the rest of cœur, sœur, nœud or mœurs; inside a word or at a word
start, followed by letters that can follow œ (œuvre, œil, vœu, bœuf, œdème…), it is œ; "??"
after an elided word is ’œ (``D??uvrer`` → ``D’œuvrer``); a "?" followed by a space,
punctuation or the end is a real question mark and stays. No table of known words is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: A web address: left alone by the repair, the source's address for the importer.
WEB_ADDRESS = re.compile(r"(https?://\S+)")


#: French words that lose their last vowel before a vowel or a mute h (l’, d’, qu’, jusqu’…).
ELISIONS = frozenset(
    "c d j l m n s t qu jusqu lorsqu puisqu quoiqu presqu quelqu aujourd prud entr".split()
)


#: Word endings after an elision-like letter that are œ words instead: cœur, sœur, nœud, mœurs.
_OE_AFTER_ELISION = frozenset({"ur", "urs", "ud", "uds"})


#: What can follow œ: œuvre, cœur, vœu, bœuf, œil, œcuménique, œdème, œsophage, œstrogène,
#: œnologie, cœlacanthe, fœtus.
_OE_FOLLOWERS = re.compile(r"(?:u|il|cu|d[eéè]|so|st|no|la|tu)", re.IGNORECASE)


@dataclass
class RepairCount:
    """How many "?" the repair turned into apostrophes and œ, and which it kept."""

    apostrophes: int = 0
    oe: int = 0
    kept: list[str] = field(default_factory=list)


def _word_before(text: str) -> str:
    match = re.search(r"[^\W\d_]+$", text)
    return match.group(0) if match else ""


def _word_after(text: str, start: int) -> str:
    match = re.match(r"[^\W\d_]+", text[start:])
    return match.group(0) if match else ""


def _can_follow_oe(tail: str) -> bool:
    return bool(_OE_FOLLOWERS.match(tail)) and (tail.islower() or tail.isupper())


def _sentence_starts(before: str) -> bool:
    line = before.rsplit("\n", 1)[-1]
    if re.fullmatch(r"\s*[-–—•]?\s*[«\"“(]?\s*", line):
        return True
    return before.rstrip()[-1:] in ".!?…"


def _oe(tail: str, capital: bool) -> str:
    return "Œ" if capital or (tail.isupper() and len(tail) > 1) else "œ"


def _repair_run(before: str, run: str, text: str, end: int, count: RepairCount) -> str:
    """The replacement for a run of "?" standing between ``before`` and ``text[end:]``."""
    word = _word_before(before)
    tail = _word_after(text, end)
    elided = word.lower() in ELISIONS
    if len(run) == 2 and word and elided and _can_follow_oe(tail):
        count.apostrophes += 1
        count.oe += 1
        return "’" + _oe(tail, False)
    if len(run) != 1 or not tail:
        return run
    if word:
        if elided and tail.lower() not in _OE_AFTER_ELISION:
            count.apostrophes += 1
            return "’"
        if _can_follow_oe(tail) and (tail.islower() or word.isupper()):
            count.oe += 1
            return _oe(tail, False)
        count.apostrophes += 1
        return "’"
    if tail[0].islower() and _can_follow_oe(tail):
        count.oe += 1
        return _oe(tail, _sentence_starts(before))
    if tail == "s":  # Dutch ’s ("’s-Gravenhage", "’s avonds")
        count.apostrophes += 1
        return "’"
    return run


def repair_characters(text: str, count: RepairCount | None = None) -> str:
    """``text`` with every ’ and œ that became "?" restored; real question marks stay."""
    count = count if count is not None else RepairCount()
    pieces = WEB_ADDRESS.split(text)
    for index in range(0, len(pieces), 2):  # odd pieces are web addresses: left alone
        piece = pieces[index]
        out: list[str] = []
        last = 0
        for match in re.finditer(r"\?+", piece):
            out.append(piece[last : match.start()])
            before = "".join(out)
            replacement = _repair_run(before, match.group(0), piece, match.end(), count)
            if replacement == match.group(0) and before[-1:].isalpha():
                count.kept.append(piece[max(0, match.start() - 20) : match.end() + 5])
            out.append(replacement)
            last = match.end()
        out.append(piece[last:])
        pieces[index] = "".join(out)
    return "".join(pieces)
