"""The Undo and Redo menu texts of each edit, whole, so each language words them its own way.

"Undo" glued to an edit's name reads well in English only: French wants
"Annuler le renommage de la section", not "Annuler Renommer la section", and
Dutch "Hernoemen van sectie ongedaan maken". So every edit of
:mod:`app.notes.editing` has its two menu texts here, keyed by its name (the msgid of
its :class:`~app.notes.history.Label`), each a message of its own for translators.
"""

from __future__ import annotations

from app.language.i18n import N_

#: An edit's name → its Undo and Redo menu texts, with the name's {placeholders}.
PHRASES: dict[str, tuple[str, str]] = {
    # the note's details
    "Edit subject": (N_("&Undo Edit subject"), N_("&Redo Edit subject")),
    "Edit addressee": (N_("&Undo Edit addressee"), N_("&Redo Edit addressee")),
    "Edit author": (N_("&Undo Edit author"), N_("&Redo Edit author")),
    "Edit function": (N_("&Undo Edit function"), N_("&Redo Edit function")),
    "Edit cabinet": (N_("&Undo Edit cabinet"), N_("&Redo Edit cabinet")),
    "Change date": (N_("&Undo Change date"), N_("&Redo Change date")),
    "Change meeting date": (N_("&Undo Change meeting date"), N_("&Redo Change meeting date")),
    "Edit place": (N_("&Undo Edit place"), N_("&Redo Edit place")),
    "Edit reference": (N_("&Undo Edit reference"), N_("&Redo Edit reference")),
    "Change classification": (
        N_("&Undo Change classification"),
        N_("&Redo Change classification"),
    ),
    "Change note language": (N_("&Undo Change note language"), N_("&Redo Change note language")),
    "Fill variable {name}": (N_("&Undo Fill variable {name}"), N_("&Redo Fill variable {name}")),
    # sections
    "Add section": (N_("&Undo Add section"), N_("&Redo Add section")),
    "Rename section": (N_("&Undo Rename section"), N_("&Redo Rename section")),
    "Move section": (N_("&Undo Move section"), N_("&Redo Move section")),
    "Delete section": (N_("&Undo Delete section"), N_("&Redo Delete section")),
    # blocks
    "Insert clause {id}": (N_("&Undo Insert clause {id}"), N_("&Redo Insert clause {id}")),
    "Insert text": (N_("&Undo Insert text"), N_("&Redo Insert text")),
    "Insert follow-up table": (
        N_("&Undo Insert follow-up table"),
        N_("&Redo Insert follow-up table"),
    ),
    "Typing": (N_("&Undo Typing"), N_("&Redo Typing")),
    # formatting free text
    "Bold": (N_("&Undo Bold"), N_("&Redo Bold")),
    "Italic": (N_("&Undo Italic"), N_("&Redo Italic")),
    "Bulleted list": (N_("&Undo Bulleted list"), N_("&Redo Bulleted list")),
    "Numbered list": (N_("&Undo Numbered list"), N_("&Redo Numbered list")),
    "Increase list level": (N_("&Undo Increase list level"), N_("&Redo Increase list level")),
    "Decrease list level": (N_("&Undo Decrease list level"), N_("&Redo Decrease list level")),
    "Move block": (N_("&Undo Move block"), N_("&Redo Move block")),
    "Delete block": (N_("&Undo Delete block"), N_("&Redo Delete block")),
    # changes brought back from Word (app.roundtrip.apply)
    "Bring back change from Word": (
        N_("&Undo Bring back change from Word"),
        N_("&Redo Bring back change from Word"),
    ),
    "Bring back paragraph from Word": (
        N_("&Undo Bring back paragraph from Word"),
        N_("&Redo Bring back paragraph from Word"),
    ),
    "Keep comment from Word": (
        N_("&Undo Keep comment from Word"),
        N_("&Redo Keep comment from Word"),
    ),
    "Bring back table from Word": (
        N_("&Undo Bring back table from Word"),
        N_("&Redo Bring back table from Word"),
    ),
    "Bring back row from Word": (
        N_("&Undo Bring back row from Word"),
        N_("&Redo Bring back row from Word"),
    ),
    "Delete row deleted in Word": (
        N_("&Undo Delete row deleted in Word"),
        N_("&Redo Delete row deleted in Word"),
    ),
    "Join section to the one before": (
        N_("&Undo Join section to the one before"),
        N_("&Redo Join section to the one before"),
    ),
    "Remove comment": (N_("&Undo Remove comment"), N_("&Redo Remove comment")),
    "Edit clause locally": (N_("&Undo Edit clause locally"), N_("&Redo Edit clause locally")),
    # follow-up tables
    "Add follow-up row": (N_("&Undo Add follow-up row"), N_("&Redo Add follow-up row")),
    "Edit follow-up table": (N_("&Undo Edit follow-up table"), N_("&Redo Edit follow-up table")),
    "Delete follow-up row": (N_("&Undo Delete follow-up row"), N_("&Redo Delete follow-up row")),
    # linked clauses and their revisions
    "Update clause {id} to revision {n}": (
        N_("&Undo Update clause {id} to revision {n}"),
        N_("&Redo Update clause {id} to revision {n}"),
    ),
    "Update {n} linked clauses": (
        N_("&Undo Update {n} linked clauses"),
        N_("&Redo Update {n} linked clauses"),
    ),
    "Keep revision {n} of clause {id}": (
        N_("&Undo Keep revision {n} of clause {id}"),
        N_("&Redo Keep revision {n} of clause {id}"),
    ),
    "Copy clause into the note": (
        N_("&Undo Copy clause into the note"),
        N_("&Redo Copy clause into the note"),
    ),
    "Link clause {id}": (N_("&Undo Link clause {id}"), N_("&Redo Link clause {id}")),
    # quotations of a source and coverage
    "Insert quotation from {id}": (
        N_("&Undo Insert quotation from {id}"),
        N_("&Redo Insert quotation from {id}"),
    ),
    "Present {id} as a paraphrase": (
        N_("&Undo Present {id} as a paraphrase"),
        N_("&Redo Present {id} as a paraphrase"),
    ),
    "Present {id} as a quotation": (
        N_("&Undo Present {id} as a quotation"),
        N_("&Redo Present {id} as a quotation"),
    ),
    "Insert follow-up table of cited commitments": (
        N_("&Undo Insert follow-up table of cited commitments"),
        N_("&Redo Insert follow-up table of cited commitments"),
    ),
    # find and replace, spelling (app.notes.findreplace, app.spelling.note)
    "Replace “{old}”": (N_("&Undo Replace “{old}”"), N_("&Redo Replace “{old}”")),
    "Replace all “{old}”": (N_("&Undo Replace all “{old}”"), N_("&Redo Replace all “{old}”")),
    "Correct “{word}”": (N_("&Undo Correct “{word}”"), N_("&Redo Correct “{word}”")),
    "Ignore “{word}”": (N_("&Undo Ignore “{word}”"), N_("&Redo Ignore “{word}”")),
}
