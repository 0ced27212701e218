"""The frozen program's entry point: the same ``clausier`` command as the console script (app.entry)."""

import sys

from app.entry import main

if __name__ == "__main__":
    sys.exit(main())
