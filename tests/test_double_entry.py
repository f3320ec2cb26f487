"""Double data entry (issue 19) on a real file: two users key a visit from its paper pages
with three planted differences, a third person resolves them, and the stored values, the
audit rows, verify and the error-rate report (read back by pandas and from the PDF's text)
are right; the refusals the issue names; tampering behind the program found by verify."""
from __future__ import annotations

import io
from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process

import pandas as pd
import pytest

from alsdesk import double_report
from alsdesk.errors import PermissionDenied, ReasonRequired, ValidationError, WorkflowError
from alsdesk.states import FormStatus
from alsdesk.store import Store
from alsdesk.store.double import Decision, State
from alsdesk.study.loader import load_study
from tests.amendment_files import bundled_text, edit, write
from tests.conftest import PASSWORD
from tests.pdf_helpers import pages_text

VS = {"vsdtc": "2015-03-05T09:30", "sysbp": 120, "diabp": 80, "pulse": 72, "resp": 16,
      "temp": 36.8, "spo2": 98, "weight": 72.5}
ALSFRS = {"qsdat": "2015-03-05", "gastro": "N", "q1": 4, "q2": 3, "q3": 3, "q4": 2, "q5a": 4, "q6": 3, "q7": 3, "q8": 2, "q9": 1,
          "q10": 4, "q11": 4, "q12": 4}


def double_text(*forms: str) -> str:
    """The bundled definition with these forms keyed twice (as a sponsor would write it)."""
    labels = {"vs": "Vital signs", "alsfrs": "ALSFRS-R", "dm": "Demographics"}
    text = bundled_text()
    for form in forms:
        head = f'[forms.{form}]\nlabel = "{labels[form]}"\n'
        text = edit(text, head, head + "double_entry = true\n")
    return text


@pytest.fixture(scope="module")
def double_study(tmp_path_factory):
    return load_study(write(tmp_path_factory.mktemp("def"), double_text("vs", "alsfrs")))


@pytest.fixture
def st(tmp_path, double_study):
    store = Store.create(tmp_path / "trial.db", double_study)
    store.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    for user, name, role in (("nurse", "Nora Nurse", "nurse"), ("nurse2", "Nils Second",
                                                                 "nurse"),
                             ("inv", "Ivan Investigator", "investigator"),
                             ("mon", "Mona Monitor", "monitor")):
        store.users.add(user, name, role, PASSWORD)
    store.login("nurse", PASSWORD)
    store.subjects.create("AB")
    yield store
    store.close()


def as_user(store: Store, user: str) -> Store:
    store.logout()
    store.login(user, PASSWORD)
    return store


def test_two_users_three_planted_differences_resolved_and_reported(st, tmp_path):
    # the first keying of the baseline visit's paper pages
    st.forms.save("S001", "baseline", "vs", VS)
    st.forms.save("S001", "baseline", "alsfrs", ALSFRS)
    with pytest.raises(WorkflowError, match="second entry"):
        st.forms.save("S001", "baseline", "vs", {}, complete=True)
    # the second keyer, blind: three typing errors planted (two in vs, one in ALSFRS-R)
    as_user(st, "nurse2")
    vs2 = st.double.enter("S001", "baseline", "vs", {**VS, "sysbp": 210, "pulse": 27})
    als2 = st.double.enter("S001", "baseline", "alsfrs", {**ALSFRS, "q9": 2})
    assert [d.field for d in vs2.differences] == ["sysbp", "pulse"]
    assert (vs2.fields, als2.fields, [d.field for d in als2.differences]) == (8, 14, ["q9"])
    assert (vs2.differences[0].first_value, vs2.differences[0].second_value) == ("120", "210")
    # the second keyer may not resolve; nothing else changes the form meanwhile
    rec = st.forms.get("S001", "baseline", "vs")
    with pytest.raises(WorkflowError, match="You made the second entry"):
        st.double.resolve(rec.instance_id, [Decision("sysbp", "first", "as on paper")])
    as_user(st, "inv")  # a third person, with the paper pages
    with pytest.raises(WorkflowError, match="to resolve first"):
        st.forms.save("S001", "baseline", "vs", {"resp": 17})
    st.double.resolve(rec.instance_id, [
        Decision("sysbp", "first", "as on the paper page"),
        Decision("pulse", "other", "the page reads 77; both keyed it wrong", value=77)])
    als = st.forms.get("S001", "baseline", "alsfrs")
    st.double.resolve(als.instance_id, [Decision("q9", "second", "the page says 2")])
    # what the forms hold now, and they can be completed
    assert st.forms.get("S001", "baseline", "vs").values["pulse"] == 77
    assert st.forms.get("S001", "baseline", "vs").values["sysbp"] == 120
    assert st.forms.get("S001", "baseline", "alsfrs").values["q9"] == 2
    for form in ("vs", "alsfrs"):
        assert st.double.state(st.forms.get("S001", "baseline", form)) is State.RESOLVED
        done = st.forms.save("S001", "baseline", form, {}, complete=True)
        assert done.record.status is FormStatus.COMPLETE
    # the audit trail: the second keying, each difference, each resolution with its reason,
    # and the value changes the resolutions made (with that reason)
    rows = st.conn.execute(
        "SELECT user_id, action, field, old_value, new_value, reason FROM audit_trail WHERE "
        "instance_id = ? AND (action LIKE 'double.%' OR user_id = 'inv') ORDER BY seq",
        (rec.instance_id,)).fetchall()
    actions = [r[1] for r in rows]
    assert actions.count("double.value") == 8 and actions.count("double.difference") == 2
    assert ("nurse2", "double.difference", "pulse", "72", "27", None) in rows
    assert ("inv", "double.resolve", "sysbp", "first", "120", "as on the paper page") in rows
    assert ("inv", "value.changed", "pulse", "72", "77",
            "double entry resolved (other): the page reads 77; both keyed it wrong") in rows
    assert ("inv", "double.resolved", None, None, "all 2 differences resolved",
            f"second entry {vs2.id}") in rows
    assert st.verify().ok, st.verify().text()
    # the report, read back by pandas: 3 differences in 22 fields
    out = tmp_path / "double.csv"
    double_report.write_csv(st, out)
    table = pd.read_csv(out)
    total = table[table.table == "total"].iloc[0]
    assert (total.keyed_twice, total.fields_compared, total.differences, total.resolved,
            total.unresolved) == (2, 22, 3, 3, 0)
    assert total.error_rate_per_10000 == pytest.approx(round(30_000 / 22, 1))
    users = table[table.table == "user"].set_index("name")
    # sysbp resolved to the first entry: nurse2's error; pulse to another value: both
    # keyers'; q9 to the second entry: nurse's
    assert users.loc["nurse2", "errors"] == 2 and users.loc["nurse", "errors"] == 2
    assert users.loc["nurse", "fields_compared"] == 22  # every field keyed, by both
    assert users.loc["nurse", "error_rate_per_10000"] == pytest.approx(round(20_000 / 22, 1))
    vs_row = table[(table.table == "form") & (table.name == "vs")].iloc[0]
    assert (vs_row.differences, vs_row.fields_compared) == (2, 8)


def test_the_pdf_report_says_the_figures(st):
    from alsdesk.pdf import double_entry_report

    st.forms.save("S001", "baseline", "vs", VS)
    st.forms.save("S001", "screening", "vs", VS)
    as_user(st, "nurse2")
    st.double.enter("S001", "baseline", "vs", {**VS, "resp": 61 - 45})  # no difference
    result = double_entry_report(st)
    text = "\n".join(pages_text(result.data))
    assert "Double data entry report" in text
    assert "Keyed twice: 1 form(s), 8 fields compared, 0 difference(s)" in " ".join(
        text.split())
    assert "Awaiting second entry" in text and "Screening" in text
    assert "Nora Nurse (nurse)" in text  # who keyed the waiting form, by name
    # the print is recorded, as every printout of trial data
    assert st.conn.execute("SELECT count(*) FROM audit_trail WHERE action = 'data.export' "
                           "AND new_value LIKE 'PDF double data entry report%'").fetchone()[0]


def test_the_same_user_cannot_make_both_entries(st):
    st.forms.save("S001", "baseline", "vs", VS)
    with pytest.raises(WorkflowError, match="You keyed the first entry"):
        st.double.enter("S001", "baseline", "vs", VS)
    as_user(st, "inv")
    st.double.enter("S001", "baseline", "vs", VS)  # a third person may
    assert st.double.entry(st.forms.get("S001", "baseline", "vs").instance_id).first_by == (
        "nurse",)
    # nor who finished a first entry begun earlier
    as_user(st, "nurse")
    st.forms.save("S001", "m2", "vs", {"vsdtc": VS["vsdtc"]})
    st.forms.save("S001", "m2", "vs", VS)
    with pytest.raises(WorkflowError, match="You keyed the first entry"):
        st.double.enter("S001", "m2", "vs", VS)


def test_refusals_say_why(st, double_study):
    # nothing keyed yet
    as_user(st, "nurse2")
    with pytest.raises(WorkflowError, match="no first entry yet"):
        st.double.enter("S001", "baseline", "vs", VS)
    # a form not keyed twice
    as_user(st, "nurse")
    st.forms.save("S001", "screening", "dm", {"sex": "M"})
    as_user(st, "nurse2")
    with pytest.raises(WorkflowError, match="not keyed twice"):
        st.double.enter("S001", "screening", "dm", {"sex": "M"})
    # a monitor makes no second entry
    as_user(st, "mon")
    with pytest.raises(WorkflowError, match="Only a user with the role"):
        st.double.enter("S001", "screening", "dm", {"sex": "M"})
    # a value the field does not take stops at its check; a second entry is made once
    as_user(st, "nurse")
    st.forms.save("S001", "baseline", "vs", VS)
    as_user(st, "nurse2")
    with pytest.raises(ValidationError):
        st.double.enter("S001", "baseline", "vs", {**VS, "sysbp": 999})
    st.double.enter("S001", "baseline", "vs", VS)
    with pytest.raises(WorkflowError, match="already keyed a second time"):
        st.double.enter("S001", "baseline", "vs", VS)
    rec = st.forms.get("S001", "baseline", "vs")
    # a resolution needs a reason that says something, and a value the field takes
    as_user(st, "nurse")
    st.forms.save("S001", "m2", "vs", VS)
    as_user(st, "nurse2")
    st.double.enter("S001", "m2", "vs", {**VS, "temp": 38.1})
    m2 = st.forms.get("S001", "m2", "vs")
    as_user(st, "nurse")
    with pytest.raises(ReasonRequired):
        st.double.resolve(m2.instance_id, [Decision("temp", "first", "   ")])
    with pytest.raises(ValidationError):
        st.double.resolve(m2.instance_id, [Decision("temp", "other", "paper", value=99.0)])
    with pytest.raises(WorkflowError, match="agree, or the difference is already resolved"):
        st.double.resolve(m2.instance_id, [Decision("pulse", "first", "paper")])
    with pytest.raises(WorkflowError, match="not a way to resolve"):
        st.double.resolve(m2.instance_id, [Decision("temp", "both", "paper")])
    # all or nothing: one bad decision among good ones changes nothing
    with pytest.raises(ValidationError):
        st.double.resolve(m2.instance_id, [Decision("temp", "other", "x", value=99.0)])
    assert st.double.entry(m2.instance_id).open
    as_user(st, "mon")
    with pytest.raises(PermissionDenied):
        st.double.resolve(rec.instance_id, [Decision("temp", "first", "paper")])


def test_a_deleted_entry_is_not_keyed_again(tmp_path):
    text = edit(double_text(), '[forms.mh]\nlabel = "Medical history"\n',
                '[forms.mh]\nlabel = "Medical history"\ndouble_entry = true\n')
    study = load_study(write(tmp_path / "def", text))
    st = Store.create(tmp_path / "t.db", study)
    st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
    st.users.add("nurse2", "Nils Second", "nurse", PASSWORD)
    st.login("nurse", PASSWORD)
    st.subjects.create("AB")
    form = study.form("mh")
    term = next(f.id for f in form.fields if f.type.value == "text")
    saved = st.forms.save("S001", "screening", "mh", {term: "Hypertension"}, repeat=None)
    st.forms.delete(saved.record.instance_id, "entered for the wrong subject")
    as_user(st, "nurse2")
    with pytest.raises(WorkflowError, match="was deleted \\(entered for the wrong subject\\)"):
        st.double.enter("S001", "screening", "mh", {term: "Hypertension"},
                        repeat=saved.record.repeat)
    st.close()


def test_after_resolution_a_change_needs_a_reason(st):
    st.forms.save("S001", "baseline", "vs", VS)
    as_user(st, "nurse2")
    entry = st.double.enter("S001", "baseline", "vs", VS)
    assert entry.resolved_at == entry.entered_at and not entry.differences
    as_user(st, "nurse")
    with pytest.raises(ReasonRequired, match="made to agree"):
        st.forms.save("S001", "baseline", "vs", {"resp": 18})
    st.forms.save("S001", "baseline", "vs", {"resp": 18}, reason="corrected from the source")
    st.forms.save("S001", "baseline", "vs", {}, complete=True)
    with pytest.raises(ReasonRequired):  # complete: the normal reason-for-change path
        st.forms.save("S001", "baseline", "vs", {"resp": 19})
    assert st.verify().ok


def _tamper(path, sql: str) -> list[str]:
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.commit()
    conn.close()
    with Store.open(path, readonly=True) as look:
        return look.verify().record_problems


@pytest.mark.parametrize("sql, found", [
    ("UPDATE entry_differences SET chosen = 'second', resolved_value = '210' WHERE "
     "field = 'sysbp'", "resolution"),
    ("UPDATE second_entries SET entry = replace(entry, '210', '120')", "changed behind"),
    ("DELETE FROM entry_differences WHERE field = 'pulse'", "differences"),
    ("UPDATE second_entries SET entered_by = 'nurse'", "keyed by"),
    ("UPDATE second_entries SET resolved_at = NULL, resolved_by = NULL", "resolved"),
    ("DELETE FROM entry_differences; DELETE FROM second_entries",
     "removed behind the program"),
])
def test_verify_finds_double_entry_changed_behind_the_program(st, sql, found):
    st.forms.save("S001", "baseline", "vs", VS)
    as_user(st, "nurse2")
    st.double.enter("S001", "baseline", "vs", {**VS, "sysbp": 210, "pulse": 27})
    as_user(st, "inv")
    rec = st.forms.get("S001", "baseline", "vs")
    st.double.resolve(rec.instance_id, [Decision("sysbp", "first", "paper"),
                                        Decision("pulse", "first", "paper")])
    assert st.verify().ok
    path = st.path
    st.close()
    problems = _tamper(path, sql)
    assert any(found in p for p in problems), problems


def test_a_planted_second_entry_row_is_found(st):
    st.forms.save("S001", "baseline", "vs", VS)
    iid = st.forms.get("S001", "baseline", "vs").instance_id
    path = st.path
    st.close()
    problems = _tamper(path, (
        "INSERT INTO second_entries (instance_id, entered_by, entered_at, entry, first_by, "
        "fields, differences, resolved_at, resolved_by) VALUES "
        f"({iid}, 'nurse2', '2026-01-01T00:00:00+00:00', '{{\"values\": {{}}, "
        "\"missing\": {}}', 'nurse', 8, 0, '2026-01-01T00:00:00+00:00', 'nurse2')"))
    assert any("added behind the program" in p for p in problems), problems


def test_an_amendment_switching_double_entry_on_says_what_it_does(tmp_path):
    """The bundled definition keys once; a sponsor's amendment asks vital signs twice."""
    from alsdesk.store import amend

    st = Store.create(tmp_path / "t.db", load_study())
    st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
    st.login("nurse", PASSWORD)
    st.subjects.create("AB")
    st.forms.save("S001", "screening", "vs", VS, complete=True)
    st.forms.save("S001", "baseline", "vs", VS)
    as_user(st, "admin")
    text = edit(double_text("vs"), 'crf_version = "1.0"', 'crf_version = "1.1"')
    new = load_study(write(tmp_path / "v11", text))
    plan = amend.plan(st, new, "v11")
    assert not plan.refused
    report = plan.report()
    assert "double_entry" in report and "1 form(s) already complete keep their status" in report
    amend.apply(st, new, "v11", reason="amendment 3: vital signs keyed twice",
                password=PASSWORD)
    as_user(st, "nurse")
    done = st.forms.get("S001", "screening", "vs")
    assert st.double.state(done) is State.EXEMPT  # complete before: not keyed again
    with pytest.raises(WorkflowError, match="second entry"):
        st.forms.save("S001", "baseline", "vs", {}, complete=True)
    assert st.verify().ok
    st.close()


def test_a_format_3_file_is_migrated_with_an_audit_row(tmp_path, double_study):
    """A file made by the previous format (no double entry tables) opens, migrated."""
    # a file of format 3 is this program's, less the tables format 4 adds
    st = Store.create(tmp_path / "old.db", load_study())
    st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    st.close()
    conn = sqlite3.connect(tmp_path / "old.db")
    conn.executescript("DROP TABLE entry_differences; DROP TABLE second_entries; UPDATE meta "
                       "SET value = '3' WHERE key = 'schema_version';")
    conn.close()
    with Store.open(tmp_path / "old.db", readonly=True) as look:  # not migrated by a look
        assert look.verify().ok and look.double.entries() == []
    with Store.open(tmp_path / "old.db") as st:
        assert st.conn.execute("SELECT count(*) FROM second_entries").fetchone()[0] == 0
        assert st.conn.execute("SELECT count(*) FROM audit_trail WHERE action = "
                               "'schema.change' AND new_value = 'migrated to format 4'"
                               ).fetchone()[0] == 1
        assert st.verify().ok


def test_the_report_csv_is_plain_for_r_and_pandas(st):
    st.forms.save("S001", "baseline", "vs", VS)
    rep = double_report.report(st)
    table = pd.read_csv(io.StringIO(double_report.csv_text(rep)))
    assert list(table.columns) == list(double_report.CSV_COLUMNS)
    assert table[table.table == "total"].iloc[0].awaiting_second_entry == 1


def test_the_first_entry_is_not_shown_to_who_may_still_key_the_second(st):
    """Blind: the record, the history and every printout hide the first entry's values from
    a user who may make the second entry; the first keyer and a monitor see them."""
    from alsdesk.pdf import PrintOptions, casebook, visit_forms

    st.forms.save("S001", "baseline", "vs", {**VS, "sysbp": 133})
    iid = st.forms.get("S001", "baseline", "vs").instance_id
    as_user(st, "nurse2")
    rec = st.forms.get("S001", "baseline", "vs")
    assert rec.values == {} and rec.missing == {} and st.double.blinded(rec)
    assert all(r["new_value"] in (None, "(not shown: awaits its second entry)")
               for r in st.forms.history(iid) if r["field"])
    for make in (lambda: casebook(st, "S001", PrintOptions()),
                 lambda: visit_forms(st, "S001", "baseline", options=PrintOptions())):
        text = " ".join(" ".join(pages_text(make().data)).split())
        assert "133 mmHg" not in text and "not shown: awaits its second entry" in text
    as_user(st, "mon")
    assert st.forms.get("S001", "baseline", "vs").values["sysbp"] == 133
    as_user(st, "nurse2")
    st.double.enter("S001", "baseline", "vs", VS)  # keyed: no longer blind
    assert st.forms.get("S001", "baseline", "vs").values["sysbp"] == 133


def test_an_unfinished_first_entry_is_not_keyed_again_yet(st):
    st.forms.save("S001", "baseline", "vs", {"vsdtc": VS["vsdtc"], "sysbp": 120})
    as_user(st, "nurse2")
    with pytest.raises(WorkflowError, match="not finished: 6 required question"):
        st.double.enter("S001", "baseline", "vs", VS)
    as_user(st, "nurse")
    st.forms.save("S001", "baseline", "vs", {k: v for k, v in VS.items() if k != "spo2"},
                  {"spo2": "ND"})  # the page leaves SpO2 blank: its code says so
    as_user(st, "nurse2")
    no_spo2 = {k: v for k, v in VS.items() if k != "spo2"}
    assert st.double.enter("S001", "baseline", "vs", no_spo2, {"spo2": "ND"}).differences == ()


def test_a_form_whose_entries_differ_is_not_locked(st):
    st.forms.save("S001", "baseline", "vs", VS)
    as_user(st, "nurse2")
    st.double.enter("S001", "baseline", "vs", {**VS, "resp": 18})
    as_user(st, "admin")
    iid = st.forms.get("S001", "baseline", "vs").instance_id
    with pytest.raises(WorkflowError, match="still differ"):
        st.forms.lock(iid, "interim freeze")
    with pytest.raises(WorkflowError, match="still differ"):
        st.forms.lock_casebook("S001", "end of study")


def test_a_second_entry_withdrawn_before_resolution_is_keyed_again(st):
    st.forms.save("S001", "baseline", "vs", VS)
    as_user(st, "nurse2")
    slip = st.double.enter("S001", "baseline", "vs", {**VS, "sysbp": 102, "pulse": 27})
    iid = slip.instance_id
    with pytest.raises(ReasonRequired):
        st.double.withdraw(iid, "  ")
    st.double.withdraw(iid, "keyed from the screening page by mistake")
    assert st.double.entry(iid) is None
    # who keyed it has seen the first entry since: someone else keys it again
    with pytest.raises(WorkflowError, match="earlier second entry"):
        st.double.enter("S001", "baseline", "vs", VS)
    as_user(st, "inv")
    again = st.double.enter("S001", "baseline", "vs", VS)
    assert again.differences == () and again.first_by == ("nurse",)
    assert st.verify().ok, st.verify().text()
    rows = st.conn.execute("SELECT old_value, reason FROM audit_trail WHERE action = "
                           "'double.withdrawn'").fetchall()
    assert rows == [(f"second entry {slip.id}", "keyed from the screening page by mistake")]
    # the report counts the entry that stands, and the one taken back
    rows = double_report.rows(double_report.report(st))
    total = dict(zip(double_report.CSV_COLUMNS, rows[-1]))
    assert (total["keyed_twice"], total["differences"],
            total["second_entries_withdrawn"]) == (1, 0, 1)
    nurse2 = next(dict(zip(double_report.CSV_COLUMNS, r)) for r in rows if r[:2] == ("user",
                                                                                  "nurse2"))
    assert nurse2["second_entries_withdrawn"] == 1
    # once a difference is resolved into the form, the entry stays
    as_user(st, "nurse")
    st.forms.save("S001", "m2", "vs", VS)
    as_user(st, "nurse2")
    m2 = st.double.enter("S001", "m2", "vs", {**VS, "resp": 18, "pulse": 70})
    as_user(st, "inv")
    st.double.resolve(m2.instance_id, [Decision("resp", "first", "the page says 16")])
    as_user(st, "nurse2")
    with pytest.raises(WorkflowError, match="already resolved into the form"):
        st.double.withdraw(m2.instance_id, "slip")
    as_user(st, "nurse")  # nor by the first keyer, a nurse
    with pytest.raises(WorkflowError):
        st.double.withdraw(m2.instance_id, "slip")


def test_another_value_equal_to_one_entry_counts_as_that_entry(st):
    """'other' typed as the first entry's value: the second keyer erred, not both."""
    st.forms.save("S001", "baseline", "vs", VS)
    as_user(st, "nurse2")
    entry = st.double.enter("S001", "baseline", "vs", {**VS, "resp": 18})
    as_user(st, "inv")
    st.double.resolve(entry.instance_id, [Decision("resp", "other", "page: 16", value=16)])
    users = {r[1]: r for r in double_report.rows(double_report.report(st)) if r[0] == "user"}
    errors = double_report.CSV_COLUMNS.index("errors")
    assert (users["nurse"][errors], users["nurse2"][errors]) == (0, 1)


def test_the_command_line_writes_the_pdf_and_the_csv(st, tmp_path):
    from click.testing import CliRunner

    from alsdesk.cli import main

    st.forms.save("S001", "baseline", "vs", VS)
    path = st.path
    st.close()
    pdf, csv = tmp_path / "de.pdf", tmp_path / "de.csv"
    result = CliRunner().invoke(main, ["--db", str(path), "pdf", "double-entry", "--as", "mon",
                                       "--password-stdin", "--out", str(pdf), "--csv",
                                       str(csv)], input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert "Double data entry report" in " ".join(pages_text(pdf.read_bytes()))
    assert pd.read_csv(csv).set_index("table").loc["total", "awaiting_second_entry"] == 1
    # a CSV over an existing file needs --force, and nothing is made before it says so
    again = CliRunner().invoke(main, ["--db", str(path), "pdf", "double-entry", "--as", "mon",
                                      "--password-stdin", "--out", str(tmp_path / "x.pdf"),
                                      "--csv", str(csv)], input=PASSWORD + "\n")
    assert again.exit_code == 1 and "already exists" in again.output
    assert not (tmp_path / "x.pdf").exists()
    refused = CliRunner().invoke(main, ["--db", str(path), "pdf", "double-entry", "--as", "mon",
                                        "--password-stdin", "--language", "fa"],
                                 input=PASSWORD + "\n")
    assert refused.exit_code != 0 and "Traceback" not in refused.output


def test_who_may_still_key_the_second_entry_does_not_change_the_first(st):
    st.forms.save("S001", "baseline", "vs", VS)
    as_user(st, "nurse2")
    with pytest.raises(WorkflowError, match="not changed by you"):
        st.forms.save("S001", "baseline", "vs", {"sysbp": 140})
    as_user(st, "nurse")
    assert st.forms.get("S001", "baseline", "vs").values["sysbp"] == 120


def test_who_exported_the_data_since_does_not_key_the_second_entry(st, tmp_path):
    from alsdesk.exchange import export_csv

    st.forms.save("S001", "baseline", "vs", VS)
    as_user(st, "inv")
    export_csv(st, tmp_path / "out")
    with pytest.raises(WorkflowError, match="exported the trial's data"):
        st.double.enter("S001", "baseline", "vs", VS)
    as_user(st, "nurse2")
    st.double.enter("S001", "baseline", "vs", VS)


def test_a_form_awaiting_its_second_entry_is_not_locked(st):
    st.forms.save("S001", "baseline", "vs", VS)
    as_user(st, "admin")
    iid = st.forms.get("S001", "baseline", "vs").instance_id
    with pytest.raises(WorkflowError, match="await\\(s\\) the second entry"):
        st.forms.lock(iid, "interim freeze")
