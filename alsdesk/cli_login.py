"""--as and --password-stdin for the commands that log nobody in (verify, backup, the
codebook, the annotated CRF): an encrypted database is opened with a login (issue 20). Kept
apart from alsdesk/cli.py so the command modules that cli.py imports can use it too."""
from __future__ import annotations

import click


def login_to_open(fn):
    """Add --as USER and --password-stdin (without them, asked for at a terminal)."""
    fn = click.option("--password-stdin", is_flag=True,
                      help="Read the password from standard input.")(fn)
    return click.option("--as", "acting", metavar="USER",
                        help="A user id to open an encrypted database with (asked for when "
                             "needed, at a terminal).")(fn)
