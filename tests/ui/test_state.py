"""The window's state file: a damaged or hostile one gives an empty state, never a crash at start."""

from __future__ import annotations

import pytest

from ui.state import WindowState, state_file


@pytest.mark.parametrize(
    "content",
    [b"[" * 100_000, b'{"recent": 1e400}', b"{nope", b"\xff\xfe"],
    ids=["deep", "1e400", "syntax", "not-utf8"],
)
def test_a_damaged_state_file_gives_an_empty_state(content):
    state_file().parent.mkdir(parents=True, exist_ok=True)
    state_file().write_bytes(content)
    assert WindowState.load().data == {}
