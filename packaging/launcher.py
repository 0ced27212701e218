"""The frozen program's entry point: the same ``clausier`` command as the console script (ui.launch)."""

from ui.launch import run

if __name__ == "__main__":
    run()
