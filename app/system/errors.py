"""The errors the core raises for bad input, each with a message fit for a user."""


class ClausierError(Exception):
    """A failure the user can act on; its message is one translated line."""


class NoteFileError(ClausierError):
    """A note file cannot be read: damaged, foreign or from a newer version."""


class LibraryError(ClausierError):
    """A library file or clause id cannot be used."""


class ExportError(ClausierError):
    """A Word export cannot be written (template refused, folder not writable...)."""


class DeclarationImportError(ClausierError):
    """A declaration cannot be imported."""


#: Words that keep their capital at the start of a message (names, not sentence starts).
_PROPER = frozenset({"Word", "Clausier", "LibreOffice", "Windows", "Excel", "SQLite", "Python"})


def continuation(message: str) -> str:
    """``message`` as it reads after "clausier: error: " or "NAME: ": its first letter lower case.

    Only a sentence's capital goes: a word all in capitals (AVG, PNR), a name ("Word"), an
    id or a path stays as it is.
    """
    first = message.split(" ", 1)[0]
    rest = first[1:].replace("’", "").replace("'", "")
    if len(first) == 1:
        sentence = first.isupper() and first != "I" and len(message) > 1
    else:
        sentence = first[0].isupper() and rest.isalpha() and rest.islower()
    if sentence and first.rstrip(".,:;") not in _PROPER:
        return message[0].lower() + message[1:]
    return message
