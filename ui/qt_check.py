"""A guard against Qt bindings that corrupt the interpreter.

PySide6 6.12.0 on Python 3.11 returns None from every wrapped method that returns nothing
(setVisible, setText, hide...) without taking a reference to it. Each call drops None's
reference count by one; a form's live refresh makes about a hundred such calls, and after
~150 answers Python aborts with "Fatal Python error: none_dealloc", losing what was typed.
Python 3.12 made None immortal (PEP 683), so the same wheels are harmless there.

pyproject.toml keeps pip away from those releases; this check catches an environment that was
put together by hand (or a future release with the same fault) before a nurse types anything.
"""
from __future__ import annotations

import sys

from alsdesk.i18n import tr

__all__ = ["BindingsBroken", "check_bindings"]

_CALLS = 200


class BindingsBroken(RuntimeError):
    """The installed Qt bindings lose references: the program would crash mid-entry."""


def check_bindings() -> None:
    """Raise BindingsBroken if calls into Qt that return nothing leak references to None."""
    import PySide6
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_CALLS):
        probe.setObjectName("probe")  # returns nothing: the call at fault in 6.12.0
    lost = before - sys.getrefcount(None)
    # A few references may come and go with the interpreter's own work; a loss per call may not.
    if lost >= _CALLS // 2:
        raise BindingsBroken(tr(
            "The installed Qt bindings (PySide6 {version}) are broken on Python "
            "{python}: they lose a reference on every "
            "call, and the program would crash while you type. Install a working version with:\n"
            '    pip install "PySide6-Essentials<6.12" "PySide6-Addons<6.12"').format(
                version=PySide6.__version__,
                python=f"{sys.version_info.major}.{sys.version_info.minor}"))
