"""`alsdesk export csv|odm|redcap` and `alsdesk import odm`, and the audit row every export
leaves: who exported what, when, where to."""
from __future__ import annotations

from click.testing import CliRunner

from alsdesk.cli import main
from alsdesk.demo import DEMO_PASSWORD
from alsdesk.exchange import ExportOptions, export_odm
from alsdesk.store import Store
from alsdesk.store.audit import A, rows
from tests.exchange_fixtures import demo_db, demo_master, open_as  # noqa: F401 - fixtures


def run(*args: str, password: str = DEMO_PASSWORD):
    return CliRunner().invoke(main, list(args), input=f"{password}\n", catch_exceptions=False)


def test_cli_exports_each_format_and_logs_it(demo_db, tmp_path):
    db = str(demo_db)
    for fmt, target, extra in (("csv", tmp_path / "csv", ["--bom", "--audit"]),
                               ("odm", tmp_path / "t.xml", ["--subjects", "S003,S005"]),
                               ("redcap", tmp_path / "rc", ["--forms", "vs", "--forms", "ae"])):
        result = run("--db", db, "export", fmt, "--out", str(target), "--as", "monitor",
                     "--password-stdin", *extra)
        assert result.exit_code == 0, result.output
        assert str(target) in result.output and target.exists()
    with Store.open(demo_db) as st:
        logged = list(rows(st.conn, action=A.EXPORT))
    assert [r["field"] for r in logged] == ["csv", "odm", "redcap"]
    assert all(r["user_id"] == "monitor" and r["role"] == "monitor" for r in logged)
    assert all(r["ts"].endswith("+00:00") for r in logged)
    assert "subjects S003,S005" in logged[1]["new_value"]
    assert "forms vs,ae" in logged[2]["new_value"]
    assert "direct identifiers excluded" in logged[0]["new_value"]
    assert str(tmp_path / "t.xml") in logged[1]["new_value"]
    with Store.open(demo_db) as st:
        assert st.verify().ok


def test_cli_refuses_roles_and_identifiers_clearly(demo_db, tmp_path):
    db = str(demo_db)
    result = run("--db", db, "export", "csv", "--out", str(tmp_path / "a"), "--as", "nurse",
                 "--password-stdin")
    assert result.exit_code == 1 and "may not export data" in result.output
    result = run("--db", db, "export", "odm", "--out", str(tmp_path / "b.xml"), "--as",
                 "investigator", "--password-stdin", "--include-identifiers")
    assert result.exit_code == 1 and "Only an administrator" in result.output
    assert not (tmp_path / "a").exists() and not (tmp_path / "b.xml").exists()
    result = run("--db", db, "export", "odm", "--out", str(tmp_path / "c.xml"), "--as",
                 "admin", "--password-stdin", "--include-identifiers")
    assert result.exit_code == 0, result.output
    with Store.open(demo_db) as st:
        (row,) = rows(st.conn, action=A.EXPORT)
    assert row["user_id"] == "admin" and "direct identifiers INCLUDED" in row["new_value"]


def test_cli_import_then_verify(demo_db, tmp_path):
    with open_as(demo_db, "monitor") as st:
        path = export_odm(st, tmp_path / "two.xml", ExportOptions(subjects=("S004", "S006")))\
            .target
    new = str(tmp_path / "new.db")
    assert run("--db", new, "init", "--admin", "boss", "--name", "Bea Boss",
               "--password-stdin").exit_code == 0
    result = CliRunner().invoke(main, ["--db", new, "users", "add", "ivan", "--name", "Ivan",
                                       "--role", "investigator", "--as", "boss",
                                       "--password-stdin"],
                                input=f"{DEMO_PASSWORD}\n{DEMO_PASSWORD}\n")
    assert result.exit_code == 0, result.output
    result = run("--db", new, "import", "odm", str(path), "--as", "ivan", "--password-stdin")
    assert result.exit_code == 0, result.output
    assert "Imported two.xml: 2 subjects" in result.output
    assert "VERIFY OK" in CliRunner().invoke(main, ["--db", new, "verify"]).output
    listing = CliRunner().invoke(main, ["--db", new, "subjects", "--as", "ivan",
                                        "--password-stdin"], input=f"{DEMO_PASSWORD}\n").output
    assert "S004" in listing and "died" in listing and "S006" in listing
    again = run("--db", new, "import", "odm", str(path), "--as", "ivan", "--password-stdin")
    assert again.exit_code == 1
    assert "not imported; nothing was written" in again.output
    assert "already holds 2 subjects" in again.output


def test_redcap_never_claims_an_audit_trail_it_cannot_hold(demo_db, tmp_path):
    """REDCap's import files hold no audit trail: asking for it is refused with the reason,
    and no audit row says "audit trail included" of files without one."""
    import pytest

    from alsdesk.exchange import ExportError
    from alsdesk.exchange.redcap import export_redcap

    result = CliRunner().invoke(main, ["--db", str(demo_db), "export", "redcap", "--out",
                                       str(tmp_path / "rc"), "--audit", "--as", "monitor",
                                       "--password-stdin"], input=f"{DEMO_PASSWORD}\n")
    assert result.exit_code != 0 and "cannot carry the audit trail" in result.output
    assert "Traceback" not in result.output
    st = open_as(demo_db, "monitor")
    try:
        with pytest.raises(ExportError, match="cannot carry the audit trail"):
            export_redcap(st, tmp_path / "rc", ExportOptions(include_audit=True))
        assert not list(rows(st.conn, action=A.EXPORT))
    finally:
        st.close()
    assert not (tmp_path / "rc").exists()


def test_each_command_says_what_force_and_audit_do_in_its_format():
    helps = {fmt: CliRunner().invoke(main, ["export", fmt, "--help"]).output
             for fmt in ("csv", "odm", "redcap")}
    assert "ODM" not in helps["csv"] and "folder that is not empty" in helps["csv"]
    assert "audit_trail.csv" in helps["csv"]
    assert "Replace the ODM file" in helps["odm"] and "AuditRecord" in helps["odm"]
    assert "Refused: REDCap's import files cannot hold" in helps["redcap"]


def test_options_a_format_cannot_honour_are_refused_not_claimed(demo_db, tmp_path):
    """--forms for the derived tables, --include-identifiers where no identifier is mapped,
    and an option naming nothing: each refused in words, nothing written, no audit row."""
    db = str(demo_db)
    cases = [("analysis", ["--forms", "ae"], "computed from every form"),
             ("proact", ["--forms", "alsfrs"], "computed from every form"),
             ("sdtm", ["--include-identifiers"], "hold no direct identifiers"),
             ("analysis", ["--include-identifiers"], "hold no direct identifiers"),
             ("csv", ["--subjects", ""], "--subjects names nothing"),
             ("csv", ["--forms", " , "], "--forms names nothing")]
    for n, (fmt, extra, words) in enumerate(cases):
        target = tmp_path / f"out{n}"
        result = run("--db", db, "export", fmt, "--out", str(target), "--as", "admin",
                     "--password-stdin", *extra)
        assert result.exit_code != 0 and words in result.output, (fmt, result.output)
        assert "Traceback" not in result.output and not target.exists()
    with Store.open(demo_db) as st:
        assert not list(rows(st.conn, action=A.EXPORT))
    # the subjects may still be chosen for the derived tables
    result = run("--db", db, "export", "analysis", "--out", str(tmp_path / "an"), "--as",
                 "monitor", "--password-stdin", "--subjects", "S003")
    assert result.exit_code == 0, result.output


def test_the_audit_row_names_where_the_files_went(demo_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("--db", str(demo_db), "export", "csv", "--out", "rel", "--as", "monitor",
                 "--password-stdin")
    assert result.exit_code == 0, result.output
    with Store.open(demo_db) as st:
        (row,) = rows(st.conn, action=A.EXPORT)
    assert f"file {tmp_path / 'rel'}" in row["new_value"]
    # a file where a folder should be is named as such
    (tmp_path / "plain").write_text("x")
    result = run("--db", str(demo_db), "export", "csv", "--out", str(tmp_path / "plain" / "x"),
                 "--as", "monitor", "--password-stdin")
    assert result.exit_code == 1 and "is a file, not a folder" in result.output
