"""The standalone program's entry point: `alsdesk` exactly, plus `-m MODULE` like Python.

A frozen program has no Python to run `python -m ...`; `alsdesk doctor` runs its Qt probe
that way in a child process (sys.executable is this program), and the smoke test runs the
window check so. Anything else is the `alsdesk` command.
"""
from __future__ import annotations

import runpy
import sys


def _main() -> None:
    if len(sys.argv) >= 3 and sys.argv[1] == "-m":
        module = sys.argv[2]
        sys.argv = [sys.argv[0], *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return
    from alsdesk.cli import main

    main()


if __name__ == "__main__":
    _main()
