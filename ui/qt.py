"""The one place the window imports Qt from, so the Qt surface stays visible and easy to change.

``from ui.qt import QWidget, Signal`` finds names in QtCore, QtGui and QtWidgets on
first use: PySide6 creates its classes lazily, and a star import would build all of
them (about a hundred milliseconds at every start).
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6 import __version__ as PYSIDE_VERSION

_MODULES = (QtCore, QtGui, QtWidgets)


def __getattr__(name: str) -> Any:
    """Look ``name`` up in QtCore, QtGui and QtWidgets, and remember it."""
    for module in _MODULES:
        try:
            value = getattr(module, name)
        except AttributeError:
            continue
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _guard_singleton_refcounts() -> None:
    """Shield True, False and None from PySide6's reference leaks on CPython before 3.12.

    PySide6 6.12 returns ``True`` from ``SignalInstance.emit()`` without taking a
    reference (and ``disconnect()`` does the same with ``False`` and ``None``), so
    each call lowers the singleton's count by one; after a few thousand signals
    CPython 3.11 frees ``True`` and aborts with "bool_dealloc". CPython 3.12 made
    these objects immortal; here we give them a count no session can exhaust, which
    is what immortality amounts to. Harmless where the bug is fixed.
    """
    if sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"):
        return
    for singleton in (True, False, None):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_guard_singleton_refcounts()

__all__ = ["PYSIDE_VERSION"]
