"""Words printed about fields: skip conditions, ranges, numbers (no reportlab here)."""
from __future__ import annotations

import ast
from datetime import datetime, timezone

from alsdesk.i18n import QT_TRANSLATE_NOOP, ltr, tr
from alsdesk.study.model import Field, FieldType, Form
from alsdesk.study.values import MONTHS


def utc_text(ts: str | None) -> str:
    """A stored UTC time stamp (ISO 8601) as printed: 01/MAR/2025 14:30:05 UTC."""
    if not ts:
        return ""
    try:
        moment = datetime.fromisoformat(ts).astimezone(timezone.utc)
    except ValueError:
        return ts
    return ltr(f"{moment.day:02d}/{MONTHS[moment.month - 1]}/{moment.year} "
               f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d} UTC")


def num(value: float | int | None) -> str:
    """A number as people write it: 20.0 as "20", 0.5 as "0.5"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def range_text(field: Field) -> str:
    """"Allowed 50 to 260 mmHg" for a number field with a range, else ""."""
    if field.type not in (FieldType.INTEGER, FieldType.DECIMAL):
        return ""
    unit = f" {field.unit}" if field.unit else ""
    if field.min is not None and field.max is not None:
        return tr("Allowed {low} to {high}{unit}").format(low=num(field.min),
                                                          high=num(field.max), unit=unit)
    if field.min is not None:
        return tr("Allowed {low}{unit} or more").format(low=num(field.min), unit=unit)
    if field.max is not None:
        return tr("Allowed up to {high}{unit}").format(high=num(field.max), unit=unit)
    return ""


def condition_text(form: Form, expr: str | None) -> str:
    """A visibility condition in words: "Does the patient have a gastrostomy? is No"."""
    if not expr:
        return ""
    try:
        tree = ast.parse(expr, mode="eval").body
        return _words(form, tree)
    except (SyntaxError, _Unreadable):
        return expr


class _Unreadable(Exception):
    pass


def _label(form: Form, node: ast.AST) -> tuple[str, Field | None]:
    if isinstance(node, ast.Name):
        try:
            f = form.field(node.id)
        except KeyError:
            return node.id, None
        return f"“{f.label}”", f
    raise _Unreadable


def _value(field: Field | None, node: ast.AST) -> str:
    if isinstance(node, ast.Constant):
        if field is not None and field.codelist is not None:
            label = field.codelist.label_of(node.value)
            if label is not None:
                return label
        return str(node.value)
    if isinstance(node, (ast.List, ast.Tuple)):
        return tr(" or ").join(_value(field, e) for e in node.elts)
    raise _Unreadable


_OPS = {ast.Eq: "is", ast.NotEq: "is not", ast.Lt: "<", ast.LtE: "≤", ast.Gt: ">",
        ast.GtE: "≥", ast.In: "is", ast.NotIn: "is not"}
# the words of _OPS for the catalogue (pyside6-lupdate reads these; _words translates them)
_OP_WORDS = (QT_TRANSLATE_NOOP("", "is"), QT_TRANSLATE_NOOP("", "is not"))


def _words(form: Form, node: ast.AST) -> str:
    if isinstance(node, ast.BoolOp):
        joiner = tr(" and ") if isinstance(node.op, ast.And) else tr(" or ")
        return joiner.join(_words(form, v) for v in node.values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return tr("not ({condition})").format(condition=_words(form, node.operand))
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _OPS:
        label, field = _label(form, node.left)
        return f"{label} {tr(_OPS[type(node.ops[0])])} {_value(field, node.comparators[0])}"
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in ("present", "blank") and len(node.args) == 1):
        label, _ = _label(form, node.args[0])
        return (tr("{field} is recorded") if node.func.id == "present"
                else tr("{field} is blank")).format(field=label)
    raise _Unreadable


def is_birth_date(field) -> bool:
    """A date of birth, by its CDISC name in the definition (CDASH BRTHDAT, SDTM BRTHDTC).

    The full date identifies a person (HIPAA's safe harbour keeps only the year), but the
    definition cannot mark it `identifier`: the age at consent is computed from it. So a
    printout without identifiers shows its year only; with them, the whole date.
    """
    return field.type.value == "date" and (
        (field.cdash or "").upper() == "BRTHDAT"
        or (field.sdtm or "").upper().rpartition(".")[2] == "BRTHDTC")


def birth_year(text: str | None) -> str | None:
    """'1969 (day and month not printed)' from a stored date (or its year alone)."""
    if text is None:
        return None
    year = str(text)[:4]
    if not (year.isdigit() and len(year) == 4):
        return tr("not printed (date of birth)")
    return year if len(str(text)) == 4 else tr("{year} (day and month not printed)").format(
        year=year)
