"""Which variables a clause holds, each with its type and description, for the library.

Definitions come from :data:`app.library.variables.BUILTIN`, then the library files and
the personal library (``Library.variables``); a variable described nowhere is
shown as text with no description, so the user sees it needs one.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.library.clauses import Clause, Library
from app.library.variables import BUILTIN, VariableType


@dataclass(frozen=True)
class ClauseVariable:
    """A variable as the library shows it: name, type, description, and whether it is defined."""

    name: str
    type: VariableType
    description: str
    defined: bool

    @property
    def label(self) -> str:
        """The description in the interface language (built-in ones are translated)."""
        if self.name in BUILTIN and BUILTIN[self.name].description == self.description:
            return BUILTIN[self.name].label
        return self.description


def definition(library: Library, name: str) -> ClauseVariable:
    """What is known of the variable ``name``."""
    if name in library.variables:
        kind, description = library.variables[name]
        try:
            return ClauseVariable(name, VariableType(kind), description, True)
        except ValueError:
            return ClauseVariable(name, VariableType.TEXT, description, True)
    if name in BUILTIN:
        variable = BUILTIN[name]
        return ClauseVariable(name, variable.type, variable.description, True)
    return ClauseVariable(name, VariableType.TEXT, "", False)


def of_clause(library: Library, clause: Clause) -> list[ClauseVariable]:
    """The variables ``clause`` holds, in order of appearance, with what is known of them."""
    return [definition(library, name) for name in clause.variables]


def undefined(library: Library) -> list[str]:
    """The variables used in the library's clauses that nothing describes."""
    names: dict[str, None] = {}
    for clause in library.clauses.values():
        for name in clause.variables:
            if not definition(library, name).defined:
                names.setdefault(name, None)
    return list(names)
