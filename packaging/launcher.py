"""The frozen program's entry point: the same ``clausier`` command as the console script (ui.launch)."""

import sys

from ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
