"""Note skeletons: the built-in outlines a new note starts from (``templates/skeletons``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app.language.i18n import _
from app.notes import file as notefile
from app.notes.note import Note, new_id
from app.system import paths
from app.system.errors import NoteFileError


@dataclass(frozen=True)
class Skeleton:
    """A named note outline with a title per language (fr, nl, en)."""

    name: str
    title: dict[str, str]
    path: Path

    def title_in(self, lang: str) -> str:
        """The skeleton's title in an interface language."""
        return self.title.get(lang) or self.title.get("en") or self.name


def skeletons_dir() -> Path:
    """The folder of built-in skeletons."""
    return paths.templates_dir() / "skeletons"


def available() -> list[Skeleton]:
    """The built-in skeletons, by name."""
    found = []
    for path in sorted(skeletons_dir().glob(f"*{notefile.SUFFIX}")):
        data = json.loads(path.read_text(encoding="utf-8"))
        title = (data.get("skeleton") or {}).get("title") or {}
        found.append(Skeleton(path.stem, dict(title), path))
    return found


def names() -> list[str]:
    """The names of the built-in skeletons."""
    return [s.name for s in available()]


def new_note(name: str) -> Note:
    """A fresh note from the skeleton ``name`` (new ids, no date)."""
    for skeleton in available():
        if skeleton.name == name:
            note = notefile.read(skeleton.path)
            for section in note.sections:
                section.id = new_id()
                for block in section.blocks:
                    block.id = new_id()
            return note
    raise NoteFileError(
        _("There is no skeleton named “{name}”. Available: {names}.").format(
            name=name, names=", ".join(names())
        )
    )


def clauses_section(name: str) -> int:
    """The index of the section where a skeleton wants the note's clauses (default 0)."""
    for skeleton in available():
        if skeleton.name == name:
            data = json.loads(skeleton.path.read_text(encoding="utf-8"))
            return int((data.get("skeleton") or {}).get("clauses_section", 0))
    return 0
