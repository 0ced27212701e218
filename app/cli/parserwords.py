"""argparse's own words ("usage:", "options", its error messages) in the user's language.

argparse looks its texts up through the module globals ``_`` and ``ngettext``
at the moment it writes them; :func:`install` points those at Clausier's
catalogs, so ``clausier --help`` and a wrong option read in French or Dutch
like the rest of the command line. The texts a user can meet are listed here
so that extraction puts them in the catalogs.
"""

from __future__ import annotations

import argparse

from app.language.i18n import N_, _, ngettext

#: The argparse texts a ``clausier`` user can meet (its msgids, copied as they are).
MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
)


def install() -> None:
    """Make argparse write its own texts in the current interface language."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
