"""PyInstaller runtime hook: give programs Clausier starts the user's own environment.

On Linux the bootloader puts the bundle's folder first in LD_LIBRARY_PATH (and
keeps the original in LD_LIBRARY_PATH_ORIG). Clausier itself no longer needs it
once started: the dynamic loader read it at start-up, and the bundled libraries
find each other through their RPATH. But a file manager or Word processor that
Clausier opens (QDesktopServices -> xdg-open) would inherit it and could load
the bundle's Qt instead of its own, and crash. Restore the original value.
"""

import os
import sys

if sys.platform.startswith("linux") and getattr(sys, "frozen", False):
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        os.environ["LD_LIBRARY_PATH"] = original
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)
