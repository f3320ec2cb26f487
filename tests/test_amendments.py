"""Protocol amendments of the NCT02492516 demo: the 24 h amendment and a field added to the
infusion form mid-study, through the core and through `alsdesk amend`; what is refused, and
that a refusal or a kill leaves the file as it was."""
from __future__ import annotations

import hashlib
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from alsdesk.cli import main
from alsdesk.clinical.schedule import VisitStatus
from alsdesk.errors import AuthError, DefinitionError, PermissionDenied, ReasonRequired
from alsdesk.overview import all_schedules
from alsdesk.store import Store, amend, definitions
from alsdesk.study import load_study
from tests import amendment_files as files

DEMO_PASSWORD = "Demo-password-1"


def _sha(path: Path) -> tuple[str, str]:
    """The database's bytes and what its write-ahead log holds, as a refusal must leave
    them. (A read-only look makes an empty log and its index beside a file closed cleanly,
    as SQLite needs them to read; it writes nothing into either.)"""
    wal = Path(f"{path}-wal")
    log = wal.read_bytes() if wal.exists() else b""
    return hashlib.sha256(path.read_bytes()).hexdigest(), hashlib.sha256(log).hexdigest()


def _form_rows(path: Path) -> dict[str, dict[int, tuple]]:
    """Every form table's rows, read with sqlite3 alone: what an amendment must not touch."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT DISTINCT form FROM form_instances")]
        out = {}
        for t in tables:
            cur = conn.execute(f'SELECT * FROM "{t}" ORDER BY instance_id')
            names = [d[0] for d in cur.description]
            out[t] = {row[0]: dict(zip(names, row)) for row in cur}
        return out
    finally:
        conn.close()


def _admin(path: Path) -> Store:
    st = Store.open(path)
    st.login("admin", DEMO_PASSWORD)
    return st


def _h72_done(st: Store) -> int:
    return sum(1 for plans in all_schedules(st).values() for p in plans
               if p.event_id == "h72" and p.is_done)


def test_the_demo_through_the_24h_amendment_and_a_new_infusion_field(demo_db, tmp_path):
    before = _form_rows(demo_db)
    first, second = files.amendment_24h(tmp_path), files.amendment_premed(tmp_path)
    st = _admin(demo_db)
    assert (st.study_version, st.study.crf_version) == (1, "1.0")
    done = _h72_done(st)
    assert done >= 3  # the demo has 72 h visits done, at about 72 h
    plan = amend.plan(st, load_study(first), first.name)
    texts = [f.text for f in plan.findings]
    window = next(t for t in texts if "window of h72" in t)
    assert "changes from [48, 96] h to [18, 30] h" in window
    assert f"{done} visit(s) already done would be judged out of window" in window
    assert window.startswith(f"{first.name}:")  # the file and line of the change
    assert not plan.refused and plan.version == 2
    amend.apply(st, load_study(first), first.name, reason="Amendment 1: first follow-up at 24 h",
                password=DEMO_PASSWORD)
    assert (st.study_version, st.study.event("h72").label) == (2, "24 hours")
    # visits done before the amendment stay judged by the window they were entered under
    statuses = [p.status for plans in all_schedules(st).values() for p in plans
                if p.event_id == "h72" and p.is_done]
    assert len(statuses) == done and set(statuses) == {VisitStatus.DONE_IN_WINDOW}
    st.close()

    st = _admin(demo_db)  # the file opens with its own (amended) definition
    assert (st.study_version, st.study.crf_version) == (2, "1.1")
    amend.apply(st, load_study(second), second.name, reason="Amendment 2: premedication",
                password=DEMO_PASSWORD)
    assert st.study_version == 3
    st.logout()
    st.login("nurse", DEMO_PASSWORD)
    # a new subject's form is of the new version; an old infusion form changed now says so
    code = st.subjects.create(initials="NV").code
    new = st.forms.save(code, "screening", "sv", {"svdone": "Y"})
    assert (new.record.crf_entered, new.record.crf_changed) == (3, 3)
    infused = next(c for c, in st.conn.execute(
        "SELECT s.code FROM form_instances fi JOIN subjects s ON s.id = fi.subject_id WHERE "
        "fi.form = 'inf' AND fi.status NOT IN ('locked', 'signed') LIMIT 1"))
    old = st.forms.get(infused, "infusion", "inf")
    assert (old.crf_entered, old.crf_changed) == (1, 1)
    changed = st.forms.save(infused, "infusion", "inf", {"infpremed": "Y"},
                            reason="premedication recorded after amendment 2")
    assert (changed.record.crf_entered, changed.record.crf_changed) == (1, 3)
    assert st.verify().ok
    st.close()

    after = _form_rows(demo_db)
    for table, rows in before.items():  # old data unchanged, value for value
        for iid, row in rows.items():
            got = dict(after[table][iid])
            if table == "inf":
                assert got.pop("infpremed") == ("Y" if iid == old.instance_id else None)
            assert got == row, (table, iid)

    result = CliRunner().invoke(main, ["--db", str(demo_db), "study", "versions", "--as",
                                       "admin", "--password-stdin"], input=DEMO_PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [ln.split()[:2] for ln in lines[2:]] == [["1", "1.0"], ["2", "1.1"], ["3", "1.2"]]
    assert "Amendment 2: premedication" in lines[-1]

    out = tmp_path / "casebook.pdf"
    result = CliRunner().invoke(main, ["--db", str(demo_db), "pdf", "casebook", infused,
                                       "--as", "admin", "--password-stdin", "--out", str(out)],
                                input=DEMO_PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    pages = [p.extract_text() for p in PdfReader(out).pages]
    inf_page = next(p for p in pages if "Premedication given before the infusion" in p)
    assert "CRF version 1.0, changed under 1.2" in inf_page
    assert any("CRF version 1.0 ·" in p or "CRF version 1.0\n" in p for p in pages)
    footers = {ln for p in pages for ln in p.splitlines() if ln.startswith("CRF version")}
    assert any("1.2" in f for f in footers) and any("1.0" in f for f in footers)

    folder = tmp_path / "csv"  # the data manager's CSV says each row's CRF version too
    result = CliRunner().invoke(main, ["--db", str(demo_db), "export", "csv", "--out",
                                       str(folder), "--as", "admin", "--password-stdin"],
                                input=DEMO_PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    inf = pd.read_csv(folder / "inf.csv", dtype=str)
    versions = dict(zip(inf["subject"], inf["crf_version"]))
    assert versions[infused] == "1.2" and set(versions.values()) == {"1.0", "1.2"}
    assert inf.loc[inf["subject"] == infused, "infpremed"].tolist() == ["Y"]
    sv = pd.read_csv(folder / "sv.csv", dtype=str)
    assert sv.loc[sv["subject"] == code, "crf_version"].tolist() == ["1.2"]


def _cli_amend(db: Path, file: Path, *extra: str, password: str = DEMO_PASSWORD):
    return CliRunner().invoke(main, ["--db", str(db), "amend", str(file), "--as", "admin",
                                     "--password-stdin", "--yes", "--reason", "test", *extra],
                              input=password + "\n")


WEIGHT = ('id = "weight"\nlabel = "Body weight on the day of infusion"\ntype = "decimal"\n'
          'unit = "kg"\nmin = 20\nmax = 300\ndigits = 1')


@pytest.mark.parametrize("old, new, words", [
    (WEIGHT, WEIGHT.replace('"decimal"', '"integer"').replace("\ndigits = 1", ""),
     "field inf.weight: type changes from 'decimal' to 'integer'. REFUSED: 4 value(s) are "
     "stored as decimal"),
    (WEIGHT, WEIGHT.replace('"kg"', '"lb"'),
     "REFUSED: 4 value(s) were recorded in kg; they would be read in the new unit"),
    # a range that shuts out recorded values would block every later save of their forms
    (WEIGHT, WEIGHT.replace("max = 300", "max = 60"),
     "REFUSED: 3 recorded value(s) lie outside the new range (for example 74)"),
    (WEIGHT, WEIGHT.replace("max = 300", "max = 250"), None),  # narrower, values inside
    ('{ code = "IND", label = "Indeterminate" },\n]', ']', None),  # a choice not in use
])
def test_an_amendment_that_would_reinterpret_data_is_refused_and_the_file_is_untouched(
        demo_db, tmp_path, old, new, words):
    path = files.write(tmp_path / "bad", files.edit(files.amendment_24h_text(), old, new))
    sha = _sha(demo_db)
    result = _cli_amend(demo_db, path)
    if words is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1, result.output
    assert words in result.output and "nothing was changed" in result.output
    assert _sha(demo_db) == sha  # byte for byte, side files included


def _without(text: str, form: str, field: str) -> str:
    """The definition with one field's table taken out."""
    head = f'[[forms.{form}.fields]]\nid = "{field}"'
    i = text.index(head)
    return text[:i] + text[text.index("\n[", i + len(head)) + 1:]


def test_a_field_or_choice_holding_values_cannot_be_removed(demo_db, tmp_path):
    # vs.pulse: recorded at every visit, referred to by no check, derived value or binding
    conn = sqlite3.connect(demo_db)
    held = conn.execute("SELECT count(*) FROM vs WHERE pulse IS NOT NULL OR "
                        "pulse__missing IS NOT NULL").fetchone()[0]
    females = conn.execute("SELECT count(*) FROM dm WHERE sex = 'F'").fetchone()[0]
    conn.close()
    assert held and females
    text = _without(files.amendment_24h_text(), "vs", "pulse")
    text = files.edit(text, '{ code = "M", label = "Male" }, { code = "F", label = "Female" }',
                      '{ code = "M", label = "Male" }')
    path = files.write(tmp_path / "bad", text)
    sha = _sha(demo_db)
    result = _cli_amend(demo_db, path)
    assert result.exit_code == 1, result.output
    assert f"field vs.pulse removed" in result.output
    assert f"REFUSED: {held} value(s) are recorded in it; keep the field" in result.output
    assert f"choice sex.F removed ('Female'). REFUSED: {females} recorded value(s) are this " \
        "choice; keep it" in result.output
    assert _sha(demo_db) == sha


def test_bad_files_are_refused_in_words_and_the_file_is_untouched(demo_db, tmp_path):
    sha = _sha(demo_db)
    broken = files.write(tmp_path / "broken", files.edit(
        files.amendment_24h_text(), "target = 24\n", "target = 24\nwindow_x = 3\n"))
    other = files.write(tmp_path / "other", files.edit(
        files.amendment_24h_text(), 'id = "NCT02492516"', 'id = "NCT09999999"'))
    same = files.write(tmp_path / "same", files.edit(
        files.amendment_24h_text(), 'crf_version = "1.1"', 'crf_version = "1.0"'))
    older = files.write(tmp_path / "older", files.edit(
        files.amendment_24h_text(), 'crf_version = "1.1"', 'crf_version = "0.9"'))
    wordy = files.write(tmp_path / "wordy", files.edit(
        files.amendment_24h_text(), 'crf_version = "1.1"', 'crf_version = "amendment one"'))
    cases = [
        (broken, "nct02492516.toml:", "window_x"),
        (other, "is the definition of study NCT09999999", "NCT02492516"),
        (same, "study.crf_version: '1.0' is the same as the database's CRF version '1.0'",
         'for example "1.1"'),
        (older, "'0.9' is older than the database's CRF version '1.0'", "newer version"),
        (wordy, "'amendment one' is not a version number", "numbers separated by dots"),
        (files.write(tmp_path / "identical", files.bundled_text()),
         "is the definition stored already (version 1): there is nothing to amend", ""),
    ]
    for path, words, more in cases:
        result = _cli_amend(demo_db, path)
        assert result.exit_code == 1, (path, result.output)
        assert words in result.output and more in result.output, result.output
        assert "Traceback" not in result.output
        assert _sha(demo_db) == sha, path


def test_only_an_administrator_with_password_and_reason_amends(demo_db, tmp_path):
    first = load_study(files.amendment_24h(tmp_path))
    st = Store.open(demo_db)
    st.login("nurse", DEMO_PASSWORD)
    with pytest.raises(PermissionDenied):
        amend.apply(st, first, "a.toml", reason="r", password=DEMO_PASSWORD)
    st.logout()
    st.login("admin", DEMO_PASSWORD)
    with pytest.raises(ReasonRequired):
        amend.apply(st, first, "a.toml", reason="  ", password=DEMO_PASSWORD)
    with pytest.raises(AuthError):
        amend.apply(st, first, "a.toml", reason="r", password="wrong-password-1")
    assert st.study_version == 1 and len(definitions.versions(st.conn)) == 1
    st.close()


def test_the_stored_definition_is_what_verify_proves(demo_db, tmp_path):
    st = _admin(demo_db)
    amend.apply(st, load_study(files.amendment_24h(tmp_path)), "a.toml", reason="r",
                password=DEMO_PASSWORD)
    st.close()
    conn = sqlite3.connect(demo_db)
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        conn.execute("UPDATE study_versions SET reason = 'x'")
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE name = "
                           "'study_versions_no_update'").fetchone()[0]
    # an insider widens the h72 window in the stored text of version 2, triggers put back
    conn.executescript(
        "DROP TRIGGER study_versions_no_update; UPDATE study_versions SET definition = "
        "replace(definition, 'window = [18, 30]', 'window = [12, 30]') WHERE version = 2; "
        f"{trigger};")
    conn.close()
    with pytest.raises(Exception, match="changed outside ALS Desk"):
        Store.open(demo_db)
    with Store.open(demo_db, readonly=True) as look:
        report = look.verify()
    assert not report.ok
    assert any("study definition version 2 (CRF 1.1): its text is not the one loaded" in p
               for p in report.record_problems)


def test_a_version_added_behind_the_program_is_found(demo_db):
    conn = sqlite3.connect(demo_db)
    text, companions, = conn.execute(
        "SELECT definition, companions FROM study_versions").fetchone()
    forged = text.replace('crf_version = "1.0"', 'crf_version = "9.0"')
    import json

    from alsdesk.study.versions import digest
    conn.execute("INSERT INTO study_versions VALUES (2, '9.0', 'NCT02492516', ?, ?, ?, "
                 "'2026-01-01', 'admin', 'forged')",
                 (forged, companions, digest(forged, json.loads(companions))))
    conn.commit()
    conn.close()
    with Store.open(demo_db, readonly=True) as look:
        assert look.study.crf_version == "9.0"
        report = look.verify()
    assert any("version 2 (CRF 9.0): the audit trail does not record it as loaded" in p
               for p in report.record_problems)


def test_the_schedule_of_a_subject_enrolled_after_the_amendment(demo_db, tmp_path):
    st = _admin(demo_db)
    amend.apply(st, load_study(files.amendment_24h(tmp_path)), "a.toml", reason="r",
                password=DEMO_PASSWORD)
    plans = all_schedules(st, datetime(2030, 1, 1))
    waiting = [p for ps in plans.values() for p in ps if p.event_id == "h72"
               and not p.is_done and p.target is not None]
    for plan in waiting:  # 24 h after the infusion, window 18 to 30 h
        assert plan.window == (18, 30)
    st.close()


def test_a_visit_done_before_the_amendment_is_judged_by_its_own_window_when_corrected(
        demo_db, tmp_path):
    st = _admin(demo_db)
    amend.apply(st, load_study(files.amendment_24h(tmp_path)), "a.toml", reason="r",
                password=DEMO_PASSWORD)
    st.logout()
    st.login("nurse", DEMO_PASSWORD)
    code, = next(iter(st.conn.execute(
        "SELECT s.code FROM form_instances fi JOIN subjects s ON s.id = fi.subject_id WHERE "
        "fi.event = 'h72' AND fi.form = 'sv' AND fi.status != 'locked' AND "
        "fi.crf_entered = 1")))
    rec = st.forms.get(code, "h72", "sv")
    done = datetime.fromisoformat(rec.values["svstdtc"])
    # a correction of the visit's time by a minute, at about 72 h: in the window of CRF 1.0
    moved = (done.replace(minute=(done.minute + 1) % 60)).strftime("%Y-%m-%dT%H:%M")
    saved = st.forms.save(code, "h72", "sv", {"svstdtc": moved}, complete=True,
                          reason="time corrected from the source")
    assert not [f for f in saved.findings if f.check_id == "visit_in_window"]
    assert saved.record.crf_changed == 2 and saved.record.crf_entered == 1
    st.close()


def test_a_field_made_required_and_a_companion_changed_are_shown_with_their_effect(
        demo_db, tmp_path):
    st = _admin(demo_db)
    done = "('complete', 'verified', 'signed', 'locked')"
    # a field not required, left empty on forms marked complete
    form, field, empty = next(
        (form.id, f.id, n) for form in st.study.forms.values() for f in form.fields
        if not f.required and not f.missing and f.visible is None and (n := st.conn.execute(
            f'SELECT count(*) FROM "{form.id}" t JOIN form_instances fi ON fi.id = '
            f't.instance_id WHERE fi.status IN {done} AND t."{f.id}" IS NULL').fetchone()[0]))
    text = files.amendment_24h_text()
    head = f'[[forms.{form}.fields]]\nid = "{field}"\n'
    at = text.index(head) + len(head)
    text = text[:at] + "required = true\n" + text[at:]
    path = files.write(tmp_path / "a", text)
    card = path.with_name("card.toml")
    card.write_text(card.read_text(encoding="utf-8") + "\n# reworded for the site\n",
                    encoding="utf-8")
    plan = amend.plan(st, load_study(path), path.name)
    texts = [f.text for f in plan.findings]
    assert any(t.startswith("card.toml: companion file card.toml changes: 2 line(s) differ")
               for t in texts), texts
    assert any(t.endswith(f"field {form}.{field}: required changes from False to True: "
                          f"{empty} form(s) marked complete have no value in it: they stay as "
                          "they are; their next save asks for it where the field applies")
               for t in texts), texts
    assert not plan.refused
    st.close()


def test_study_diff_and_save_read_as_a_data_manager_would(demo_db, tmp_path):
    first = files.amendment_24h(tmp_path)
    result = CliRunner().invoke(main, ["study", "diff", str(files.write(
        tmp_path / "v1", files.bundled_text())), str(first)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:] == [
        "  study NCT02492516: crf_version changes from '1.0' to '1.1'",
        "  event h72: label changes from '72 hours' to '24 hours'",
        "  event h72: target changes from '72 h' to '24 h'",
        "  window of h72 changes from [48, 96] h to [18, 30] h"]
    out = tmp_path / "saved"
    result = CliRunner().invoke(main, ["--db", str(demo_db), "study", "save", "1", str(out),
                                       "--as", "monitor", "--password-stdin"],
                                input=DEMO_PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert (out / "nct02492516.toml").read_text(encoding="utf-8") == files.bundled_text()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["nct02492516.toml", *files.COMPANIONS])
    again = CliRunner().invoke(main, ["--db", str(demo_db), "study", "save", "1", str(out),
                                      "--as", "monitor", "--password-stdin"],
                               input=DEMO_PASSWORD + "\n")
    assert again.exit_code == 1 and "is not empty" in again.output


# -- what an outside review found accepted, or not listed, that changes what data mean ------

ETHNIC_PERSIAN = '    { code = "PERSIAN", label = "Persian" },\n'
FULLNAME = 'id = "fullname"\nlabel = "Full name"\ntype = "text"\nlength = 100\nidentifier = true'


@pytest.mark.parametrize("old, new, words", [
    # a field's own (inline) list is compared choice by choice, as a shared one is
    (ETHNIC_PERSIAN, "", "field choice dm.ethnic.PERSIAN removed"),
    # the status an end-of-study answer gave a subject who died
    ('"DEATH" = "died"', '"DEATH" = "completed"', "ended the study with 'DEATH'"),
    # names entered as identifiers would be printed and exported
    (FULLNAME, FULLNAME.replace("\nidentifier = true", ""), "entered as direct identifiers"),
    # a derived value is computed, never stored: every old form would show another total
    ('function = "alsfrs_total"', 'function = "alsfrs_bulbar"', "add a derived value"),
])
def test_changes_that_reread_data_are_refused_with_the_reason(demo_db, tmp_path, old, new,
                                                              words):
    if old == FULLNAME:  # the demo records no names: a nurse enters one
        with Store.open(demo_db) as st:
            st.login("nurse", DEMO_PASSWORD)
            st.forms.save("S001", "screening", "pii", {"fullname": "Alice Bobson"})
    path = files.write(tmp_path / "bad", files.edit(files.amendment_24h_text(), old, new))
    sha = _sha(demo_db)
    result = _cli_amend(demo_db, path)
    assert result.exit_code == 1, result.output
    line = next(ln for ln in result.output.splitlines() if words in ln)
    assert "REFUSED" in line and "nct02492516.toml:" in line, line
    assert _sha(demo_db) == sha


def test_every_changed_part_of_the_study_is_listed_and_relabels_say_what_pages_show(
        demo_db, tmp_path):
    text = files.edit(files.amendment_24h_text(), 'anchor_name = "infusion"',
                      'anchor_name = "cell infusion"')
    text = files.edit(text, ETHNIC_PERSIAN, '    { code = "PERSIAN", label = "Fars" },\n')
    path = files.write(tmp_path / "a", text)
    result = CliRunner().invoke(main, ["--db", str(demo_db), "amend", str(path), "--dry-run",
                                       "--as", "admin", "--password-stdin"],
                                input=DEMO_PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert "anchor_name changes from 'infusion' to 'cell infusion'" in result.output
    relabel = next(ln for ln in result.output.splitlines() if "dm.ethnic.PERSIAN" in ln)
    assert "label changes from 'Persian' to 'Fars'" in relabel
    assert "earlier version keep 'Persian'" in relabel and "reads 'Fars'" in relabel


@pytest.mark.parametrize("label, words", [
    ("1.0.0", "the same as the database's CRF version '1.0'"),
    ("۱.۱", "is not a version number"),  # Persian digits: "1.1" would then be "the same"
])
def test_version_labels_are_read_as_a_reader_reads_them(demo_db, tmp_path, label, words):
    text = files.edit(files.amendment_24h_text(), 'crf_version = "1.1"',
                      f'crf_version = "{label}"')
    result = _cli_amend(demo_db, files.write(tmp_path / "v", text))
    assert result.exit_code == 1 and words in result.output, result.output
    assert "nct02492516.toml:22: study.crf_version" in result.output  # file, line and key


def test_a_definition_saved_with_a_byte_order_mark_loads(tmp_path):
    from alsdesk.study import load_study

    path = files.write(tmp_path / "bom", files.amendment_24h_text())
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_study(path).crf_version == "1.1"


def test_a_form_wider_than_sqlite_allows_is_refused_before_anything_is_written(
        demo_db, tmp_path):
    many = "".join(f'[[forms.inf.fields]]\nid = "extra{i}"\nlabel = "Extra {i}"\n'
                   f'type = "text"\n\n' for i in range(2100))
    text = files.edit(files.amendment_24h_text(), files.WEIGHT, many + files.WEIGHT)
    sha = _sha(demo_db)
    result = _cli_amend(demo_db, files.write(tmp_path / "wide", text))
    assert result.exit_code == 1, result.output[-2000:]
    assert "a form holds at most 2000: split it into more forms" in result.output
    assert _sha(demo_db) == sha


def test_moving_a_binding_that_holds_data_is_refused_and_a_companion_change_says_where(
        demo_db, tmp_path):
    text = files.amendment_24h_text()
    anchor = next(ln for ln in text.splitlines() if ln.startswith("anchor ="))
    moved = files.edit(text, anchor, 'anchor = "infusion.inf.infendtc"')
    result = _cli_amend(demo_db, files.write(tmp_path / "b", moved))
    assert result.exit_code == 1
    assert "are read as anchor" in result.output and "REFUSED" in result.output, result.output
    path = files.write(tmp_path / "c", text)
    grades = path.with_name("labgrades.toml")
    grades.write_text(grades.read_text(encoding="utf-8") + "\n# a note\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", str(demo_db), "amend", str(path), "--dry-run",
                                       "--as", "admin", "--password-stdin"],
                                input=DEMO_PASSWORD + "\n")
    line = next(ln for ln in result.output.splitlines() if "labgrades.toml" in ln)
    assert "line(s) differ" in line and "'# a note'" in line, line


# -- a second outside review ------------------------------------------------------------------


def test_a_new_protocol_parameter_leaves_old_forms_judged_by_their_own(demo_db, tmp_path):
    # the age limit lowered below S004's 44 years: S004, infused under 1.0, stays eligible
    # on its pages; the plan says so
    from alsdesk import overview

    text = files.edit(files.amendment_24h_text(), "max_age = 55", "max_age = 40")
    path = files.write(tmp_path / "p", text)
    with Store.open(demo_db) as st:
        before = overview.eligibility(st, "S004")
    assert before is not None and before.eligible
    result = _cli_amend(demo_db, path)
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.output.splitlines() if "parameter max_age" in ln)
    assert "keep the value of the version they were last saved under" in line, line
    with Store.open(demo_db) as st:
        assert st.study.parameters["max_age"] == 40
        assert overview.eligibility(st, "S004").eligible  # judged by 1.0's limit
    out = tmp_path / "cb.pdf"
    result = CliRunner().invoke(main, ["--db", str(demo_db), "pdf", "casebook", "S004", "--as",
                                       "monitor", "--password-stdin", "--out", str(out)],
                                input=DEMO_PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "Eligible: every criterion met" in text and "allowed 18 to 40" not in text


@pytest.mark.parametrize("old, new, words", [
    ('unit = "kg/m²"\ndigits = 1', 'unit = "kg/m²"\ndigits = 0', "add a derived value"),
])
def test_a_derived_value_shown_with_other_digits_is_refused(demo_db, tmp_path, old, new,
                                                            words):
    path = files.write(tmp_path / "d", files.edit(files.amendment_24h_text(), old, new))
    result = _cli_amend(demo_db, path)
    assert result.exit_code == 1 and words in result.output, result.output


def test_a_new_hard_check_says_what_it_does_to_complete_forms(demo_db, tmp_path):
    check = ('[[forms.vs.checks]]\nid = "pulse_low"\nexpr = "pulse > 50"\nmessage = "Pulse '
             'below 50: check it"\nseverity = "hard"\nfields = ["pulse"]\n\n')
    text = files.edit(files.amendment_24h_text(), '[[forms.vs.fields]]\nid = "vsdtc"',
                      check + '[[forms.vs.fields]]\nid = "vsdtc"')
    result = CliRunner().invoke(main, ["--db", str(demo_db), "amend", str(files.write(
        tmp_path / "h", text)), "--dry-run", "--as", "admin", "--password-stdin"],
        input=DEMO_PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.output.splitlines() if "vs.pulse_low" in ln)
    assert "a hard check: of the" in line and "refused at its next save" in line, line
