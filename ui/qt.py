"""The one place the window imports Qt from, so the Qt surface stays visible and easy to change.

``from ui.qt import QWidget, Signal`` finds names in QtCore, QtGui and QtWidgets on
first use: PySide6 creates its classes lazily, and a star import would build all of
them (about a hundred milliseconds at every start).
"""

from __future__ import annotations

import ctypes
import os
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


def _spare_the_feature_scan() -> None:
    """Tell PySide6 beforehand that the standard library and ``app/`` do not use its features.

    Once imported, PySide6 looks at every module imported after it, once per name, to
    learn whether it may use ``from __feature__ import snake_case`` (PySide's
    ``pyside_feature_dict``): it reads the module's whole source through ``inspect`` and
    looks for the word "PySide6" (the answer is -1, "ignore this module", when it is
    not there). About a hundred modules are read so before the window first paints
    (16 ms). The standard library never names PySide6, and ``app/`` never imports Qt
    (tests/test_architecture.py), so their names are entered with the answer the
    reading would give. Where PySide6 keeps no such table, nothing is done.
    """
    feature = sys.modules.get("PySide6.support.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    stdlib = sys.stdlib_module_names
    names = {*stdlib, *(n for n in sys.modules if n.partition(".")[0] in stdlib)}
    names.update(_modules_in(os.path.dirname(os.__file__), only=stdlib))  # json.decoder…
    names.update(_modules_in(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "app"))
    for name in names:
        table.setdefault(name, -1)


def _modules_in(root: str, package: str = "", only: frozenset[str] = frozenset()) -> list[str]:
    """The dotted names of the modules under ``root``: of its package ``package`` and below,
    else of each of its packages named in ``only`` and their direct modules (the standard
    library's packages, whose submodules an import names: ``json.decoder``)."""
    found = []
    if package:
        for folder, subfolders, files in os.walk(os.path.join(root, package)):
            subfolders[:] = [name for name in subfolders if name != "__pycache__"]
            dotted = os.path.relpath(folder, root).replace(os.sep, ".")
            found.append(dotted)
            found.extend(f"{dotted}.{name[:-3]}" for name in files if name.endswith(".py"))
        return found
    try:
        packages = [e.path for e in os.scandir(root) if e.name in only and e.is_dir()]
    except OSError:  # no such folder (a bundle keeps the standard library in an archive)
        return found
    for folder in packages:
        top = os.path.basename(folder)
        with os.scandir(folder) as entries:
            found.extend(f"{top}.{e.name[:-3]}" for e in entries if e.name.endswith(".py"))
    return found


_spare_the_feature_scan()

__all__ = ["PYSIDE_VERSION"]
