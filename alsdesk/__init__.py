"""ALS Desk core: study definition, storage with audit trail, rules, clinical maths.

This package never imports Qt; the desktop front end is the folder ``ui/`` beside it, the
package ``ui`` in the source tree and ``alsdesk.ui`` once installed (alsdesk/frontend.py).
"""
from __future__ import annotations

__version__ = "0.2.0"
