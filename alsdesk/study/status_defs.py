"""The parts of the definition that let a subject's status follow the data.

``[bindings] infusion_given`` names the field whose value means the infusion was given;
``[bindings] end_of_study`` the end-of-study form's status choice, and
``[study] end_of_study_status`` the subject status each of its codes sets; ``[study]
eligibility_deviation`` the category (of the deviation log named by ``[bindings]
deviation_*``) under which an investigator's override of the infusion's eligibility stop is
logged. All are checked here at load, so a code added to the end-of-study list without a
status, or a category the log does not have, stops the program at start-up instead of on
the day it is needed.
"""
from __future__ import annotations

from types import MappingProxyType
from typing import Any, Callable, Mapping

from alsdesk.states import SubjectStatus
from alsdesk.study.model import FieldType
from alsdesk.study.source import Source

__all__ = ["read_status_defs"]

# Statuses a subject ends the study in: the only ones an end-of-study answer may set.
_END_STATUSES = (SubjectStatus.COMPLETED, SubjectStatus.WITHDRAWN, SubjectStatus.DIED)

Resolve = Callable[[str, Any], Any]


def read_status_defs(src: Source, info: dict[str, Any], bindings: Mapping[str, str],
                     resolve: Resolve) -> dict[str, Any]:
    """Study keyword arguments: end_of_study_status and eligibility_deviation."""
    out: dict[str, Any] = {}
    if "infusion_given" in bindings and len(bindings["infusion_given"].split(".")) != 3:
        src.fail("bindings.infusion_given", "write event.form.field: the infusion is given "
                 "at one event")
    raw_map = (src.table(info["end_of_study_status"], "study.end_of_study_status", None)
               if "end_of_study_status" in info else None)
    if "end_of_study" in bindings:
        ref = bindings["end_of_study"]
        if len(ref.split(".")) != 3:
            src.fail("bindings.end_of_study", "write event.form.field")
        field = resolve(ref, None)[1]
        if getattr(field, "type", None) is not FieldType.CHOICE:
            src.fail("bindings.end_of_study", f"{ref!r} must be a choice field")
        if raw_map is None:
            src.fail("study", "bindings.end_of_study needs study.end_of_study_status: the "
                     "subject status each of its codes sets")
        out["end_of_study_status"] = _status_map(src, raw_map, field)
    elif raw_map is not None:
        src.fail("study.end_of_study_status", "needs bindings.end_of_study (the field whose "
                 "codes it maps)")
    if "eligibility_deviation" in info:
        out["eligibility_deviation"] = _category(
            src, src.val(info, "study", "eligibility_deviation", "str"), bindings, resolve)
    return out


def _category(src: Source, code: str, bindings: Mapping[str, str], resolve: Resolve) -> str:
    """The deviation category an eligibility override is logged under: one of the log's."""
    key = "study.eligibility_deviation"
    if "deviation_category" not in bindings:
        src.fail(key, "needs the deviation log's bindings (deviation_date, deviation_category,"
                 " deviation_text)")
    field = resolve(bindings["deviation_category"], None)[1]
    codes = [str(c.code) for c in field.codelist.choices]
    if code not in codes:
        src.fail(key, f"{code!r} is not a deviation category; allowed: {', '.join(codes)}")
    return code


def _status_map(src: Source, raw: dict[str, Any], field) -> Mapping[str, str]:
    key = "study.end_of_study_status"
    codes = {str(c.code) for c in field.codelist.choices}
    allowed = ", ".join(s.value for s in _END_STATUSES)
    for code, status in raw.items():
        if code not in codes:
            src.fail(f"{key}.{code}", f"{code!r} is not a code of {field.id!r} "
                     f"(codes: {', '.join(sorted(codes))})")
        if not isinstance(status, str) or status not in [s.value for s in _END_STATUSES]:
            src.fail(f"{key}.{code}", f"{status!r} is not a status a subject ends the study "
                     f"in; allowed: {allowed}")
    unmapped = sorted(codes - set(raw))
    if unmapped:
        src.fail(key, f"gives no status for {', '.join(map(repr, unmapped))}: every code of "
                 f"{field.id!r} needs one")
    return MappingProxyType(dict(raw))
