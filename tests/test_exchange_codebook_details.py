"""The codebook's details, read with an HTML parser: each form's visits, and for each field
its unit, range, checks (message and rule), visibility condition, CDASH and SDTM names, and
the Stata and SPSS names where a format made them differ from the field id."""
from __future__ import annotations

from html.parser import HTMLParser

from alsdesk.exchange.codebook import codebook_html
from alsdesk.exchange.statnames import variables
from alsdesk.study import load_study
from tests.exchange_fixtures import demo_db, demo_master  # noqa: F401 - fixtures
from tests.test_exchange_stats_codes import LONG_LABEL, _renamed_study


class Sections(HTMLParser):
    """Per h2 (one per form): the text of the paragraph after it, and its table rows."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: dict[str, dict] = {}
        self.current: dict | None = None
        self.where: str | None = None  # "h2", "p" or "cell"
        self.cell: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.current = {"title": "", "intro": "", "rows": []}
            self.where = "h2"
        elif tag == "p" and self.current is not None and not self.current["rows"]:
            self.where = "p"
        elif tag == "tr" and self.current is not None:
            self.current["rows"].append([])
        elif tag in ("td", "th") and self.current is not None:
            self.where, self.cell = "cell", []
        elif tag == "br" and self.where == "cell":
            self.cell.append("\n")

    def handle_endtag(self, tag):
        if tag == "h2" and self.current is not None:
            self.forms[self.current["title"]] = self.current
            self.where = None
        elif tag == "p" and self.where == "p":
            self.where = None
        elif tag in ("td", "th") and self.where == "cell":
            self.current["rows"][-1].append("".join(self.cell).strip())
            self.where = None

    def handle_data(self, data):
        if self.where == "h2":
            self.current["title"] += data
        elif self.where == "p":
            self.current["intro"] += data
        elif self.where == "cell":
            self.cell.append(data)


def _parse(study) -> dict[str, dict]:
    parser = Sections()
    parser.feed(codebook_html(study))
    return parser.forms


def _num(value) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def test_visits_limits_checks_conditions_and_cdisc_names():
    study = load_study()
    sections = _parse(study)
    seen = {"checks": 0, "visible": 0, "range": 0, "unit": 0}
    for form in study.forms.values():
        section = sections[f"{form.label} ({form.id})"]
        for event in study.events:
            if form.id in event.forms:
                assert event.label in section["intro"], (form.id, event.id)
        rows = {r[0].split("\n")[0]: r for r in section["rows"][1:]}
        assert set(rows) == {f.id for f in form.fields}, form.id
        for f in form.fields:
            row = rows[f.id]
            if f.unit:
                assert f.unit in row[2], (form.id, f.id)
                seen["unit"] += 1
            for bound, word in ((f.min, "min"), (f.max, "max")):
                if bound is not None:
                    assert f"{word} {_num(bound)}" in row[5], (form.id, f.id, row[5])
                    seen["range"] += 1
            if f.length is not None:
                assert f"at most {f.length} characters" in row[5]
            if f.visible:
                assert row[6] == f.visible, (form.id, f.id)
                seen["visible"] += 1
            else:
                assert row[6] == ""
            for check in form.checks:
                if f.id in check.fields:
                    assert check.message in row[7] and check.expr in row[7], (form.id, f.id)
                    seen["checks"] += 1
            for name in (f.cdash, f.sdtm):
                if name:
                    assert name in row[8], (form.id, f.id, name)
    # the definition has all of these; a codebook that dropped a kind would fail above
    assert all(seen.values()), seen
    assert seen["checks"] >= sum(len(f.checks) for f in study.forms.values())


def test_names_a_format_changed_are_listed(tmp_path):
    study, long_id = _renamed_study(tmp_path)
    section = _parse(study)[f"{LONG_LABEL} (cm)"]  # labels a format cuts are here whole
    rows = {r[0].split("\n")[0]: r for r in section["rows"]}
    assert rows["int"][1].split("\n")[0] == LONG_LABEL  # then its help
    assert f"IU = {LONG_LABEL}" in rows["cmdosu"][3]
    assert "NASK Not asked" in rows["by"][4] and "SPSS -999994" in rows["by"][4]
    form = study.forms["cm"]
    dta = {(v.field.id, v.role): v.name for v in variables(form, "dta") if v.field}
    sav = {(v.field.id, v.role): v.name for v in variables(form, "sav") if v.field}
    assert "Stata int_, SPSS int" in rows["int"][0]
    assert "Stata by, SPSS by_" in rows["by"][0]
    assert f"Stata {dta[(long_id, 'code')]}, SPSS {sav[(long_id, 'code')]}" in rows[long_id][0]
    assert dta[(long_id, "code")] in rows[long_id][4]  # where the code is, in Stata
    for f in form.fields:  # names no format changed: listed once, companion below
        if f.id not in ("int", "by", long_id):
            want = [f.id] + ([f"{f.id}_m"] if (f.id, "code") in dta else [])
            assert rows[f.id][0].split("\n") == want, f.id


def test_from_a_database_without_login_and_without_touching_it(demo_db, tmp_path):
    """The codebook of a database's own definition needs no account (it holds no data) and
    writes nothing into the database: no audit row, no change."""
    import hashlib

    from click.testing import CliRunner

    from alsdesk.cli import main
    from alsdesk.store import Store

    before = hashlib.sha256(demo_db.read_bytes()).hexdigest()
    out = tmp_path / "codebook.html"
    result = CliRunner().invoke(main, ["--db", str(demo_db), "export", "codebook",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert hashlib.sha256(demo_db.read_bytes()).hexdigest() == before
    with Store.open(demo_db, readonly=True) as st:
        study = st.study
    parser = Sections()
    parser.feed(out.read_text(encoding="utf-8"))
    assert set(parser.forms) == {f"{f.label} ({f.id})" for f in study.forms.values()}
    # a database named that is not there is a typo: said, nothing written
    typo = CliRunner().invoke(main, ["--db", str(tmp_path / "no-such.db"), "export",
                                     "codebook", "--out", str(tmp_path / "typo.html")])
    assert typo.exit_code == 1 and "There is no database at" in typo.output
    assert not (tmp_path / "typo.html").exists()
