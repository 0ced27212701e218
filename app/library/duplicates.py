"""Near-duplicate clauses: texts that are nearly the same, with their differences.

Two texts are near-duplicates when most of the shorter one's words are found,
in order, in the longer one (:func:`app.library.importer.similarity`, 0.8 by default):
the declaration's two commitments on terrorist financing (vd2.1.4, vd2.1.5)
are the seed's own example. Candidates come from shared runs of four words, so
a library of many thousand clauses is not compared pair by pair.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from app.language.codes import LANGS
from app.library.clauses import Clause, Library
from app.library.importer import MIN_DUPLICATE_WORDS, NEAR_DUPLICATE_RATIO, similarity
from app.library.search import LibraryIndex
from app.library.worddiff import Piece, diff_words

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4
#: A run of words found in more clauses than this is boilerplate, not evidence.
COMMON_SHINGLE = 50
#: The share of the shorter text's runs of words two candidates must have in common.
MIN_SHARED = 0.15


@dataclass(frozen=True)
class NearDuplicate:
    """Two clauses whose texts in ``lang`` are nearly the same."""

    first: str
    second: str
    lang: str
    similarity: float

    def diff(self, library: Library) -> list[Piece]:
        """The word-level differences from the first text to the second."""
        return diff_words(
            library.get(self.first).text_in(self.lang), library.get(self.second).text_in(self.lang)
        )


def _shingles(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    return {hash(tuple(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def find(
    library: Library,
    *,
    threshold: float = NEAR_DUPLICATE_RATIO,
    languages: tuple[str, ...] = LANGS,
    include_retired: bool = False,
) -> list[NearDuplicate]:
    """Every pair of near-duplicate clauses, most similar first (one entry per pair)."""
    clauses: list[Clause] = [
        c for c in library.clauses.values() if include_retired or not c.retired
    ]
    best: dict[tuple[str, str], NearDuplicate] = {}
    for lang in languages:
        texts = [(c.id, c.text_in(lang)) for c in clauses]
        texts = [(i, t) for i, t in texts if len(t.split()) >= MIN_DUPLICATE_WORDS]
        owners: dict[int, list[int]] = defaultdict(list)
        sizes = []
        for number, (_id, text) in enumerate(texts):
            shingles = _shingles(text)
            sizes.append(len(shingles))
            for shingle in shingles:
                owners[shingle].append(number)
        shared: Counter[tuple[int, int]] = Counter()
        for members in owners.values():
            if 1 < len(members) <= COMMON_SHINGLE:
                for index, a in enumerate(members):
                    for b in members[index + 1 :]:
                        shared[(a, b)] += 1
        for (a, b), count in shared.items():
            # Words changed here and there break runs: ask for a few shared, not most.
            if count < max(2, min(sizes[a], sizes[b]) * MIN_SHARED):
                continue
            ratio = similarity(texts[a][1], texts[b][1])
            if ratio < threshold:
                continue
            pair = (texts[a][0], texts[b][0])
            if pair not in best or best[pair].similarity < ratio:
                best[pair] = NearDuplicate(pair[0], pair[1], lang, ratio)
    return sorted(best.values(), key=lambda d: (-d.similarity, d.first, d.second))


def of_clause_indexed(
    library: Library,
    index: LibraryIndex,
    clause_id: str,
    *,
    threshold: float = NEAR_DUPLICATE_RATIO,
    languages: tuple[str, ...] = LANGS,
) -> list[NearDuplicate]:
    """The near-duplicates of one clause, its candidates found through the search index.

    The same rules as :func:`find`, reading only the clauses that share a run of
    words with this one (a library of 100,000 clauses is not read whole); a run
    is boilerplate when the index finds it in more than :data:`COMMON_SHINGLE`
    clauses, accents and case aside.
    """
    clause = library.find(clause_id)
    if clause is None or clause.retired:
        return []
    best: dict[str, NearDuplicate] = {}
    for lang in languages:
        text = clause.text_in(lang)
        if len(text.split()) < MIN_DUPLICATE_WORDS:
            continue
        words = _WORD.findall(text.lower())
        phrases = sorted({tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)})
        common: set[int] = set()
        candidates: dict[str, None] = {}
        for phrase, members in zip(
            phrases, index.holding_phrases(phrases, lang, COMMON_SHINGLE + 1), strict=True
        ):
            if len(members) > COMMON_SHINGLE:
                common.add(hash(phrase))
                continue
            candidates.update(dict.fromkeys(m for m in members if m != clause_id))
        mine = {hash(p) for p in phrases} - common
        for other_id in candidates:
            other = library.find(other_id)
            if other is None or other.retired:
                continue
            other_text = other.text_in(lang)
            if len(other_text.split()) < MIN_DUPLICATE_WORDS:
                continue
            theirs = _shingles(other_text) - common
            if len(mine & theirs) < max(2, min(len(mine), len(theirs)) * MIN_SHARED):
                continue
            ratio = similarity(text, other_text)
            if ratio >= threshold and (other_id not in best or best[other_id].similarity < ratio):
                best[other_id] = NearDuplicate(clause_id, other_id, lang, ratio)
    return sorted(best.values(), key=lambda d: (-d.similarity, d.first, d.second))


def of_clause(library: Library, clause_id: str, **options) -> list[NearDuplicate]:
    """The near-duplicates of one clause."""
    return [d for d in find(library, **options) if clause_id in (d.first, d.second)]
