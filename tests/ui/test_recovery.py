"""Nothing lost: autosave, recovery after a real crash (SIGKILL), read-only when open elsewhere."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.notes import file as notefile
from app.notes import recovery
from app.notes.locks import lock_path
from app.notes.note import Note, Section, TextBlock
from ui.dialogs.answers import RecoveryChoice
from ui.main import start

ROOT = Path(__file__).resolve().parents[2]

#: A user's session in a child process: start the real app, type, wait for the autosave.
CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtTest import QTest
    from ui.main import application, build_services, start
    from ui.qt import QApplication, Qt, QTimer

    app = application()
    workspace = start(build_services(), sys.argv[1:])

    def type_something():
        window = workspace.windows[0]
        window.actions["insert_text"].trigger()
        editor = QApplication.focusWidget()
        for char in "Texte non sauvegardé":
            QTest.sendKeyEvent(QTest.KeyAction.Click, editor, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier)
        print("typed", flush=True)

    QTimer.singleShot(200, type_something)
    app.exec()
    """
)


def wait_for(condition, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_killed_instance_has_its_unsaved_note_offered_at_the_next_start(
    isolated_folders, qapp, services, dialogs, qtbot
):
    config = isolated_folders["config"]
    config.mkdir(parents=True, exist_ok=True)
    (config / "clausier.ini").write_text(
        "[settings]\nautosave_seconds = 1\ninterface_language = en\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "typed"
        folder = recovery.recovery_dir()
        assert wait_for(lambda: folder.is_dir() and any(folder.glob("*.json")))
        assert (
            recovery.pending_recoveries() == [] or child.poll() is not None
        )  # still running: not offered
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()

    workspace = start(services, [])
    qtbot.waitUntil(lambda: bool(dialogs.offered), timeout=5000)
    window = workspace.windows[0]
    texts = [b.plain("fr") for _s, b in window.document.note.blocks() if isinstance(b, TextBlock)]
    assert texts == ["Texte non sauvegardé"]
    assert window.document.modified  # recovered means not saved yet
    assert recovery.pending_recoveries() == []  # adopted: our own autosave replaced the crashed one
    for win in list(workspace.windows):
        win.close()


def dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(done.stdout)


def leave_crash_copy(note: Note, key: str, original: Path | None) -> None:
    recovery.write_autosave(note, key=key, original=original)
    meta_path = recovery.recovery_dir() / f"{key}.json"
    meta = json.loads(meta_path.read_text())
    meta["pid"] = dead_pid()
    meta_path.write_text(json.dumps(meta))


def test_recovered_notes_can_be_discarded(workspace, window, dialogs):
    leave_crash_copy(Note(subject={"fr": "Perdu"}), "crash1", None)
    dialogs.recovery_answer = RecoveryChoice.DISCARD
    assert workspace.offer_recoveries(window) == []
    assert [r.subject for r in dialogs.offered] == ["Perdu"]
    assert recovery.pending_recoveries() == []


def test_a_recovered_note_keeps_its_file_and_saves_over_it(workspace, window, dialogs, tmp_path):
    path = tmp_path / "suivi.clausier"
    notefile.write(Note(subject={"fr": "Ancien"}), path)
    leave_crash_copy(Note(subject={"fr": "Nouveau"}), "crash2", path)
    (opened,) = workspace.offer_recoveries(window)
    assert opened.document.path == path and opened.document.modified
    assert opened.save()
    assert notefile.read(path).subject == {"fr": "Nouveau"}


def test_autosave_writes_only_when_there_are_unsaved_edits(window):
    assert not window.document.autosave()
    window.editor.insert_clause("vd2.1.1")
    assert window.document.autosave()
    assert not window.document.autosave()  # nothing new since
    key = window.document.autosave_key
    assert (recovery.recovery_dir() / f"{key}.clausier").exists()
    window.close()
    assert not (
        recovery.recovery_dir() / f"{key}.clausier"
    ).exists()  # a clean close leaves nothing


@pytest.fixture
def other_instance():
    """A process standing for another running Clausier."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process
    process.kill()
    process.wait()


def test_a_note_open_in_another_instance_opens_read_only(
    workspace, dialogs, tmp_path, other_instance
):
    path = tmp_path / "partagee.clausier"
    notefile.write(Note(subject={"fr": "Partagée"}, sections=[Section({"fr": "A"})]), path)
    import socket

    lock_path(path).write_text(
        json.dumps({"pid": other_instance.pid, "host": socket.gethostname(), "user": "marie"})
    )
    window = workspace.open_path(path)
    assert window.document.read_only
    assert "marie" in dialogs.informations[0]
    assert window.banner.isVisible() and "read-only" in window.banner.text()
    assert "(read-only)" in window.windowTitle()
    assert not window.actions["insert_text"].isEnabled()
    window.editor.insert_clause("vd2.1.1")
    assert window.document.note.sections[0].blocks == []
    dialogs.save_answer = tmp_path / "copie.clausier"
    assert window.save()  # Save goes to Save As: the other instance's file is not touched
    assert notefile.read(tmp_path / "copie.clausier").subject == {"fr": "Partagée"}
    assert not window.document.read_only


def test_a_note_given_on_the_command_line_is_opened(services, tmp_path, qtbot):
    path = tmp_path / "ligne.clausier"
    notefile.write(Note(subject={"fr": "En ligne de commande"}), path)
    workspace = start(services, [str(path)])
    qtbot.waitUntil(
        lambda: workspace.windows[0].ready and workspace.windows[0].document.path == path
    )
    assert workspace.windows[0].windowTitle().startswith("En ligne de commande")
    assert len(workspace.windows) == 1
    for window in list(workspace.windows):
        window.close()


def test_a_hostile_crash_copy_gives_one_line_and_the_others_still_open(workspace, window, dialogs):
    leave_crash_copy(Note(subject={"fr": "Bon"}), "good", None)
    leave_crash_copy(Note(subject={"fr": "Piégé"}), "evil", None)
    (recovery.recovery_dir() / "evil.clausier").write_text("[" * 100_000)
    opened = workspace.offer_recoveries(window)
    assert [w.document.note.subject for w in opened] == [{"fr": "Bon"}]
    (message,) = dialogs.errors
    assert "evil.clausier" in message and "nests more than 64 levels" in message
