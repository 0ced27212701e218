"""Start the window: ``clausier`` or ``clausier path/to/note.clausier`` ends up in :func:`main`."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from app.system.settings import Settings
from ui.qt import QApplication, QTimer
from ui.state import WindowState
from ui.translation import InterfaceLanguage


def application() -> QApplication:
    """The QApplication (created once, named for the platform's menus and settings)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Clausier")
    app.setOrganizationName("Clausier")
    app.setApplicationDisplayName("Clausier")
    return app


def build_services(**overrides):
    """Load settings and interface language into the services every window shares.

    The libraries open right after the first window paints (:meth:`Workspace.open_collection`);
    until then the window shows the built-in library.
    """
    from ui.workspace import Services

    settings = Settings.load()
    language = InterfaceLanguage()
    language.apply(settings.get("interface_language") or None)
    values = dict(
        settings=settings,
        collection=None,
        state=WindowState.load(),
        language=language,
        library_problems=list(settings.problems),
    )
    values.update(overrides)
    return Services(**values)


def start(services, argv: list[str]):
    """Show the first window, then offer what a crash left and open the file asked for."""
    from ui.workspace import Workspace

    workspace = Workspace(services)
    window = workspace.new_window(progressive=True)
    workspace.show(window)

    def after_first_paint() -> None:
        workspace.open_collection()
        workspace.offer_recoveries(window)
        for argument in argv[:1]:
            workspace.open_path(Path(argument), window)
        for problem in services.library_problems:
            window.statusBar().showMessage(problem, 10000)

    window.completed.connect(lambda: QTimer.singleShot(0, after_first_paint))
    return workspace


def main(argv: list[str]) -> int:
    """Run the window until its last window closes; ``argv`` is empty or one note path."""
    gc.disable()  # starting allocates a lot and frees little: collect once the window is up
    app = application()
    services = build_services()
    workspace = start(services, argv)
    workspace.windows[0].completed.connect(settle_memory)
    app.workspace = workspace  # keep it alive as long as the application
    return app.exec()


def settle_memory() -> None:
    """Collect once after start-up and set the long-lived objects aside, for short pauses later."""
    gc.enable()
    gc.collect()
    gc.freeze()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
