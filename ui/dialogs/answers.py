"""The answers the window's questions return: what to do with unsaved changes, with a crash's copy."""

from __future__ import annotations

from enum import StrEnum


class Unsaved(StrEnum):
    """What to do with unsaved changes when a note closes."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class RecoveryChoice(StrEnum):
    """What to do with a copy left by a crash."""

    OPEN = "open"
    DISCARD = "discard"
    KEEP = "keep"  # ask again next time
