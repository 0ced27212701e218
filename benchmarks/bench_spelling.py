"""Spelling speed: loading the dictionaries, checking a 600-paragraph note, and a keystroke.

Run ``python benchmarks/bench_spelling.py`` (offscreen by default; ``--rounds 3``). It prints:

1. how long each shipped dictionary takes to load, and the memory it adds;
2. the time to check every text of a bilingual note of 600 paragraphs (600 free texts
   in French and in Dutch, about 80,000 words, taken from the library's clauses with a
   number and a misspelt word in each), the first time (every word asked of Hunspell)
   and again (the answers kept); target: under 0.5 s;
3. the time per keystroke typing at the end of a 200-word paragraph in the real
   window, with spell-check as you type off and on, in alternating rounds, and the
   difference (what spelling adds); target: p95 added under 5 ms.

Figures are recorded in docs/benchmarks-ui.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_mib() -> float:
    """The process's resident memory, in MiB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def load_dictionaries() -> dict[str, tuple[float, float]]:
    """(seconds, MiB added) to load each shipped dictionary, in this process."""
    from app.spelling import dictionaries

    found = {}
    for lang in ("fr", "nl"):
        before, started = rss_mib(), time.perf_counter()
        dictionaries.load(lang)
        found[lang] = (time.perf_counter() - started, rss_mib() - before)
    return found


def big_note():
    """A bilingual note of 600 paragraphs drawn from the library, with a typo in each."""
    from app.language.codes import NoteLanguage
    from app.library.clauses import builtin
    from app.notes.note import Note, Section, TextBlock

    clauses = [c for c in builtin().clauses.values() if c.text_in("fr") and c.text_in("nl")]
    typos = ("terorisme", "coopérasion", "radicalisassion", "samenwerkking", "onderzoeek")
    sections = []
    for s in range(6):
        blocks = []
        for p in range(100):
            n = s * 100 + p
            clause = clauses[n % len(clauses)]
            typo = typos[n % len(typos)]
            blocks.append(
                TextBlock(
                    {
                        "fr": f"{clause.text_in('fr')} ({n}, {typo})",
                        "nl": f"{clause.text_in('nl')} ({n}, {typo})",
                    }
                )
            )
        sections.append(Section({"fr": f"Section {s + 1}", "nl": f"Deel {s + 1}"}, blocks))
    return Note(
        subject={"fr": "Note", "nl": "Nota"}, language=NoteLanguage.BILINGUAL, sections=sections
    )


def whole_note(rounds: int) -> dict[str, float]:
    """Seconds to list every unknown word of the big note: first time, and answers kept."""
    from app.notes.wordcount import note_counts
    from app.spelling.checker import PersonalWords, Speller
    from app.spelling.note import misspellings

    note = big_note()
    words = sum(note_counts(note).values())
    first, again, found = [], [], 0
    for _round in range(rounds):
        speller = Speller(PersonalWords(Path(tempfile.mkdtemp())))
        started = time.perf_counter()
        found = len(misspellings(note, speller))
        first.append(time.perf_counter() - started)
        started = time.perf_counter()
        misspellings(note, speller)
        again.append(time.perf_counter() - started)
    return {
        "words": words,
        "unknown": found,
        "first_s": statistics.median(first),
        "again_s": statistics.median(again),
    }


def keystrokes(rounds: int, keys: int) -> dict[str, list[float]]:
    """Per-keystroke times (ms) at the end of a 200-word paragraph, spelling off and on.

    "check" is the time the underlining itself took in each keystroke (the highlighter
    finding the paragraph's unknown words), measured inside the same keystrokes.
    """
    from PySide6.QtTest import QTest

    from ui.widgets.spellunderline import SpellHighlighter

    spent = [0.0]
    original = SpellHighlighter.highlightBlock

    def timed(self, text):
        begin = time.perf_counter()
        original(self, text)
        spent[0] += time.perf_counter() - begin

    SpellHighlighter.highlightBlock = timed

    from app.notes.note import Note, Section, TextBlock
    from ui.document import NoteDocument
    from ui.main import application, build_services
    from ui.workspace import Workspace

    app = application()
    workspace = Workspace(build_services())
    sentence = (
        "La Belgique et la France renforceront leur coopération en matière d’échange "
        "d’informations au sein des équipes communes d’enquête et des centres de "
        "coopération policière et douanière. "
    )
    paragraph = " ".join((sentence * 10).split()[:200])
    note = Note(sections=[Section({"fr": "Contexte"}, [TextBlock({"fr": paragraph})])])
    window = workspace.new_window(NoteDocument.new(note))
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    service = window.spelling.service
    service.request(["fr"])
    service.wait()
    block = note.sections[0].blocks[0]
    editor = window.composer.block_widgets[block.id].editors.editors["fr"]
    window.activateWindow()
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    text = " le Conseil JAI a confirme l accord PNR et les enquetes" * (keys // 50 + 2)
    times: dict[str, list[float]] = {"off": [], "on": [], "check": []}
    settings = workspace.services.settings
    for _round in range(rounds):
        for state in ("off", "on"):
            settings.user["spell_check"] = state == "on"
            service.apply_settings()
            window.spelling.redraw_now()
            app.processEvents()
            for char in text[:keys]:
                spent[0] = 0.0
                begin = time.perf_counter()
                QTest.keyClick(editor, char)
                app.processEvents()
                times[state].append((time.perf_counter() - begin) * 1000)
                if state == "on":
                    times["check"].append(spent[0] * 1000)
            for _char in text[:keys]:  # back to 200 words for the next round
                QTest.keyClick(editor, "\b")
            app.processEvents()
    window.document.session.history.mark_clean()
    window.close()
    SpellHighlighter.highlightBlock = original
    return times


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of ``values`` fall."""
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share) - 1)]


def main() -> None:
    """Measure in throw-away user folders and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keystrokes", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault(
        "QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb"
    )
    with tempfile.TemporaryDirectory() as folder:
        for key, name in (
            ("CLAUSIER_DATA_DIR", "data"),
            ("CLAUSIER_CONFIG_DIR", "config"),
            ("CLAUSIER_SITE_CONFIG_DIR", "site"),
            ("CLAUSIER_LOG_DIR", "log"),
        ):
            os.environ[key] = str(Path(folder) / name)
        sys.path.insert(0, str(ROOT))
        import hunspell  # noqa: F401 - the binding's import apart from the loads

        print(f"platform: {os.environ['QT_QPA_PLATFORM']}, Python {sys.version.split()[0]}")
        for lang, (seconds, mib) in load_dictionaries().items():
            print(
                f"load the {lang} dictionary:            {seconds * 1000:7.0f} ms, +{mib:.1f} MiB"
            )
        note = whole_note(args.rounds)
        print(
            f"check a 600-paragraph bilingual note ({note['words']} words, "
            f"{note['unknown']} unknown): first {note['first_s'] * 1000:.0f} ms, "
            f"again {note['again_s'] * 1000:.0f} ms (target < 500 ms)"
        )
        times = keystrokes(args.rounds, args.keystrokes)
        off, on = times["off"], times["on"]
        print(f"keystroke at the end of a 200-word paragraph ({len(on)} keys each):")
        for name, values in (("spelling off", off), ("spelling on", on)):
            print(
                f"  {name:13} median {statistics.median(values):.2f} ms, "
                f"p95 {percentile(values, 0.95):.2f} ms, max {max(values):.1f} ms"
            )
        check = times["check"]
        print(
            f"  added by spelling: median {statistics.median(on) - statistics.median(off):.2f} ms, "
            f"p95 {percentile(on, 0.95) - percentile(off, 0.95):.2f} ms (target < 5 ms)"
        )
        print(
            f"  underlining itself, in each keystroke: median {statistics.median(check):.3f} ms, "
            f"p95 {percentile(check, 0.95):.3f} ms, max {max(check):.2f} ms"
        )


if __name__ == "__main__":
    main()
