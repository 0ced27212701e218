"""Window speed: time to the first painted main window versus a bare PySide6 window, and typing.

Run ``python benchmarks/bench_startup.py`` (add ``--runs 9``; set ``QT_QPA_PLATFORM``
or ``DISPLAY`` to measure on a real screen, offscreen by default). It prints:

1. the median time from process start to the first paint of Clausier's main window
   (built-in library loaded and shown), of a bare PySide6 window holding a
   QListWidget and a QTextEdit, and their ratio (target: at most 1.3, issue 14);
2. opening a note of 600 paragraphs (600 text blocks in 6 sections) and typing into it:
   time to show the note, then the time per keystroke (median and 95th percentile)
   including layout and painting, and how long the preview takes to catch up after
   a pause.

Figures are recorded in docs/benchmarks-ui.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Prints "painted" at the first paint of any widget of the main window (then quits, or
#: waits for the rest of the window when ``QUIT_AT_PAINT`` is false).
FIRST_PAINT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    QUIT_AT_PAINT = True

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                if isinstance(watched.window(), QMainWindow):
                    print("painted", flush=True)
                    if QUIT_AT_PAINT:
                        QTimer.singleShot(0, QApplication.instance().quit)
                    QApplication.instance().removeEventFilter(self)
            return False
    """
)

BARE = FIRST_PAINT + textwrap.dedent(
    """
    from PySide6.QtWidgets import QListWidget, QSplitter, QTextEdit
    app = QApplication(sys.argv[:1])
    spy = FirstPaint()
    app.installEventFilter(spy)
    window = QMainWindow()
    splitter = QSplitter(window)
    splitter.addWidget(QListWidget())
    splitter.addWidget(QTextEdit())
    window.setCentralWidget(splitter)
    window.resize(1280, 800)
    window.show()
    app.exec()
    """
)

#: Starts Clausier as the ``clausier`` command does (ui.launch → app.cli.command → ui.main.main).
CLAUSIER = FIRST_PAINT + textwrap.dedent(
    """
    import ui.main
    create, begin = ui.main.application, ui.main.start
    spy = FirstPaint()
    QUIT_AT_PAINT = False

    def application():
        app = create()
        app.installEventFilter(spy)
        return app

    def start(services, argv):
        workspace = begin(services, argv)
        def complete():
            print("complete", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        workspace.windows[0].completed.connect(complete)
        return workspace

    ui.main.application, ui.main.start = application, start
    from ui.launch import main
    sys.argv = ["clausier"]
    sys.exit(main())
    """
)


def time_to_paint(script: str, env: dict[str, str]) -> float:
    """Seconds from spawning a Python process running ``script`` to its first painted window."""
    return timeline(script, env)["painted"]


def timeline(script: str, env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawning ``script`` to each line it prints ("painted", "complete")."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    marks = {}
    for line in child.stdout:
        marks[line.strip()] = time.perf_counter() - started
    child.wait(timeout=30)
    child.stdout.close()
    if "painted" not in marks:
        raise RuntimeError("the window never painted")
    return marks


def startup(runs: int, env: dict[str, str]) -> dict[str, float]:
    """Median first-paint times of the bare window and of Clausier (warm: index already built)."""
    cold = time_to_paint(CLAUSIER, env)  # builds the search index in the fresh data folder
    bare, clausier, complete = [], [], []
    for _run in range(runs):
        bare.append(time_to_paint(BARE, env))
        marks = timeline(CLAUSIER, env)
        clausier.append(marks["painted"])
        complete.append(marks["complete"])
    ratios = sorted(c / b for c, b in zip(clausier, bare, strict=True))
    return {
        "bare": statistics.median(bare),
        "clausier": statistics.median(clausier),
        "complete": statistics.median(complete),
        "cold": cold,
        "ratio": statistics.median(clausier) / statistics.median(bare),
        "ratios": (ratios[0], statistics.median(ratios), ratios[-1]),
        "bare_range": (min(bare), max(bare)),
        "clausier_range": (min(clausier), max(clausier)),
    }


def formatted_text(sentence: str, n: int):
    """A block of the formatted note: a bold word, an italic one, and every fifth a numbered list."""
    from app.text.richtext import ListKind, TextRun, paragraph, rich

    words = sentence.split(" ")
    runs = [TextRun(" ".join(words[:3]) + " "), TextRun(words[3], bold=True)]
    runs += [TextRun(" " + " ".join(words[4:8]) + " "), TextRun(words[8], italic=True)]
    runs.append(TextRun(" " + " ".join(words[9:])))
    paragraphs = [paragraph(runs)]
    if n % 5 == 0:
        paragraphs += [paragraph(f"point {i}", ListKind.NUMBERED) for i in range(1, 4)]
    return rich(paragraphs)


SENTENCE = (
    "La Belgique et la France renforceront leur coopération en matière d’échange "
    "d’informations, notamment au sein des équipes communes d’enquête ({n})."
)


def big_note(formatted: bool = False):
    """The benchmark note: 600 paragraphs of free text in 6 sections (see :func:`typing`)."""
    from app.notes.note import Note, Section, TextBlock

    return Note(
        subject={"fr": "Note de 600 paragraphes"},
        sections=[
            Section(
                {"fr": f"Section {s + 1}"},
                [
                    TextBlock(
                        {
                            "fr": formatted_text(SENTENCE.format(n=s * 100 + p), p)
                            if formatted
                            else SENTENCE.format(n=s * 100 + p)
                        }
                    )
                    for p in range(100)
                ],
            )
            for s in range(6)
        ],
    )


def type_into(app, editor, keystrokes: int) -> tuple[list[float], str]:
    """Type ``keystrokes`` characters into ``editor``; milliseconds each, sorted, and the text.

    Each is timed from the key event to the end of the layout and painting it caused.
    """
    from PySide6.QtTest import QTest

    from ui.qt import Qt

    times = []
    text = (" Le Conseil JAI a confirmé l’accord PNR" * (keystrokes // 38 + 1))[:keystrokes]
    for char in text:
        begin = time.perf_counter()
        if char.isascii() and (char.isalnum() or char == " "):
            QTest.keyClick(editor, char)
        else:  # keyClick cannot send non-ASCII characters
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                editor,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )
        app.processEvents()  # layout and paint of what the keystroke changed
        times.append((time.perf_counter() - begin) * 1000)
    times.sort()
    return times, text


def typing(keystrokes: int, formatted: bool = False) -> dict[str, float]:
    """Open a 600-paragraph note in the real window and type into it.

    ``formatted``: each block has a bold and an italic word, every fifth a numbered list
    of three items (840 paragraphs), and the typing goes into a bold run.
    """
    from ui.document import NoteDocument
    from ui.main import application, build_services
    from ui.workspace import Workspace

    app = application()
    workspace = Workspace(build_services())
    note = big_note(formatted)
    started = time.perf_counter()
    window = workspace.new_window(NoteDocument.new(note))
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    opened = time.perf_counter() - started

    target = note.sections[3].blocks[50]
    window.activateWindow()
    window.composer.focus_block(target.id)
    app.processEvents()
    editor = window.composer.block_widgets[target.id].editors.editors["fr"]
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    if formatted:  # into the bold word of the first paragraph
        cursor = editor.textCursor()
        cursor.setPosition(len(" ".join(SENTENCE.split(" ")[:4])))
        editor.setTextCursor(cursor)
    times, text = type_into(app, editor, keystrokes)
    assert text in target.plain("fr")
    window.preview.render_now()
    begin = time.perf_counter()
    window.preview.wait()
    app.processEvents()
    preview = (time.perf_counter() - begin) * 1000 + window.preview.last_render_ms
    result = {
        "open_s": opened,
        "median_ms": statistics.median(times),
        "p95_ms": times[int(len(times) * 0.95) - 1],
        "max_ms": times[-1],
        "preview_ms": preview,
    }
    window.document.session.history.mark_clean()
    window.close()
    return result


def main() -> None:
    """Run both measurements in fresh, throw-away user folders and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keystrokes", type=int, default=300)
    parser.add_argument("--paint-only", action="store_true", help="first paint only, no typing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen" if not env.get("DISPLAY") else "xcb")
        for key, name in (
            ("CLAUSIER_DATA_DIR", "data"),
            ("CLAUSIER_CONFIG_DIR", "config"),
            ("CLAUSIER_SITE_CONFIG_DIR", "site"),
            ("CLAUSIER_LOG_DIR", "log"),
        ):
            env[key] = str(Path(folder) / name)
        env["PYTHONPATH"] = str(ROOT)
        # An installed Clausier starts from byte-compiled modules (pip compiles them); a
        # checkout run with PYTHONDONTWRITEBYTECODE=1 would recompile ~50 modules at every
        # start (+70 ms) and measure the compiler. Compile once into a throw-away cache.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", "app", "ui"], cwd=ROOT, env=env, check=True
        )
        os.environ.update({k: v for k, v in env.items() if k.startswith(("CLAUSIER_", "QT_QPA"))})
        figures = startup(args.runs, env)
        print(
            f"platform: {env['QT_QPA_PLATFORM']}, Python {sys.version.split()[0]}, {args.runs} runs"
            ", byte-compiled"
        )
        low, high = figures["bare_range"]
        print(
            f"bare PySide6 window, first paint:   {figures['bare'] * 1000:7.0f} ms"
            f"  ({low * 1000:.0f}–{high * 1000:.0f})"
        )
        low, high = figures["clausier_range"]
        print(
            f"Clausier main window, first paint:  {figures['clausier'] * 1000:7.0f} ms"
            f"  ({low * 1000:.0f}–{high * 1000:.0f}; cold start: {figures['cold'] * 1000:.0f} ms)"
        )
        print(f"ratio of the medians:               {figures['ratio']:7.2f}  (target <= 1.3)")
        print(
            "ratio round by round, min / median / max: "
            + " / ".join(f"{r:.2f}" for r in figures["ratios"])
        )
        print(
            f"Clausier window complete (composer, preview, new note): {figures['complete'] * 1000:.0f} ms"
        )
        if args.paint_only:
            return
        sys.path.insert(0, str(ROOT))
        typed = typing(args.keystrokes)
        print(f"open a 600-paragraph note:          {typed['open_s'] * 1000:7.0f} ms")
        print(
            f"typing in it, per keystroke:        median {typed['median_ms']:.2f} ms, "
            f"p95 {typed['p95_ms']:.2f} ms, max {typed['max_ms']:.1f} ms ({args.keystrokes} keys)"
        )
        print(
            f"preview catching up after a pause:  {typed['preview_ms']:7.0f} ms (in a worker thread)"
        )
        typed = typing(args.keystrokes, formatted=True)
        print(
            "the same note formatted (bold, italic, a list in every fifth block, 840 paragraphs):"
        )
        print(f"  open:                             {typed['open_s'] * 1000:7.0f} ms")
        print(
            f"  typing in a bold word:            median {typed['median_ms']:.2f} ms, "
            f"p95 {typed['p95_ms']:.2f} ms, max {typed['max_ms']:.1f} ms ({args.keystrokes} keys)"
        )
        print(f"  preview catching up:              {typed['preview_ms']:7.0f} ms")


if __name__ == "__main__":
    main()
