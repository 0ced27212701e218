"""Build the shipped library from the declaration's text and our curated Dutch overlay.

The French clauses come from the importer run on
``resources/sources/val-duchesse-ii.fr.txt`` (the official text, repaired by
rule); everything curated by hand lives in one overlay file,
``resources/library/translations/val-duchesse-ii.nl.json`` (a subfolder, so
:func:`app.library.clauses.builtin` does not load it): the source's metadata, the
short titles in both languages, our unofficial Dutch text, tags from a closed
vocabulary, near duplicates, remarks, and the glossary the Dutch must follow
(in texts and in titles).

Every clause whose wording the importer changed or knowingly kept (a repeated
word removed, an end mark, brackets…; see :data:`app.library.importer.REMARKED`) must
have a remark in the overlay, in French and Dutch, saying so.

The library ships the declaration's repaired full text as its source document
(:mod:`app.library.anchors`): the French as the importer repaired it (official), and a
Dutch text assembled from our Dutch clause texts in the same order, with the
part headings in Dutch and the same paragraphs, so every clause has a span in
both (the Dutch marked unofficial). The overlay's ``citation`` is the name a
quotation cites the source by.

Each overlay entry records a digest of the French text it was translated
from (``fr_digest``); when an importer change alters a French text the build
stops until the Dutch has been reviewed, so a translation never silently
drifts from its original.

``python -m app.library.build`` writes ``resources/library/val-duchesse-ii.json``;
``python -m app.library.build --check`` exits with 1 when that file differs
from a fresh build.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from app.language.i18n import _
from app.library.anchors import LayoutEntry, assemble
from app.library.clauses import Clause, Library, Part, Source, Status, dumps
from app.library.importer import ImportResult, Notice, import_declaration
from app.library.sourcefile import read_declaration
from app.system import paths
from app.system.errors import ClausierError, LibraryError

SOURCE_ID = "vd2"
OVERLAY_FORMAT = "clausier-library-overlay"
OVERLAY_VERSION = 1


class OverlayError(LibraryError):
    """The curated overlay does not fit the imported declaration."""


def source_text_path() -> Path:
    """The declaration's text exactly as received."""
    return paths.resources_dir() / "sources" / "val-duchesse-ii.fr.txt"


def overlay_path() -> Path:
    """The curated overlay: metadata, titles, Dutch texts, tags, glossary."""
    return paths.resources_dir() / "library" / "translations" / "val-duchesse-ii.nl.json"


def output_path() -> Path:
    """The shipped library file the build writes."""
    return paths.resources_dir() / "library" / "val-duchesse-ii.json"


def fr_digest(text: str) -> str:
    """The short digest of a French text that its translation records."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load_overlay(path: Path | None = None) -> dict[str, Any]:
    """The overlay's JSON data, checked for its format."""
    path = path or overlay_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise OverlayError(
            _("Cannot read {name}: {reason}").format(name=path.name, reason=error)
        ) from None
    if not isinstance(data, dict) or data.get("format") != OVERLAY_FORMAT:
        raise OverlayError(_("{name} is not a library overlay.").format(name=path.name))
    if data.get("version") != OVERLAY_VERSION:
        raise OverlayError(_("{name} has an unknown overlay version.").format(name=path.name))
    return data


def _dutch_heading(entry: LayoutEntry, parts: dict[int, Part]) -> str:
    """A part heading in Dutch, written as the French one is ("1- inzake de strijd…")."""
    title = parts[entry.part].title["nl"] if entry.part in parts else ""
    french = entry.text.split("-", 1)[-1].strip()
    if french[:1].islower():
        title = title[:1].lower() + title[1:]
    return f"{entry.part}- {title}"


def full_texts(
    result: ImportResult, source: Source, clauses: list[Clause]
) -> tuple[Source, list[Clause]]:
    """The source with its French and Dutch full texts, and the clauses anchored in both.

    The French is the importer's (official); the Dutch is assembled from the Dutch clause
    texts and the Dutch part titles in the same layout (unofficial).
    """
    french = result.source.text_in("fr")
    parts = {part.number: part for part in source.parts}
    dutch, dutch_spans = assemble(
        result.layout,
        {c.id: c.text_in("nl") for c in clauses},
        heading=lambda entry: _dutch_heading(entry, parts),
        other=lambda _entry: None,  # no closing formula has a Dutch text in the overlay
    )
    anchored = []
    for clause in clauses:
        anchor = clause.anchor
        if anchor is None or clause.id not in dutch_spans:
            raise OverlayError(_("{id}: it has no place in the full text.").format(id=clause.id))
        spans = {**anchor.spans, "nl": dutch_spans[clause.id]}
        anchored.append(replace(clause, anchor=replace(anchor, spans=spans)))
    texts = replace(
        source,
        text={"fr": french, "nl": dutch},
        text_status={"fr": Status.OFFICIAL, "nl": Status.UNOFFICIAL},
    )
    return texts, anchored


def _source(imported: Source, meta: dict[str, Any]) -> Source:
    titles = {str(k): v for k, v in meta.get("parts", {}).items()}
    parts = []
    for part in imported.parts:
        title = titles.get(str(part.number))
        if not title or not title.get("fr") or not title.get("nl"):
            raise OverlayError(
                _("The overlay has no French and Dutch title for part {n}.").format(n=part.number)
            )
        parts.append(Part(part.number, {"fr": title["fr"], "nl": title["nl"]}))
    return Source(
        id=SOURCE_ID,
        title=dict(meta["title"]),
        date=date.fromisoformat(meta["date"]),
        place=dict(meta["place"]),
        parties=tuple(meta["parties"]),
        reference=meta.get("reference", ""),
        url=imported.url,
        parts=tuple(parts),
        citation=dict(meta.get("citation", {})),
    )


def _glossary_problems(clause_id: str, fr: str, nl: str, glossary: list[dict]) -> list[str]:
    problems = []
    for entry in glossary:
        if any(term.lower() in fr.lower() for term in entry["fr"]) and (
            entry["nl"].lower() not in nl.lower()
        ):
            problems.append(f"{clause_id}: “{entry['fr'][0]}” → “{entry['nl']}”")
    return problems


def _clause(imported: Clause, entry: dict[str, Any], vocabulary: set[str]) -> Clause:
    fr = imported.text_in("fr")
    if entry.get("fr_digest") != fr_digest(fr):
        raise OverlayError(
            _(
                "{id}: the French text changed since it was translated; review the Dutch "
                "text, then set fr_digest to {digest}."
            ).format(id=imported.id, digest=fr_digest(fr))
        )
    nl = entry.get("nl", "")
    title = entry.get("title", {})
    if not nl.strip() or not title.get("fr") or not title.get("nl"):
        raise OverlayError(_("{id}: a title or the Dutch text is missing.").format(id=imported.id))
    if nl.count("\n") != fr.count("\n"):
        raise OverlayError(
            _("{id}: the Dutch text does not have as many paragraphs as the French.").format(
                id=imported.id
            )
        )
    unknown = sorted(set(entry.get("tags", ())) - vocabulary)
    if unknown:
        raise OverlayError(
            _("{id}: tags outside the vocabulary: {tags}.").format(
                id=imported.id, tags=", ".join(unknown)
            )
        )
    remark = entry.get("remark", "")
    if imported.remark and not remark.strip():
        raise OverlayError(
            _(
                "{id}: the importer changed or knowingly kept some of its wording ({what}); "
                "give the entry a remark in French and Dutch that says so."
            ).format(id=imported.id, what=imported.remark)
        )
    twins = sorted(set(imported.near_duplicates) | set(entry.get("near_duplicates", ())))
    return Clause(
        id=imported.id,
        kind=imported.kind,
        title={"fr": title["fr"], "nl": title["nl"]},
        text={"fr": fr, "nl": nl},
        status={"fr": Status.OFFICIAL, "nl": Status.UNOFFICIAL},
        tags=tuple(entry.get("tags", ())),
        origin=imported.origin,
        revision=int(entry.get("revision", 1)),
        near_duplicates=tuple(twins),
        remark=remark,
        anchor=imported.anchor,
    )


def merge(result: ImportResult, overlay: dict[str, Any]) -> Library:
    """The library made of an imported declaration and its curated overlay."""
    entries: dict[str, Any] = overlay.get("clauses", {})
    extra = sorted(set(entries) - {c.id for c in result.clauses})
    if extra:
        raise OverlayError(
            _("The overlay has entries for clauses the import did not produce: {ids}.").format(
                ids=", ".join(extra)
            )
        )
    vocabulary = set(overlay.get("vocabulary", ()))
    clauses = []
    for imported in result.clauses:
        if imported.id not in entries:
            raise OverlayError(_("The overlay has no entry for {id}.").format(id=imported.id))
        clauses.append(_clause(imported, entries[imported.id], vocabulary))
    by_id = {c.id: c for c in clauses}
    for clause in clauses:
        for twin in clause.near_duplicates:
            if twin not in by_id or clause.id not in by_id[twin].near_duplicates:
                raise OverlayError(
                    _("{a} and {b} must be flagged as near duplicates of each other.").format(
                        a=clause.id, b=twin
                    )
                )
    glossary = overlay.get("glossary", [])
    problems = [
        problem
        for c in clauses
        for where, fr, nl in (
            (c.id, c.text_in("fr"), c.text_in("nl")),
            (_("{id} (title)").format(id=c.id), c.title["fr"], c.title["nl"]),
        )
        for problem in _glossary_problems(where, fr, nl, glossary)
    ]
    if problems:
        raise OverlayError(
            _("The Dutch texts do not follow the glossary: {problems}.").format(
                problems="; ".join(problems)
            )
        )
    source, anchored = full_texts(result, _source(result.source, overlay["source"]), clauses)
    return Library(sources={source.id: source}, clauses={c.id: c for c in anchored})


def build_with_notices(
    text_path: Path | None = None, overlay: Path | None = None
) -> tuple[Library, list[Notice]]:
    """The built-in library, and the importer's notices about the declaration's quirks."""
    text = read_declaration(text_path or source_text_path())
    result = import_declaration(text, source_id=SOURCE_ID, id_prefix=SOURCE_ID, lang="fr")
    return merge(result, load_overlay(overlay)), result.notices


def build(text_path: Path | None = None, overlay: Path | None = None) -> Library:
    """The built-in library, built from the declaration's text and the overlay."""
    return build_with_notices(text_path, overlay)[0]


def render() -> str:
    """The text of the shipped library file, as a fresh build makes it."""
    return dumps(build())


def is_current(path: Path | None = None) -> bool:
    """Whether the shipped library file equals a fresh build."""
    path = path or output_path()
    try:
        return path.read_text(encoding="utf-8") == render()
    except OSError:
        return False


def main(argv: list[str] | None = None) -> int:
    """Write the shipped library, or with ``--check`` tell whether it is up to date."""
    parser = argparse.ArgumentParser(prog="python -m app.library.build", description=__doc__)
    parser.add_argument(
        "--check", action="store_true", help="exit with 1 if the shipped file is out of date"
    )
    parser.add_argument("--quiet", action="store_true", help="do not list the import notices")
    args = parser.parse_args(argv)
    target = output_path()
    try:
        library, notices = build_with_notices()
    except ClausierError as error:
        print(error, file=sys.stderr)
        return 2
    text = dumps(library)
    if args.check:
        try:
            current = target.read_text(encoding="utf-8") == text
        except OSError:
            current = False
        if not current:
            print(
                _("{path} is out of date: run python -m app.library.build").format(path=target),
                file=sys.stderr,
            )
            return 1
        print(_("{path} is up to date.").format(path=target))
        return 0
    if not args.quiet:
        for notice in notices:
            print(notice, file=sys.stderr)
    target.write_text(text, encoding="utf-8")
    print(_("{n} clauses written to {path}").format(n=len(library), path=target))
    return 0


if __name__ == "__main__":
    sys.exit(main())
