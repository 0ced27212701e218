"""Benchmark bringing a note back from Word against exporting it, as whole processes.

Run ``python benchmarks/bench_reconcile.py [--runs N]`` from the project root. It
writes the 600-paragraph note of benchmarks/bench_export.py, exports it, makes 30
edits scattered through the Word file as Word writes them (a word changed, a
paragraph added, one deleted, a run set in bold, each in turn, in every twentieth
paragraph outside the tables), then times, round after round and in turning order, ``clausier reconcile
NOTE EDITED.docx`` against ``clausier export NOTE -o OUT.docx --force`` (both started
as the console script starts them, from byte-compiled modules, in throw-away user
folders). It prints min / median / max of each and of the per-round ratio. Target:
reconcile at most 3 × export. Figures are in docs/benchmarks.md, "Bringing a note
back from Word".
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_cli import base_env, entry_point, folders, machine, report, rounds  # noqa: E402

PREPARE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    sys.path.insert(0, sys.argv[3])
    from bench_export import big_note, big_plan
    from app.notes import file as notefile
    from app.export.word import default_template, export_note
    from app.library.clauses import Library
    from tests.app.roundtrip.wordedit import W, WordXml
    work = Path(sys.argv[2])
    note = big_note(big_plan())
    notefile.write(note, work / "big.clausier")
    export_note(note, Library(), work / "big.docx", template=default_template())
    word = WordXml(work / "big.docx")
    paragraphs = [
        p
        for p in word.paragraphs()
        if p.find(f"{W}r") is not None and p.getparent().tag == f"{W}body"
    ]
    made = 0
    for number, paragraph in enumerate(paragraphs[40::20]):
        if made == 30:
            break
        runs = paragraph.findall(f"{W}r")
        text = runs[0].find(f"{W}t") if runs else None
        if text is None or not text.text or " " not in text.text:
            continue
        kind = number % 4
        if kind == 0:
            first, rest = text.text.split(" ", 1)
            text.text = "Désormais " + rest
        elif kind == 1:
            new = WordXml._run_like(runs[0], "Un paragraphe ajouté dans Word.")
            added = paragraph.makeelement(f"{W}p")
            added.append(new)
            paragraph.addnext(added)
        elif kind == 2:
            paragraph.getparent().remove(paragraph)
        else:  # the paragraph's first run set in bold
            rpr = runs[0].find(f"{W}rPr")
            rpr.insert(0, rpr.makeelement(f"{W}b"))
        made += 1
    word.save(work / "edited.docx")
    print(made)
    """
)


def main(argv: list[str] | None = None) -> int:
    """Prepare the files, run the rounds, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args(argv)
    print(machine())
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = base_env(work)
        env.update(folders(work / "user"))
        made = subprocess.run(
            [sys.executable, "-c", PREPARE, str(ROOT / "benchmarks"), str(work), str(ROOT)],
            env=env,
            check=True,
            cwd=work,
            capture_output=True,
            text=True,
        ).stdout.strip()
        print(f"edits made in the Word file: {made}")
        clausier = [sys.executable, "-c", entry_point()]
        commands = {
            "clausier export (600 paragraphs)": (
                [*clausier, "export", "big.clausier", "-o", "out.docx", "--force"],
                env,
            ),
            "clausier reconcile (30 edits)": (
                [*clausier, "reconcile", "big.clausier", "edited.docx"],
                env,
            ),
        }
        rounds(1, commands, work)  # warm the byte-code cache and the index
        results = rounds(args.runs, commands, work)
        report(
            "Reconciling the 600-paragraph note after 30 edits, against exporting it",
            results,
            "clausier export (600 paragraphs)",
            "(target ≤ 3)",
            memory=True,
        )
        listed = subprocess.run(
            [*clausier, "reconcile", "big.clausier", "edited.docx"],
            env=env,
            cwd=work,
            capture_output=True,
            text=True,
        ).stdout
        print("\n" + "\n".join(line for line in listed.splitlines() if "changes," in line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
