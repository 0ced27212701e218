"""The text an accepted change gives a paragraph: Word's, with its bold, italic and list, or
the note's own where Word left it alone; the omission mark and the variables whose values are
still there put back; a three-way merge of a clause's text. Used by :mod:`app.roundtrip.apply`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace

from app.docx.plan import Mark, Paragraph, Style
from app.library import worddiff
from app.library.clauses import Library
from app.notes.note import Block, LinkedClause
from app.roundtrip.changes import Reconciliation
from app.roundtrip.reading import _formats, _norm, _plan_list
from app.text.richtext import ListKind, RichText, TextParagraph, TextRun, coerce, from_plain, rich
from app.text.richtext import paragraph as make_paragraph

_VARIABLE = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")


_OMISSION = "[…]"


def _stored(block: Block, lang: str, library: Library) -> list[TextParagraph]:
    """The block's own paragraphs in ``lang``, one for each the export wrote."""
    if isinstance(block, LinkedClause):
        clause = library.at(block.clause_id, block.revision) or library.find(block.clause_id)
        text = from_plain(clause.text_in(lang)) if clause else RichText()
    else:
        text = coerce(getattr(block, "text", {}).get(lang))
    return [p for p in text.paragraphs if p.text.strip()]


def _text_after(
    reconciliation: Reconciliation,
    match,
    stored: list[TextParagraph],
    untracked: bool,
    taken: frozenset[str],
) -> RichText:
    """A block's text in one language with Word's edits (``untracked``) and ``taken`` made."""
    out: list[TextParagraph] = []
    if untracked:
        for k, found in match.found:
            if not found.exists(taken):
                continue
            expected = match.expected[k] if k is not None and k < len(match.expected) else None
            mine = stored[k] if k is not None and k < len(stored) else None
            if expected is not None and mine is not None and _same(expected, found, taken, match):
                out.append(mine)
                continue
            out.append(_from_word(reconciliation, found, expected, mine, taken))
        return rich(out) if out else RichText()
    # Word's own edits refused: the note's paragraphs, with only the tracked changes taken.
    by_index = {k: found for k, found in match.found if k is not None}
    placed: dict[int, list] = {}
    previous = -1
    for k, found in match.found:
        if k is None:
            if (
                found.mark_revision is not None
                and found.exists(taken)
                and (not found.exists(frozenset()))
            ):
                placed.setdefault(previous, []).append(found)
        else:
            previous = k
    for extra in placed.get(-1, []):
        out.append(_from_word(reconciliation, extra, None, None, taken))
    for k, mine in enumerate(stored):
        found = by_index.get(k)
        if found is None or not {r.id for r in found.revisions} & taken:
            out.append(mine)
        elif found.exists(taken):
            base, theirs = found.text(frozenset()), found.text(taken)
            merged = _merge3(base, mine.text, theirs)
            out.append(make_paragraph(merged, mine.kind, mine.level))
        for extra in placed.get(k, []):
            out.append(_from_word(reconciliation, extra, None, None, taken))
    return rich(out) if out else RichText()


def _same(expected: Paragraph, found, taken: frozenset[str], match) -> bool:
    """Whether a paragraph reads in Word as the export wrote it (text, formats, list)."""
    lang = expected.lang
    view = found.view(taken)
    text = "".join(s.text for s in view)
    return _norm(expected.text, lang) == _norm(text, lang) and _formats(expected.spans) == _formats(
        view
    )


def _from_word(
    reconciliation: Reconciliation,
    found,
    expected: Paragraph | None,
    mine: TextParagraph | None,
    taken: frozenset[str] | None = None,
) -> TextParagraph:
    """A paragraph as Word has it: its text, bold, italic and list, variables put back."""
    runs = [TextRun(s.text, s.bold, s.italic) for s in found.view(taken)]
    runs = _without_omission(runs, expected)
    runs = _trim(runs)
    if expected is not None and mine is not None:
        runs = _restore_variables(runs, expected, mine.text)
    listed = reconciliation.word.list_of(found)
    if expected is not None and mine is not None and listed == _plan_list(expected):
        return make_paragraph(runs, mine.kind, mine.level)
    if listed is None:
        return make_paragraph(runs)
    kind = ListKind.BULLET if listed[0] == "bullet" else ListKind.NUMBERED
    return make_paragraph(runs, kind, listed[1])


def _trim(runs: list[TextRun]) -> list[TextRun]:
    while runs and not runs[0].text.strip():
        runs.pop(0)
    while runs and not runs[-1].text.strip():
        runs.pop()
    if runs:
        runs[0] = replace(runs[0], text=runs[0].text.lstrip())
        runs[-1] = replace(runs[-1], text=runs[-1].text.rstrip())
    return runs


def _without_omission(runs: list[TextRun], expected: Paragraph | None) -> list[TextRun]:
    """Runs without the "[…]" the export put before or after an excerpt."""
    if expected is None or expected.style is not Style.QUOTATION:
        return runs
    if runs and runs[0].text.lstrip().startswith(_OMISSION) and expected.text.startswith(_OMISSION):
        runs[0] = replace(runs[0], text=runs[0].text.lstrip()[len(_OMISSION) :].lstrip())
    if runs and runs[-1].text.rstrip().endswith(_OMISSION) and expected.text.endswith(_OMISSION):
        runs[-1] = replace(runs[-1], text=runs[-1].text.rstrip()[: -len(_OMISSION)].rstrip())
    return runs


def _restore_variables(runs: list[TextRun], expected: Paragraph, mine: str) -> list[TextRun]:
    """Put ``{name}`` back where the value the export filled in is still in the text."""
    names = _VARIABLE.findall(mine)
    values = [span.text for span in expected.spans if span.mark is Mark.VARIABLE]
    if len(names) != len(values):
        return runs
    out = list(runs)
    for name, value in zip(names, values, strict=True):
        if not value.strip():
            continue
        for index, run in enumerate(out):
            if value in run.text:
                out[index] = replace(run, text=run.text.replace(value, "{" + name + "}", 1))
                break
    return out


def _merge3(base: str, ours: str, theirs: str) -> str:
    """``ours`` with the word changes from ``base`` to ``theirs`` made where ``ours`` agrees."""
    a, b, c = worddiff.tokens(base), worddiff.tokens(ours), worddiff.tokens(theirs)
    to_ours: dict[int, int] = {}
    for i1, j1, size in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(size):
            to_ours[i1 + k] = j1 + k
    result = list(b)
    edits = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, c, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        covered = [to_ours.get(i) for i in range(i1, i2)]
        if any(x is None for x in covered):
            continue  # ours changed that stretch too: ours wins
        if covered:
            start, end = covered[0], covered[-1] + 1
        else:
            before = to_ours.get(i1 - 1)
            after = to_ours.get(i1)
            if before is None and after is None and i1 not in (0, len(a)):
                continue
            start = end = (before + 1) if before is not None else (after if after else 0)
            if i1 == len(a) and before is None:
                start = end = len(b)
        edits.append((start, end, c[j1:j2]))
    for start, end, tokens in sorted(edits, reverse=True):
        result[start:end] = tokens
    return "".join(result)
