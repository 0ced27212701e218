"""Record every network attempt of this Python process (loaded through PYTHONPATH).

An audit hook sees socket creation, connection and name resolution, and the
standard library's own network clients, before they happen; each attempt is
appended as one JSON line to the file named by CLAUSIER_NETWORK_LOG. Local
IPC (AF_UNIX sockets, such as the session bus) is not network and is ignored.
"""

from __future__ import annotations

import json
import os
import socket
import sys

_LOG = os.environ.get("CLAUSIER_NETWORK_LOG")
_INET = {socket.AF_INET, socket.AF_INET6}
# Events that are a network attempt whatever their arguments.
_ALWAYS = {
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
    "http.client.connect",
    "urllib.Request",
    "ftplib.connect",
    "smtplib.connect",
    "imaplib.open",
    "poplib.connect",
    "nntplib.connect",
    "telnetlib.Telnet.open",
    "webbrowser.open",
}
# Socket events that count only for internet sockets.
_SOCKET = {"socket.__new__", "socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}


def _family(event: str, args: tuple) -> int | None:
    if event == "socket.__new__":  # (self, family, type, proto): self is not set up yet
        return args[1] if len(args) > 1 else None
    return getattr(args[0], "family", None) if args else None


def _hook(event: str, args: tuple) -> None:
    if event in _ALWAYS or (event in _SOCKET and _family(event, args) in _INET):
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps({"event": event, "args": repr(args)[:300]}) + "\n")


if _LOG:
    sys.addaudithook(_hook)
