"""Library search at scale: a generated library of 100,000 French clauses.

Run ``python benchmarks/bench_library.py`` (``--clauses N`` for another size,
``--keep DIR`` to keep the generated files). It prints:

1. the library: generation, size of the library file, time to read it;
2. the index: build time (FTS5, one transaction), database size after a checkpoint,
   the integrity check run at every start;
3. search latency per keystroke, typing words letter by letter as a user does
   (median and 95th percentile for 1-, 2-, 3- and 8-letter prefixes, and over every
   keystroke), then typing clause ids, and the top results from 3 letters on (ranking);
4. memory (peak RSS) of a process that opens the index and searches, and of one that
   opens the whole collection (the library in memory, the index, searching), which
   is the core's share of the running app;
5. the start of the app's core with that library as the team library: first start
   (read, cached, indexed) and the next ones (from the cache, nothing re-indexed).

The text is deterministic: an order-2 Markov chain over the French texts of the
Val Duchesse II declaration (the built-in library), with place, language and
currency names from Babel's French data mixed in for a realistic long tail of
words, ~60 words a clause. Each measure runs in a fresh process from bytecode compiled once
into the run's own cache, as an installed copy starts. Figures are recorded in
docs/benchmarks.md, "Library search".
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

#: Words typed letter by letter, as a user looking for a clause would.
WORDS = [
    "sécurité",
    "coopération",
    "terrorisme",
    "radicalisation",
    "frontières",
    "renseignement",
    "Schengen",
    "magistrat",
    "explosifs",
    "prévention",
    "ferroviaire",
    "douanière",
    "européen",
    "mineurs",
    "Europol",
    "numérique",
    "Afrique",
    "passagers",
    "information",
    "financement",
]
#: Clause ids typed letter by letter (the generated ids are gen.1 to gen.N).
IDS = ["gen.4217", "GEN.73", "gen.99999"]
#: Two-word queries: the second word is typed letter by letter after the first.
PHRASES = [("coopération", "policière"), ("preuve", "numérique"), ("lutte", "contre")]

_TOKEN = re.compile(r"\w+(?:[’'-]\w+)*|[,;:.]", re.UNICODE)
_NO_SPACE_BEFORE = {",", ".", ";", ":"}
KINDS = ["commitment", "commitment", "context", "standard", "talking_point"]
TAGS = ["terrorisme", "radicalisation", "europe", "sis", "pnr", "justice", "police", "frontières"]


# --- the generated library -------------------------------------------------------


def _corpus() -> list[list[str]]:
    from app.library.clauses import builtin

    sentences = []
    for clause in builtin():
        for sentence in re.split(r"(?<=[.;])\s+", clause.text_in("fr")):
            tokens = _TOKEN.findall(sentence.replace("’", "’"))
            if len(tokens) > 4:
                sentences.append(tokens)
    return sentences


def _lexicon() -> list[str]:
    from babel import Locale

    fr = Locale("fr")
    names = [
        *fr.territories.values(),
        *fr.languages.values(),
        *fr.currencies.values(),
        *fr.scripts.values(),
    ]
    return sorted({n for n in names if re.fullmatch(r"[\w’' -]+", n) and len(n) > 3})


class Generator:
    """Deterministic realistic French clauses."""

    def __init__(self, seed: int = 2018) -> None:
        self.random = random.Random(seed)
        self.chain: dict[tuple[str, str], list[str]] = {}
        self.starts: list[tuple[str, str]] = []
        for tokens in _corpus():
            padded = ["<s>", "<s>", *tokens, "</s>"]
            self.starts.append((padded[2], padded[3]))
            for a, b, c in zip(padded, padded[1:], padded[2:], strict=False):
                self.chain.setdefault((a, b), []).append(c)
        self.lexicon = _lexicon()

    def date(self) -> list[str]:
        from babel.dates import get_month_names

        months = list(get_month_names("wide", locale="fr").values())
        return [
            str(self.random.randint(1, 28)),
            self.random.choice(months),
            str(self.random.randint(1995, 2030)),
        ]

    def sentence(self) -> list[str]:
        a, b = "<s>", "<s>"
        out: list[str] = []
        while len(out) < 45:
            c = self.random.choice(self.chain[(a, b)])
            if c == "</s>":
                break
            out.append(c)
            draw = self.random.random()
            if c in ("de", "des", "du", "avec", "en", "la", "le") and draw < 0.3:
                out.extend(self.random.choice(self.lexicon).split())
            elif c in ("le", "du") and draw < 0.4:
                out.extend(self.date())
            elif c in ("article", "point", "paragraphe") and draw < 0.8:
                out.append(str(self.random.randint(1, 400)))
            a, b = b, c
        return out

    def text(self, words: int = 60) -> str:
        tokens: list[str] = []
        while sum(t not in _NO_SPACE_BEFORE for t in tokens) < words:
            sentence = self.sentence()
            if sentence and sentence[-1] not in (".", ";"):
                sentence.append(".")
            sentence[0] = sentence[0][:1].upper() + sentence[0][1:]
            tokens.extend(sentence)
        kept, count = [], 0
        for token in tokens:
            count += token not in _NO_SPACE_BEFORE
            if count > words:
                break
            kept.append(token)
        while kept and kept[-1] in _NO_SPACE_BEFORE:
            kept.pop()
        tokens = [*kept, "."]
        text = ""
        for token in tokens:
            if token in _NO_SPACE_BEFORE or not text or text.endswith("’"):
                text += token
            else:
                text += " " + token
        return text

    def library_json(self, count: int) -> dict:
        clauses = []
        for number in range(1, count + 1):
            text = self.text(self.random.randint(45, 75))
            title = " ".join(text.split(".")[0].split()[: self.random.randint(5, 10)])
            clauses.append(
                {
                    "id": f"gen.{number}",
                    "kind": self.random.choice(KINDS),
                    "title": {"fr": title},
                    "text": {"fr": text},
                    "status": {"fr": "official"},
                    "tags": self.random.sample(TAGS, self.random.randint(0, 2)),
                    "revision": 1,
                }
            )
        return {"format": "clausier-library", "version": 1, "sources": [], "clauses": clauses}


# --- measurements, each in a fresh process -----------------------------------------


#: Where the children's bytecode goes (set by :func:`main`): an installed Clausier starts
#: from bytecode, and a child run with PYTHONDONTWRITEBYTECODE=1 would measure the compiler.
PYCACHE: dict[str, str] = {}


def _compile(work: Path) -> None:
    """Byte-compile app/ and ui/ once into a cache of the run's own, used by every child."""
    PYCACHE["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "app", "ui"],
        cwd=ROOT,
        env={**env, **PYCACHE},
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _child(script: str, data_dir: Path, **env: str) -> dict:
    environment = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        **PYCACHE,
        "PYTHONPATH": str(ROOT),
        "CLAUSIER_DATA_DIR": str(data_dir),
        "CLAUSIER_CONFIG_DIR": str(data_dir.parent / "config"),
        "CLAUSIER_SITE_CONFIG_DIR": str(data_dir.parent / "site"),
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    if result.returncode:
        raise SystemExit(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


_RSS = """
def peak_rss_mib():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

BUILD = """
import json, os, sys, time
from pathlib import Path
from app.library import database, clauses as library
from app.library.search import LibraryIndex
path = Path(os.environ["LIBRARY_FILE"])
start = time.perf_counter()
lib = library.load_file(path, library="team")
read = time.perf_counter() - start
db = database.connect()
index = LibraryIndex(db)
start = time.perf_counter()
index.sync(lib, origin="team")
build = time.perf_counter() - start
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
start = time.perf_counter()
db.execute("PRAGMA quick_check").fetchone()
check = time.perf_counter() - start
db.close()
size = database.default_path().stat().st_size
print(json.dumps({"read": read, "build": build, "size": size, "check": check}))
"""

SEARCH = (
    _RSS
    + """
import json, os, statistics, time
from app.library import database
from app.library.search import LibraryIndex
words = json.loads(os.environ["WORDS"])
phrases = json.loads(os.environ["PHRASES"])
start = time.perf_counter()
db, _recovery = database.open_checked()
opened = time.perf_counter() - start
index = LibraryIndex(db)
index.search("warm")  # the first query loads the FTS structures
timings = {}
def type_(prefix_before, word):
    for length in range(1, len(word) + 1):
        query = prefix_before + word[:length]
        start = time.perf_counter()
        hits = index.search(query)
        elapsed = time.perf_counter() - start
        timings.setdefault(str(length), []).append(elapsed)
        timings.setdefault("all", []).append(elapsed)
for word in words:
    type_("", word)
for first, second in phrases:
    type_(first + " ", second)
id_timings = []
for typed_id in json.loads(os.environ["IDS"]):
    for length in range(1, len(typed_id) + 1):
        start = time.perf_counter()
        index.search(typed_id[:length])
        id_timings.append(time.perf_counter() - start)
found_ids = {q: [h.clause_id for h in index.search(q)][:3] for q in ("gen.4217", "GEN.42", "gen.")}
ranking = {}
for query in ("séc", "coop", "ferro", "preuve num"):
    hits = index.search(query, limit=20)
    titles = [
        db.execute("SELECT title_fr FROM clause WHERE id = ?", (h.clause_id,)).fetchone()[0]
        for h in hits
    ]
    ranking[query] = titles[:3]
from app.library.search import fts_query
counts = {
    q: db.execute("SELECT COUNT(*) FROM clause_fts WHERE clause_fts MATCH ?", (fts_query(q),)).fetchone()[0]
    for q in ("s", "sé", "séc", "sécurité", "ferro", "preuve num")
}
print(json.dumps({"open": opened, "timings": timings, "ranking": ranking,
                  "counts": counts, "rss": peak_rss_mib(), "id_timings": id_timings,
                  "found_ids": found_ids}))
"""
)

COLLECTION = (
    _RSS
    + """
import json, os, time
from app.collection.actions import Collection
from app.system.settings import Settings
settings = Settings(site={"team_library": os.environ["TEAM"]})
start = time.perf_counter()
collection = Collection.open(settings=settings)
opened = time.perf_counter() - start
for word in json.loads(os.environ["WORDS"]):
    for length in range(1, len(word) + 1):
        for hit in collection.search(word[:length])[:20]:  # the rows a list shows
            collection.library.clauses[hit.clause_id].text_in("fr")
clauses = len(collection.library)
collection.close()
print(json.dumps({"open": opened, "clauses": clauses, "problems": collection.problems,
                  "rss": peak_rss_mib()}))
"""
)

WINDOW = (
    _RSS
    + """
import json, os, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
start = time.perf_counter()
from ui.main import application, build_services, settle_memory, start as start_window
from ui.qt import QTimer
app = application()
services = build_services()
workspace = start_window(services, [])
def done():
    settle_memory()  # as ui.main.main does once the window is up
    panel = workspace.windows[0].library
    times = []
    for word in ("sécurité", "coopération"):
        for length in range(1, len(word) + 1):
            began = time.perf_counter()
            panel.search.setText(word[:length])  # searches and fills the list
            panel.tree.viewport().repaint()  # and paints the rows the user sees
            times.append(time.perf_counter() - began)
    times.sort()
    id_times = []
    for typed_id in json.loads(os.environ["IDS"]):
        for length in range(1, len(typed_id) + 1):
            began = time.perf_counter()
            panel.search.setText(typed_id[:length])
            panel.tree.viewport().repaint()
            id_times.append(time.perf_counter() - began)
    id_times.sort()
    print(json.dumps({"ready": ready[0], "clauses": len(services.library),
                      "typing": times[int(0.95 * len(times)) - 1],
                      "typing_median": times[len(times) // 2], "rss": peak_rss_mib(),
                      "ids_typing": id_times[int(0.95 * len(id_times)) - 1],
                      "ids_typing_median": id_times[len(id_times) // 2]}))
    app.quit()
ready = []
workspace.windows[0].completed.connect(
    lambda: (ready.append(time.perf_counter() - start), QTimer.singleShot(300, done))
)
app.exec()
"""
)

#: The window with the team library, then the big note of bench_startup.py opened in it as
#: File > Open does: the time until it is shown and painted (ready for typing), typing at
#: once into a block far down, then again once every block is built, and the peak RSS.
WINDOW_NOTE = (
    _RSS
    + """
import json, os, sys, time
from pathlib import Path
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.join(os.environ["PYTHONPATH"], "benchmarks"))
from bench_startup import type_into
from ui.main import application, build_services, settle_memory, start as start_window
from ui.qt import QTimer
app = application()
services = build_services()
workspace = start_window(services, [])
result = {}
def p95(times):
    return times[int(len(times) * 0.95) - 1]
def run():
    settle_memory()
    result["rss_before"] = peak_rss_mib()
    began = time.perf_counter()
    window = workspace.open_path(Path(os.environ["NOTE_FILE"]), workspace.windows[0])
    app.processEvents()  # laid out and painted: the user sees the note and can type
    result["open"] = time.perf_counter() - began
    composer = window.composer
    note = window.document.note
    result["built_at_open"] = len(composer.built_block_ids()) if hasattr(composer, "built_block_ids") else len(composer.block_widgets)
    target = note.sections[3].blocks[50]
    composer.focus_block(target.id)
    app.processEvents()
    editor = composer.block_widgets[target.id].editors.editors["fr"]
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    times, _text = type_into(app, editor, 300)
    result["typing_at_once"] = [times[len(times) // 2], p95(times), times[-1]]
    deadline = time.perf_counter() + 90
    while time.perf_counter() < deadline and getattr(composer, "building", lambda: False)():
        app.processEvents()
        time.sleep(0.005)
    result["all_built"] = time.perf_counter() - began
    times, _text = type_into(app, editor, 300)
    result["typing"] = [times[len(times) // 2], p95(times), times[-1]]
    window.preview.render_now()
    window.preview.wait()
    app.processEvents()
    result["rss"] = peak_rss_mib()
    window.document.session.history.mark_clean()
    print(json.dumps(result))
    app.quit()
workspace.windows[0].completed.connect(lambda: QTimer.singleShot(300, run))
app.exec()
"""
)

BASELINE = (
    _RSS
    + """
import json
import app.collection.actions, app.library.search, app.library.clauses
print(json.dumps({"rss": peak_rss_mib()}))
"""
)


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    median = statistics.median(ordered) * 1000
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)] * 1000
    return f"median {median:.2f} ms, p95 {p95:.2f} ms (n={len(ordered)})"


def _spread(values: list[float], scale: float = 1.0, digits: int = 0) -> str:
    ordered = sorted(values)
    return " / ".join(
        f"{v * scale:.{digits}f}" for v in (ordered[0], statistics.median(ordered), ordered[-1])
    )


def window_note(work: Path, env: dict[str, str], runs: int) -> None:
    """The window with the team library and the 600-paragraph note open (issue 14's targets)."""
    from bench_startup import big_note

    from app.notes import file as notefile

    note_file = work / "big.clausier"
    notefile.write(big_note(), note_file)
    results = [
        _child(WINDOW_NOTE, work / "app" / "data", NOTE_FILE=str(note_file), **env)
        for _run in range(runs)
    ]
    print(
        f"the window with that team library and the 600-paragraph note, {runs} starts, min / median / max:"
    )
    print(f"  peak RSS before opening the note: {_spread([r['rss_before'] for r in results])} MiB")
    print(
        f"  peak RSS, the note open, typed into, every block shown, preview rendered: {_spread([r['rss'] for r in results])} MiB (target <= 200)"
    )
    print(
        f"  open the note, shown and painted, ready for typing: {_spread([r['open'] for r in results], 1000)} ms (target < 1000)"
    )
    print(f"  block widgets made by then: {_spread([r['built_at_open'] for r in results])}")
    print(
        f"  every block built: {_spread([r['all_built'] for r in results], 1000)} ms after the open began"
    )
    for key, label in (
        ("typing_at_once", "typing at once after opening"),
        ("typing", "typing once every block is built"),
    ):
        print(
            f"  {label}, per keystroke: median {_spread([r[key][0] for r in results], 1, 2)} ms; "
            f"p95 {_spread([r[key][1] for r in results], 1, 2)} ms (target < 5); "
            f"max {_spread([r[key][2] for r in results], 1, 1)} ms"
        )


def main(argv: list[str] | None = None) -> int:
    """Generate the library, measure, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument(
        "--window-runs", type=int, default=5, help="starts of the window with the big note"
    )
    parser.add_argument(
        "--only-window-note",
        action="store_true",
        help="reuse --keep DIR's library and index; measure the window with the big note only",
    )
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="clausier-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    _compile(work)
    team = work / "team"
    team.mkdir(exist_ok=True)
    library_file = team / "generated.json"

    env = {
        "LIBRARY_FILE": str(library_file),
        "WORDS": json.dumps(WORDS),
        "PHRASES": json.dumps(PHRASES),
        "IDS": json.dumps(IDS),
    }
    if args.only_window_note:
        window_note(work, env, args.window_runs)
        return 0
    start = time.perf_counter()
    data = Generator().library_json(args.clauses)
    generated = time.perf_counter() - start
    library_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    words = [len(c["text"]["fr"].split()) for c in data["clauses"]]
    distinct = len(
        {w.lower() for c in data["clauses"] for w in re.findall(r"\w+", c["text"]["fr"])}
    )
    print(
        f"library: {args.clauses} clauses, {statistics.mean(words):.0f} words a clause "
        f"(min {min(words)}, max {max(words)}), {distinct} distinct words; "
        f"generated in {generated:.1f} s; file {library_file.stat().st_size / 2**20:.1f} MiB"
    )
    print("sample:", data["clauses"][0]["title"]["fr"], "—", data["clauses"][0]["text"]["fr"][:300])

    index_dir = work / "index" / "data"
    built = _child(BUILD, index_dir, **env)
    print(f"read the library file: {built['read']:.2f} s")
    print(
        f"index build: {built['build']:.1f} s; database {built['size'] / 2**20:.1f} MiB; "
        f"quick_check at start {built['check'] * 1000:.0f} ms"
    )

    searched = _child(SEARCH, index_dir, **env)
    print(f"open (with the integrity check): {searched['open'] * 1000:.0f} ms")
    for length in ("1", "2", "3", "8", "all"):
        label = "every keystroke" if length == "all" else f"{length}-letter prefix"
        print(f"search, {label}: {_ms(searched['timings'][length])}")
    print("matches of words typed:", searched["counts"])
    print(f"search, typing an id ({', '.join(IDS)}): {_ms(searched['id_timings'])}")
    print("ids found first:", searched["found_ids"])
    for query, titles in searched["ranking"].items():
        print(f"ranking, “{query}”: " + " | ".join(titles))
    print(f"peak RSS, index + search process: {searched['rss']:.0f} MiB")

    baseline = _child(BASELINE, work / "baseline" / "data")
    print(f"peak RSS, Python + the core's modules, no library: {baseline['rss']:.0f} MiB")
    first = _child(COLLECTION, work / "app" / "data", TEAM=str(team), **env)
    again = _child(COLLECTION, work / "app" / "data", TEAM=str(team), **env)
    print(
        f"collection, first start (read, cache, index): {first['open']:.1f} s; "
        f"next start: {again['open']:.1f} s; {again['clauses']} clauses; problems: {again['problems']}"
    )
    print(
        f"peak RSS, collection with the library + searching: {again['rss']:.0f} MiB "
        f"(first start {first['rss']:.0f} MiB)"
    )
    site = work / "app" / "site"
    site.mkdir(parents=True, exist_ok=True)
    (site / "clausier.ini").write_text(f"[settings]\nteam_library = {team}\n", encoding="utf-8")
    window = _child(WINDOW, work / "app" / "data", **env)
    print(
        f"the window with that team library (offscreen): ready in {window['ready']:.1f} s, "
        f"{window['clauses']} clauses, peak RSS {window['rss']:.0f} MiB; library panel, "
        f"per keystroke (search, list, paint): median {window['typing_median'] * 1000:.1f} ms, "
        f"p95 {window['typing'] * 1000:.1f} ms; typing an id: median "
        f"{window['ids_typing_median'] * 1000:.1f} ms, p95 {window['ids_typing'] * 1000:.1f} ms"
    )
    window_note(work, env, args.window_runs)
    if not args.keep:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
