"""No network, proven: the whole flow runs with the network made impossible and nothing tries.

Each flow (tests/packaging/offline_flow.py) runs in a subprocess
- in a network namespace with no interface but a down loopback (``unshare -rn``)
  when the kernel allows it, so no packet could leave even by mistake;
- with an audit hook (tests/packaging/netguard/sitecustomize.py) that records
  every socket, name resolution and network client the Python code attempts;
- under ``strace`` when it is installed, which records the connect/sendto/sendmsg
  system calls of every thread, Qt's C++ included, to an internet address.
The test fails if the flow fails or if anything at all was attempted.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FLOW = HERE / "offline_flow.py"
# A connect/sendto/sendmsg system call that names an internet address.
INET_CALL = re.compile(r"\b(connect|sendto|sendmsg)\(.*sa_family=AF_INET6?\b")


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    return probe.returncode == 0


UNSHARE = _unshare_works()
STRACE = shutil.which("strace") is not None


def _run_offline(tmp_path: Path, args: list[str]) -> tuple[subprocess.CompletedProcess, list, list]:
    """Run ``python args`` cut off from the network; return it, the hook's and strace's records."""
    log = tmp_path / "network.jsonl"
    trace = tmp_path / "strace.txt"
    env = dict(os.environ)
    env.update(
        PYTHONPATH=os.pathsep.join([str(HERE / "netguard"), str(ROOT)]),
        CLAUSIER_NETWORK_LOG=str(log),
        QT_QPA_PLATFORM="offscreen",
        PYTHONDONTWRITEBYTECODE="1",
    )
    for key, folder in {
        "CLAUSIER_DATA_DIR": "data",
        "CLAUSIER_CONFIG_DIR": "config",
        "CLAUSIER_SITE_CONFIG_DIR": "site",
        "CLAUSIER_LOG_DIR": "log",
    }.items():
        env[key] = str(tmp_path / folder)
    command = [sys.executable, *args]
    if STRACE:
        command = [
            "strace",
            "-f",
            "-qq",
            "-e",
            "trace=connect,sendto,sendmsg",
            "-e",
            "signal=none",
            "-o",
            str(trace),
            *command,
        ]
    if UNSHARE:
        command = ["unshare", "-rn", *command]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    hooked = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    traced = (
        [line for line in trace.read_text().splitlines() if INET_CALL.search(line)]
        if STRACE and trace.exists()
        else []
    )
    return done, hooked, traced


def test_the_guards_see_a_connection_attempt(tmp_path):
    """The audit hook and strace do catch an attempt (to loopback, refused or unreachable)."""
    attempt = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\nexcept OSError:\n    pass\n"
    done, hooked, traced = _run_offline(tmp_path, ["-c", attempt])
    assert done.returncode == 0, done.stderr
    assert {record["event"] for record in hooked} >= {"socket.getaddrinfo", "socket.connect"}
    if STRACE:
        assert traced, "strace did not record the connect() call"


def test_headless_flow_never_touches_the_network(tmp_path):
    """Compose, search and export from the command line with no network and no attempt."""
    done, hooked, traced = _run_offline(tmp_path, [str(FLOW), str(tmp_path), "headless"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "exported suivi.docx" in done.stdout
    assert hooked == [], f"network attempts: {hooked}"
    assert traced == [], f"network system calls: {traced}"


@pytest.mark.skipif(
    importlib.util.find_spec("ui.main") is None, reason="the window (ui.main) has not landed yet"
)
def test_window_flow_never_touches_the_network(tmp_path):
    """Start the window offscreen, search, compose and export with no network and no attempt."""
    done, hooked, traced = _run_offline(tmp_path, [str(FLOW), str(tmp_path), "window"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "window exported" in done.stdout
    assert hooked == [], f"network attempts: {hooked}"
    assert traced == [], f"network system calls: {traced}"
