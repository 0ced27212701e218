"""Clausier's headless core: the library, notes, language rules and Word export.

Nothing in this package imports Qt; the window (``ui``) and the command line
(``app.cli.command``) are two clients of it.
"""

__version__ = "0.1.0"
