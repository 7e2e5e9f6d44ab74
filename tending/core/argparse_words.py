"""argparse's own words ("usage:", "options", its refusals) in the terminal's language.

argparse looks each of its words up, when it needs it, through the `_` and `ngettext` it
took from Python's gettext. `speak()` points both at tending's (tending.core.words), so that
`tending --help` and a refused argument read in German where the terminal speaks German,
like the rest of the command. The words are listed here so that the catalogue gathers them
(scripts/messages.py); they are argparse's own English, character for character.
"""

from __future__ import annotations

import argparse

from tending.core import words


def gettext_noop(text: str) -> str:
    return text


MARKED = (
    gettext_noop("usage: "),
    gettext_noop("positional arguments"),
    gettext_noop("options"),
    gettext_noop("show this help message and exit"),
    gettext_noop("show program's version number and exit"),
    gettext_noop("%(prog)s: error: %(message)s\n"),
    gettext_noop("argument %(argument_name)s: %(message)s"),
    gettext_noop("the following arguments are required: %s"),
    gettext_noop("unrecognized arguments: %s"),
    gettext_noop("invalid choice: %(value)r (choose from %(choices)s)"),
    gettext_noop("invalid %(type)s value: %(value)r"),
    gettext_noop("expected one argument"),
    gettext_noop("expected at most one argument"),
    gettext_noop("expected at least one argument"),
    gettext_noop("ambiguous option: %(option)s could match %(matches)s"),
    gettext_noop("not allowed with argument %s"),
    gettext_noop("one of the arguments %s is required"),
    gettext_noop("ignored explicit argument %r"),
    gettext_noop("can't open '%(filename)s': %(error)s"),
)


def speak() -> None:
    """argparse's words from tending's catalogues, in the terminal's language from now on."""
    argparse._ = words.gettext
    argparse.ngettext = words.ngettext
