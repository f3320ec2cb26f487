"""The streamed XPORT v5 writer (alsdesk/exchange/xport.py) writes the bytes pyreadstat
writes for the same data (the DataFrame and widening the exports used before), whatever the
blocks: text (Persian, empty, 200 bytes), numbers of every size and sign, missing, dates,
date-times, a date column holding a partial date, no rows."""
from __future__ import annotations

import datetime as dt
import random
import re

import numpy as np
import pytest

from alsdesk.exchange.dataset import ExportError
from alsdesk.exchange.xport import AUTO, DATE, DATETIME, NUM, TEXT, Var, XportFile, ibm_doubles

pyreadstat = pytest.importorskip("pyreadstat")
pd = pytest.importorskip("pandas")

STAMP = re.compile(rb"\d\d[A-Z]{3}\d\d:\d\d:\d\d:\d\d")


def _reference(path, name, label, cols, variables):
    """What the exports wrote before: a DataFrame, widened, through pyreadstat."""
    frame = pd.DataFrame({v.name: pd.Series(c, dtype="float64" if v.kind == NUM else object)
                          if v.kind in (NUM, TEXT) else c for v, c in zip(variables, cols)})
    if len(frame):
        width, text_cols = 0, []
        for v in variables:
            col = frame[v.name]
            if pd.api.types.is_numeric_dtype(col) or pd.api.types.is_datetime64_any_dtype(col) \
                    or not all(isinstance(x, str) for x in col):
                width += 8
                continue
            size = max(1, max(len(x.encode("utf-8")) for x in col))
            width += size
            text_cols.append((size, v.name))
        if width <= 80 and text_cols:
            size, col_name = max(text_cols)
            first = frame[col_name].iloc[0]
            frame.loc[frame.index[0], col_name] = first + " " * (
                size + 81 - width - len(first.encode("utf-8")))
    pyreadstat.write_xport(frame, str(path), file_label=label, table_name=name,
                           file_format_version=5,
                           column_labels={v.name: v.label for v in variables},
                           variable_format={v.name: v.format for v in variables if v.format})
    return path.read_bytes()


def _streamed(path, name, label, cols, variables, block):
    out = XportFile(path, name, label, variables)
    n = len(cols[0])
    for start in range(0, n, block):
        out.add([c[start:start + block] for c in cols])
    kinds = out.close()
    return path.read_bytes(), kinds


def _same(tmp_path, cols, variables, block=7, name="LB", label="Laboratory Test Results"):
    ref = _reference(tmp_path / "ref.xpt", name, label, cols, variables)
    got, kinds = _streamed(tmp_path / "new.xpt", name, label, cols, variables, block)
    assert STAMP.sub(b"T" * 16, got) == STAMP.sub(b"T" * 16, ref)
    return kinds


def _numbers(rng, n):
    special = [0.0, -0.0, 1.0, -1.0, 0.1, 1e-300, -1e-300, 5e-324, 1e300, 2.5, 172.0, 1 / 3,
               123456789.125, -7.75, 1e-5, 2.0 ** 52 + 1, 36.6, None]
    return [rng.choice(special) if rng.random() < 0.3 else
            rng.uniform(-1, 1) * 10 ** rng.randrange(-12, 15) for _ in range(n)]


def test_ibm_doubles_match_the_published_examples():
    # TS-140's examples: 1 is 41100000 00000000, -2.5 is C1280000 00000000
    got = ibm_doubles(np.array([1.0, -2.5, 0.0, np.nan])).tobytes()
    assert got == bytes.fromhex("4110000000000000" "C128000000000000" "0000000000000000"
                                "2E00000000000000")


@pytest.mark.parametrize("seed", range(4))
def test_same_bytes_as_pyreadstat(tmp_path, seed):
    rng = random.Random(seed)
    n = rng.choice([1, 3, 40, 301])
    words = ["", "a", "ALSFRS-R", "سردرد", "Injection site pain", "x" * 200, "پ" * 100]
    texts = [rng.choice(words) for _ in range(n)]
    cols = [texts, _numbers(rng, n), [rng.randrange(1, 500) for _ in range(n)],
            ["" for _ in range(n)], [rng.choice(words[:3]) for _ in range(n)]]
    variables = [Var("AETERM", "Reported Term", TEXT), Var("LBSTRESN", "Numeric Result", NUM),
                 Var("LBSEQ", "Sequence Number", NUM), Var("EMPTY", "", TEXT),
                 Var("SHORT", "شرح کوتاه", TEXT)]
    kinds = _same(tmp_path, cols, variables, block=rng.choice([1, 5, 64, 1000]))
    assert [k[1] for k in kinds] == [False, True, True, False, False]


def test_dates_and_date_times(tmp_path):
    days = [dt.date(2024, 1, 8), None, dt.date(1959, 12, 31), dt.date(1960, 1, 1)]
    times = [dt.datetime(2024, 1, 8, 10, 5), dt.datetime(1950, 6, 1, 23, 59), None,
             dt.datetime(1960, 1, 1)]
    partial = [dt.date(2024, 1, 8), "2024-03", None, dt.date(2014, 2, 1)]  # entered when allowed
    _same(tmp_path, [days, times, partial, ["S001", "S002", "S003", "S004"]],
          [Var("infdat", "Infusion date", DATE, "YYMMDD10."),
           Var("infstdtc", "Infusion start", DATETIME, "DATETIME16."),
           Var("brthdat", "Birth date", TEXT, "YYMMDD10."), Var("subject", "Subject", TEXT)])


def test_short_records_are_widened_past_one_card(tmp_path):
    kinds = _same(tmp_path, [["F", "M", ""], ["", "", ""], [1.0, None, 3.0]],
                  [Var("SEX", "Sex", TEXT), Var("ETHNIC", "Ethnicity", TEXT),
                   Var("N", "n", NUM)], name="DM", label="Demographics")
    assert kinds == [("SEX", False, 72), ("ETHNIC", False, 0), ("N", True, 8)]


def test_auto_columns_and_no_rows(tmp_path):
    # auto: numbers and None are numeric (an all-None column too), anything else text
    cols = [[None, None, 3], [None, None, None], ["a", None, "b"]]
    variables = [Var("AESTDY", "Study Day", AUTO), Var("AEENDY", "End Day", AUTO),
                 Var("AETERM", "Term", AUTO)]
    out = XportFile(tmp_path / "ae.xpt", "AE", "Adverse Events", variables)
    out.add([c[:2] for c in cols])
    out.add([c[2:] for c in cols])
    assert [k[1] for k in out.close()] == [True, True, False]
    read = pd.read_sas(tmp_path / "ae.xpt", format="xport", encoding="utf-8")
    assert read["AESTDY"].isna().tolist() == [True, True, False]
    assert read["AETERM"].tolist() == ["a", "", "b"]
    empty = [Var("A", "a", TEXT), Var("B", "b", NUM)]
    ref = _reference(tmp_path / "r0.xpt", "Z", "", [[], []], empty)
    got, _ = _streamed(tmp_path / "n0.xpt", "Z", "", [[], []], empty, 5)
    assert STAMP.sub(b"T" * 16, got) == STAMP.sub(b"T" * 16, ref)


def test_refused_names_and_long_text(tmp_path):
    for bad in ("1A", "A-B", "TOOLONGNM", "_N_", ""):
        with pytest.raises(ExportError):
            XportFile(tmp_path / "x.xpt", "DM", "", [Var(bad, "", TEXT)])
    out = XportFile(tmp_path / "x.xpt", "DM", "", [Var("A", "", TEXT)], limit=200)
    with pytest.raises(ExportError, match="201 bytes"):
        out.add([["x" * 201]])
    out.discard()
