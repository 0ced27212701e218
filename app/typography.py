"""French and Dutch typography applied to note texts on export and in the preview.

French: ’ for apostrophes, « guillemets » with no-break spaces inside, a no-break
space before ":" and a narrow one before ";", "!" and "?", thousands grouped
with narrow no-break spaces. Dutch: ’ for apostrophes, “quotes”, and none of
these spaces. URLs and e-mail addresses are never touched, and applying the
rules twice changes nothing more.

Every rule either maps one character to one other (quotes, apostrophes) or
adds, removes or swaps the spaces listed in :data:`SPACES`; :func:`apply_parts`
relies on that to keep the boundaries of a text made of several parts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

NBSP = "\u00a0"
NNBSP = "\u202f"

#: The horizontal spaces the rules add, remove or swap (never tabs or line breaks).
SPACES = " \u00a0\u2009\u202f"
_SP = f"[{SPACES}]"

#: Stands for a protected URL or e-mail address while the rules run.
_SHIELD = "\ue000"
_PROTECTED = re.compile(
    r"(?:https?|ftp)://[^\s«»\"“”‘’<>]*[^\s«»\"“”‘’<>.,;:!?)'\]]"
    r"|www\.[^\s«»\"“”‘’<>]*[^\s«»\"“”‘’<>.,;:!?)'\]]"
    r"|\w[\w.+'-]*@[\w-]+(?:\.[\w-]+)+"
    rf"|{_SHIELD}",
    re.IGNORECASE,
)
_SHIELDED = re.compile(_SHIELD)
_MAY_PROTECT = ("://", "@", "ww.", "WW.", _SHIELD)

#: Signs after which French punctuation takes a space, besides letters and digits.
_CLOSING_SIGNS = frozenset("_»”’)]}%…°")


def _after_word(char: str) -> bool:
    """Whether ``char`` ends a word or closes something, so punctuation after it is spaced."""
    return char.isalnum() or char in _CLOSING_SIGNS


def _before(match: re.Match[str]) -> str:
    """The character just before ``match`` ("" at the start of the text)."""
    start = match.start()
    return match.string[start - 1] if start else ""


# A colon ends a phrase when followed by a space or nothing, not in "10:30" or "art. 3:2";
# ";", "!" and "?" unless glued to what follows ("a;b", "?x=1").
_COLON = re.compile(r":(?!\S)")
_TALL = re.compile(r"[;!?]+(?![\w/\\=&#@'’-])")

#: Decides the spaces before a sign from the character before them and whether there were any:
#: the spaces to put there, or None to leave them as they are. A sign glued to a URL may
#: belong to it, and a part of a text (see :func:`apply_parts`) may start with its spaces.
Spacing = Callable[[str, bool], str | None]


def _respace(text: str, signs: re.Pattern[str], decide: Spacing) -> str:
    """``text`` with the spaces before each of ``signs`` set as ``decide`` says."""
    pieces: list[str] = []
    last = 0
    for match in signs.finditer(text):
        sign = start = match.start()
        while start > last and text[start - 1] in SPACES:
            start -= 1
        space = decide(text[start - 1] if start else "", start < sign)
        if space is not None and text[start:sign] != space:
            pieces += (text[last:start], space)
            last = sign
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _french_space(space: str) -> Spacing:
    """Put ``space`` after a word, or in place of spaces after a URL or at the start of a part."""

    def decide(before: str, spaced: bool) -> str | None:
        if _after_word(before) or (spaced and before in ("", _SHIELD)):
            return space
        return None

    return decide


def _no_space(before: str, spaced: bool) -> str | None:
    """Take out the spaces between a word and the sign (Dutch)."""
    if spaced and (_after_word(before) or before in ("", _SHIELD)):
        return ""
    return None


# --- quotes -------------------------------------------------------------------

_QUOTE_OR_LINE = re.compile(r'["\n]')
_BEFORE_OPENING = set("([{«“‘—–-/\ue000") | {""}
_AFTER_CLOSING = set(".,;:!?)]}»”’…") | {""}


def _pair_quotes(text: str, opening: str, closing: str) -> str:
    """Straight double quotes turned into ``opening`` and ``closing`` ones, line by line."""
    chars = list(text)
    is_open = False
    for match in _QUOTE_OR_LINE.finditer(text):
        i = match.start()
        if text[i] == "\n":
            is_open = False
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1 : i + 2]
        before_space = before.isspace() or before in _BEFORE_OPENING
        after_space = after.isspace() or after in _AFTER_CLOSING
        if before_space and not after_space:
            is_open = True
        elif after_space and not before_space:
            is_open = False
        else:
            is_open = not is_open
        chars[i] = opening if is_open else closing
    return "".join(chars)


# --- French -------------------------------------------------------------------

_FR_OPENING_GUILLEMET = re.compile(rf"«{_SP}*(?=\S)")
_FR_CLOSING_GUILLEMET = re.compile("»")
_FR_COLON_SPACE = _french_space(NBSP)
_FR_TALL_SPACE = _french_space(NNBSP)
# A whole number: five digits or more, or groups of three already set apart; not glued to
# a word, a slash or a decimal point, nor followed by more digits ("02 501 02 11").
_FR_NUMBER = re.compile(rf"[1-9](?:\d{{4,}}|\d{{0,2}}(?:{_SP}\d{{3}})+)(?![\w/-]|[.:]\d|{_SP}?\d)")
_NOT_BEFORE_NUMBER = frozenset("_.,/:+#-")
# Identifiers are not amounts: "n° 12345", "réf. 20180", "tél. 02345".
_IDENTIFIER_BEFORE = re.compile(
    r"\b(?:n°|n[or]\.?|num[ée]ro|r[ée]f\.?|art\.?|article|dossier|t[ée]l\.?|fax|bte|bus)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")


def _closing_guillemet(before: str, spaced: bool) -> str | None:
    """One no-break space before a closing guillemet, unless it starts a line."""
    return NBSP if before and not before.isspace() and before != "«" else None


def _group_thousands(match: re.Match[str]) -> str:
    """The number in ``match`` grouped by three with narrow no-break spaces."""
    start, text = match.start(), match.string
    before = _before(match)
    if (
        before.isalnum()
        or before in _NOT_BEFORE_NUMBER
        or (before and before in SPACES and start > 1 and text[start - 2].isdigit())
        or _IDENTIFIER_BEFORE.search(text, max(0, start - 12), start)
    ):
        return match.group()
    digits = re.sub(r"\D", "", match.group())
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return NNBSP.join(groups)


def _french(text: str) -> str:
    """The French rules on ``text`` whose URLs are shielded."""
    if "'" in text:
        text = text.replace("'", "’")
    if '"' in text:
        text = _pair_quotes(text, "«", "»")
    if "«" in text:
        text = _FR_OPENING_GUILLEMET.sub("«" + NBSP, text)
    if "»" in text:
        text = _respace(text, _FR_CLOSING_GUILLEMET, _closing_guillemet)
    if ":" in text:
        text = _respace(text, _COLON, _FR_COLON_SPACE)
    if ";" in text or "!" in text or "?" in text:
        text = _respace(text, _TALL, _FR_TALL_SPACE)
    if _DIGIT.search(text):
        text = _FR_NUMBER.sub(_group_thousands, text)
    return text


# --- Dutch --------------------------------------------------------------------

_NL_OPENING_QUOTE = re.compile(rf"([“„]){_SP}+(?=\S)")
_NL_CLOSING_QUOTE = re.compile(r"”(?=[\s.,;:!?)\]…]|$)")


def _nl_opening_quote(match: re.Match[str]) -> str:
    """An opening quote without the spaces after it, where it opens (after a space or "(")."""
    before = _before(match)
    if not before or before.isspace() or before in "([":
        return match.group(1)
    return match.group()


def _nl_closing_quote(before: str, spaced: bool) -> str | None:
    """No space before a closing quote that closes something (after a word)."""
    return "" if spaced and before and not before.isspace() else None


def _dutch(text: str) -> str:
    """The Dutch rules on ``text`` whose URLs are shielded."""
    if "'" in text:
        text = text.replace("'", "’")
    if '"' in text:
        text = _pair_quotes(text, "“", "”")
    if "«" in text or "»" in text:
        text = text.replace("«", "“").replace("»", "”")
    if ":" in text:
        text = _respace(text, _COLON, _no_space)
    if ";" in text or "!" in text or "?" in text:
        text = _respace(text, _TALL, _no_space)
    if "“" in text or "„" in text:
        text = _NL_OPENING_QUOTE.sub(_nl_opening_quote, text)
    if "”" in text:
        text = _respace(text, _NL_CLOSING_QUOTE, _nl_closing_quote)
    return text


_RULES: dict[str, Callable[[str], str]] = {"fr": _french, "nl": _dutch}


_MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
)
# "25-26 avril 2018" → "25–26 avril 2018": a range of days takes an en dash.
_DAY_RANGE = re.compile(
    rf"\b(\d{{1,2}}(?:er)?)-(\d{{1,2}})(?={_SP}+(?:{_MONTHS})\b)", re.IGNORECASE
)


def _day_ranges(text: str) -> str:
    return _DAY_RANGE.sub("\\1–\\2", text) if "-" in text else text


def apply(text: str, lang: str) -> str:
    """``text`` with the typography of document language ``lang`` ("fr" or "nl")."""
    try:
        language_rules = _RULES[lang]
    except KeyError:
        raise ValueError(f"unsupported document language: {lang!r}") from None

    def rules(value: str) -> str:
        return language_rules(_day_ranges(value))

    if not text:
        return text
    if not any(marker in text for marker in _MAY_PROTECT):
        return rules(text)
    kept: list[str] = []

    def shield(match: re.Match[str]) -> str:
        kept.append(match.group())
        return _SHIELD

    result = rules(_PROTECTED.sub(shield, text))
    if not kept:
        return result
    restore = iter(kept)
    return _SHIELDED.sub(lambda _match: next(restore), result)


_OPENING_QUOTES = "«“„"


def apply_parts(parts: Sequence[str], lang: str) -> list[str]:
    """The typography of ``lang`` applied to the joined ``parts``, split back at the same places.

    A variable's value and the text around it are separate parts, yet "{minister} :"
    must get its no-break space and "\"{minister}\"" its guillemets.
    """
    if len(parts) < 2:
        return [apply(part, lang) for part in parts]
    original = "".join(parts)
    result = apply(original, lang)
    pieces: list[str] = []
    start = 0  # where the current piece starts in result
    scan = 0  # how far result has been walked
    for part in parts[:-1]:
        # Keep as many non-space characters as the part has, then as many of the
        # spaces that follow as the part ends with; a space a rule added at the
        # boundary goes with the sign that asked for it (after «, before : or »).
        solid = sum(1 for ch in part if ch not in SPACES)
        trailing = len(part) - len(part.rstrip(SPACES))
        while solid and scan < len(result):
            if result[scan] not in SPACES:
                solid -= 1
            scan += 1
        if scan and result[scan - 1] in _OPENING_QUOTES:
            trailing = len(result)
        while trailing and scan < len(result) and result[scan] in SPACES:
            scan += 1
            trailing -= 1
        pieces.append(result[start:scan])
        start = scan
    pieces.append(result[start:])
    return pieces
