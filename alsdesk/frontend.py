"""Which package holds the desktop window: `alsdesk.ui` once installed, `ui` in the source tree.

The folder is `ui/` beside `alsdesk/` (the design's layout); a wheel installs it as
`alsdesk.ui` (pyproject's package-dir), so no top-level `ui` clashes with another program's.
The window's modules import each other relatively, so the same code runs under either name.
Nothing here imports Qt: the name is looked up, the package is imported by the caller.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path


def ui_package() -> str:
    """'alsdesk.ui' or 'ui', whichever this copy of alsdesk was shipped with."""
    here = Path(__file__).resolve().parent
    if (here / "ui" / "__init__.py").is_file():
        return "alsdesk.ui"  # installed from the wheel
    if (here.parent / "ui" / "__init__.py").is_file():
        return "ui"  # a checkout: its own window, not one an editable install points elsewhere
    # Neither on disk (a frozen bundle keeps modules in an archive): ask the importers.
    try:
        if importlib.util.find_spec("alsdesk.ui") is not None:
            return "alsdesk.ui"
    except ImportError:
        pass
    return "ui"


def ui_module(name: str) -> str:
    """The full name of the window's module `name` (e.g. 'app' -> 'alsdesk.ui.app')."""
    return f"{ui_package()}.{name}"
