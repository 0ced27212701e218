"""export_plan: the entry point's promises (warnings, atomic writes, lazy import).

Speed is measured by benchmarks/bench_export.py, never asserted in the suite.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.docx import export_plan
from app.docx.plan import PlanWarning
from app.docx.template import builtin_template
from app.system import atomic
from app.system.errors import ExportError
from tests.app.docx.docxparts import para, plan_with, sample_plan

ROOT = Path(__file__).resolve().parents[3]


def test_returns_plan_warnings_first_then_its_own(tmp_path: Path) -> None:
    plan = plan_with([para("a\x01b")])
    plan.warnings.append(PlanWarning("unfilled_variable", "Variable {minister} has no value."))
    warnings = export_plan(plan, tmp_path / "out.docx")
    assert [x.code for x in warnings] == ["unfilled_variable", "cleaned_characters"]
    assert len(plan.warnings) == 1  # the plan itself is not changed


def test_failed_write_leaves_previous_file_intact(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "note.docx"
    out.write_bytes(b"previous version")

    def full_disk(src, dst) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full_disk)
    with pytest.raises(ExportError, match="the disk is full"):
        export_plan(sample_plan(), out)
    assert out.read_bytes() == b"previous version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.docx"]


def test_read_only_target_gives_clear_error(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "note.docx"
    out.write_bytes(b"previous version")

    def denied(src, dst) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", denied)
    with pytest.raises(ExportError, match="read-only or the file is open"):
        export_plan(sample_plan(), out)
    assert out.read_bytes() == b"previous version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.docx"]


def test_missing_folder_gives_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_plan(sample_plan(), tmp_path / "absent" / "note.docx")


def test_overwrites_previous_export(tmp_path: Path) -> None:
    out = tmp_path / "note.docx"
    out.write_bytes(b"old")
    export_plan(sample_plan(), out)
    assert out.read_bytes()[:2] == b"PK"


def test_explicit_template_path_is_used(tmp_path: Path) -> None:
    out = tmp_path / "note.docx"
    assert export_plan(sample_plan(), out, template=builtin_template()) == []


def test_importing_the_core_does_not_import_python_docx() -> None:
    # The rendering plan lives in app/docx/ (it is the writer's input), so importing it runs
    # the light app/docx/__init__.py; the writer's modules and python-docx stay unloaded.
    code = (
        "import sys, app, app.docx.plan, app.system.errors, app.system.atomic;"
        "import importlib.util as u;"
        "u.find_spec('app.cli.command') and __import__('app.cli.command');"
        "bad = [m for m in sys.modules if m == 'docx' or m.startswith('docx.')"
        " or (m.startswith('app.docx.') and m != 'app.docx.plan')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def _bench():
    spec = importlib.util.spec_from_file_location(
        "bench_export", ROOT / "benchmarks" / "bench_export.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_compares_like_with_like(tmp_path: Path) -> None:
    # Speed is measured by benchmarks/bench_export.py, never asserted here (shared,
    # noisy machines); this checks that the two writers it times write the same text.
    import docx

    bench = _bench()
    plan = bench.big_plan()
    template = builtin_template()
    bench.write_clausier(plan, tmp_path / "a.docx", template)
    bench.write_python_docx(plan, tmp_path / "b.docx", template)

    def texts(path: Path) -> list[str]:
        document = docx.Document(str(path))
        body = [p.text for p in document.paragraphs if p.text]
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells if c.text]
        return body + cells

    ours, theirs = texts(tmp_path / "a.docx"), texts(tmp_path / "b.docx")
    assert len(ours) > 600
    assert set(theirs) <= set(ours)


def test_bare_benchmark_writer_produces_a_readable_document(tmp_path: Path) -> None:
    import docx

    bench = _bench()
    out = tmp_path / "bare.docx"
    bench.write_bare(bench.big_plan(), out, builtin_template())
    assert len(docx.Document(str(out)).paragraphs) > 600
