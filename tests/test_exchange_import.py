"""The ODM import read a subject at a time: memory that does not grow with the file, a
problem anywhere (even after the last subject) rolling back everything already written, and
every problem of the file reported at once."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from alsdesk.exchange import export_odm
from alsdesk.exchange.odm_import import ImportRefused, import_odm
from alsdesk.exchange.odm_stream import pieces
from tests.exchange_fixtures import (  # noqa: F401 - fixtures
    demo_db, demo_master, fresh_db, monitor, open_as,
)


@pytest.fixture
def exported(monitor, tmp_path) -> str:
    return export_odm(monitor, tmp_path / "good.xml").target.read_text(encoding="utf-8")


def _nothing_written(db: Path) -> None:
    with open_as(db, "investigator") as st:
        for table in ("subjects", "form_instances", "vs", "alsfrs"):
            assert st.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        actions = [r[0] for r in st.conn.execute("SELECT action FROM audit_trail WHERE "
                                                 "action LIKE 'data.import%'")]
        assert actions == ["data.import_refused"]
        assert st.verify().ok


def _import(db: Path, path: Path):
    with open_as(db, "investigator") as st:
        return import_odm(st, path)


def test_the_reader_hands_out_one_subject_at_a_time(exported, tmp_path):
    path = tmp_path / "in.xml"
    path.write_text(exported, encoding="utf-8")
    with path.open("rb") as fh:
        got = [(p.kind, p.element.get("SubjectKey"), len(p.element)) for p in pieces(fh)]
    assert got[0][0] == "clinical" and got[-1][0] == "end"
    assert [key for kind, key, _n in got if kind == "subject"] == [f"S00{n}" for n in
                                                                    range(1, 8)]
    # the skeleton holds no subject: each was dropped once handed out
    with path.open("rb") as fh:
        end = list(pieces(fh))[-1].element
    assert not list(end.iter("{http://www.cdisc.org/ns/odm/v1.3}SubjectData"))
    assert list(end.iter("{http://www.cdisc.org/ns/odm/v1.3}ItemDef"))


def test_a_file_cut_after_its_last_subject_writes_nothing(exported, tmp_path):
    # every subject is whole and already written when the end of the file is found missing
    cut = exported[: exported.index("</ClinicalData>")]
    path = tmp_path / "cut.xml"
    path.write_text(cut, encoding="utf-8")
    db = fresh_db(tmp_path)
    with pytest.raises(ImportRefused) as info:
        _import(db, path)
    assert "not well-formed XML" in str(info.value) and "no element found" in str(info.value)
    _nothing_written(db)


def test_problems_in_the_first_and_the_last_subject_are_both_reported(exported, tmp_path):
    first = exported.replace('ItemOID="IT.VS.TEMP" Value="36.7"', 'ItemOID="IT.VS.TEMP" '
                             'Value="warm"', 1)
    head, sep, tail = first.rpartition('<SubjectData SubjectKey="S007"')
    text = head + sep + tail.replace('ItemOID="IT.DM.SEX" Value="M"', 'ItemOID="IT.DM.SEX" '
                                     'Value="Q"', 1)
    path = tmp_path / "two.xml"
    path.write_text(text, encoding="utf-8")
    db = fresh_db(tmp_path)
    with pytest.raises(ImportRefused) as info:
        _import(db, path)
    where = [p.where for p in info.value.problems]
    assert "subject S001" in where[0], where
    assert any("subject S007" in w and "form dm" in w for w in where), where
    assert all(w.startswith("line ") for w in where), where
    _nothing_written(db)


def test_a_hard_check_failing_in_the_last_subject_rolls_back_the_others(exported, tmp_path):
    head, sep, tail = exported.rpartition('ItemOID="IT.VS.DIABP" Value="76"')
    path = tmp_path / "hard.xml"
    path.write_text(head + 'ItemOID="IT.VS.DIABP" Value="150"' + tail, encoding="utf-8")
    db = fresh_db(tmp_path)
    with pytest.raises(ImportRefused, match="diastolic pressure must be lower"):
        _import(db, path)
    _nothing_written(db)


def test_a_subject_twice_in_two_clinical_data_blocks(exported, tmp_path):
    start = exported.index("<ClinicalData ")
    end = exported.index("</ClinicalData>") + len("</ClinicalData>")
    block = exported[start:end]
    path = tmp_path / "twice.xml"
    path.write_text(exported[:end] + block + exported[end:], encoding="utf-8")
    db = fresh_db(tmp_path)
    with pytest.raises(ImportRefused) as info:
        _import(db, path)
    assert "subject S001: appears twice in the file" in str(info.value)
    _nothing_written(db)


def test_elements_nested_absurdly_deep_are_refused_in_words(exported, tmp_path):
    # 100,000 levels would exhaust the recursion of any tree walker (a traceback before)
    at = exported.index("<StudyEventData", exported.index("<SubjectData"))
    path = tmp_path / "deep.xml"
    path.write_text(exported[:at] + "<x>" * 100_000 + "</x>" * 100_000 + exported[at:],
                    encoding="utf-8")
    db = fresh_db(tmp_path)
    with pytest.raises(ImportRefused, match="nested more than 40 deep"):
        _import(db, path)
    _nothing_written(db)


def test_the_import_row_names_the_bytes_it_read(exported, tmp_path):
    path = tmp_path / "good.xml"
    path.write_text(exported, encoding="utf-8")
    db = fresh_db(tmp_path)
    report = _import(db, path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with open_as(db, "investigator") as st:
        rows = [r[0] for r in st.conn.execute("SELECT new_value FROM audit_trail WHERE "
                                              "action = 'data.import'")]
    assert rows == [f"good.xml ({path.stat().st_size} bytes, SHA-256 {digest}): "
                    f"{report.subjects} subjects, {report.forms} forms"]


def test_many_problems_are_counted_not_all_kept(exported, tmp_path):
    # every temperature of every copy wrong: thousands of problems, 1,000 kept, all counted
    head, _, rest = exported.partition("<SubjectData ")
    body, _, tail = ("<SubjectData " + rest).rpartition("</SubjectData>")
    body = (body + "</SubjectData>").replace('ItemOID="IT.ALSFRS.Q1" Value="', 'ItemOID='
                                             '"IT.ALSFRS.Q1" Value="9')
    per_copy = body.count('ItemOID="IT.ALSFRS.Q1" Value="9')
    copies = 1000 // per_copy + 2
    path = tmp_path / "many.xml"
    path.write_text(head + "".join(body.replace('SubjectKey="S', f'SubjectKey="S{n}')
                                   for n in range(1, copies + 1)) + tail, encoding="utf-8")
    db = fresh_db(tmp_path)
    with pytest.raises(ImportRefused) as info:
        _import(db, path)
    assert len(info.value.problems) == 1000
    total = len(info.value.problems) + info.value.uncounted
    assert total >= per_copy * copies
    assert f"... and {total - 50} more" in str(info.value)
    _nothing_written(db)
def _capped_import(db: Path, path: Path, cap_mb: int) -> str:
    """Import `path` into `db` in a child process whose address space is capped at what it
    has after start plus `cap_mb`; its output (IMPORTED, or REFUSED and the message)."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(f"""
        import resource
        from alsdesk.demo import DEMO_PASSWORD
        from alsdesk.exchange.odm_import import ImportRefused, import_odm
        from alsdesk.store import Store
        st = Store.open({str(db)!r}); st.login("investigator", DEMO_PASSWORD)
        import xmlschema, odmlib  # what a first subject loads, loaded before the cap
        with open("/proc/self/status") as fh:
            size = next(int(l.split()[1]) for l in fh if l.startswith("VmSize:")) * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size + {cap_mb}_000_000, resource.RLIM_INFINITY))
        try:
            import_odm(st, {str(path)!r})
            print("IMPORTED")
        except ImportRefused as exc:
            print("REFUSED", exc)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=600)
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    return done.stdout


def test_a_file_larger_than_memory_allows_imports_a_subject_at_a_time(exported, tmp_path):
    """40 copies of the demo's subjects (280 subjects, 26 MB of XML; read whole, they ran
    out of the 150 MB cap) import under that cap: the file is never held whole."""
    head, _, rest = exported.partition("<SubjectData ")
    body, _, tail = ("<SubjectData " + rest).rpartition("</SubjectData>")
    body += "</SubjectData>"
    copies = (body.replace('SubjectKey="S', f'SubjectKey="S{n}') for n in range(1, 41))
    big = tmp_path / "big.xml"
    with big.open("w", encoding="utf-8") as fh:
        fh.write(head)
        fh.writelines(copies)
        fh.write(tail)
    db = fresh_db(tmp_path, "big.db")
    assert _capped_import(db, big, 150).strip() == "IMPORTED"
    with open_as(db, "investigator") as st:
        assert st.conn.execute("SELECT count(*) FROM subjects").fetchone()[0] == 280
        assert st.verify().ok


def test_running_out_of_memory_is_a_refusal_in_words(exported, tmp_path):
    """A subject too big for the memory the process may use (one value of 100 MB, read
    whole before it can be refused for its length): refused in words, recorded, the
    database untouched."""
    at = exported.index('Value="Enoxaparin"') + len('Value="')
    big = tmp_path / "big.xml"
    with big.open("w", encoding="utf-8") as fh:
        fh.write(exported[:at])
        fh.writelines("x" * 1_000_000 for _ in range(100))
        fh.write(exported[at + len("Enoxaparin"):])
    db = fresh_db(tmp_path, "big.db")
    out = _capped_import(db, big, 150)
    assert "REFUSED" in out and "ran out of memory" in out, out
    with open_as(db, "investigator") as st:
        assert st.conn.execute("SELECT count(*) FROM subjects").fetchone()[0] == 0
        actions = [r[0] for r in st.conn.execute("SELECT action FROM audit_trail WHERE "
                                                 "action LIKE 'data.import%'")]
        assert actions == ["data.import_refused"]
        assert st.verify().ok


def test_an_item_or_item_group_given_twice_is_refused(exported, tmp_path):
    """Two values for one field (118 and 140): the last would silently win."""
    item = 'ItemOID="IT.VS.SYSBP" Value="'
    at = exported.index(item)
    line_end = exported.index("\n", at)
    twice = exported[:line_end + 1] + exported[exported.rindex("\n", 0, at) + 1:line_end + 1] \
        + exported[line_end + 1:]
    path = tmp_path / "twice.xml"
    path.write_text(twice, encoding="utf-8")
    db = fresh_db(tmp_path)
    with pytest.raises(ImportRefused, match="item IT.VS.SYSBP appears twice in this form"):
        _import(db, path)
    _nothing_written(db)
    start = exported.index('<ItemGroupData ItemGroupOID="IG.VS">')
    end = exported.index("</ItemGroupData>", start) + len("</ItemGroupData>")
    group = exported[start:end]
    path.write_text(exported[:end] + group + exported[end:], encoding="utf-8")
    with pytest.raises(ImportRefused, match="item group 'IG.VS' appears twice in this form"):
        _import(db, path)


def test_blanks_around_text_are_removed_as_data_entry_removes_them(exported, tmp_path):
    text = exported.replace('Value="Hypertension"', 'Value="  Hypertension  "', 1)
    assert text != exported
    path = tmp_path / "blanks.xml"
    path.write_text(text, encoding="utf-8")
    db = fresh_db(tmp_path)
    report = _import(db, path)
    assert "1 text value(s) had blanks before or after them" in report.text()
    with open_as(db, "investigator") as st:
        terms = [r[0] for r in st.conn.execute("SELECT mhterm FROM mh")]
    assert "Hypertension" in terms and not any(t != t.strip() for t in terms if t)
