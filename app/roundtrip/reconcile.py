"""Bring a note back from Word: match an edited export to the note, block by block.

The note is laid out again as its export was (:func:`app.export.render.build_plan`) and the
Word file is read (:mod:`app.docx.reader`); each paragraph of the file is matched to
the paragraph of the plan it came from: by the bookmark that carries its block's id
(:mod:`app.docx.blockmarks`) or its clause's content control tag where Word kept them, else
by aligning the paragraphs by their text (less certain). Texts compare as
:func:`app.notes.quotation.comparable` reads them, so the typography the export applied, white
space and runs split by Word are no change. What differs becomes a list of
:class:`~app.roundtrip.changes.Change`: a block edited (with its word differences), deleted, moved, paragraphs
added, a first-page detail changed, a tracked change, a comment. Nothing in the note
changes here: :mod:`app.roundtrip.apply` applies the changes the user accepts.

The file and the plan are read as :mod:`app.roundtrip.reading` does; follow-up tables are
compared by :mod:`app.roundtrip.followup`, part of the matcher.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from app.docx import blockmarks
from app.docx.plan import DocumentPlan, Paragraph, Style
from app.docx.reader import Revision, WordFile, WordParagraph
from app.export.render import build_plan
from app.language.codes import NoteLanguage
from app.language.i18n import _
from app.language.vocabulary import word
from app.library import worddiff
from app.library.clauses import Library
from app.notes.note import Block, LinkedClause, Note
from app.roundtrip.changes import DETAILS, BlockMatch, Change, Kind, Reconciliation
from app.roundtrip.followup import FollowUpTables
from app.roundtrip.reading import (
    _SIMILAR,
    _Expected,
    _formats,
    _lang,
    _norm,
    _plan_list,
    _streams,
    read_word,
)
from app.system.errors import ClausierError

_GENERATED_STYLES = frozenset({"clausier citation", "clausier clause title"})


# -- matching --------------------------------------------------------------------------


class _Matcher(FollowUpTables):
    """One matching of a file against a note."""

    def __init__(self, note: Note, library: Library, word: WordFile) -> None:
        self.note = note
        self.library = library
        self.word = word
        self.keys = {blockmarks.key(b.id): b.id for _s, b in note.blocks()}
        self.keys.update({blockmarks.key(s.id): s.id for s in note.sections})
        self.section_of = {b.id: s.id for s, b in note.blocks()}
        self.blocks = {b.id: b for _s, b in note.blocks()}
        self.changes: list[Change] = []
        self.matches: dict[tuple[str, str], BlockMatch] = {}
        self.unchanged = 0
        self.table_found: dict[str, int | None] = {}  # follow-up table id → file table
        self.table_cells: dict[int, dict[tuple[int, int], list[WordParagraph]]] = {}
        self.table_marked: dict[str, int] = {}
        self.known_tables: set[int] = set()  # the file's tables that are the note's
        self.layout_tables: set[int] = set()  # a bilingual file's two columns

    # -- languages and streams -----------------------------------------------------

    def languages(self) -> tuple[str, ...]:
        """The languages the file was exported in, from its marks, else its paragraphs."""
        found = {
            parsed[1]
            for p in self.word.paragraphs
            for name in p.marks
            if (parsed := blockmarks.parse(name))
        }
        columns = {
            _lang(p.lang, "")
            for p in self.word.paragraphs
            if p.column == 1 and _lang(p.lang, "") == "nl"
        }
        if {"fr", "nl"} <= found or (columns and self._side_by_side()):
            return ("fr", "nl")
        if found:
            return (found.pop(),)
        counts = {"fr": 0, "nl": 0}
        for p in self.word.paragraphs:
            lang = _lang(p.lang, "")
            if lang:
                counts[lang] += len(p.text())
        return ("nl",) if counts["nl"] > counts["fr"] else ("fr",)

    def _side_by_side(self) -> bool:
        return any(
            p.column == 0 and _lang(p.lang, "") == "fr" for p in self.word.paragraphs
        ) and any(p.column == 1 and _lang(p.lang, "") == "nl" for p in self.word.paragraphs)

    def file_streams(
        self, languages: tuple[str, ...], meta_table: int
    ) -> dict[str, list[WordParagraph]]:
        """The file's paragraphs per stream, as :func:`_streams` has the plan's.

        The first-page table and the note's follow-up tables are left out (compared on
        their own); a table added in Word stays in its stream, to be reported as one.
        """
        streams: dict[str, list[WordParagraph]] = {"": []}
        for lang in languages:
            streams.setdefault(lang, [])
        self.known_tables = {meta_table, *self.table_found.values()} - {-1, None}
        self.layout_tables = self._layout_tables(languages) if len(languages) > 1 else set()
        for paragraph in self.word.paragraphs:
            if any(t in self.known_tables for t, _r, _c in paragraph.within):
                continue
            outer = paragraph.within[0] if paragraph.within else None
            if outer is not None and outer[0] in self.layout_tables and outer[2] in (0, 1):
                streams[languages[outer[2]]].append(paragraph)
            else:
                streams[""].append(paragraph)
        if len(languages) == 1:
            streams[""] = streams.pop(languages[0], []) + streams[""]
        return streams

    def _layout_tables(self, languages: tuple[str, ...]) -> set[int]:
        """The two-column tables of a bilingual file that hold the note's French and Dutch."""
        columns: dict[int, int] = {}
        marked: set[int] = set()
        sides: dict[int, set[tuple[int, str]]] = {}
        for paragraph in self.word.paragraphs:
            if not paragraph.within:
                continue
            table, _row, column = paragraph.within[0]
            columns[table] = max(columns.get(table, 0), column)
            if paragraph.marks or any(t.startswith("clausier:") for t in paragraph.tags):
                marked.add(table)
            sides.setdefault(table, set()).add((column, _lang(paragraph.lang, "")))
        return {
            table
            for table, last in columns.items()
            if last <= 1
            and table not in self.known_tables
            and (table in marked or {(0, languages[0]), (1, languages[-1])} <= sides[table])
        }

    def added_table(self, paragraph: WordParagraph) -> int:
        """The table added in Word that ``paragraph`` stands in (-1: none)."""
        for table, _row, _column in paragraph.within:
            if table not in self.known_tables and table not in self.layout_tables:
                return table
        return -1

    # -- marks -----------------------------------------------------------------------

    def mark_of(self, paragraph: WordParagraph, lang: str) -> str:
        """The block (or section) id whose bookmark covers ``paragraph`` in ``lang``."""
        found = ""
        for name in paragraph.marks:
            parsed = blockmarks.parse(name)
            if parsed and parsed[1] == lang and parsed[0] in self.keys:
                found = self.keys[parsed[0]]
                if found in self.blocks:
                    return found
        return found

    def tag_clause(self, paragraph: WordParagraph) -> str:
        """The clause id of the innermost Clausier content control around ``paragraph``."""
        for tag in reversed(paragraph.tags):
            if tag.startswith("clausier:") and "@" in tag:
                return tag[len("clausier:") :].rsplit("@", 1)[0]
        return ""

    # -- alignment ---------------------------------------------------------------------

    def align(
        self, expected: list[_Expected], found: list[WordParagraph], lang: str
    ) -> tuple[dict[int, int], set[int]]:
        """Expected index → file index for the paragraphs matched, and those matched by text.

        Equal texts in order first; in the gaps between them, a file paragraph goes to a
        paragraph of the block its mark names, else to the most alike one; then what is
        left finds its equal anywhere (a paragraph moved).
        """

        def elang(e: _Expected) -> str:
            return e.paragraph.lang or lang

        ekeys = [_norm(e.paragraph.text, elang(e)) for e in expected]
        original = frozenset()
        fkeys = [
            _norm(p.text(original), _lang(p.lang, lang))
            if p.exists(original) and self.added_table(p) < 0
            else "\x00"
            for p in found
        ]
        marks = [self.mark_of(p, _lang(p.lang, lang) if p.lang else lang) for p in found]
        for index, p in enumerate(found):
            if not marks[index] and lang and len(lang) == 2:
                marks[index] = self.mark_of(p, lang)
        pairs: dict[int, int] = {}
        by_text: set[int] = set()

        def compatible(i: int, j: int) -> bool:
            mark = marks[j]
            block = expected[i].block_id
            if not mark:
                clause = self.tag_clause(found[j])
                if clause and block in self.blocks:
                    own = getattr(self.blocks[block], "clause_id", "")
                    return own == clause
                return True
            return mark == block

        matcher = difflib.SequenceMatcher(None, ekeys, fkeys, autojunk=False)
        gaps = []
        last_i = last_j = 0
        for i1, j1, size in matcher.get_matching_blocks():
            gaps.append((last_i, i1, last_j, j1))
            for k in range(size):
                if compatible(i1 + k, j1 + k):
                    pairs[i1 + k] = j1 + k
            last_i, last_j = i1 + size, j1 + size
        for i1, i2, j1, j2 in gaps:
            self._fill_gap(expected, found, ekeys, fkeys, marks, pairs, i1, i2, j1, j2)
        # Moves: what is left finds its equal, or a paragraph of its own block, anywhere.
        free_e = [i for i in range(len(expected)) if i not in pairs]
        used = set(pairs.values())
        free_f = [j for j in range(len(found)) if j not in used and fkeys[j] != "\x00"]
        by_key: dict[str, list[int]] = {}
        for j in free_f:
            by_key.setdefault(fkeys[j], []).append(j)
        for i in free_e:
            options = by_key.get(ekeys[i])
            while options:
                j = options.pop(0)
                if j not in used and compatible(i, j):
                    pairs[i] = j
                    used.add(j)
                    break
        for i in [i for i in range(len(expected)) if i not in pairs]:
            block = expected[i].block_id
            if not block:
                continue
            best, score = None, _SIMILAR
            for j in free_f:
                if j in used or marks[j] != block:
                    continue
                ratio = difflib.SequenceMatcher(None, ekeys[i], fkeys[j]).ratio()
                if ratio >= score:
                    best, score = j, ratio
            if best is not None:
                pairs[i] = best
                used.add(best)
        for i, j in pairs.items():
            if not marks[j] and not self.tag_clause(found[j]):
                by_text.add(i)
        return pairs, by_text

    def _fill_gap(self, expected, found, ekeys, fkeys, marks, pairs, i1, i2, j1, j2) -> None:
        """Pair the paragraphs of one gap between equal runs, in order, by mark or likeness."""
        if i1 >= i2 or j1 >= j2:
            return
        start = j1
        for i in range(i1, i2):
            block = expected[i].block_id
            best, score = None, -1.0
            for j in range(start, j2):
                if fkeys[j] == "\x00":
                    continue
                if marks[j] and marks[j] != block:
                    continue
                ratio = difflib.SequenceMatcher(None, ekeys[i], fkeys[j], autojunk=False).ratio()
                if marks[j] and marks[j] == block:
                    ratio += 1.0
                if ratio > score:
                    best, score = j, ratio
                if ratio >= 1.99:
                    break
            if best is not None and score >= _SIMILAR:
                pairs[i] = best
                start = best + 1

    # -- building the changes ----------------------------------------------------------

    def run(self, plan: DocumentPlan, languages: tuple[str, ...]) -> None:
        """Match every stream and record what changed."""
        meta_table = self.details(plan)
        self.find_tables(plan, languages)
        expected = _streams(plan)
        found = self.file_streams(languages, meta_table)
        sections_at: dict[int, str] = {}  # file paragraph id → the section it stands in
        order = ["", *[lang for lang in languages if len(languages) > 1]]
        for stream in order:
            lang = stream or languages[0]
            exp, got = expected.get(stream, []), found.get(stream, [])
            pairs, by_text = self.align(exp, got, lang)
            if stream == "":
                for i, j in pairs.items():
                    if exp[i].role == "heading":
                        sections_at[id(got[j])] = exp[i].block_id
                        self.heading(exp[i], got[j], languages)
                for i, e in enumerate(exp):
                    if e.role == "heading" and i not in pairs:
                        self.add(
                            Kind.SECTION,
                            lang,
                            what="deleted",
                            section_id=e.block_id,
                            certain=self.word.has_marks,
                            diff=[worddiff.Piece(worddiff.Op.DELETE, e.paragraph.text)],
                        )
            self.blocks_of(exp, got, pairs, by_text, lang, stream)
        self.follow_ups(plan, languages)
        self.comments()

    def heading(self, exp: _Expected, got: WordParagraph, languages) -> None:
        lang = languages[0]
        if _norm(exp.paragraph.text, lang) == _norm(got.text(frozenset()), lang):
            return
        self.add(
            Kind.SECTION,
            lang,
            diff=worddiff.diff_words(exp.paragraph.text, got.text(frozenset())),
            section_id=exp.block_id,
            paragraphs=[got],
        )

    def add(self, kind: Kind, lang: str, **values) -> Change:
        change = Change(str(len(self.changes) + 1), kind, lang, **values)
        self.changes.append(change)
        return change

    def blocks_of(self, exp, got, pairs, by_text, lang, stream) -> None:
        """The changes of each block of one stream, and the paragraphs added between blocks."""
        owner: dict[int, tuple[str, int | None]] = {}  # file index → (block, expected index)
        for i, j in pairs.items():
            if exp[i].block_id and exp[i].role != "heading":
                owner[j] = (exp[i].block_id, i)
        langs = [lang] if stream or len(self.note.language.languages) == 1 else [lang]
        for j, paragraph in enumerate(got):
            if j in owner or self.added_table(paragraph) >= 0:
                continue
            mark = self.mark_of(paragraph, _lang(paragraph.lang, lang))
            if mark in self.blocks and not self.generated(paragraph):
                owner[j] = (mark, None)
            elif mark in self.blocks:
                owner[j] = ("", None)  # a citation or a clause title the export no longer writes
        blocks: dict[str, BlockMatch] = {}
        for e in exp:
            if e.block_id in self.blocks and e.block_id not in blocks:
                blocks[e.block_id] = BlockMatch(e.block_id, e.paragraph.lang, [], [], True)
            if e.role == "body" and e.block_id in blocks:
                blocks[e.block_id].expected.append(e.paragraph)
            elif e.role == "lead_in" and e.block_id in blocks:
                blocks[e.block_id].lead_in = e.paragraph
        for j, (block_id, i) in sorted(owner.items()):
            match = blocks.get(block_id)
            if match is None:
                continue
            if i is not None:
                if exp[i].role == "body":
                    match.found.append((exp[i].index, got[j]))
                elif exp[i].role == "lead_in":
                    match.lead_in_found = got[j]
                if i in by_text:
                    match.certain = False
            else:
                match.found.append((None, got[j]))
        for match in blocks.values():
            self.matches[(match.block_id, match.lang)] = match
            self.block_changes(match)
        self.added(exp, got, pairs, owner, lang)
        self.moved(exp, got, pairs, owner, lang)
        del langs

    def generated(self, paragraph: WordParagraph) -> bool:
        """Whether ``paragraph`` is in a style only the export writes (a citation, a clause title)."""
        return self.word.style_names.get(paragraph.style, "") in _GENERATED_STYLES

    def block_changes(self, match: BlockMatch) -> None:
        lang = match.lang
        block = self.blocks[match.block_id]
        section = self.section_of[match.block_id]
        if not match.found and match.lead_in_found is None:
            self.add(
                Kind.DELETED,
                lang,
                block_id=match.block_id,
                section_id=section,
                certain=match.certain,
                diff=[worddiff.Piece(worddiff.Op.DELETE, _joined(match.expected))],
            )
            return
        original = frozenset()
        old = _joined(match.expected)
        new = "\n".join(p.text(original) for _k, p in match.found if p.exists(original))
        formats = self._formats_changed(match)
        same = _norm(old, lang) == _norm(new, lang) and [
            k for k, p in match.found if p.exists(original)
        ] == list(range(len(match.expected)))
        if not same or formats:
            self.add(
                Kind.EDITED,
                lang,
                block_id=match.block_id,
                section_id=section,
                certain=match.certain,
                diff=worddiff.diff_words(old, new),
                formats=formats,
            )
        else:
            self.unchanged += 1
        if match.lead_in is not None and match.lead_in_found is not None:
            old_title = match.lead_in.text
            new_title = match.lead_in_found.text(original)
            if _norm(old_title, lang) != _norm(new_title, lang):
                self.add(
                    Kind.EDITED,
                    lang,
                    block_id=match.block_id,
                    section_id=section,
                    certain=match.certain,
                    diff=worddiff.diff_words(old_title, new_title),
                    what="title",
                )
        for _k, paragraph in match.found:
            self.tracked(paragraph, match.block_id, section, lang, match.certain)
        if match.lead_in_found is not None:
            self.tracked(match.lead_in_found, match.block_id, section, lang, match.certain)
        del block

    def _formats_changed(self, match: BlockMatch) -> bool:
        original = frozenset()
        for k, paragraph in match.found:
            if k is None or k >= len(match.expected):
                continue
            plan = match.expected[k]
            view = paragraph.view(original)
            if _formats(plan.spans) != _formats(view):
                return True
            if _plan_list(plan) != self.word.list_of(paragraph) and plan.style in (
                Style.BODY,
                Style.BULLET,
                Style.NUMBER,
            ):
                return True
        return False

    def tracked(
        self, paragraph: WordParagraph, block_id: str, section: str, lang: str, certain: bool
    ) -> None:
        """One change for each group of tracked changes in ``paragraph``."""
        for group in _revision_groups(paragraph):
            ids = frozenset(r.id for r in group)
            before = paragraph.text(frozenset()) if paragraph.exists(frozenset()) else ""
            after = paragraph.text(ids) if paragraph.exists(ids) else ""
            self.add(
                Kind.TRACKED,
                lang,
                block_id=block_id,
                section_id=section,
                certain=certain,
                diff=worddiff.diff_words(before, after),
                author=group[0].author,
                date=group[0].date,
                revisions=ids,
                paragraphs=[paragraph],
            )

    def added(self, exp, got, pairs, owner, lang) -> None:
        """Paragraphs of the file that no block of the note has, grouped, after what they follow."""
        matched = {j: i for i, j in pairs.items()}
        run: list[WordParagraph] = []
        follows: tuple[str, str] = ("", "")

        def flush() -> None:
            if not run:
                return
            if self.added_table(run[0]) >= 0:
                self.table_added(run, follows, lang)
                run.clear()
                return
            tracked = [p for p in run if not p.exists(frozenset())]
            text = "\n".join(p.text() for p in run if p.text().strip())
            if text.strip():
                first = tracked[0].mark_revision if tracked else None
                self.add(
                    Kind.ADDED,
                    lang,
                    block_id=follows[0],
                    section_id=follows[1],
                    diff=[worddiff.Piece(worddiff.Op.INSERT, text)],
                    text=text,
                    author=first.author if first else "",
                    date=first.date if first else "",
                    revisions=frozenset(p.mark_revision.id for p in tracked if p.mark_revision),
                    paragraphs=list(run),
                )
            run.clear()

        for j, paragraph in enumerate(got):
            if j in owner:
                flush()
                block = owner[j][0]
                if block:
                    follows = (block, self.section_of.get(block, ""))
                continue
            if j in matched:
                flush()
                e = exp[matched[j]]
                if e.role == "heading":
                    follows = ("", e.block_id)
                continue
            if not follows[1]:
                follows = ("", self.note.sections[0].id if self.note.sections else "")
            if run and self.added_table(run[0]) != self.added_table(paragraph):
                flush()  # a table added in Word is a change of its own
            run.append(paragraph)
        flush()

    def table_added(self, paragraphs: list[WordParagraph], follows: tuple[str, str], lang) -> None:
        """A table added in Word: its rows as text (cells between " | "), after what it follows."""
        table = self.added_table(paragraphs[0])
        rows: dict[int, dict[int, list[str]]] = {}
        for paragraph in paragraphs:
            row, column = next(((r, c) for t, r, c in paragraph.within if t == table), (0, 0))
            text = paragraph.text(frozenset()).strip()
            cell = rows.setdefault(row, {}).setdefault(column, [])
            if text:
                cell.append(text)
        lines = [
            " | ".join(" ".join(cells[c]) for c in sorted(cells))
            for _r, cells in sorted(rows.items())
            if any(cells.values())
        ]
        text = "\n".join(lines)
        if not text.strip():
            return
        tracked = next((p.mark_revision for p in paragraphs if p.mark_revision), None)
        self.add(
            Kind.ADDED,
            lang,
            block_id=follows[0],
            section_id=follows[1],
            diff=[worddiff.Piece(worddiff.Op.INSERT, text)],
            text=text,
            what="table",
            author=tracked.author if tracked else "",
            date=tracked.date if tracked else "",
            paragraphs=list(paragraphs),
        )

    def moved(self, exp, got, pairs, owner, lang) -> None:
        """Blocks that stand in another place in the file than in the note."""
        positions: dict[str, int] = {}
        for j, (block, _i) in sorted(owner.items()):
            if block:
                positions.setdefault(block, j)
        section_at: list[tuple[int, str]] = []
        for i, j in pairs.items():
            if exp[i].role == "heading":
                section_at.append((j, exp[i].block_id))
        section_at.sort()
        note_order = [b.id for _s, b in self.note.blocks() if b.id in positions]
        file_order = sorted(positions, key=positions.get)
        keep = _longest_increasing([note_order.index(b) for b in file_order])
        kept = {file_order[k] for k in keep}

        def section_in_file(j: int) -> str:
            found = ""
            for at, section in section_at:
                if at <= j:
                    found = section
            return found

        found_headings = {section for _at, section in section_at}

        def section_of(block: str) -> str:
            own = self.section_of[block]
            if own not in found_headings:
                return own  # its heading was deleted in Word: it stays in its section
            return section_in_file(positions[block]) or own

        for index, block in enumerate(file_order):
            section = section_of(block)
            if block in kept and section == self.section_of[block]:
                continue
            before = ""
            for other in reversed(file_order[:index]):
                if section_of(other) == section:
                    before = other
                    break
            self.add(
                Kind.MOVED,
                lang,
                block_id=block,
                section_id=section,
                after=before,
                certain=self.matches.get((block, lang), BlockMatch("", "", [], [], True)).certain,
            )

    # -- the first page and the comments ---------------------------------------------------

    def details(self, plan: DocumentPlan) -> int:
        """Compare the first-page block line by line; the file's table that holds it."""
        langs = plan.languages
        labels = {" / ".join(word(key, lang) for lang in langs): key for key in DETAILS}
        labels.update({" / ".join(word(key, lang) for lang in langs): key for key in ("from",)})
        expected: dict[str, str] = {}
        for line in plan.meta:
            key = labels.get(line.label.text.strip())
            if key:
                expected[key] = line.value.text
        found: dict[str, WordParagraph] = {}
        table = -1
        rows: dict[tuple[int, int], list[WordParagraph]] = {}
        for paragraph in self.word.paragraphs:
            if paragraph.table >= 0 and paragraph.column in (0, 1):
                rows.setdefault((paragraph.table, paragraph.row), []).append(paragraph)
        for (number, _row), cells in rows.items():
            label = next((p for p in cells if p.column == 0), None)
            value = next((p for p in cells if p.column == 1), None)
            key = labels.get(label.text().strip()) if label is not None else None
            if key and value is not None and (table < 0 or number == table):
                table = number
                found[key] = value
        lang = langs[0]
        for key in DETAILS:
            old = expected.get(key, "")
            paragraph = found.get(key)
            new = paragraph.text() if paragraph is not None else ""
            if table < 0 or _norm(old, lang) == _norm(new, lang):
                continue
            self.add(
                Kind.DETAIL,
                lang,
                what=key,
                diff=worddiff.diff_words(old, new),
                text=new,
                paragraphs=[paragraph] if paragraph is not None else [],
            )
        return table

    def comments(self) -> None:
        """One change for each comment, with the block it is anchored in."""
        owner: dict[int, tuple[str, str]] = {}
        for (block_id, lang), match in self.matches.items():
            for _k, paragraph in match.found:
                owner[id(paragraph)] = (block_id, lang)
            if match.lead_in_found is not None:
                owner[id(match.lead_in_found)] = (block_id, lang)
        last = ("", self.word_lang())
        for paragraph in self.word.paragraphs:
            last = owner.get(id(paragraph), last)
            for comment_id in paragraph.comments:
                comment = self.word.comments.get(comment_id)
                if comment is None or not comment.text:
                    continue
                block_id, lang = owner.get(id(paragraph), last)
                self.add(
                    Kind.COMMENT,
                    lang,
                    block_id=block_id,
                    section_id=self.section_of.get(block_id, ""),
                    author=comment.author,
                    date=comment.date,
                    text=comment.text,
                    paragraphs=[paragraph],
                )

    def word_lang(self) -> str:
        return self.note.language.languages[0]


def _joined(paragraphs: list[Paragraph]) -> str:
    return "\n".join(p.text for p in paragraphs)


def _revision_groups(paragraph: WordParagraph) -> list[list[Revision]]:
    """The tracked changes of a paragraph, neighbours by one author taken together."""
    groups: list[list[Revision]] = []
    previous: Revision | None = None
    for segment in paragraph.segments:
        revision = segment.revision
        if revision is None:
            if segment.text.strip():
                previous = None
            continue
        if previous is not None and revision.author == previous.author and groups:
            if revision not in groups[-1]:
                groups[-1].append(revision)
        else:
            groups.append([revision])
        previous = revision
    if paragraph.mark_revision is not None and not any(
        paragraph.mark_revision in group for group in groups
    ):
        groups.append([paragraph.mark_revision])
    return groups


def _longest_increasing(values: list[int]) -> list[int]:
    """The positions of a longest strictly increasing subsequence of ``values``."""
    import bisect

    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(values)
    for index, value in enumerate(values):
        place = bisect.bisect_left(tails, value)
        if place == len(tails):
            tails.append(value)
            tail_at.append(index)
        else:
            tails[place] = value
            tail_at[place] = index
        back[index] = tail_at[place - 1] if place else -1
    out = []
    at = tail_at[-1] if tail_at else -1
    while at >= 0:
        out.append(at)
        at = back[at]
    return out[::-1]


def _foreign(matcher: _Matcher) -> bool:
    """Whether the file carries Clausier marks, none of them this note's."""
    names = {n for p in matcher.word.paragraphs for n in p.marks}
    keys = {parsed[0] for n in names if (parsed := blockmarks.parse(n))}
    blocks = {blockmarks.key(block_id) for block_id in matcher.blocks}
    return bool(keys) and not keys & blocks


def reconcile(note: Note, library: Library, word_file: WordFile) -> Reconciliation:
    """Match ``word_file`` to ``note`` and list what it changed (the note is not touched)."""
    matcher = _Matcher(note, library, word_file)
    if _foreign(matcher):
        subject = word_file.title or _("(no subject)")
        raise ClausierError(
            _(
                "{name} was exported from another note (“{subject}”), not from this one: "
                "open that note to bring its changes back."
            ).format(name=word_file.name, subject=subject)
        )
    languages = matcher.languages()
    plan = build_plan(note, library, NoteLanguage("+".join(languages)))
    matcher.run(plan, plan.languages)
    return Reconciliation(
        note,
        library,
        word_file,
        plan.languages,
        matcher.changes,
        matcher.matches,
        matcher.unchanged,
        word_file.has_marks or word_file.has_tags,
    )


def reconcile_file(note: Note, library: Library, path: Path | str) -> Reconciliation:
    """Read the Word file at ``path`` and match it to ``note``."""
    return reconcile(note, library, read_word(path))


def is_linked(block: Block) -> bool:
    """Whether ``block`` shows a library clause as it is (accepting an edit copies it)."""
    return isinstance(block, LinkedClause)
