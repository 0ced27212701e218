"""French and Dutch typography applied to note texts on export and in the preview.

French: ’ for apostrophes, « guillemets » with no-break spaces inside (“…” for a
quotation inside one), whatever quotes were typed ("…", “…”, ‘…’, '…'), a
no-break space before ":" and a narrow one before ";", "!" and "?", thousands
grouped with narrow no-break spaces, and the suffix of an ordinal ("1er", "XIXe")
raised (:func:`superscripts`). Dutch: ’ for apostrophes, “quotes” with ‘single
ones’ inside them (single quotes typed stay single: Dutch marks a word used in a
special sense so), and none of these spaces. URLs and e-mail addresses are never
touched, and applying the rules twice changes nothing more. The rules work on
export only: the note keeps what the adviser typed.

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


_ANY_QUOTE = frozenset("\"'«»“”„‘’")
#: Any quotation mark but ’: a text whose only quotes are ’ has nothing for :func:`_quotes` to
#: do (a ’ that closes no single quote is an apostrophe, and stays one), and French prose
#: has one in nearly every sentence.
_QUOTE_BUT_APOSTROPHE = re.compile("[\"'«»“”„‘]")
#: One of :data:`_ANY_QUOTE`, so that a text is walked quote by quote, not character by character.
_QUOTE_MARK = re.compile("[\"'«»“”„‘’]")
_STRAIGHT_SINGLE = re.compile("'")
_DOUBLE_OPENINGS = frozenset("«“„")
_DOUBLE_CLOSINGS = frozenset("»”")
#: What may follow a closing ’ (else it is an apostrophe, as in l’invitation).
_AFTER_SINGLE_CLOSING = frozenset(".,;:!?)]}…") | _ANY_QUOTE
#: What may stand before an opening ' typed straight (else it is an apostrophe).
_BEFORE_SINGLE_OPENING = frozenset("([{«“„‘—–/\ue000")
# Dutch words that start with an apostrophe: ’s avonds, ’t, ’n, ’k, ’m, ’r, ’ns.
_NL_ELISION = re.compile(r"(?:s|t|n|k|m|r|ns)(?![^\W\d_])", re.IGNORECASE)

#: How a pair of quotes is written: « » (French), “ ” (double) or ‘ ’ (single).
_GUILLEMETS, _DOUBLE, _SINGLE = ("«", "»"), ("“", "”"), ("‘", "’")


class _Quote:
    """An opening quote found in a line, and the closing one that matched it, if any."""

    __slots__ = ("closer", "double", "opener", "outer")

    def __init__(self, opener: int, double: bool, outer: _Quote | None) -> None:
        self.opener = opener
        self.closer: int | None = None
        self.double = double
        self.outer = outer  # the quote it opened inside of


def _straight_singles(text: str, lang: str) -> str:
    """Straight single quotes as ’ (apostrophes), or ‘ where one opens a quotation."""
    chars = list(text)
    for i, char in enumerate(text):
        if char != "'":
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1 : i + 2]
        opens = (
            (not before or before.isspace() or before in _BEFORE_SINGLE_OPENING)
            and after
            and not after.isspace()
            and not after.isdigit()  # ’90
            and after not in _ANY_QUOTE
            and not (lang == "nl" and _NL_ELISION.match(text, i + 1))
        )
        chars[i] = "‘" if opens else "’"
    return "".join(chars)


def _closes_single(text: str, i: int) -> bool:
    """Whether the ’ at ``i`` closes a quotation (after a word, before a space or a sign)."""
    before = text[i - 1] if i else ""
    after = text[i + 1 : i + 2]
    if not before or before.isspace() or before in "([{«“„‘":
        return False
    return not after or after.isspace() or after in _AFTER_SINGLE_CLOSING


_FAMILY = {"«": "»", "“": "”", "„": "”", "‘": "’"}


def _matching(text: str, stack: list[_Quote], closer: str, lang: str) -> int | None:
    """Where in ``stack`` the quote that ``closer`` closes is, if any.

    French pairs quotes of one family (» closes «, ” closes “ or „, ’ closes ‘):
    it writes single quotes as doubles, and a ” inside ‘…’ would otherwise close
    the « that ‘ becomes when applied again. Dutch writes every double quote
    alike, so a closing double quote closes the nearest double one.
    """
    double = closer != "’"
    for depth in range(len(stack) - 1, -1, -1):
        quote = stack[depth]
        if lang == "nl" and quote.double == double:
            return depth
        if _FAMILY[text[quote.opener]] == closer:
            return depth
    return None


def _match_quotes(
    text: str, start: int, end: int, lang: str
) -> tuple[list[_Quote], dict[int, _Quote | None]]:
    """The quotes that open in ``text[start:end]`` (one line) and how they pair.

    Returns the openings in order and the closings that matched none, each with
    the quote it stands inside of. A closing quote matches the nearest open one of
    its kind (double or single), leaving any opened after it unmatched; a ’ that
    does not close an open single quote is an apostrophe.
    """
    openings: list[_Quote] = []
    strays: dict[int, _Quote | None] = {}
    stack: list[_Quote] = []
    for found in _QUOTE_MARK.finditer(text, start, end):  # the other characters do nothing
        i, char = found.start(), found.group()
        top = stack[-1] if stack else None
        if char == "“" and any(q.double and text[q.opener] == "„" for q in stack):
            char = "”" if _closes_single(text, i) else char  # „…“ as German writes it
        if char in _DOUBLE_OPENINGS or char == "‘":
            quote = _Quote(i, char != "‘", top)
            openings.append(quote)
            stack.append(quote)
            continue
        double = char in _DOUBLE_CLOSINGS
        if not double and not (char == "’" and _closes_single(text, i)):
            continue
        depth = _matching(text, stack, char, lang)
        if depth is not None:
            stack[depth].closer = i
            del stack[depth:]
        elif double:
            strays[i] = top
    return openings, strays


def _may_be_single(text: str, quote: _Quote, closers: set[int | None]) -> bool:
    """Whether ``quote`` can be written ‘ ’ and still read as a pair (and be read so again).

    Its closing ’ must end a word, and no apostrophe inside it may look like one.
    """
    if quote.closer is None or not _closes_single(text, quote.closer):
        return False
    return not any(
        text[i] == "’" and i not in closers and _closes_single(text, i)
        for i in range(quote.opener + 1, quote.closer)
    )


def _quotes(text: str, lang: str) -> str:
    """Every quotation mark in ``text`` written as ``lang`` wants, by how deep it is nested.

    French: « » outside, “ ” inside; guillemets typed stay guillemets. Dutch: “ ”
    outside, ‘ ’ inside them; single quotes typed stay single. Straight quotes are
    paired first; a single quote that pairs with nothing stays an apostrophe.
    """
    if '"' in text:
        text = _pair_quotes(text, "“", "”")
    straight = frozenset(m.start() for m in _STRAIGHT_SINGLE.finditer(text)) if "'" in text else ()
    if straight:
        text = _straight_singles(text, lang)
    chars = list(text)
    style: dict[int, tuple[str, str] | None] = {}  # id(quote) → how it is written

    def written(quote: _Quote | None) -> tuple[str, str] | None:
        while quote is not None and style.get(id(quote)) is None:
            quote = quote.outer  # an unmatched single quote is transparent
        return style.get(id(quote)) if quote is not None else None

    start = 0
    for end in [*(m.start() for m in re.finditer("\n", text)), len(text)]:
        openings, strays = _match_quotes(text, start, end, lang)
        closers = {q.closer for q in openings if not q.double}
        for quote in openings:
            outer = written(quote.outer)
            opener = text[quote.opener]
            closer = text[quote.closer] if quote.closer is not None else ""
            if not quote.double and quote.closer is None:
                style[id(quote)] = None
                if quote.opener in straight:
                    chars[quote.opener] = "’"
                continue
            if lang == "fr":
                if opener == "«" and closer in ("»", ""):
                    pair = _GUILLEMETS
                else:
                    pair = _GUILLEMETS if outer is None else _DOUBLE
            elif not quote.double:
                pair = _SINGLE
            elif outer is _DOUBLE and _may_be_single(text, quote, closers):
                pair = _SINGLE
            else:
                pair = _DOUBLE
            style[id(quote)] = pair
            chars[quote.opener] = pair[0]
            if quote.closer is not None:
                chars[quote.closer] = pair[1]
        for i, outer_quote in strays.items():
            outer = written(outer_quote)
            if lang == "fr":
                chars[i] = "»" if text[i] == "»" or outer is None else "”"
            else:
                chars[i] = "”"
        start = end + 1
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


def _has_number(text: str) -> bool:
    """Whether ``text`` has a digit from 1 to 9, which starts every number grouped by thousands.

    Nine substring searches are some times faster than one regular expression on a long text.
    """
    return any(digit in text for digit in "123456789")


def _french(text: str) -> str:
    """The French rules on ``text`` whose URLs are shielded."""
    if _QUOTE_BUT_APOSTROPHE.search(text):
        text = _quotes(text, "fr")
    if "«" in text:
        text = _FR_OPENING_GUILLEMET.sub("«" + NBSP, text)
    if "»" in text:
        text = _respace(text, _FR_CLOSING_GUILLEMET, _closing_guillemet)
    if ":" in text:
        text = _respace(text, _COLON, _FR_COLON_SPACE)
    if ";" in text or "!" in text or "?" in text:
        text = _respace(text, _TALL, _FR_TALL_SPACE)
    if _has_number(text):
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
    if _QUOTE_BUT_APOSTROPHE.search(text):
        text = _quotes(text, "nl")
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
_SETTLE = 3


_MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
)
# "25-26 avril 2018" → "25–26 avril 2018": a range of days takes an en dash.
_DAY_RANGE = re.compile(
    rf"\b(\d{{1,2}}(?:er)?)-(\d{{1,2}})(?={_SP}+(?:{_MONTHS})\b)", re.IGNORECASE
)


# --- the œ ligature ---------------------------------------------------------------

#: The French words written with œ, in every inflection, as typed or repaired with "oe".
#: Only known words: in "coefficient", "coexister", "moelle", "goéland" or "poêle" the
#: o and the e are two letters, and a word not listed here is left as it is.
_OE_WORDS = (
    r"(?:chefs?-d|mains?-d|hors-d|dés|man)?oeuvr\w*",  # œuvre, chef-d’œuvre, manœuvre
    r"c(?:h)?oeurs?",  # cœur, chœur
    r"(?:ran|é|re)coeur\w*",  # rancœur, écœurer, écœurant
    r"soeurs?|belles?-soeurs?|demi-soeurs?",
    r"voeux?",
    r"noeuds?",
    r"oeil|oeill\w*|trompe-l[’']oeil",  # œil, œillet, œillère
    r"oeufs?|boeufs?",
    r"moeurs",
    r"oecum[ée]n\w*",  # œcuménique, œcuménisme
    r"oesophag\w*|oed[èé]m\w*|foet\w*|oenolog\w*|oestr\w*",
    r"oedipe|oedipien\w*",
)
_OE = re.compile(r"(?<!\w)(?:" + "|".join(_OE_WORDS) + r")(?!\w)", re.IGNORECASE)
_OE_PAIR = re.compile("oe", re.IGNORECASE)
#: Whether a text may hold one of :data:`_OE_WORDS` (as ``"oe" in text.casefold()``, faster).
_OE_HINT = re.compile("[oO][eE]")


def _ligature(match: re.Match[str]) -> str:
    """The word with its "oe" written œ, its case kept (Oeuvre → Œuvre, OEUVRE → ŒUVRE)."""
    return _OE_PAIR.sub(lambda pair: "œ" if pair.group()[0] == "o" else "Œ", match.group())


def ligatures(text: str, lang: str) -> str:
    """French ``text`` with œ where the word wants it ("mise en oeuvre" → "mise en œuvre");
    Dutch, and addresses (URLs, e-mail), are left as they are."""
    if lang != "fr" or not _OE_HINT.search(text):
        return text
    pieces, at = [], 0
    for kept in _PROTECTED.finditer(text):
        pieces.append(_OE.sub(_ligature, text[at : kept.start()]))
        pieces.append(kept.group())
        at = kept.end()
    pieces.append(_OE.sub(_ligature, text[at:]))
    return "".join(pieces)


def _day_ranges(text: str) -> str:
    return _DAY_RANGE.sub("\\1–\\2", text) if "-" in text else text


def apply(text: str, lang: str) -> str:
    """``text`` with the typography of document language ``lang`` ("fr" or "nl")."""
    try:
        language_rules = _RULES[lang]
    except KeyError:
        raise ValueError(f"unsupported document language: {lang!r}") from None

    def rules(value: str) -> str:
        given = _day_ranges(value)
        value = language_rules(given)
        # Stray quotes (a » that closes nothing, a “ never closed) can pair anew once
        # written the language's way; a second look settles them (none is needed when
        # the rules changed nothing: they would change nothing again).
        settle = value != given and not _ANY_QUOTE.isdisjoint(value)
        for _ in range(_SETTLE if settle else 0):
            again = language_rules(value)
            if again == value:
                break
            value = again
        return value

    if not text:
        return text
    text = ligatures(text, lang)
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
    # Each part first: œ takes one letter for two, and the parts are split back by counting.
    parts = [ligatures(part, lang) for part in parts]
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


# --- ordinals -----------------------------------------------------------------

# "1er", "1re", "2e", "2d", "2nde", "XIXe", "Ier": French sets the suffix of an ordinal
# in superscript. A single C, D, L or M is left out: "Ce", "De", "Le", "Mes" are words.
# The pattern starts with a set of characters, which the regular expression engine looks
# for at C speed; what it cannot say in that form is checked on each match
# (:func:`_ordinal_parts`): nothing that ends a word or an address stands before it, and
# a number is all digits, a numeral all letters.
_FR_ORDINAL = re.compile(
    r"(?P<lead>[1-9IVXLCDM])(?P<tail>\d*|[IVXLCDM]*)"
    r"(?P<suffix>ers?|res?|nde?s?|de?s?|es?)"
    r"(?![\w@'’]|[-+]\d+\b)"
)
_NOT_BEFORE_ORDINAL = re.compile(r"[\w.,/@]")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_FIRST = frozenset({"er", "ers", "re", "res"})
_SECOND = frozenset({"d", "ds", "de", "des", "nd", "nds", "nde", "ndes"})
_NTH = frozenset({"e", "es"})


def _ordinal_parts(match: re.Match[str]) -> tuple[str | None, str | None] | None:
    """The number or the roman numeral a match of :data:`_FR_ORDINAL` starts with, if it may
    start an ordinal there: (number, None) or (None, numeral); None when it may not."""
    start = match.start()
    if start and _NOT_BEFORE_ORDINAL.match(match.string, start - 1):
        return None
    lead, tail = match["lead"], match["tail"]
    if lead.isdigit():
        return (lead + tail, None) if not tail or tail[0] not in "IVXLCDM" else None
    return (None, lead + tail) if not tail or tail[0] in "IVXLCDM" else None


def _is_ordinal(number: str | None, roman: str | None, suffix: str) -> bool:
    """Whether a number and the letters after it make a French ordinal."""
    if number is not None:
        value = number
    elif roman and (len(roman) > 1 or roman in "IVX") and _ROMAN.fullmatch(roman):
        value = {"I": "1", "II": "2"}.get(roman, "n")
    else:
        return False
    if suffix in _FIRST:
        return value == "1"
    if suffix in _SECOND:
        return value == "2"
    return suffix in _NTH and value != "1"


def superscripts(text: str, lang: str) -> list[tuple[int, int]]:
    """Where ``text`` (already set in ``lang``) has letters to raise: the suffixes of ordinals.

    French writes "1er", "2e", "XIXe siècle" with the suffix in superscript; Dutch
    writes "1e", "2de", "21ste" on the line, so it has none. URLs and e-mail
    addresses are left alone. Returns (start, end) offsets, in order.
    """
    if lang != "fr":
        return []
    protected = []
    if any(marker in text for marker in _MAY_PROTECT):
        protected = [match.span() for match in _PROTECTED.finditer(text)]
    found = []
    for match in _FR_ORDINAL.finditer(text):
        parts = _ordinal_parts(match)
        if parts is None or not _is_ordinal(*parts, match["suffix"]):
            continue
        start, end = match.span("suffix")
        if any(low < end and start < high for low, high in protected):
            continue
        found.append((start, end))
    return found
