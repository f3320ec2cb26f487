"""`python -m ui.probe`: can Qt start here? One line for `alsdesk doctor` (which runs this in a
child process, since the core imports no Qt and a Qt that cannot start aborts its process).

Prints "OK <what>", "WARN <why>" (no display: the command line still works) or "FAIL <why>".
"""
from __future__ import annotations

import sys


def main() -> None:
    from .display_check import display_problem
    from .qt_check import check_bindings

    problem = display_problem()
    try:
        check_bindings()
    except Exception as exc:  # broken bindings: the message says which pip command fixes it
        sys.stdout.write(f"FAIL {exc}\n")
        return
    from PySide6 import QtCore

    if problem:
        sys.stdout.write(f"WARN {problem}\n")
    else:
        sys.stdout.write(f"OK Qt {QtCore.qVersion()}, a window can open\n")


if __name__ == "__main__":
    main()
