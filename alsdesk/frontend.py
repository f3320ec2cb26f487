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
    sibling = here.parent / "ui"
    if (sibling / "__init__.py").is_file():
        # A checkout: its own window, when `ui` is that folder (on the path: cwd, PYTHONPATH).
        # Any other `ui` is another program's; an editable install maps only alsdesk.ui.
        found = _spec("ui")
        if found is not None and found.origin and \
                Path(found.origin).resolve().parent == sibling.resolve():
            return "ui"
    # Not on disk as such (an editable install, a frozen bundle's archive): ask the importers.
    return "alsdesk.ui" if _spec("alsdesk.ui") is not None else "ui"


def _spec(name: str):
    try:
        return importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None


def ui_module(name: str) -> str:
    """The full name of the window's module `name` (e.g. 'app' -> 'alsdesk.ui.app')."""
    return f"{ui_package()}.{name}"
