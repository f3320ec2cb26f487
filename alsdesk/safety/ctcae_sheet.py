"""The NCI's CTCAE spreadsheet (v5.0 or v6.0), read and checked before anything is written.

The workbook is the NCI's own distribution (never shipped with the program: its licence and
size); an administrator imports it once per version (alsdesk/safety/ctcae.py). One sheet
holds the terms: a header row, then one row per term with its MedDRA code, SOC, term, the
texts of grades 1-5 ("-" where the grade does not exist), definition and navigational note.
The version is told from the headers (v6.0: "CTCAE v6.0 MedDRA 28.0 LLT Code") or the sheet's
name ("CTCAE v5.0 Clean Copy"). Anything else is refused naming the row: a terminology the
grades of adverse events are judged by is taken whole or not at all.
"""
from __future__ import annotations

import hashlib
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alsdesk.errors import AlsDeskError

SUPPORTED = ("5.0", "6.0")
GRADES = (1, 2, 3, 4, 5)
# The NCI's workbooks are a few hundred kB with under 1,000 terms: far more is not one of
# them (and an .xlsx is a zip: a small file can unpack to gigabytes).
MAX_BYTES = 20_000_000
MAX_TERMS = 5_000
MAX_TEXT = 4_000
# "CTCAE v5.0 Clean Copy", "CTCAE v6.0 MedDRA 28.0 LLT Code": the version follows "CTCAE"
_VERSION = re.compile(r"\bctcae\s*v?\s?(\d+)\.(\d+)\b", re.IGNORECASE)


class TerminologyError(AlsDeskError):
    """A CTCAE spreadsheet cannot be imported: says what is wrong and where."""


@dataclass(frozen=True)
class Term:
    code: int  # the MedDRA (LLT) code
    soc: str
    term: str
    grades: tuple[str | None, ...]  # grade 1..5 texts; None: the grade does not exist
    definition: str | None
    note: str | None  # the navigational note
    row: int = 0  # the spreadsheet row it came from (0: from the database)

    def has_grade(self, grade: int) -> bool:
        return grade in GRADES and self.grades[grade - 1] is not None

    @property
    def allowed(self) -> tuple[int, ...]:
        return tuple(g for g in GRADES if self.has_grade(g))


@dataclass(frozen=True)
class Sheet:
    version: str
    sheet: str
    terms: tuple[Term, ...]

    @property
    def digest(self) -> str:
        return digest(self.terms)


def digest(terms: tuple[Term, ...] | list[Term]) -> str:
    """SHA-256 of the terms' content in code order: what the audit trail keeps of an import,
    and what verify recomputes from the rows in the file."""
    content = [[t.code, t.soc, t.term, *t.grades, t.definition, t.note]
               for t in sorted(terms, key=lambda t: t.code)]
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _norm_header(value: Any) -> str:
    return " ".join(str(value or "").replace("\xa0", " ").split()).lower()


def _column_map(headers: list[str]) -> dict[str, int]:
    """Which column holds what, from the header texts of either version."""
    found: dict[str, int] = {}
    for i, h in enumerate(headers):
        grade = re.fullmatch(r"grade ([1-5])", h)
        if grade:
            found.setdefault(f"grade{grade.group(1)}", i)
        elif h == "definition":
            found.setdefault("definition", i)
        elif h == "navigational note":
            found.setdefault("note", i)
        elif h.endswith("code") and "meddra" in h:
            found.setdefault("code", i)
        elif h.endswith("soc"):
            found.setdefault("soc", i)
        elif h.endswith("term"):
            found.setdefault("term", i)
    return found


# The definition is needed too: a version imported without its definitions could never get
# them (an imported version never changes). The navigational note is read where present.
NEEDED = ("code", "soc", "term", "grade1", "grade2", "grade3", "grade4", "grade5",
          "definition")
_NAMES = {"code": "MedDRA Code", "soc": "MedDRA SOC", "term": "CTCAE Term",
          **{f"grade{g}": f"Grade {g}" for g in GRADES}, "definition": "Definition",
          "note": "Navigational Note"}


def _text(value: Any, where: str) -> str | None:
    """A cell as text: blanks collapsed (the NCI's cells end in non-breaking spaces)."""
    if value is None:
        return None
    text = " ".join(str(value).replace("\xa0", " ").split())
    if len(text) > MAX_TEXT:
        raise TerminologyError(f"{where} has {len(text):,} characters; a CTCAE cell has at "
                               f"most {MAX_TEXT:,}: this is not the NCI's spreadsheet.")
    if any(ord(c) < 32 for c in text):
        raise TerminologyError(f"{where} holds a control character.")
    return text or None


def _code(value: Any, where: str) -> int:
    text = str(value).strip() if value is not None else ""
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if not re.fullmatch(r"\d{8}", text):
        raise TerminologyError(f"{where}: the MedDRA code {text or '(empty)'!r} is not an "
                               "8-digit number.")
    return int(text)


def read_sheet(path: str | Path) -> Sheet:
    """The terms of a CTCAE workbook, checked; TerminologyError says what to fix."""
    path = Path(path)
    if not path.is_file():
        raise TerminologyError(f"There is no file {path}.")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise TerminologyError(f"{path.name} is {size / 1e6:.0f} MB; the NCI's CTCAE workbook "
                               "is under 1 MB. Give the CTCAE .xlsx file itself.")
    if not zipfile.is_zipfile(path):
        raise TerminologyError(f"{path.name} is not an Excel workbook (.xlsx): it may be cut "
                               "short or of another kind. Download the CTCAE .xlsx again from "
                               "the NCI and give that file.")
    import openpyxl  # here: only the import needs it

    try:
        # Formulas as formulas: the NCI's cells hold text, and a formula's value is not in
        # the file unless Excel saved one (read as data, it would look like an empty cell).
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # a damaged or hostile workbook: openpyxl's many kinds of error
        raise TerminologyError(f"{path.name} cannot be read as an Excel workbook ({exc}). "
                               "Download the CTCAE .xlsx again from the NCI.") from None
    try:
        return _read_book(book, path.name)
    finally:
        book.close()


def _pick_sheet(book: Any) -> tuple[Any, list[Any], int, dict[str, int]]:
    """The sheet of terms (its clean copy when a workbook has tracked-change sheets too),
    its header row and where the columns are."""
    candidates = sorted(book.worksheets, key=lambda ws: "clean" not in ws.title.lower())
    seen = []
    for ws in candidates:
        for n, row in enumerate(ws.iter_rows(min_row=1, max_row=10, values_only=True), 1):
            headers = [_norm_header(v) for v in row]
            cols = _column_map(headers)
            if "grade1" in cols or "term" in cols:
                if all(k in cols for k in NEEDED):
                    return ws, list(row), n, cols
                seen.append((ws.title, n, [k for k in NEEDED if k not in cols]))
                break
    if seen:
        title, n, lacking = seen[0]
        raise TerminologyError(
            f"Sheet {title!r}, row {n}, is not a CTCAE header: it has no column "
            + ", ".join(repr(_NAMES[k]) for k in lacking) + ". Give the NCI's CTCAE workbook "
            "(v5.0 or v6.0) as downloaded.")
    raise TerminologyError("No sheet of the workbook has CTCAE's columns (MedDRA Code, "
                           "MedDRA SOC, CTCAE Term, Grade 1 ... Grade 5, Definition). Give "
                           "the NCI's CTCAE workbook (v5.0 or v6.0) as downloaded.")


def _version(title: str, header: list[Any]) -> str:
    """The version the sheet's name and its term columns' headers name. Other columns do not
    count: a change-tracking column names the version the changes were made against ("CTCAE
    v5.0 Change" in a v6.0 sheet), which is not the sheet's."""
    found = {f"{m.group(1)}.{m.group(2)}" for text in [title, *header] if text
             for m in _VERSION.finditer(str(text))}
    if not found:
        raise TerminologyError(f"Sheet {title!r} does not say which CTCAE version it is (its "
                               "name or headers name it, e.g. 'CTCAE v5.0'). Give the NCI's "
                               "workbook as downloaded.")
    if len(found) > 1:
        raise TerminologyError(f"Sheet {title!r} names more than one CTCAE version ("
                               + ", ".join(sorted(found)) + "): give one version's workbook.")
    version = found.pop()
    if version not in SUPPORTED:
        raise TerminologyError(f"CTCAE v{version} is not a version this program reads (it "
                               "reads " + ", ".join(f"v{v}" for v in SUPPORTED) + ").")
    return version


def _no_formula(row: tuple[Any, ...], cols: dict[str, int], where: str) -> None:
    """A formula in a column that is read: the sheet was edited (the NCI's holds text)."""
    for key, i in sorted(cols.items(), key=lambda kv: kv[1]):
        cell = row[i] if i < len(row) else None
        if getattr(cell, "data_type", None) != "f":
            continue
        term = row[cols["term"]] if cols["term"] < len(row) else None
        named = (f" ({_text(term.value, where)})" if term is not None and term is not cell
                 and term.data_type != "f" and term.value is not None else "")
        formula = str(getattr(cell.value, "text", cell.value))[:60]
        raise TerminologyError(f"{where}{named}, {_NAMES[key]} (cell {cell.coordinate}), holds "
                               f"a formula ({formula}), not text: the NCI's sheet holds none, "
                               "so this one was edited. Give the NCI's workbook as downloaded.")


def _read_book(book: Any, name: str) -> Sheet:
    ws, header, header_row, cols = _pick_sheet(book)
    version = _version(ws.title, [header[i] for i in cols.values() if i < len(header)])
    terms: list[Term] = []
    by_code: dict[int, int] = {}
    by_term: dict[str, int] = {}
    for n, row in enumerate(ws.iter_rows(min_row=header_row + 1), start=header_row + 1):
        cells = [c.value for c in row] + [None] * (max(cols.values()) + 1 - len(row))
        if all(v is None or not str(v).strip() for v in cells):
            continue  # a blank row (the NCI's sheets end in some)
        if len(terms) >= MAX_TERMS:
            raise TerminologyError(f"{name}: more than {MAX_TERMS:,} terms; CTCAE has under "
                                   "1,000. This is not the NCI's spreadsheet.")
        where = f"Row {n} of sheet {ws.title!r}"
        _no_formula(row, cols, where)
        code = _code(cells[cols["code"]], where)
        soc = _text(cells[cols["soc"]], f"{where}, MedDRA SOC")
        term = _text(cells[cols["term"]], f"{where}, CTCAE term")
        if not soc or not term:
            raise TerminologyError(f"{where} has no {'MedDRA SOC' if not soc else 'term'}: "
                                   "the sheet may be cut short or edited.")
        grades = []
        for g in GRADES:
            text = _text(cells[cols[f"grade{g}"]], f"{where} ({term}), grade {g}")
            if text is None:
                raise TerminologyError(f"{where} ({term}): grade {g} is empty; a grade that "
                                       "does not exist reads '-' in the NCI's sheet. The sheet "
                                       "may be cut short or edited.")
            grades.append(None if text in ("-", "–") else text)
        if not any(grades):
            raise TerminologyError(f"{where} ({term}) has no grade at all.")
        definition = _text(cells[cols["definition"]], f"{where}, definition")
        note = _text(cells[cols["note"]], f"{where}, navigational note") \
            if "note" in cols else None
        for key, index, what in ((code, by_code, "MedDRA code"), (term.lower(), by_term,
                                                                  "term")):
            if key in index:
                raise TerminologyError(f"Rows {index[key]} and {n} of sheet {ws.title!r} have "
                                       f"the same {what} ({code if what != 'term' else term}): "
                                       "each term appears once in CTCAE.")
            index[key] = n  # type: ignore[index]
        terms.append(Term(code, soc, term, tuple(grades),
                          None if definition in (None, "-") else definition, note, n))
    if not terms:
        raise TerminologyError(f"Sheet {ws.title!r} of {name} has a header but no terms.")
    return Sheet(version, ws.title, tuple(terms))
