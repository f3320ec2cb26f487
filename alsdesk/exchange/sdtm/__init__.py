"""SDTM datasets as SAS transport v5 files (alsdesk export sdtm), mapped by sdtm.toml.

One .xpt per domain with records (an empty domain writes no file), supp<dm>.xpt for text
longer than 200 bytes (SDTM's rule: the first 200 bytes stay in the variable, the rest go to
SUPP-- records QNAM <VAR>1, <VAR>2... in order), and README.txt.
"""
from __future__ import annotations

import operator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from alsdesk.exchange import heads
from alsdesk.exchange.dataset import (
    ExportError, ExportOptions, ExportResult, Output, Progress, Snapshot, run_export,
)
from alsdesk.exchange.sdtm.build import Builder
from alsdesk.exchange.sdtm.define import Column, Dataset, write_define
from alsdesk.exchange.sdtm.defmeta import ValueStats
from alsdesk.exchange.sdtm.spec import Domain, SdtmSpec, load_spec
from alsdesk.exchange.xport import AUTO, Var, XportFile
from alsdesk.exchange.xpt import CHARS, LIKELY, _label, _pieces

if TYPE_CHECKING:
    from alsdesk.store.core import Store

__all__ = ["export_sdtm", "load_spec"]


def export_sdtm(store: "Store", out: str | Path, options: ExportOptions = ExportOptions(), *,
                progress: Progress | None = None, overwrite: bool = False) -> ExportResult:
    """SDTM datasets of the selection into the folder `out`, logged as an export."""
    if options.include_audit:
        raise ExportError("SDTM datasets hold the data only: export CSV or ODM with the "
                          "audit trail for it.")
    spec = load_spec(store.study)  # a bad mapping is refused before anything is read
    return run_export(store, "sdtm", out, options, True,
                      lambda snap, o, p: _write(snap, o, p, spec), progress, overwrite)


def labels_for(spec_labels: dict[str, str], code: str, columns: list[str],
               field_labels: dict[str, str]) -> dict[str, str]:
    out = {}
    for c in columns:
        generic = "--" + c[2:] if c.startswith(code) else None
        out[c] = spec_labels.get(c) or (spec_labels.get(generic) if generic else None) \
            or field_labels.get(c, c)
    return out


def split_long(code: str, names: list[str], cols: list[list[Any]]) -> list[dict[str, Any]]:
    """Cut text over 200 bytes into its first piece (in `cols`, a block of the domain's rows
    as columns) and SUPP-- records, row by row (nothing dropped)."""
    found = []
    for j, col in enumerate(cols):
        try:
            if max(map(len, col)) <= LIKELY:
                continue  # the usual case: every text of the column is short
        except TypeError:
            pass  # numbers (or None) in the column: look at its texts one by one
        for i, value in enumerate(col):
            if isinstance(value, str) and len(value) > LIKELY and \
                    len(value.encode("utf-8")) > CHARS:
                pieces = _pieces(value)
                col[i] = pieces[0]
                found.append((i, j, pieces))
    supp = []
    seq = f"{code}SEQ"
    at = {c: names.index(c) for c in ("STUDYID", "USUBJID", seq) if c in names}
    for i, j, pieces in sorted(found, key=lambda f: f[:2]):
        for n, piece in enumerate(pieces[1:], start=1):
            supp.append({"STUDYID": cols[at["STUDYID"]][i], "RDOMAIN": code,
                         "USUBJID": cols[at["USUBJID"]][i], "IDVAR": seq if seq in at else "",
                         "IDVARVAL": str(cols[at[seq]][i]) if seq in at else "",
                         "QNAM": f"{names[j][:8 - len(str(n))]}{n}",
                         "QLABEL": f"{names[j]} continued ({n})", "QVAL": piece,
                         "QORIG": "CRF"})
    return supp


SUPP_LABELS = {"RDOMAIN": "Related Domain Abbreviation", "IDVAR": "Identifying Variable",
               "IDVARVAL": "Identifying Variable Value", "QNAM": "Qualifier Variable Name",
               "QLABEL": "Qualifier Variable Label", "QVAL": "Data Value",
               "QORIG": "Origin"}


SUPP_NAMES = ("STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM", "QLABEL", "QVAL",
              "QORIG")
# Records per block handed to the writer: a block of dicts is a few MB.
ROWS = 10_000


def _blocks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    block: list[dict[str, Any]] = []
    for row in rows:
        block.append(row)
        if len(block) == ROWS:
            yield block
            block = []
    if block:
        yield block


class _Domain:
    """One domain's dataset and its SUPP-- dataset, written as the records come."""

    def __init__(self, builder: Builder, d: Domain, out: Output, labels: dict[str, str]):
        self.builder, self.d, self.out, self.labels = builder, d, out, labels
        self.main: XportFile | None = None
        self.supp: XportFile | None = None
        self.names: list[str] = []
        self.count = self.supp_count = 0
        self.long_text: list[dict[str, Any]] = []  # SUPP-- records after the others
        self.stats = ValueStats(d.code)  # number types and result lengths for define.xml

    def write(self) -> list[tuple[Dataset, str]]:
        try:
            return self._write()
        except BaseException:
            for f in (self.main, self.supp):
                if f is not None:
                    f.discard()
            raise

    def _write(self) -> list[tuple[Dataset, str]]:
        d = self.d
        for block in _blocks(self.builder.rows(d)):
            if self.main is None:
                self.names = self.builder.columns(d, block[0])
                pick = operator.itemgetter(*self.names)  # a tuple of values per record
                self.pick = pick if len(self.names) > 1 else lambda row: (pick(row),)
                self.titles = labels_for(self.labels, d.code, self.names,
                                         self.builder.field_labels(d))
                self.main = XportFile(self.out.path(f"{d.code.lower()}.xpt"), d.code,
                                      _label(d.label), [self._var(c, self.titles[c])
                                                        for c in self.names], limit=CHARS)
            cols = [list(c) for c in zip(*map(self.pick, block))]
            self.long_text += split_long(d.code, self.names, cols)
            self.stats.add(self.names, cols)
            self.main.add(cols)
            self.count += len(block)
            self._add_supp(self.builder.supp.pop(d.code, []))
        if self.main is None:
            return []  # an empty domain writes no file
        self._add_supp(self.long_text)
        kinds = self.main.close()
        done = [(Dataset(d.code, d.label, f"{d.code.lower()}.xpt", tuple(
            Column(c, self.titles[c][:40], numeric, size) for c, numeric, size in kinds),
            described(d), self.stats),
            f"{d.code.lower()}.xpt  {d.label} ({self.count} records)")]
        if self.supp is not None:
            kinds = self.supp.close()
            done.append((Dataset(f"SUPP{d.code}", f"Supplemental Qualifiers for {d.code}",
                                 f"supp{d.code.lower()}.xpt", tuple(
                                     Column(c, self.supp_labels.get(c, c), numeric, size)
                                     for c, numeric, size in kinds), None),
                         f"supp{d.code.lower()}.xpt  ({self.supp_count} records)"))
        return done

    def _var(self, name: str, title: str) -> Var:
        # USUBJID has one length in every dataset: its longest value's, of all subjects
        return Var(name, _label(title), AUTO,
                   width=self.builder.usubjid_width if name == "USUBJID" else 0)

    def _add_supp(self, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        code = self.d.code
        if self.supp is None:
            self.supp_labels = {**self.labels, **SUPP_LABELS}
            self.supp = XportFile(
                self.out.path(f"supp{code.lower()}.xpt"), f"SUPP{code}",
                f"Supplemental Qualifiers for {code}",
                [self._var(c, self.supp_labels.get(c, c)) for c in SUPP_NAMES],
                limit=CHARS)
        for rec in records:  # QLABEL is the field's label: SUPP-- labels hold 40 bytes
            rec["QLABEL"] = _label(rec["QLABEL"])
        self.supp.add([[r[c] for r in records] for c in SUPP_NAMES])
        self.supp_count += len(records)


def described(d: Domain) -> Domain:
    """The domain as define.xml lists it: each test code once (VS has TEMP from the visits'
    form and from the infusion's time points; define.xml's value lists take a code once)."""
    if d.kind != "findings":
        return d
    seen: set[str] = set()
    sources = []
    for s in d.sources:
        tests = tuple(t for t in s.tests if t.testcd not in seen)
        seen |= {t.testcd for t in s.tests}
        derived = tuple(t for t in s.derived if t.testcd not in seen)
        seen |= {t.testcd for t in s.derived}
        sources.append(replace(s, tests=tests, derived=derived))
    return replace(d, sources=tuple(sources))


def _write(snap: Snapshot, out: Output, progress: Progress, spec: SdtmSpec) -> None:
    builder = Builder(snap, spec)
    labels = dict(spec.labels)
    written = []
    datasets: list[Dataset] = []
    for n, d in enumerate(spec.domains, start=1):
        progress(n, len(spec.domains) + 1, f"Writing {d.code.lower()}.xpt")
        # One domain at a time, its records in blocks: never a whole domain in memory.
        for dataset, line in _Domain(builder, d, out, labels).write():
            datasets.append(dataset)
            written.append(line)
    progress(len(spec.domains) + 1, len(spec.domains) + 1, "Writing define.xml")
    write_define(out.path("define.xml"), snap.study.id, snap.study.title, datasets, spec,
                 snap.study)
    out.path("README.txt").write_text(
        f"SDTM datasets of {snap.study.id} (SAS transport v5), exported {snap.taken_at} by "
        f"{snap.taken_by}.\n{heads.readme_line(snap)}" + "\n".join(written) +
        "\nText is UTF-8 (read with encoding='utf-8'). Text longer than 200 bytes continues in "
        "supp<domain>.xpt (QNAM <VAR>1, <VAR>2...).\n"
        "define.xml (Define-XML 2.1) describes the datasets; its annotated CRF link is "
        "acrf.pdf: write it beside them with `alsdesk pdf annotated`.\n", encoding="utf-8")
