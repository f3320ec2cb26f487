"""The codebook: every field of the forms as the raw exports name it, from the study
definition alone (HTML).

For the statistician who opens the files: per form, each variable's name in the CSV, Stata
and SPSS files, label, type, unit, codes with labels, the missing-data codes allowed and how
each format writes them, range, digits, length, the checks that guard it, when it is asked
(visibility), the visits it is collected at, and its CDASH and SDTM names. It holds no data,
so it needs no login and is not an audited export (as the blank CRF book).
"""
from __future__ import annotations

import html
from pathlib import Path

from alsdesk.exchange.csv_export import type_text
from alsdesk.exchange.dataset import is_numeric
from alsdesk.exchange.statfiles import missing_letters, missing_numbers
from alsdesk.exchange.statnames import has_companion, names_of
from alsdesk.outfile import write_bytes
from alsdesk.store.schema import missing_column
from alsdesk.study.model import Field, Form, Study

_STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; margin: 1.5em; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 1.6em; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
th, td { border: 1px solid #999; padding: 3px 5px; vertical-align: top; text-align: left; }
th { background: #eee; } td.name { font-family: monospace; white-space: nowrap; }
td.code { font-family: monospace; overflow-wrap: anywhere; }
tr { page-break-inside: avoid; } .note { color: #444; }
"""


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text))


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _names_cell(form: Form, f: Field) -> str:
    """The field id (the CSV column), then the Stata and SPSS names when they differ, and
    the missing-code companions of text fields."""
    dta, sav = names_of(form, "dta"), names_of(form, "sav")
    lines = [_e(f.id)]
    if dta[(f.id, "value")] != f.id or sav[(f.id, "value")] != f.id:
        lines.append(_e(f"Stata {dta[(f.id, 'value')]}, SPSS {sav[(f.id, 'value')]}"))
    if has_companion(f):
        code_dta, code_sav = dta[(f.id, "code")], sav[(f.id, "code")]
        lines.append(_e(code_dta if code_dta == code_sav
                        else f"Stata {code_dta}, SPSS {code_sav}"))
    return "<br>".join(lines)


def _missing_cell(study: Study, form: Form, f: Field) -> str:
    if not f.missing:
        return ""
    by_code = {m.code: m for m in study.missing_codes}
    letters, numbers = missing_letters(study), missing_numbers(study)
    rows = []
    for code in f.missing:
        m = by_code[code]
        if is_numeric(f):
            where = (f"CSV {m.exported} in {missing_column(f.id)}; Stata .{letters[code]}; "
                     f"SPSS {numbers[code]:.0f}")
        else:
            dta = names_of(form, "dta")[(f.id, "code")]
            sav = names_of(form, "sav")[(f.id, "code")]
            where = (f"CSV {m.exported} in {missing_column(f.id)}; Stata/SPSS {m.exported} "
                     f"in {dta if dta == sav else dta + ' / ' + sav}")
        rows.append(f"<b>{_e(code)}</b> {_e(m.label)} <span class=note>({_e(where)})</span>")
    return "<br>".join(rows)


def _codes_cell(f: Field) -> str:
    if f.codelist is None:
        return ""
    return "<br>".join(f"<b>{_e(c.code)}</b> = {_e(c.label)}" for c in f.codelist.choices)


def _checks_cell(form: Form, f: Field) -> str:
    """The checks shown at this field: severity, message, and the rule itself (the message
    says it in words; the rule is what a statistician re-runs on the data)."""
    return "<br>".join(f"{_e(c.severity.value)}: {_e(c.message)} "
                       f"<span class=note>[<code>{_e(c.expr)}</code>]</span>"
                       for c in form.checks if f.id in c.fields)


def form_section(study: Study, form: Form) -> str:
    events = [e.label for e in study.events if form.id in e.forms]
    head = (f"<h2 id='{_e(form.id)}'>{_e(form.label)} ({_e(form.id)})</h2>"
            f"<p>Files: {_e(form.id)}.csv, {_e(form.id)}.dta, {_e(form.id)}.sav"
            + (f"; CDISC domain {_e(form.domain)}" if form.domain else "")
            + (" &middot; several entries per event (column <code>repeat</code>)"
               if form.repeating else "")
            + f"<br>Collected at: {_e(', '.join(events) or 'no event')}</p>")
    rows = ["<tr><th>variable</th><th>label</th><th>type / unit</th><th>codes</th>"
            "<th>missing-data codes</th><th>range, digits, length</th><th>asked when</th>"
            "<th>checks</th><th>CDASH / SDTM</th></tr>"]
    for f in form.fields:
        limits = "; ".join(p for p in (
            f"min {_num(f.min)}" if f.min is not None else "",
            f"max {_num(f.max)}" if f.max is not None else "",
            f"{f.digits} decimals" if f.digits is not None else "",
            f"at most {f.length} characters" if f.length is not None else "",
            "partial dates allowed" if f.partial else "",
            "required" if f.required else "") if p)
        rows.append(
            f"<tr><td class=name>{_names_cell(form, f)}</td>"
            f"<td>{_e(f.label)}{'<br><span class=note>' + _e(f.help) + '</span>' if f.help else ''}"
            f"{' <b>(direct identifier: only in exports an administrator asks for)</b>' if f.identifier else ''}</td>"
            f"<td>{_e(type_text(f))}{'<br>' + _e(f.unit) if f.unit else ''}</td>"
            f"<td>{_codes_cell(f)}</td><td>{_missing_cell(study, form, f)}</td><td>{_e(limits)}</td>"
            f"<td class=code>{_e(f.visible or '')}</td>"
            f"<td>{_checks_cell(form, f)}</td>"
            f"<td class=code>{_e(f.cdash or '')}<br>{_e(f.sdtm or '')}</td></tr>")
    return head + "<table>" + "".join(rows) + "</table>"


def codebook_html(study: Study) -> str:
    """The whole codebook as one self-contained HTML page."""
    toc = " &middot; ".join(f"<a href='#{_e(f.id)}'>{_e(f.label)}</a>"
                            for f in study.forms.values())
    missing = "".join(f"<li><b>{_e(m.code)}</b> {_e(m.label)}: written {_e(m.exported)} in CSV"
                      f" and REDCap (Stata, SPSS and SAS: see each field)</li>" for m in study.missing_codes)
    keys = ("<p>Every file starts with the keys <code>subject</code>, <code>event</code>, "
            "<code>event_repeat</code>, <code>repeat</code> and the form's "
            "<code>status</code>.</p>")
    # What the codebook does not hold, and where that is: names that depend on the data, or
    # tables with their own dictionary.
    scope = ("<p class=note>Each field of the forms, with its names in the CSV, REDCap, "
             "Stata and SPSS files. The SAS transport files shorten names to 8 characters "
             "and split long texts into pieces, which depends on the data: each such export "
             "lists its names in <code>names.csv</code>. The SDTM variables are described in "
             "the SDTM export's <code>define.xml</code>; the analysis and PRO-ACT tables in "
             "their own dictionary files.</p>")
    body = "".join(form_section(study, f) for f in study.forms.values())
    return (f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
            f"<title>Codebook {_e(study.id)}</title><style>{_STYLE}</style></head><body>"
            f"<h1>Codebook: {_e(study.id)} ({_e(study.protocol)}), CRF version "
            f"{_e(study.crf_version)}</h1><p>{_e(study.title)}<br>{_e(study.site)}</p>"
            f"{scope}<p>Missing-data codes:</p><ul>{missing}</ul>{keys}<p>{toc}</p>{body}"
            f"</body></html>")


def write_codebook(study: Study, out: str | Path, force: bool = False) -> Path:
    """Write the codebook to `out` (never over a file without `force`, never half)."""
    return write_bytes(Path(out), codebook_html(study).encode("utf-8"), force=force)
