"""The desktop editor: PySide6 widgets over the headless core in :mod:`app`."""
