"""Tests for the variables a clause holds, with their type and description."""

from __future__ import annotations

from app.library.clauses import Clause, Kind, Library
from app.library.variabledefs import definition, of_clause, undefined
from app.library.variables import VariableType

CLAUSE = Clause(
    "p.1",
    Kind.STANDARD,
    {"fr": "Sommet {sommet}"},
    {"fr": "{minister} rencontre {counterpart} le {meeting_date} ({inconnue})."},
)


def test_a_clause_shows_each_variable_with_its_type_and_description():
    library = Library(clauses={"p.1": CLAUSE}, variables={"sommet": ("text", "Le sommet préparé")})
    found = {v.name: v for v in of_clause(library, CLAUSE)}
    assert list(found) == ["sommet", "minister", "counterpart", "meeting_date", "inconnue"]
    assert found["minister"].type is VariableType.PERSON and found["minister"].label
    assert found["meeting_date"].type is VariableType.DATE
    assert found["sommet"].label == "Le sommet préparé" and found["sommet"].defined
    assert not found["inconnue"].defined and found["inconnue"].type is VariableType.TEXT


def test_a_library_definition_overrides_the_builtin_one():
    library = Library(variables={"minister": ("person", "Le ministre de l’Intérieur")})
    assert definition(library, "minister").label == "Le ministre de l’Intérieur"


def test_an_unknown_type_falls_back_to_text():
    assert definition(Library(variables={"x": ("colour", "?")}), "x").type is VariableType.TEXT


def test_undefined_variables_of_a_library():
    assert undefined(Library(clauses={"p.1": CLAUSE})) == ["sommet", "inconnue"]
