"""Stata and SPSS files: every missing-data code the database holds, read back with value
formats applied (pyreadstat, pandas), long text beyond Stata's str2045, and the variable
names a format forbids (Stata's int, SPSS's by, a companion over 32 characters)."""
from __future__ import annotations

import re

import pytest

from alsdesk.exchange import ExportError, ExportOptions
from alsdesk.exchange.dataset import is_numeric
from alsdesk.exchange.statfiles import export_spss, export_stata
from alsdesk.exchange.statnames import LIMITS, variables
from alsdesk.paths import default_study_file
from alsdesk.store import Store
from alsdesk.store.schema import missing_column
from alsdesk.study import load_study
from tests.exchange_fixtures import demo_db, demo_master, open_as  # noqa: F401 - fixtures

pyreadstat = pytest.importorskip("pyreadstat")
pd = pytest.importorskip("pandas")

PASSWORD = "correct horse battery staple 7"
LONG_LABEL = "Medicine " + "ب" * 200
EXPORT = {"dta": export_stata, "sav": export_spss}
READ = {"dta": pyreadstat.read_dta, "sav": pyreadstat.read_sav}


@pytest.fixture
def every_code(demo_db):
    """The demo (ND, UNK already) plus not applicable (NA) in a number and in a text-coded
    choice, and a deviation text of 2,000 Persian letters (4,000 bytes: Stata's strL)."""
    st = open_as(demo_db, "nurse")
    try:
        st.forms.save("S001", "screening", "lb", {"wbc_lo": None}, {"wbc_lo": "NA"},
                      reason="the laboratory gives no lower limit")
        dv = st.conn.execute("SELECT fi.event, fi.repeat FROM form_instances fi JOIN subjects"
                             " s ON s.id = fi.subject_id WHERE s.code = 'S005' AND "
                             "fi.form = 'dv' AND fi.status != 'deleted'").fetchone()
        st.forms.save("S005", dv[0], "dv", {"dvterm": "ب" * 1999 + "x"}, repeat=dv[1],
                      reason="the full description")
    finally:
        st.close()
    st = open_as(demo_db, "monitor")
    yield st
    st.close()


def stored_codes(store):
    """(form, field, subject, event, event_repeat, repeat) -> code, for every code held."""
    out = {}
    for form in store.study.forms.values():
        for f in form.fields:
            if not f.missing:
                continue
            col = missing_column(f.id)
            rows = store.conn.execute(
                f'SELECT s.code, fi.event, fi.event_repeat, fi.repeat, t."{col}" FROM '
                f"form_instances fi JOIN subjects s ON s.id = fi.subject_id JOIN "
                f'"{form.id}" t ON t.instance_id = fi.id WHERE fi.status != \'deleted\' '
                f'AND t."{col}" IS NOT NULL')
            for code, event, er, rep, value in rows:
                out[(form.id, f.id, code, event, er, rep)] = value
    return out


@pytest.mark.parametrize("kind", ["dta", "sav"])
def test_every_stored_code_reads_back_labelled(every_code, tmp_path, kind):
    EXPORT[kind](every_code, tmp_path / kind)
    study = every_code.study
    label = {m.code: m.label for m in study.missing_codes}
    exported = {m.code: m.exported for m in study.missing_codes}
    codes = stored_codes(every_code)
    assert {"ND", "NA", "UNK"} <= set(codes.values())  # every code of the study is tried
    frames = {}
    for (form_id, field_id, subject, event, er, rep), code in codes.items():
        if form_id not in frames:
            path = str(tmp_path / kind / f"{form_id}.{kind}")
            plain, _ = READ[kind](path, user_missing=True)
            shown, _ = READ[kind](path, user_missing=True, apply_value_formats=True)
            frames[form_id] = (plain, shown)
        plain, shown = frames[form_id]
        names = {(v.field.id, v.role): v.name for v in variables(study.forms[form_id], kind)
                 if v.field}
        at = ((plain.subject == subject) & (plain.event == event)
              & (plain.event_repeat == er) & (plain["repeat"] == rep))
        assert at.sum() == 1
        f = next(x for x in study.forms[form_id].fields if x.id == field_id)
        where = (form_id, field_id, subject, event, code)
        if is_numeric(f):
            order = [m.code for m in study.missing_codes].index(code)
            want = "abcdefghijklmnopqrstuvwxyz"[order] if kind == "dta" else -999991.0 - order
            assert plain.loc[at, names[(f.id, "value")]].item() == want, where
            assert shown.loc[at, names[(f.id, "value")]].item() == label[code], where
        else:
            assert plain.loc[at, names[(f.id, "code")]].item() == exported[code], where
            if kind == "sav":  # Stata labels no text
                assert shown.loc[at, names[(f.id, "code")]].item() == label[code], where


def test_not_applicable_is_neither_a_number_nor_unknown(every_code, tmp_path):
    EXPORT["dta"](every_code, tmp_path / "dta", ExportOptions(forms=("lb",)))
    EXPORT["sav"](every_code, tmp_path / "sav", ExportOptions(forms=("lb",)))
    dta, meta = pyreadstat.read_dta(str(tmp_path / "dta" / "lb.dta"), user_missing=True)
    assert meta.variable_value_labels["wbc_lo"]["b"] == "Not applicable"
    sav, meta = pyreadstat.read_sav(str(tmp_path / "sav" / "lb.sav"), user_missing=True)
    assert {"lo": -999992.0, "hi": -999992.0} in meta.missing_ranges["wbc_lo"]
    s001 = (sav.subject == "S001") & (sav.event == "screening")
    assert sav.loc[s001, "wbc_lo"].item() == -999992.0
    # readers that know no user-missing values see no number at all
    plain = pd.read_spss(tmp_path / "sav" / "lb.sav", convert_categoricals=False)
    assert pd.isna(plain.loc[(plain.subject == "S001") & (plain.event == "screening"),
                             "wbc_lo"]).all()
    stata = pd.read_stata(tmp_path / "dta" / "lb.dta", convert_missing=True,
                         convert_categoricals=False)  # pandas 3.1 cannot do both
    cell = stata.loc[(stata.subject == "S001") & (stata.event == "screening"), "wbc_lo"].item()
    assert str(cell) == ".b"  # pandas' StataMissingValue keeps the letter


@pytest.mark.parametrize("kind", ["dta", "sav"])
def test_long_text_is_kept_whole(every_code, tmp_path, kind):
    EXPORT[kind](every_code, tmp_path / kind, ExportOptions(forms=("dv",)))
    want = every_code.conn.execute("SELECT dvterm FROM dv WHERE length(dvterm) = 2000"
                                   ).fetchone()[0]
    assert len(want.encode("utf-8")) > 2045  # beyond Stata's longest fixed string
    frame, _ = READ[kind](str(tmp_path / kind / f"dv.{kind}"))
    assert want in set(frame.dvterm)
    other = (pd.read_stata(tmp_path / kind / "dv.dta") if kind == "dta"
             else pd.read_spss(tmp_path / kind / "dv.sav"))
    assert want in set(other.dvterm)


def _renamed_study(tmp_path):
    """The study with ids the formats forbid: cm's medicine `int` (Stata), its dose `by`
    (SPSS), its indication (text with a missing code) 31 characters long."""
    long_id = "taken_for_" + "x" * 21
    text = default_study_file().read_text(encoding="utf-8")
    # the field's id, and its name in the SAE report form's medication list ([sae.cioms])
    meds = re.search(r"^medication_fields = .*$", text, re.M)
    for old, new in (("cmtrt", "int"), ("cmdose", "by"), ("cmindc", long_id)):
        assert text.count(f'id = "{old}"') == 1 and len(re.findall(rf"\b{old}\b", text)) == 2
        assert f'"{old}"' in meds[0]
        text = text.replace(f'id = "{old}"', f'id = "{new}"')
    line = re.search(r"^medication_fields = .*$", text, re.M)[0]
    renamed = line
    for old, new in (("cmtrt", "int"), ("cmdose", "by"), ("cmindc", long_id)):
        renamed = renamed.replace(f'"{old}"', f'"{new}"')
    text = text.replace(line, renamed, 1)
    # and labels beyond what the formats hold (the Persian letter is two bytes)
    text = text.replace('label = "Medicine"', f'label = "{LONG_LABEL}"', 1)
    text = text.replace('label = "IU (international units)"', f'label = "{LONG_LABEL}"', 1)
    text = text.replace('label = "Concomitant medication"', f'label = "{LONG_LABEL}"', 1)
    # a fourth missing-data code (SPSS declares at most three values: a range then)
    text = text.replace('[[missing]]\ncode = "UNK"\nlabel = "Unknown"\n',
                        '[[missing]]\ncode = "UNK"\nlabel = "Unknown"\n\n[[missing]]\n'
                        'code = "NASK"\nlabel = "Not asked"\n', 1)
    assert "NASK" in text
    head, tail = text.split('id = "by"', 1)
    text = head + 'id = "by"' + tail.replace('missing = ["UNK"]',
                                             'missing = ["ND", "NA", "UNK", "NASK"]', 1)
    path = tmp_path / "renamed.toml"
    path.write_text(text, encoding="utf-8")
    return load_study(path), long_id


def test_names_the_formats_forbid_are_derived_and_read_back(tmp_path):
    study, long_id = _renamed_study(tmp_path)
    st = Store.create(tmp_path / "renamed.db", study)
    try:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
        st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
        st.login("nurse", PASSWORD)
        subject = st.subjects.create("ZK").code
        st.forms.save(subject, "logs", "cm", {"int": "Riluzole", "cmdosu": "mg",
                                              "cmstdat": "2025", "cmongo": "Y",
                                              "cmroute": "ORAL", "cmdosfrq": "BID"},
                      {"by": "NASK", long_id: "UNK"}, repeat=None)
        st.logout()
        st.login("admin", PASSWORD)
        for kind in ("dta", "sav"):
            plan = variables(study.forms["cm"], kind)
            names = [v.name for v in plan]
            assert all(len(n) <= LIMITS[kind] for n in names)
            assert len({n.lower() for n in names}) == len(names)
            EXPORT[kind](st, tmp_path / kind, ExportOptions(forms=("cm",)))
            frame, meta = READ[kind](str(tmp_path / kind / f"cm.{kind}"), user_missing=True)
            assert list(frame.columns) == names
            by_field = {(v.field.id, v.role): v.name for v in plan if v.field}
            medicine, dose = by_field[("int", "value")], by_field[("by", "value")]
            code = by_field[(long_id, "code")]
            assert medicine == ("int_" if kind == "dta" else "int")
            assert dose == ("by" if kind == "dta" else "by_")
            assert code == (long_id + "_m" if kind == "sav" else long_id[:30] + "_m")
            row = frame.iloc[0]
            assert row[medicine] == "Riluzole"
            assert row[dose] == ("d" if kind == "dta" else -999994.0)  # NASK, the 4th
            assert meta.variable_value_labels[dose][row[dose]] == "Not asked"
            if kind == "sav":
                assert meta.missing_ranges[dose] == [{"lo": -999994.0, "hi": -999991.0}]
            assert row[code] == "UNK"
            # (label read, most characters, most bytes): the formats' limits
            read = [(meta.column_names_to_labels[medicine], 80 if kind == "dta" else None,
                     320 if kind == "dta" else 256),
                    (meta.file_label, 80 if kind == "dta" else None,
                     256 if kind == "dta" else 64)]
            if kind == "sav":  # Stata labels no text codes
                read.append((meta.variable_value_labels["cmdosu"]["IU"], None, 120))
            for got, chars, size in read:
                # cut visibly, never silently: a prefix ending in "…", within the limit
                assert got.endswith("…") and LONG_LABEL.startswith(got[:-1]), (kind, got)
                assert (chars is None or len(got) <= chars) and len(got.encode()) <= size
                assert len(got.encode()) > size - 4 or len(got) == chars  # not cut short
            readme = (tmp_path / kind / "README.txt").read_text(encoding="utf-8")
            for name, field_id in ((medicine, "int"), (dose, "by")):
                assert (f"cm.{kind}: {name} holds {field_id}\n" in readme) == (name != field_id)
    finally:
        st.close()


@pytest.mark.parametrize("kind", ["dta", "sav"])
def test_numbers_show_the_decimals_the_field_defines(every_code, tmp_path, kind):
    EXPORT[kind](every_code, tmp_path / kind, ExportOptions(forms=("vs", "dm", "alsfrs")))
    seen = set()
    for form_id in ("vs", "dm", "alsfrs"):
        _, meta = READ[kind](str(tmp_path / kind / f"{form_id}.{kind}"))
        for f in every_code.study.forms[form_id].fields:
            if not is_numeric(f):
                continue
            places = f.digits if f.type.value == "decimal" else 0
            if places is None:
                continue
            fmt = meta.original_variable_types[f.id]
            pattern = rf"%\d+\.{places}f" if kind == "dta" else rf"F(\d+)\.{places}"
            match = re.fullmatch(pattern, fmt)
            assert match, (form_id, f.id, fmt)
            if kind == "sav":  # wide enough for the user-missing values (-999991)
                assert int(match.group(1)) >= 7 + (places + 1 if places else 0)
            seen.add(places)
    assert {0, 1} <= seen  # heights with 0 decimals, temperatures with 1


def test_a_number_spss_uses_for_a_code_is_refused_not_relabelled(tmp_path):
    text = default_study_file().read_text(encoding="utf-8")
    head, tail = text.split('id = "cmdose"', 1)
    assert "min = 0\n" in tail[:200]
    path = tmp_path / "unbounded.toml"  # the dose without its lower bound
    path.write_text(head + 'id = "cmdose"' + tail.replace("min = 0\n", "", 1), encoding="utf-8")
    study = load_study(path)
    st = Store.create(tmp_path / "unbounded.db", study)
    try:
        st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
        st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
        st.login("nurse", PASSWORD)
        subject = st.subjects.create("ZK").code
        st.forms.save(subject, "logs", "cm", {"cmtrt": "Riluzole", "cmdose": -999991.0,
                                              "cmdosu": "mg"}, repeat=None)
        st.logout()
        st.login("admin", PASSWORD)
        with pytest.raises(ExportError, match=r"cm\.cmdose .*-999991.*min"):
            export_spss(st, tmp_path / "sav", ExportOptions(forms=("cm",)))
        assert not (tmp_path / "sav").exists()  # nothing half written
        export_stata(st, tmp_path / "dta", ExportOptions(forms=("cm",)))
        frame, _ = pyreadstat.read_dta(str(tmp_path / "dta" / "cm.dta"), user_missing=True)
        assert frame.cmdose.tolist() == [-999991.0]  # Stata's codes are letters: no clash
    finally:
        st.close()
