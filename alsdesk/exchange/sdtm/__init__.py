"""SDTM datasets as SAS transport v5 files (alsdesk export sdtm), mapped by sdtm.toml.

One .xpt per domain with records (an empty domain writes no file), supp<dm>.xpt for text
longer than 200 bytes (SDTM's rule: the first 200 bytes stay in the variable, the rest go to
SUPP-- records QNAM <VAR>1, <VAR>2... in order), and README.txt.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from alsdesk.exchange.dataset import (
    ExportError, ExportOptions, ExportResult, Output, Progress, Snapshot, run_export,
)
from alsdesk.exchange.sdtm.build import Builder
from alsdesk.exchange.sdtm.define import Column, Dataset, write_define
from alsdesk.exchange.sdtm.spec import SdtmSpec, load_spec
from alsdesk.exchange.xpt import CHARS, _label, _pieces, write_table

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


def split_long(code: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cut text over 200 bytes into its first piece and SUPP-- records (nothing dropped)."""
    supp = []
    for row in rows:
        for col, value in list(row.items()):
            if isinstance(value, str) and len(value.encode("utf-8")) > CHARS:
                pieces = _pieces(value)
                row[col] = pieces[0]
                seq = f"{code}SEQ"
                for n, piece in enumerate(pieces[1:], start=1):
                    supp.append({"STUDYID": row["STUDYID"], "RDOMAIN": code,
                                 "USUBJID": row["USUBJID"], "IDVAR": seq if seq in row else "",
                                 "IDVARVAL": str(row.get(seq, "")),
                                 "QNAM": f"{col[:8 - len(str(n))]}{n}",
                                 "QLABEL": f"{col} continued ({n})", "QVAL": piece,
                                 "QORIG": "CRF"})
    return supp


SUPP_LABELS = {"RDOMAIN": "Related Domain Abbreviation", "IDVAR": "Identifying Variable",
               "IDVARVAL": "Identifying Variable Value", "QNAM": "Qualifier Variable Name",
               "QLABEL": "Qualifier Variable Label", "QVAL": "Data Value",
               "QORIG": "Origin"}


def _write(snap: Snapshot, out: Output, progress: Progress, spec: SdtmSpec) -> None:
    builder = Builder(snap, spec)
    labels = dict(spec.labels)
    written = []
    datasets: list[Dataset] = []
    for n, d in enumerate(spec.domains, start=1):
        progress(n, len(spec.domains) + 1, f"Writing {d.code.lower()}.xpt")
        # One domain at a time, kept as columns (not a dict per record): the frame pyreadstat
        # writes needs the whole dataset, and columns of shared texts are far smaller.
        data: dict[str, list[Any]] = {}
        long_text: list[dict[str, Any]] = []
        for row in builder.rows(d):
            long_text += split_long(d.code, [row])
            if not data:
                data = {k: [] for k in row}
            for k, v in row.items():
                data[k].append(v)
        if not data:
            continue
        supp = builder.supp.pop(d.code, []) + long_text
        for rec in supp:  # QLABEL is the field's label: SUPP-- labels hold 40 bytes
            rec["QLABEL"] = _label(rec["QLABEL"])
        names = labels_for(labels, d.code, list(data), builder.field_labels(d))
        kinds = write_table(out.path(f"{d.code.lower()}.xpt"), d.code, d.label, data, names)
        count = len(next(iter(data.values())))
        datasets.append(Dataset(d.code, d.label, f"{d.code.lower()}.xpt", tuple(
            Column(c, names[c][:40], numeric, size) for c, numeric, size in kinds), d))
        written.append(f"{d.code.lower()}.xpt  {d.label} ({count} records)")
        if supp:
            supp_labels = {**labels, **SUPP_LABELS}
            kinds = write_table(out.path(f"supp{d.code.lower()}.xpt"), f"SUPP{d.code}",
                                f"Supplemental Qualifiers for {d.code}",
                                {k: [r[k] for r in supp] for k in supp[0]}, supp_labels)
            datasets.append(Dataset(f"SUPP{d.code}", f"Supplemental Qualifiers for {d.code}",
                                    f"supp{d.code.lower()}.xpt", tuple(
                                        Column(c, supp_labels.get(c, c), numeric, size)
                                        for c, numeric, size in kinds), None))
            written.append(f"supp{d.code.lower()}.xpt  ({len(supp)} records)")
    progress(len(spec.domains) + 1, len(spec.domains) + 1, "Writing define.xml")
    write_define(out.path("define.xml"), snap.study.id, snap.study.title, datasets, spec)
    out.path("README.txt").write_text(
        f"SDTM datasets of {snap.study.id} (SAS transport v5), exported {snap.taken_at} by "
        f"{snap.taken_by}.\n" + "\n".join(written) +
        "\nText is UTF-8 (read with encoding='utf-8'). Text longer than 200 bytes continues in "
        "supp<domain>.xpt (QNAM <VAR>1, <VAR>2...).\n"
        "define.xml (Define-XML 2.1) describes the datasets; its annotated CRF link is "
        "acrf.pdf: write it beside them with `alsdesk pdf annotated`.\n", encoding="utf-8")
