"""The command line as whole processes, each measure interleaved with its yardstick.

Run ``python benchmarks/bench_cli.py`` from the project root (``--runs N``, ``--only
startup,export,team,batch``, ``--keep DIR`` to keep the generated files, among them the
100,000-clause team library and its index, for the next run). Every process is started
as a user starts it (the ``clausier`` console script's entry point, from byte-compiled
modules as an installed copy has them) in throw-away user folders, and the measures
alternate with their yardsticks round after round, so a load on the machine weighs on
both. For each measure it prints the times (min / median / max) and the ratio of each
round's figure to its yardstick's in the same round (min / median / max):

1. start-up: ``clausier --help`` against ``python -c pass``;
2. export of the 600-paragraph note of benchmarks/bench_export.py against two whole
   processes writing the same content: a plain python-docx script and docxtpl rendering
   a Jinja template (benchmarks/yardsticks/; docxtpl runs in a virtual environment of its
   own, made in the temporary folder unless ``--docxtpl-venv`` names one);
3. that export with a team library of 100,000 clauses (benchmarks/bench_library.py's
   generator) against the same export without one, in time and in peak memory;
4. exporting 100 notes in one ``clausier export A B … -o FOLDER/`` against 100
   ``clausier export`` processes.

Figures are recorded in docs/benchmarks.md, "The command line as whole processes".
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YARDSTICKS = Path(__file__).resolve().parent / "yardsticks"


# --- the machine ---------------------------------------------------------------------


def machine() -> str:
    """Cores, CPU model, Python and the load, in one line."""
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{os.cpu_count()} cores, {model}, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, load {load:.2f}"
    )


# --- processes ---------------------------------------------------------------------


def run(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Run ``command`` to its end; (seconds, peak RSS in MiB). Fails loudly on an error."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    errors = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    child.stderr.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{errors}")
    return elapsed, usage.ru_maxrss / 1024


def entry_point() -> str:
    """The code the ``clausier`` console script runs (from pyproject.toml)."""
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    module, function = scripts["clausier"].split(":")
    return f"import sys; from {module} import {function}; sys.exit({function}())"


def folders(base: Path, team: Path | None = None) -> dict[str, str]:
    """Fresh user folders under ``base`` (with ``team`` as the team library)."""
    env = {}
    for key, name in (
        ("CLAUSIER_DATA_DIR", "data"),
        ("CLAUSIER_CONFIG_DIR", "config"),
        ("CLAUSIER_SITE_CONFIG_DIR", "site"),
        ("CLAUSIER_LOG_DIR", "log"),
    ):
        (base / name).mkdir(parents=True, exist_ok=True)
        env[key] = str(base / name)
    ini = base / "site" / "clausier.ini"
    if team is not None:
        ini.write_text(f"[settings]\nteam_library = {team}\n", encoding="utf-8")
    return env


def base_env(work: Path) -> dict[str, str]:
    """The environment of every process: byte-compiled modules in a throw-away cache.

    An installed Clausier starts from bytecode (pip and the bundle compile it); a
    checkout run with PYTHONDONTWRITEBYTECODE=1 would compile every module at every
    start and measure the compiler.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAUSIER_", "PYTHON"))}
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["LC_ALL"] = env["LANG"] = "C.UTF-8"
    return env


# --- figures -------------------------------------------------------------------------


def spread(values: list[float], unit: str = "ms", scale: float = 1000) -> str:
    """min / median / max of ``values``."""
    low, mid, high = min(values), statistics.median(values), max(values)
    if unit == "×":
        return f"{low:.2f} / {mid:.2f} / {high:.2f}"
    return f"{low * scale:.0f} / {mid * scale:.0f} / {high * scale:.0f} {unit}"


def rounds(
    runs: int, commands: dict[str, tuple[list[str], dict[str, str]]], cwd: Path
) -> dict[str, list[tuple[float, float]]]:
    """Each command once per round, the order turning round after round."""
    names = list(commands)
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    for number in range(runs):
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            command, env = commands[name]
            results[name].append(run(command, env, cwd))
    return results


def report(
    title: str,
    results: dict[str, list[tuple[float, float]]],
    yardstick: str,
    target: str = "",
    memory: bool = False,
) -> None:
    """Print times (and peak memory) of each command, and their ratios to ``yardstick``."""
    print(f"\n{title}")
    for name, figures in results.items():
        times = [t for t, _rss in figures]
        line = f"  {name:38s} {spread(times)}"
        if memory:
            line += f"; peak RSS {spread([r for _t, r in figures], 'MiB', 1)}"
        print(line)
    for name, figures in results.items():
        if name == yardstick:
            continue
        ratios = [t / y for (t, _r), (y, _s) in zip(figures, results[yardstick], strict=True)]
        print(f"  {name} / {yardstick}: {spread(ratios, '×')} (min / median / max) {target}")
        if memory:
            memory_ratios = [
                r / s for (_t, r), (_y, s) in zip(figures, results[yardstick], strict=True)
            ]
            print(f"  {name} / {yardstick}, peak RSS: {spread(memory_ratios, '×')}")


# --- data ---------------------------------------------------------------------------

PREPARE = textwrap.dedent(
    """
    import json, sys
    from datetime import date
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from bench_export import _STYLE_NAMES, big_note, big_plan
    from app.notes import file as notefile
    from app.library.clauses import builtin
    from app.notes.note import FollowUpRow, FollowUpTable, LinkedClause, Note, Section, TextBlock
    from app.docx.plan import Paragraph, Table
    work = Path(sys.argv[2])
    plan = big_plan()
    notefile.write(big_note(plan), work / "big.clausier")
    body = []
    for item in plan.body:
        if isinstance(item, Table):
            rows = [item.header, *item.rows]
            body.append({"table": [[cell[0].text for cell in row] for row in rows]})
        else:
            spans = [[s.text, s.bold, s.italic] for s in item.spans]
            body.append({"style": _STYLE_NAMES[item.style], "spans": spans})
    content = {
        "title": plan.title.text,
        "meta": [[m.label.text, m.value.text] for m in plan.meta],
        "body": body,
        "header": "".join(s.text for s in plan.classification),
        "footer": "Page 1 / 1",
        "properties": {"title": plan.properties_title, "author": plan.properties_author},
    }
    (work / "content.json").write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    clauses = [c.id for c in builtin()]
    notes = work / "notes"
    notes.mkdir(exist_ok=True)
    for number in range(int(sys.argv[3])):
        linked = [clauses[(number * 7 + k) % len(clauses)] for k in range(6)]
        text = "La Belgique et la France renforceront leur coopération ({n}, point {k})."
        note = Note(
            subject={"fr": f"Réunion de suivi numéro {number + 1} avec la France"},
            date=date(2018, 6, 1 + number % 28),
            sections=[
                Section({"fr": "Contexte"}, [TextBlock({"fr": text.format(n=number, k=k)}) for k in range(6)]),
                Section({"fr": "Engagements"}, [LinkedClause(c, 1) for c in linked]),
                Section({"fr": "Suivi"}, [FollowUpTable([FollowUpRow(clause_id=c) for c in linked[:3]])]),
            ],
        )
        notefile.write(note, notes / f"note-{number + 1:03d}.clausier")
    """
)


def prepare(work: Path, env: dict[str, str], notes: int) -> None:
    """The big note, its content for the yardsticks and the batch's notes."""
    script = [sys.executable, "-c", PREPARE, str(ROOT / "benchmarks"), str(work), str(notes)]
    subprocess.run(script, env=env, check=True, cwd=work)


def team_library(work: Path, clauses: int) -> Path:
    """The generated team library's folder (made once; kept with ``--keep``)."""
    share = work / "teamshare"
    target = share / "generated.json"
    if not target.exists():
        sys.path.insert(0, str(ROOT / "benchmarks"))
        sys.path.insert(0, str(ROOT))
        from bench_library import Generator

        share.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        data = Generator().library_json(clauses)
        target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        print(f"generated {clauses} clauses in {time.perf_counter() - started:.0f} s", flush=True)
    return share


def docxtpl_python(work: Path, venv: Path | None) -> Path:
    """The Python of docxtpl's own virtual environment (made in ``work`` when none is given)."""
    venv = venv or work / "docxtpl-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"making docxtpl's own virtual environment in {venv}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "docxtpl"],
            check=True,
        )
    return python


# --- main -----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Prepare the files, run the interleaved measures, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--batch-runs", type=int, default=3)
    parser.add_argument("--notes", type=int, default=100, help="notes in the batch")
    parser.add_argument("--clauses", type=int, default=100_000, help="clauses of the team library")
    parser.add_argument("--only", default="startup,export,team,batch")
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument("--docxtpl-venv", type=Path, help="a virtual environment with docxtpl")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    work = (args.keep or Path(tempfile.mkdtemp(prefix="clausier-bench-cli-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    env = base_env(work)
    python = sys.executable
    subprocess.run(
        [python, "-m", "compileall", "-q", "app", "ui"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    prepare(work, env, args.notes)
    plain = {**env, **folders(work / "plain")}
    clausier = [python, "-c", entry_point()]
    big = str(work / "big.clausier")
    out = work / "out"
    out.mkdir(exist_ok=True)
    print(machine())
    print(f"{args.runs} rounds; byte-compiled; the entry point: {entry_point()}")

    if "startup" in only:
        commands = {
            "python -c pass": ([python, "-c", "pass"], plain),
            "clausier --help": ([*clausier, "--help"], plain),
        }
        rounds(1, commands, work)  # warm-up: bytecode of the standard library too
        report(
            "Start-up (whole processes)",
            rounds(args.runs, commands, work),
            "python -c pass",
            "(target ≤ 1.5)",
        )

    if "export" in only or "team" in only:
        export = [*clausier, "export", big, "-o", str(out / "clausier.docx"), "--force"]
        run(export, plain, work)  # warm-up: builds the built-in library's index

    if "export" in only:
        template = ROOT / "templates" / "clausier-house.docx"
        content = str(work / "content.json")
        tpl_python = docxtpl_python(work, args.docxtpl_venv)
        tpl_template = work / "docxtpl-template.docx"
        subprocess.run(
            [
                str(tpl_python),
                str(YARDSTICKS / "docxtpl_template.py"),
                str(template),
                str(tpl_template),
            ],
            check=True,
        )
        yard_env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
        commands = {
            "python-docx script": (
                [
                    python,
                    str(YARDSTICKS / "python_docx_note.py"),
                    content,
                    str(template),
                    str(out / "python-docx.docx"),
                ],
                yard_env,
            ),
            "docxtpl (own venv)": (
                [
                    str(tpl_python),
                    str(YARDSTICKS / "docxtpl_note.py"),
                    content,
                    str(tpl_template),
                    str(out / "docxtpl.docx"),
                ],
                yard_env,
            ),
            "clausier export": (export, plain),
        }
        rounds(1, commands, work)
        results = rounds(args.runs, commands, work)
        report(
            "Export of the 600-paragraph note (whole processes)",
            {k: results[k] for k in ("python-docx script", "clausier export")},
            "python-docx script",
            "(target ≤ 0.6)",
        )
        report(
            "… against docxtpl",
            {k: results[k] for k in ("docxtpl (own venv)", "clausier export")},
            "docxtpl (own venv)",
            "(target ≤ 1.3)",
        )

    if "team" in only:
        share = team_library(work, args.clauses)
        team = {**env, **folders(work / "team", share)}
        started = time.perf_counter()
        run([*clausier, "export", big, "-o", str(out / "team.docx"), "--force"], team, work)
        print(
            f"\nfirst export with the team library (read, copy, index): {time.perf_counter() - started:.1f} s"
        )
        commands = {
            "export, no team library": (export, plain),
            f"export, team library of {args.clauses:,}": (
                [*clausier, "export", big, "-o", str(out / "team.docx"), "--force"],
                team,
            ),
        }
        report(
            "Export with and without the team library (whole processes)",
            rounds(args.runs, commands, work),
            "export, no team library",
            "(target ≤ 1.2, time and memory)",
            memory=True,
        )

    if "batch" in only:
        notes = sorted((work / "notes").glob("*.clausier"))
        batch_out = work / "batch"
        batch_out.mkdir(exist_ok=True)
        batch = [*clausier, "export", *map(str, notes), "-o", f"{batch_out}{os.sep}", "--force"]
        results: dict[str, list[tuple[float, float]]] = {"separate": [], "batch": []}
        for number in range(args.batch_runs):
            order = ["separate", "batch"] if number % 2 == 0 else ["batch", "separate"]
            for name in order:
                if name == "batch":
                    results["batch"].append(run(batch, plain, work))
                    continue
                started, peak = time.perf_counter(), 0.0
                for note in notes:
                    command = [*clausier, "export", str(note), "-o", f"{batch_out}{os.sep}"]
                    peak = max(peak, run([*command, "--force"], plain, work)[1])
                results["separate"].append((time.perf_counter() - started, peak))
        report(
            f"Exporting {len(notes)} notes: {len(notes)} processes against one batch",
            {
                f"{len(notes)} clausier export processes": results["separate"],
                "one clausier export A B … -o FOLDER/": results["batch"],
            },
            f"{len(notes)} clausier export processes",
            "(target ≤ 0.2)",
            memory=True,
        )
    print(f"\n{machine()}")
    if not args.keep:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
