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
