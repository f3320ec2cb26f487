"""SAS transport (XPORT version 5, .xpt) files of the raw forms, written with pyreadstat.

Version 5 is what regulators accept, and it is narrow: dataset and variable names of at
most 8 characters, labels of 40, character values of 200 bytes, no extended missing values
in ReadStat's writer. So:

* a name longer than 8 loses its underscores, then its tail (``post_diabp`` -> ``postdiab``);
  a clash ends in a number; ``names.csv`` lists every variable beside its field;
* a missing-data code goes in a companion character variable (``sysbp_M``, the code as data
  files write it: NAP for NA), the value stays empty;
* text longer than 200 bytes (UTF-8: a Persian letter is 2 bytes) is split, at character
  boundaries, into ``dvterm``, ``dvterm2``, ``dvterm3``...: as many pieces as the longest
  value of this export needs; joined in order they give the text back whole;
* labels longer than 40 bytes end in "..." (names.csv has them whole).
"""
from __future__ import annotations

import csv
import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alsdesk.exchange import heads
from alsdesk.exchange.dataset import (
    ExportError, ExportOptions, ExportResult, Output, Progress, Snapshot, export_codes,
    is_numeric, run_export,
)
from alsdesk.exchange.statfiles import KEY_LABELS, KEYS, _date, _is_date_column
from alsdesk.exchange.xport import DATE, DATETIME, NUM, TEXT, Var, XportFile
from alsdesk.study.model import Field, FieldType, Form

if TYPE_CHECKING:
    from alsdesk.store.core import Store

NAME, LABEL, CHARS = 8, 40, 200
# A text of at most 50 characters is at most 200 bytes (4 bytes a character at most in
# UTF-8): only longer ones need encoding to be measured or cut.
LIKELY = CHARS // 4
ROWS = 5000  # instances per block handed to the writer


def export_xpt(store: "Store", out: str | Path, options: ExportOptions = ExportOptions(), *,
               progress: Progress | None = None, overwrite: bool = False) -> ExportResult:
    """One SAS XPORT v5 file per form into the folder `out`, logged as an export."""
    if options.include_audit:
        raise ExportError("The SAS transport files hold the data only: export CSV or ODM "
                          "with the audit trail for it.")
    return run_export(store, "xpt", out, options, True, _write, progress, overwrite)


class Names:
    """Short names, unique within a dataset (SAS compares them ignoring case)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str, keep: int = 0) -> str:
        """`wanted` cut to 8 characters (its last `keep` kept), made unique with a digit."""
        name = wanted if len(wanted) <= NAME else wanted.replace("_", "")
        if len(name) > NAME:
            tail = name[len(name) - keep:] if keep else ""
            name = name[:NAME - len(tail)] + tail
        base, n = name, 1
        while name.lower() in self.used:
            n += 1
            name = base[:NAME - len(str(n))] + str(n)
        self.used.add(name.lower())
        return name


def _label(text: str) -> str:
    data = text.encode("utf-8")
    if len(data) <= LABEL:
        return text
    cut = data[:LABEL - 3].decode("utf-8", errors="ignore")
    return cut + "..."


def _pieces(text: str) -> list[str]:
    """`text` in pieces of at most 200 UTF-8 bytes, cut between characters and never just
    after a blank: SAS pads character values and drops trailing blanks, so a piece ending in
    a space would lose it."""
    out, current, size = [], [], 0
    for ch in text:
        n = len(ch.encode("utf-8"))
        if size + n > CHARS:
            carry: list[str] = []
            while current and current[-1].isspace() and len(carry) < len(current) - 1:
                carry.insert(0, current.pop())
            out.append("".join(current))
            current, size = carry, len("".join(carry).encode("utf-8"))
        current.append(ch)
        size += n
    out.append("".join(current))
    return out


def _first_pass(snap: Snapshot, form: Form) -> tuple[dict[str, int], set[str]]:
    """How many 200-byte pieces the longest text of each text field needs in this export,
    and the date fields holding a value that is no full date (entered before the field
    stopped allowing partial dates: that column is written as text, as pyreadstat did). A
    first pass over the instances: the variables must be known before the first record.
    Pieces are counted by cutting the text (_pieces), not by bytes / 200: a cut between
    characters may need one piece more (399 bytes of 3-byte letters take 3)."""
    text = [f.id for f in form.fields if not is_numeric(f) and not _is_date_column(f)]
    dates = [f for f in form.fields if _is_date_column(f)]
    counts = dict.fromkeys(text, 1)
    not_dates: set[str] = set()
    for inst in snap.instances_of(form.id):
        values = inst.values
        for fid in text:
            value = values.get(fid)
            if value is not None and len(value := str(value)) > LIKELY:
                counts[fid] = max(counts[fid], len(_pieces(value)))
        for f in dates:
            if f.id not in not_dates and isinstance(_date(f, values.get(f.id)), str):
                not_dates.add(f.id)
    return counts, not_dates


def _plan(form: Form, counts: dict[str, int]) -> list[tuple[str, Field | None, str, str]]:
    """(variable, field, role, label): role is key, value, code or piece<N>."""
    names = Names()
    plan: list[tuple[str, Field | None, str, str]] = [
        (names.take(k if k != "event_repeat" else "evrepeat"), None, k, KEY_LABELS[k])
        for k in KEYS]
    for f in form.fields:
        count = counts.get(f.id, 1)
        first = names.take(f.id)
        plan.append((first, f, "value", f.label))
        for n in range(2, count + 1):
            plan.append((names.take(f"{first}{n}", keep=len(str(n))), f, f"piece{n}",
                         f"{f.label} (part {n})"))
        if f.missing:
            plan.append((names.take(f"{f.id}_M" if len(f.id) <= 6 else f"{first[:6]}_M",
                                    keep=2), f, "code", f"{f.label}: missing-data code"))
    return plan


def _variable(name: str, f: Field | None, role: str, label: str, not_dates: set[str]) -> Var:
    if f is None:
        return Var(name, _label(label), NUM if role in ("event_repeat", "repeat") else TEXT)
    if role == "value" and _is_date_column(f):
        fmt = "DATETIME16." if f.type is FieldType.DATETIME else "YYMMDD10."
        kind = TEXT if f.id in not_dates else \
            DATETIME if f.type is FieldType.DATETIME else DATE
        return Var(name, _label(label), kind, fmt)
    return Var(name, _label(label), NUM if role == "value" and is_numeric(f) else TEXT)


def _column(block: list[Any], f: Field | None, role: str, codes: dict[str, str],
            pieces: dict[str, list[list[str]]]) -> list[Any]:
    """One variable's values for a block of instances."""
    if f is None:
        return [getattr(i, role) for i in block]
    fid = f.id
    if role == "code":
        return [codes[c] if (c := i.missing.get(fid)) else "" for i in block]
    if role == "value" and is_numeric(f):
        return [None if (v := i.values.get(fid)) is None else float(v) for i in block]
    if role == "value" and _is_date_column(f):
        return [_date(f, i.values.get(fid)) for i in block]
    if fid not in pieces:  # every value fits one piece
        return ["" if (v := i.values.get(fid)) is None else str(v) for i in block]
    index = 0 if role == "value" else int(role[5:]) - 1
    return [p[index] if index < len(p) else "" for p in pieces[fid]]


def _split(block: list[Any], fid: str) -> list[list[str]]:
    out = []
    for inst in block:
        value = inst.values.get(fid)
        text = "" if value is None else str(value)
        out.append(_pieces(text) if len(text) > LIKELY else [text])
    return out


def _write(snap: Snapshot, out: Output, progress: Progress) -> None:
    codes = export_codes(snap.study)
    mapping: list[list[str]] = []
    total = len(snap.forms) + 1
    for n, form in enumerate(snap.forms, start=1):
        progress(n, total, f"Writing {form.id}.xpt")
        if len(form.id) > NAME:
            raise ExportError(f"The form id {form.id!r} is longer than the 8 characters a SAS "
                              "transport dataset name may have.")
        counts, not_dates = _first_pass(snap, form)
        plan = _plan(form, counts)
        split = {f.id for _, f, role, _ in plan if f is not None and role.startswith("piece")}
        dataset = XportFile(out.path(f"{form.id}.xpt"), form.id, _label(form.label),
                            [_variable(*p, not_dates) for p in plan])
        try:
            block: list[Any] = []
            for inst in itertools.chain(snap.instances_of(form.id), [None]):
                if inst is not None:
                    block.append(inst)
                    if len(block) < ROWS:
                        continue
                if block:
                    pieces = {fid: _split(block, fid) for fid in split}
                    dataset.add([_column(block, f, role, codes, pieces)
                                 for _, f, role, _ in plan])
                block = []
            dataset.close()
        except BaseException:
            dataset.discard()
            raise
        mapping += [[form.id, name, f.id if f else role, role if f else "key", text]
                    for name, f, role, text in plan]
    with out.path("names.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["dataset", "variable", "field", "holds", "label"])
        w.writerows(mapping)
    progress(total, total, "Writing README.txt")
    out.path("README.txt").write_text(
        f"SAS transport (XPORT v5) files of {snap.study.id}, exported {snap.taken_at} by "
        f"{snap.taken_by}: one per form.\n{heads.readme_line(snap)}names.csv lists every variable beside its field "
        "(names are at most 8 characters). A missing-data code is\nin the companion <name>_M "
        f"({', '.join(f'{m.exported} = {m.label}' for m in snap.study.missing_codes)}).\n"
        "Text longer than 200 bytes continues in <name>2, <name>3, ... (UTF-8); join them in "
        "order.\nRead in SAS: libname x xport 'vs.xpt'; proc copy in=x out=work; run;\n",
        encoding="utf-8")
