"""Another trial than the one the program brings: a small definition written here (two visits,
one form), a database made for it with `alsdesk init --study`, data entered, printed and
exported; the file opens with its own definition ever after, wherever the program's is."""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3  # the one SQLite of the process
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from odmlib.odm_parser import ODMSchemaValidator
from pypdf import PdfReader

from alsdesk.cli import main
from alsdesk.errors import WorkflowError
from alsdesk.overview import schedule
from alsdesk.store import Store, amend, definitions
from alsdesk.study import load_study
from tests.conftest import PASSWORD

TRIAL = """\
[study]
id = "NCT04000001"
protocol = "HAND-2"
title = "Hand grip after a splint: a two-visit pilot"
site = "Clinic B"
crf_version = "1.0"
subject_pattern = "H{n:02d}"
target_enrolment = 6
anchor_name = "splint fitting"

[parameters]
min_age = 18
max_age = 80
min_alsfrs = 0
min_fvc_pct = 0
cells_per_kg = 0
dose_tolerance_pct = 10
due_ahead_days = 7

[[missing]]
code = "ND"
label = "Not done"

[bindings]
anchor = "day0.grip.gdate"
visit_date = "grip.gdate"

[codelists.hand]
type = "text"
choices = [{ code = "L", label = "Left" }, { code = "R", label = "Right" }]

[[events]]
id = "day0"
label = "Splint fitted"
forms = ["grip"]
anchor = true
unit = "hours"
target = 0
window = [0, 0]

[[events]]
id = "w6"
label = "Week 6"
forms = ["grip"]
unit = "days"
target = 42
window = [35, 49]

[forms.grip]
label = "Grip strength"

[[forms.grip.fields]]
id = "gdate"
label = "Date and time of the measurement"
type = "datetime"
required = true

[[forms.grip.fields]]
id = "ghand"
label = "Hand measured"
type = "choice"
choices = "hand"
required = true

[[forms.grip.fields]]
id = "gkg"
label = "Grip strength (best of three)"
type = "decimal"
unit = "kg"
min = 0
max = 90
digits = 1
required = true
missing = ["ND"]

[[forms.grip.fields]]
id = "gnote"
label = "Comments"
type = "memo"
length = 500
"""


def _cli(db: Path, *args: str, stdin: str = PASSWORD + "\n"):
    result = CliRunner().invoke(main, ["--db", str(db), *args], input=stdin)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_database_for_another_trial_enters_prints_and_exports(tmp_path):
    definition = tmp_path / "hand2.toml"
    definition.write_text(TRIAL, encoding="utf-8")
    db = tmp_path / "hand2.db"
    out = _cli(db, "init", "--study", str(definition), "--admin", "admin", "--name",
               "Ada Admin", "--password-stdin", stdin=PASSWORD + "\n" + PASSWORD + "\n")
    assert "for NCT04000001 CRF 1.0" in out
    _cli(db, "users", "add", "nurse", "--name", "Nora Nurse", "--role", "nurse", "--as",
         "admin", "--password-stdin", stdin=PASSWORD + "\n" + PASSWORD + "\n")
    definition.unlink()  # the file is self-describing: the definition is inside it

    with Store.open(db) as st:  # no definition given: the file's own
        assert (st.study.id, st.study.crf_version, st.study_version) == ("NCT04000001", "1.0", 1)
        assert st.study.text == TRIAL
        st.login("nurse", PASSWORD)
        code = st.subjects.create(initials="AB").code
        assert code == "H01"
        st.forms.save(code, "day0", "grip", {"gdate": "2026-09-02T09:30", "ghand": "R",
                                               "gkg": 21.5, "gnote": "Splint on the right."},
                      complete=True)
        st.forms.save(code, "w6", "grip", {"gdate": "2026-10-14T10:00", "ghand": "R"},
                      missing={"gkg": "ND"}, complete=True)
        plans = {p.event_id: p.status.value for p in schedule(st, code)}
        assert plans == {"day0": "done in window", "w6": "done in window"}
        assert st.verify().ok

    casebook = tmp_path / "h01.pdf"
    _cli(db, "pdf", "casebook", "H01", "--as", "admin", "--password-stdin", "--out",
         str(casebook))
    text = "\n".join(p.extract_text() for p in PdfReader(casebook).pages)
    for words in ("NCT04000001", "Grip strength (best of three)", "21.5 kg", "Week 6",
                  "ND – Not done", "Splint on the right.", "CRF version 1.0",
                  "0 h after splint fitting"):
        assert words in text, words
    assert "NCT02492516" not in text and "ALSFRS" not in text and "infusion" not in text
    blank = tmp_path / "blank.pdf"
    _cli(db, "pdf", "blank", "--out", str(blank))
    blank_text = "\n".join(p.extract_text() for p in PdfReader(blank).pages)
    assert "Hand measured" in blank_text and "Splint fitted" in blank_text

    folder = tmp_path / "csv"
    _cli(db, "export", "csv", "--out", str(folder), "--as", "admin", "--password-stdin")
    grip = pd.read_csv(next(folder.glob("*grip*.csv")))
    assert sorted(grip["gkg"].dropna().tolist()) == [21.5]
    assert grip["ghand"].tolist() == ["R", "R"]
    odm = tmp_path / "hand2.xml"
    _cli(db, "export", "odm", "--out", str(odm), "--as", "admin", "--password-stdin")
    errors = list(ODMSchemaValidator(standard="odm", version="1.3.2").xsd.iter_errors(str(odm)))
    assert not errors, errors[:3]
    root = ET.parse(odm).getroot()
    ns = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}
    assert root.find("odm:Study", ns).get("OID").endswith("NCT04000001")
    values = [i.get("Value") for i in root.iterfind(".//odm:ItemData", ns)]
    assert "21.5" in values and "Splint on the right." in values


def test_the_trial_is_amended_and_the_bundled_one_is_refused(tmp_path):
    definition = tmp_path / "hand2.toml"
    definition.write_text(TRIAL, encoding="utf-8")
    db = tmp_path / "hand2.db"
    with Store.create(db, load_study(definition), admin=("admin", "Ada Admin", PASSWORD)):
        pass
    newer = tmp_path / "hand2-v1.1.toml"
    newer.write_text(TRIAL.replace('crf_version = "1.0"', 'crf_version = "1.1"') +
        '\n[[forms.grip.fields]]\nid = "gpain"\nlabel = "Pain during the test (0 to 10)"\n'
        'type = "integer"\nmin = 0\nmax = 10\n', encoding="utf-8")
    with Store.open(db) as st:
        st.login("admin", PASSWORD)
        bundled = load_study()
        try:
            amend.plan(st, bundled, "nct02492516.toml")
        except amend.AmendmentRefused as exc:
            assert "is the definition of study NCT02492516; this database holds study " \
                "NCT04000001" in str(exc)
        else:
            raise AssertionError("another study's definition was not refused")
        amend.apply(st, load_study(newer), newer.name, reason="v1.1: pain score",
                    password=PASSWORD)
        assert [v.crf_version for v in definitions.versions(st.conn)] == ["1.0", "1.1"]
        assert st.verify().ok
    # opening it with the program's own trial is refused in words
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from alsdesk.store import Store; "
         "from alsdesk.study import load_study\n"
         "try:\n    Store.open(sys.argv[1], load_study())\n"
         "except Exception as e:\n    print(e)", str(db)], capture_output=True, text=True)
    assert "holds data of study NCT04000001, not NCT02492516" in result.stdout


def test_a_field_emptied_then_removed_keeps_its_history_and_its_id(tmp_path):
    """A field whose values were all cleared may go; verify still replays the values the
    trail holds for it, and the id cannot come back as another kind of field."""
    definition = tmp_path / "hand2.toml"
    definition.write_text(TRIAL, encoding="utf-8")
    db = tmp_path / "hand2.db"
    st = Store.create(db, load_study(definition), admin=("admin", "Ada Admin", PASSWORD))
    st.login("admin", PASSWORD)
    st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
    st.logout()
    st.login("nurse", PASSWORD)
    code = st.subjects.create(initials="AB").code
    st.forms.save(code, "day0", "grip", {"gdate": "2026-09-02T09:30", "gnote": "typo"})
    st.forms.save(code, "day0", "grip", {"gnote": None}, reason="entered in error")
    st.logout()
    st.login("admin", PASSWORD)
    cut = TRIAL.index('[[forms.grip.fields]]\nid = "gnote"')
    without = tmp_path / "v1.1.toml"
    without.write_text(TRIAL[:cut].replace('crf_version = "1.0"', 'crf_version = "1.1"'),
                       encoding="utf-8")
    plan = amend.apply(st, load_study(without), without.name, reason="no comments",
                       password=PASSWORD)
    assert [f.text for f in plan.findings][-1] == \
        "v1.1.toml: field grip.gnote removed (memo: 'Comments')"
    assert st.verify().ok
    back = tmp_path / "v1.2.toml"
    back.write_text(without.read_text(encoding="utf-8").replace(
        'crf_version = "1.1"', 'crf_version = "1.2"') + '\n[[forms.grip.fields]]\nid = '
        '"gnote"\nlabel = "Comment score"\ntype = "integer"\n', encoding="utf-8")
    plan = amend.plan(st, load_study(back), back.name)
    assert [f.text for f in plan.refused] == [
        "v1.2.toml:77: field grip.gnote added (integer: 'Comment score'). REFUSED: an earlier "
        "version had a field with this id of another kind, whose values stay in the file; "
        "give the new field a new id"]
    st.close()
    with Store.open(db) as again:
        assert again.verify().ok and again.study_version == 2


def _made(tmp_path: Path, text: str = TRIAL) -> Path:
    """A database of the trial with an administrator and a nurse."""
    definition = tmp_path / "hand2.toml"
    definition.write_text(text, encoding="utf-8")
    db = tmp_path / "hand2.db"
    with Store.create(db, load_study(definition), admin=("admin", "Ada Admin", PASSWORD)) as st:
        st.login("admin", PASSWORD)
        st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
    return db


def test_windows_are_counted_from_the_trials_own_anchor(tmp_path):
    """The ODM events and the blank CRF's schedule name the anchor as the definition does
    (anchor_name = "splint fitting"), never as the program's trial does."""
    db = _made(tmp_path)
    odm = tmp_path / "hand2.xml"
    _cli(db, "export", "odm", "--out", str(odm), "--as", "admin", "--password-stdin")
    ns = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}
    texts = [e.findtext("odm:Description/odm:TranslatedText", namespaces=ns)
             for e in ET.parse(odm).getroot().iterfind(".//odm:StudyEventDef", ns)]
    assert "target 42 days after splint fitting; window 35 to 49 days" in texts
    assert not [t for t in texts if t and "infusion" in t]
    blank = tmp_path / "blank.pdf"
    _cli(db, "pdf", "blank", "--out", str(blank))
    schedule_page = " ".join(PdfReader(blank).pages[0].extract_text().split())
    assert "window 35 to 49 days from splint fitting" in schedule_page, schedule_page
    assert "infusion" not in schedule_page


RELABELLED = TRIAL.replace('crf_version = "1.0"', 'crf_version = "1.1"').replace(
    '{ code = "R", label = "Right" }', '{ code = "R", label = "Dominant hand" }')


def _amended(tmp_path: Path, text: str, reason: str) -> None:
    """Apply the definition `text` to the database made by _made, as its administrator."""
    path = tmp_path / "amended" / "hand2.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    with Store.open(tmp_path / "hand2.db") as st:
        st.login("admin", PASSWORD)
        amend.apply(st, load_study(path), path.name, reason=reason, password=PASSWORD)


def _entered_then_relabelled(tmp_path: Path) -> Path:
    """H01's day-0 grip (hand R) entered under CRF 1.0, R relabelled by CRF 1.1, then its
    week-6 grip (hand R) entered under 1.1."""
    db = _made(tmp_path)
    with Store.open(db) as st:
        st.login("nurse", PASSWORD)
        st.subjects.create(initials="AB")
        st.forms.save("H01", "day0", "grip", {"gdate": "2026-09-02T09:30", "ghand": "R",
                                                "gkg": 21.5})
    _amended(tmp_path, RELABELLED, "R is the dominant hand")
    with Store.open(db) as st:
        st.login("nurse", PASSWORD)
        st.forms.save("H01", "w6", "grip", {"gdate": "2026-10-14T10:00", "ghand": "R",
                                              "gkg": 23.0})
    return db


def _lines(pdf: Path) -> list[str]:
    """The text of each page, read back by poppler's pdftotext (another reader than pypdf),
    its table rows kept on their lines."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [" ".join(ln.split()) for ln in text.splitlines()]


def test_the_audit_appendix_reads_each_value_under_the_version_it_was_entered_under(
        tmp_path):
    db = _entered_then_relabelled(tmp_path)
    casebook = tmp_path / "h01.pdf"
    _cli(db, "pdf", "casebook", "H01", "--as", "admin", "--password-stdin", "--out",
         str(casebook))
    lines = _lines(casebook)
    start = next(i for i, ln in enumerate(lines) if "Appendix B: audit trail" in ln)
    pages, appendix = lines[:start], lines[start:]
    assert "Hand measured Right" in pages and "Hand measured Dominant hand" in pages
    hands = [ln for ln in appendix if "Hand measured" in ln]
    assert len(hands) == 2, hands
    assert "Splint fitted" in hands[0] and hands[0].endswith("Right"), hands
    assert "Week 6" in hands[1] and hands[1].endswith("Dominant hand"), hands


def test_codes_csv_gives_each_crf_versions_labels_to_join_on(tmp_path):
    db = _entered_then_relabelled(tmp_path)
    folder = tmp_path / "csv"
    _cli(db, "export", "csv", "--out", str(folder), "--as", "admin", "--password-stdin")
    codes = pd.read_csv(folder / "codes.csv", dtype=str, keep_default_na=False)
    hand = codes[codes.codelist == "hand"]
    assert sorted(zip(hand.crf_version, hand.code, hand.label)) == [
        ("1.0", "L", "Left"), ("1.0", "R", "Right"),
        ("1.1", "L", "Left"), ("1.1", "R", "Dominant hand")]
    assert set(codes[codes.codelist == "missing"].crf_version) == {"1.0", "1.1"}
    grip = pd.read_csv(folder / "grip.csv", dtype=str, keep_default_na=False)
    read = grip.merge(hand, left_on=["crf_version", "ghand"],
                      right_on=["crf_version", "code"], how="left", validate="many_to_one")
    assert dict(zip(read.event, read.label)) == {"day0": "Right", "w6": "Dominant hand"}
    dictionary = pd.read_csv(folder / "data_dictionary.csv", dtype=str, keep_default_na=False)
    key = dictionary[(dictionary.form == "grip") & (dictionary.column == "crf_version")]
    assert "codes.csv with the same crf_version" in key.label.iloc[0]
    assert "join on crf_version and code" in (folder / "README.txt").read_text()


# 1.1 adds a hard check above 40 kg (a range that shut out the 41.5 already recorded would
# be refused: every later save of that form would fail until the value was changed)
NARROWED = TRIAL.replace('crf_version = "1.0"', 'crf_version = "1.1"').replace(
    '[[forms.grip.fields]]\nid = "gnote"', '[[forms.grip.checks]]\nid = "credible"\n'
    'expr = "gkg <= 40"\nmessage = "Grip above 40 kg is not credible here: check it"\n'
    'severity = "hard"\nfields = ["gkg"]\n\n[[forms.grip.fields]]\nid = "gnote"')


def _narrowed_source(tmp_path: Path) -> Path:
    """H01's day-0 grip of 41.5 kg entered under CRF 1.0; 1.1 refuses above 40 kg; its
    week-6 grip entered under 1.1. Exported as ODM (one MetaDataVersion each)."""
    source = tmp_path / "source"
    source.mkdir()
    db = _made(source)
    with Store.open(db) as st:
        st.login("nurse", PASSWORD)
        st.subjects.create(initials="AB")
        st.forms.save("H01", "day0", "grip", {"gdate": "2026-09-02T09:30", "ghand": "R",
                                                "gkg": 41.5}, complete=True)
    _amended(source, NARROWED, "grip above 40 kg is not credible in this population")
    with Store.open(db) as st:
        st.login("nurse", PASSWORD)
        st.forms.save("H01", "w6", "grip", {"gdate": "2026-10-14T10:00", "ghand": "R",
                                              "gkg": 30.0}, complete=True)
    odm = tmp_path / "hand2.xml"
    _cli(db, "export", "odm", "--out", str(odm), "--as", "admin", "--password-stdin")
    return odm


def test_odm_data_of_each_version_are_imported_under_that_version(tmp_path):
    odm = _narrowed_source(tmp_path)
    target = tmp_path / "target"
    target.mkdir()
    db = _made(target)
    _amended(target, NARROWED, "grip above 40 kg is not credible in this population")
    out = _cli(db, "import", "odm", str(odm), "--as", "nurse", "--password-stdin")
    assert "CRF version 1.0 (stored definition version 1) and recorded as entered under " \
           "it" in " ".join(out.split())
    conn = sqlite3.connect(db)  # read back with sqlite3 alone
    rows = dict((event, (kg, entered, changed)) for event, kg, entered, changed in
                conn.execute("SELECT fi.event, g.gkg, fi.crf_entered, fi.crf_changed FROM "
                             "form_instances fi JOIN grip g ON g.instance_id = fi.id"))
    created = conn.execute("SELECT new_value FROM audit_trail WHERE action = "
                           "'form.crf_version'").fetchall()
    conn.close()
    assert rows == {"day0": (41.5, 1, 1), "w6": (30.0, 2, 2)}
    # the trail says so: the day-0 form was created under version 1 (w6 under the one in force)
    assert len(created) == 1 and created[0][0].startswith("version 1: NCT04000001 CRF 1.0 "
                                                          "sha256:")
    with Store.open(db) as st:
        assert st.verify().ok, st.verify().text()
        st.login("nurse", PASSWORD)  # only a new form is saved under an earlier version
        with pytest.raises(WorkflowError, match="only when it is created by an import"):
            st.forms.save("H01", "w6", "grip", {"gkg": 31.0}, reason="re-measured",
                          crf_version=1)
    back = tmp_path / "back.xml"
    _cli(db, "export", "odm", "--out", str(back), "--as", "admin", "--password-stdin")
    ns = {"odm": "http://www.cdisc.org/ns/odm/v1.3"}
    blocks = {cd.get("MetaDataVersionOID"): [i.get("Value") for i in cd.iterfind(
        ".//odm:ItemData[@ItemOID='IT.GRIP.GKG']", ns)]
        for cd in ET.parse(back).getroot().iterfind("odm:ClinicalData", ns)}
    assert blocks == {"MDV.CRF1.0": ["41.5"], "MDV.CRF1.1": ["30.0"]}


def test_odm_data_of_a_version_the_database_does_not_hold_are_refused(tmp_path):
    odm = _narrowed_source(tmp_path)
    target = tmp_path / "target"
    target.mkdir()
    db = _made(target)  # CRF 1.0 only
    result = CliRunner().invoke(main, ["--db", str(db), "import", "odm", str(odm), "--as",
                                       "nurse", "--password-stdin"], input=PASSWORD + "\n")
    assert result.exit_code != 0
    text = " ".join(result.output.split())
    assert "the clinical data of metadata version MDV.CRF1.1 were entered under CRF version " \
           "1.1, a study definition this database does not hold (it holds CRF version 1.0)" \
           in text
    assert "amend this database with that definition first" in text
    assert "imported under" not in text
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM subjects").fetchone()[0] == 0
    conn.close()
