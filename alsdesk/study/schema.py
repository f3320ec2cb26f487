"""What a study definition file may contain: its keys, reserved names and known functions.

Kept apart from the loader so the store, the exports and alsdesk.derive can read the same
lists the loader enforces (e.g. ``derive.FUNCTIONS`` must match :data:`KNOWN_FUNCTIONS`).
"""
from __future__ import annotations

import re
from types import MappingProxyType
from typing import Mapping

from alsdesk.study.model import FieldType

__all__ = [
    "ARITY", "KNOWN_FUNCTIONS", "ITEM_FUNCTIONS", "ALSFRS_ITEMS", "STORE_TABLES",
    "RESERVED_COLUMNS", "SQL_KEYWORDS", "TERM_FUNCTIONS", "REQUIRED_PARAMETERS", "REQUIRED_BINDINGS",
    "DEVIATION_BINDINGS", "ID", "TEXT_RESULTS", "VERDICT_RESULTS",
    "ID_RULE", "TYPE_ONLY", "KEYS",
]

# Derived-value functions alsdesk.derive.FUNCTIONS provides, checked here so loading a study
# never imports the clinical code. Value: (fewest, most) inputs, most None for "no limit".
ARITY: Mapping[str, tuple[int, int | None]] = MappingProxyType({
    "alsfrs_total": (0, 0), "alsfrs_bulbar": (0, 0), "alsfrs_fine_motor": (0, 0),
    "alsfrs_gross_motor": (0, 0), "alsfrs_respiratory": (0, 0), "kings_stage": (0, 0),
    "mitos_stage": (0, 0), "delta_fs": (3, 3), "age": (2, 2), "bmi": (2, 2),
    "target_dose": (1, 1), "dose_deviation": (2, 2), "sum": (1, None), "eligibility": (9, 9),
    "hours_between": (2, 2), "percent_difference": (2, 2),
    "ctcae_code": (1, 1), "ctcae_soc": (1, 1),
})
KNOWN_FUNCTIONS: frozenset[str] = frozenset(ARITY)
# These read the study's CTCAE terms in the file (alsdesk/safety/ctcae.py): the MedDRA code
# and system organ class of the CTCAE term given.
TERM_FUNCTIONS: frozenset[str] = frozenset({"ctcae_code", "ctcae_soc"})
# What a derived value is, for a file that types its columns before reading any value (SDTM's
# SAS transport): these give text (a stage, a system organ class); these two a verdict, not
# one value; every other function a number.
TEXT_RESULTS: frozenset[str] = frozenset({"kings_stage", "ctcae_soc"})
VERDICT_RESULTS: frozenset[str] = frozenset({"eligibility", "dose_deviation"})
# These read q1..q12 of their own form instead of declared inputs.
ITEM_FUNCTIONS: frozenset[str] = frozenset(n for n, a in ARITY.items() if a == (0, 0))
ALSFRS_ITEMS: tuple[str, ...] = (
    "q1", "q2", "q3", "q4", "q5a", "q5b", "q6", "q7", "q8", "q9", "q10", "q11", "q12",
)

# The store's own tables: a form table of the same name would collide with them.
STORE_TABLES: frozenset[str] = frozenset({
    "subjects", "users", "form_instances", "audit_trail", "signatures", "queries", "meta",
    "settings", "locks", "ctcae_versions", "ctcae_terms", "study_versions",
    "second_entries", "entry_differences",
})
# Columns every form table has or SQLite implies; field ids with "__" are refused as well,
# because the store derives its own column names that way (temp__missing).
RESERVED_COLUMNS: frozenset[str] = frozenset({"instance_id", "rowid", "oid"})
# SQLite words that break as bare column or table names (probed on SQLite 3.40), plus the
# CURRENT_* words, which parse but silently read the clock instead of the column.
SQL_KEYWORDS: frozenset[str] = frozenset("""
    add all alter and as autoincrement between case cast check collate commit constraint
    create default deferrable delete distinct drop else escape except exists foreign from
    group having if in index insert intersect into is isnull join limit not nothing notnull
    null on or order primary raise references returning select set table then to
    transaction union unique update using values when where current_date current_time
    current_timestamp""".split())

# The core reads these; a definition without them would fail later, far from the cause.
REQUIRED_PARAMETERS: tuple[str, ...] = (
    "min_age", "max_age", "min_alsfrs", "min_fvc_pct", "cells_per_kg", "dose_tolerance_pct",
    "due_ahead_days",
)
REQUIRED_BINDINGS: tuple[str, ...] = ("anchor", "visit_date")
# Where a check's note becomes a protocol-deviation entry (Check.deviation): the log form's
# date, category and description fields; all three, or none, and needed by any `deviation`.
DEVIATION_BINDINGS: tuple[tuple[str, tuple[FieldType, ...]], ...] = (
    ("deviation_date", (FieldType.DATE,)), ("deviation_category", (FieldType.CHOICE,)),
    ("deviation_text", (FieldType.TEXT, FieldType.MEMO)),
)

# 32 characters: the longest name SAS and most export targets accept.
ID = re.compile(r"[a-z][a-z0-9_]{0,31}\Z")
ID_RULE = ("must be a lowercase identifier: a letter a-z, then letters, digits or _, at most"
           " 32 characters (it becomes a database name)")

# Derived values whose parts a field may be suggested from ("ie.eligibility#age"): one
# criterion's yes/no, or "failed" (the failed criteria as text). tests/test_suggest.py keeps
# the ids equal to alsdesk.clinical.eligibility's.
DERIVED_PARTS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "eligibility": ("age", "alsfrs", "fvc", "sporadic", "no_familial", "no_malignancy",
                    "no_autoimmune", "no_other_mnd", "failed"),
})

# key -> the field types it is allowed on
TYPE_ONLY: Mapping[str, tuple[FieldType, ...]] = MappingProxyType({
    "partial": (FieldType.DATE,), "future": (FieldType.DATE, FieldType.DATETIME),
    "digits": (FieldType.DECIMAL,),
    "choices": (FieldType.CHOICE,), "min": (FieldType.INTEGER, FieldType.DECIMAL),
    "max": (FieldType.INTEGER, FieldType.DECIMAL), "length": (FieldType.TEXT, FieldType.MEMO),
    "unit_field": (FieldType.INTEGER, FieldType.DECIMAL),
})

# table kind -> (required keys, optional keys)
KEYS: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = MappingProxyType({
    "top": (("study", "parameters", "bindings", "forms", "events"), ("missing", "codelists",
                                                                     "primary_outcomes",
                                                                     "safety_tables", "sae")),
    "study": (("id", "protocol", "title", "site", "crf_version", "subject_pattern",
               "target_enrolment"), ("signature_meanings", "end_of_study_status",
                                     "eligibility_deviation", "casebook_statement",
                                     "lock_unsigned", "ctcae_version", "anchor_name",
                                     "double_entry")),
    "missing": (("code", "label"), ("export",)),
    "codelist": (("type", "choices"), ()),
    "choice": (("code", "label"), ("per",)),
    "form": (("label", "fields"), ("domain", "repeating", "checks", "derived", "layout",
                                   "log_rows", "investigator_signature", "double_entry")),
    "field": (("id", "label", "type"), (
        "section", "unit", "choices", "min", "max", "digits", "length", "required", "missing",
        "visible", "partial", "cdash", "sdtm", "help", "identifier", "suggest", "suggest_codes",
        "future", "terminology", "grade_of", "unit_field")),
    "check": (("id", "expr", "message", "severity"), ("fields", "deviation")),
    "derived": (("id", "label", "function"), ("inputs", "unit", "digits")),
    "event": (("id", "label", "forms"), ("kind", "unit", "target", "window", "repeating",
                                        "anchor", "investigator_signature")),
    "signature": ((), ("when", "meaning")),
    # alsdesk/study/safety_defs.py
    "primary_outcomes": (("window_hours", "fever_at", "temperature", "gcs"), ("gcs_expected",)),
    "reading": (("value", "time"), ()),
    "safety_tables": (("form", "term", "grade", "serious", "relationship", "related"),
                      ("coded_term", "soc", "start")),
})
