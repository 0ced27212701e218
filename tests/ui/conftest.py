"""Fixtures for driving the real window offscreen: stub dialogs, shared services, a main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtTest import QTest

from app.collection.actions import Collection
from app.notes.recovery import Recovery
from app.notes.skeletons import Skeleton
from app.system.settings import Settings
from ui.dialogs.answers import RecoveryChoice, Unsaved
from ui.dialogs.questions import Dialogs
from ui.qt import QApplication, Qt, QWidget
from ui.state import WindowState
from ui.translation import InterfaceLanguage
from ui.workspace import Services, Workspace


class StubDialogs(Dialogs):
    """Answers the window's questions the way each test says, and records what was asked."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.informations: list[str] = []
        self.asked_unsaved: list[str] = []
        self.unsaved_answer = Unsaved.DISCARD
        self.open_answer: Path | None = None
        self.save_answer: Path | None = None
        self.skeleton_answer: str | None = ""
        self.offered: list[Recovery] = []
        self.recovery_answer = RecoveryChoice.OPEN
        self.confirm_answer = True
        self.declaration_answer: Path | None = None
        self.library_path_answer: Path | None = None
        self.folder_answer: Path | None = None
        self.library_paths_asked: list[Path] = []
        self.save_as_offers: list[str] = []
        self.save_as_answer = False

    def error(self, parent: QWidget | None, message: str) -> None:
        self.errors.append(message)

    def information(self, parent: QWidget | None, message: str) -> None:
        self.informations.append(message)

    def offer_save_as(self, parent: QWidget | None, message: str) -> bool:
        self.save_as_offers.append(message)
        return self.save_as_answer

    def ask_unsaved(self, parent: QWidget | None, name: str) -> Unsaved:
        self.asked_unsaved.append(name)
        return self.unsaved_answer

    def confirm(self, parent: QWidget | None, question: str, action: str) -> bool:
        return self.confirm_answer

    def open_path(self, parent: QWidget | None, folder: Path) -> Path | None:
        return self.open_answer

    def save_path(self, parent: QWidget | None, suggested: Path) -> Path | None:
        return self.save_answer

    def open_declaration(self, parent: QWidget | None, folder: Path) -> Path | None:
        return self.declaration_answer

    def save_library_path(self, parent: QWidget | None, suggested: Path) -> Path | None:
        self.library_paths_asked.append(suggested)
        return self.library_path_answer

    def choose_folder(self, parent: QWidget | None, title: str, folder: Path) -> Path | None:
        return self.folder_answer

    def choose_skeleton(
        self, parent: QWidget | None, skeletons: list[Skeleton], lang: str
    ) -> str | None:
        return self.skeleton_answer

    def offer_recoveries(
        self, parent: QWidget | None, recoveries: list[Recovery]
    ) -> dict[str, RecoveryChoice]:
        self.offered.extend(recoveries)
        return {r.key: self.recovery_answer for r in recoveries}


@pytest.fixture
def dialogs() -> StubDialogs:
    """The stub dialogs of this test."""
    return StubDialogs()


@pytest.fixture
def revealed() -> list[Path]:
    """Folders the window asked the file manager to show."""
    return []


@pytest.fixture
def opened() -> list[Path]:
    """Files the window asked the system to open (an exported .docx in Word)."""
    return []


@pytest.fixture
def services(qapp, dialogs, revealed, opened):
    """Shared services with the real libraries, settings and index, in this test's folders."""
    language = InterfaceLanguage()
    language.apply("en")
    settings = Settings.load()
    collection = Collection.open(settings=settings)
    built = Services(
        settings=settings,
        collection=collection,
        state=WindowState.load(),
        language=language,
        dialogs=dialogs,
        reveal=revealed.append,
        open_file=opened.append,
        threaded_preview=False,
    )
    yield built
    collection.close()


@pytest.fixture
def workspace(services):
    """The running application; every window is closed (discarding changes) afterwards."""
    space = Workspace(services)
    yield space
    services.dialogs.unsaved_answer = Unsaved.DISCARD
    for window in list(space.windows):
        if window.export_dialog is not None:
            window.export_dialog.wait()
        window.close()
    space.stop()
    QApplication.processEvents()


@pytest.fixture
def window(workspace, qtbot):
    """A shown main window with a fresh note."""
    win = workspace.new_window()
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` like a user, including characters qtbot.keyClicks cannot send (é, ’...)."""
    for char in text:
        if char == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif char.isascii() and (char.isalnum() or char == " "):
            QTest.keyClick(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )
