"""ALS Desk core: study definition, storage with audit trail, rules, clinical maths.

This package never imports Qt; the desktop front end lives in the separate ``ui`` package.
"""
from __future__ import annotations

__version__ = "0.2.0"
