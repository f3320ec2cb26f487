"""The study definition: frozen model classes and the loader that builds them from TOML."""
from __future__ import annotations

from alsdesk.study.loader import load_study
from alsdesk.study.model import (
    Check, Choice, CodeList, Derived, Event, EventKind, Field, FieldType, Form, MissingCode,
    Severity, Study, TimeUnit,
)

__all__ = [
    "load_study", "Study", "Event", "Form", "Field", "FieldType", "CodeList", "Choice", "Check",
    "Severity", "Derived", "EventKind", "TimeUnit", "MissingCode",
]
