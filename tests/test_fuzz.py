"""Fuzzing with hypothesis over the real study definition: every field of every form, every
edit check, and the store's save path, fed random and hostile values.

Nothing may crash (only our own AlsDeskError subclasses may come out), nothing invalid may
be stored, and anything stored must read back identical: same type, same characters, same
bits for numbers.

HYPOTHESIS_PROFILE=ci (default) keeps this file near 30 s; =deep runs 25 times as many
examples; =dev is for a quick look.
"""
from __future__ import annotations

import math
import struct
from collections import Counter

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from alsdesk.errors import AlsDeskError, ValidationError
from alsdesk.rules import engine
from alsdesk.study import load_study
from alsdesk.study import values as fv
from alsdesk.study.model import FieldType, Severity

STUDY = load_study()
FIELDS = [(form, f) for form in STUDY.forms.values() for f in form.fields]
PLACES = [(e.id, form_id) for e in STUDY.events for form_id in e.forms]
N = settings.default.max_examples
STATS: Counter = Counter()

# --- hostile input ------------------------------------------------------------------------

NASTY = [
    "", " ", "\x00", "\x1b[31mred", "\r\n", "\u2028", "\ufeff72", "\u202eevil\u202c",
    "\u200f\u0627\u0644\u0633\u0644\u0627\u0645", "\u0661\u0662\u0663",  # RTL marks, Arabic digits
    "\uff11\uff12", "\ud800", "\udfff", "NaN", "nan", "inf", "-inf", "Infinity", "1e309",
    "-0", "-0.0", "0x1F", "1_000", "1,500", "1.500,5", "9" * 400, "-" + "9" * 30,
    "'; DROP TABLE subjects; --", "\" OR 1=1 --", "Robert'); DELETE FROM audit_trail;--",
    "instance_id", "x__missing", "%s%s%n", "{0}", "${jndi:ldap://x}", "<script>",
    "0000-00-00", "2014-02-30", "2015-02-29", "2014-13-01", "2014-00", "1899-12-31",
    "2101-01-01", "31/APR/2014", "29 FEB 2016", "2014", "14", "2014-3-5", "2014-03-05T24:00",
    "2014-03-05 23:60", "25:00", "23:59", "00:00", "12:5", "T", "NA", "ND", "UNK",
]


def _field_words(f):
    words = []
    if f.codelist is not None:
        for c in f.codelist.choices:
            words += [str(c.code), c.label, c.label.upper(), f" {c.code} ", str(c.code).lower()]
    for bound in (f.min, f.max):
        if bound is not None:
            words += [repr(bound), str(bound + 1), str(bound - 1e-9), str(int(bound))]
    return words


def hostile_text(f=None):
    words = NASTY + (_field_words(f) if f is not None else [])
    piece = st.one_of(
        st.sampled_from(words),
        st.text(max_size=20),
        st.characters(),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.floats().map(repr),
        st.dates().map(lambda d: d.isoformat()),
        st.datetimes().map(lambda d: d.strftime("%Y-%m-%d %H:%M")),
    )
    big = st.builds(lambda ch, n: ch * n, st.sampled_from(["x", "\u0634", "9", " ", "\n"]),
                    st.integers(1000, 100_000))
    return st.one_of(piece, st.lists(piece, max_size=5).map("".join), big)


def python_junk():
    return st.one_of(
        st.none(), st.booleans(), st.integers(), st.integers(min_value=2**62, max_value=2**70),
        st.floats(), st.just(-0.0), st.just(float("nan")), st.text(max_size=30), st.binary(max_size=10),
        st.dates(), st.datetimes(), st.lists(st.integers(), max_size=3),
        st.complex_numbers(max_magnitude=10), st.decimals(allow_nan=False),
        st.just(__import__("decimal").Decimal("NaN")),
        st.fractions(), hostile_text(),
    )


def valid_value(f):
    """Storage values that ought to pass the field's own checks (ranges, codes, dates)."""
    if f.type is FieldType.CHOICE:
        return st.sampled_from(list(f.codelist.codes))
    if f.type is FieldType.INTEGER:
        lo = math.ceil(f.min) if f.min is not None else -(2**63) + 1
        hi = math.floor(f.max) if f.max is not None else 2**63 - 1
        return st.integers(lo, hi)
    if f.type is FieldType.DECIMAL:
        return st.floats(f.min, f.max, allow_nan=False, allow_infinity=False)
    if f.type is FieldType.DATE:
        full = st.dates(min_value=_date(1900), max_value=_date(2100)).map(lambda d: d.isoformat())
        if f.partial:
            return st.one_of(full, full.map(lambda s: s[:7]), full.map(lambda s: s[:4]))
        return full
    if f.type is FieldType.DATETIME:
        return st.datetimes(min_value=_datetime(1900), max_value=_datetime(2100)).map(
            lambda d: d.strftime("%Y-%m-%dT%H:%M"))
    if f.type is FieldType.TIME:
        return st.times().map(lambda t: t.strftime("%H:%M"))
    limit = f.length or fv.DEFAULT_LENGTH[f.type]
    alphabet = st.characters(blacklist_categories=("Cc", "Cs"),
                             whitelist_characters="\n\t" if f.type is FieldType.MEMO else "")
    return st.text(alphabet, min_size=1, max_size=min(limit, 300))


def any_value(f):
    """Mostly good values, often bad ones, and plain junk."""
    return st.one_of(valid_value(f), valid_value(f), st.none(), python_junk())


def _date(year):
    import datetime as dt

    return dt.date(year, 1, 1) if year < 2100 else dt.date(2100, 12, 31)


def _datetime(year):
    import datetime as dt

    return dt.datetime(year, 1, 1) if year < 2100 else dt.datetime(2100, 12, 31, 23, 59)


def same(a, b) -> bool:
    """Identical: same type and same value, floats bit for bit."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return struct.pack("<d", a) == struct.pack("<d", b)
    return a == b


# --- values: parse, check, audit text -----------------------------------------------------

FIELD = st.sampled_from(FIELDS)


@settings(max_examples=N * 20, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_typed_text_never_crashes_and_only_valid_values_come_out(data):
    _form, f = data.draw(FIELD, label="field")
    raw = data.draw(hostile_text(f), label="typed")
    try:
        value = fv.parse_value(f, raw)
    except ValidationError as exc:
        assert exc.field_id == f.id and str(exc).startswith(f.label + ":")
        assert len(str(exc)) < 2000, "messages must not echo 100 kB of input"
        STATS["typed text refused"] += 1
        return
    STATS["typed text accepted"] += 1
    if value is None:
        assert raw.strip() == ""
        return
    assert fv.check_value(f, value) is None
    assert same(fv.from_text(f, fv.to_text(f, value)), value)
    assert isinstance(fv.display(f, value), str)
    fv.to_python(f, value)


@settings(max_examples=N * 20, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_python_value_is_checked_without_crashing(data):
    _form, f = data.draw(FIELD, label="field")
    value = data.draw(any_value(f), label="value")
    problem = fv.check_value(f, value)
    assert problem is None or (isinstance(problem, str) and problem.startswith(f.label))
    assert isinstance(fv.display(f, value), str)  # screens draw whatever is stored
    if problem is None and value is not None:
        STATS["storage values valid"] += 1
        text = fv.to_text(f, value)
        assert same(fv.from_text(f, text), value)
    elif value is not None:
        STATS["storage values refused"] += 1
        with pytest.raises(ValidationError):
            fv.to_python(f, value) if f.type in (FieldType.DATE, FieldType.DATETIME,
                                                 FieldType.TIME) else _refuse(f, value)


def _refuse(f, value):
    raise ValidationError(f.id, fv.check_value(f, value))


# --- every check of every form ------------------------------------------------------------


@st.composite
def form_data(draw, form=None, mostly_valid=False):
    form = form or draw(st.sampled_from(list(STUDY.forms.values())), label="form")
    values, missing = {}, {}
    for f in form.fields:
        pick = draw(st.integers(0, 9))
        if pick <= 4 or (mostly_valid and pick <= 7):
            values[f.id] = draw(valid_value(f) if mostly_valid else any_value(f))
        elif pick == 5 and f.missing:
            missing[f.id] = draw(st.sampled_from(list(f.missing)))
        elif pick == 6 and not mostly_valid:
            missing[f.id] = draw(st.sampled_from(["ND", "NA", "UNK", "", "XX", "\x00"]))
    return form, values, missing


@settings(max_examples=N * 5, suppress_health_check=[HealthCheck.too_slow])
@given(form_data())
def test_every_check_of_every_form_evaluates_on_any_data(case):
    form, values, missing = case
    findings = engine.evaluate(form, values, missing)
    known = {c.id for c in form.checks}
    for finding in findings:
        kind, _, fid = finding.check_id.partition(":")
        assert finding.check_id in known or (
            kind in ("value", "required", "hidden", "visible", "future") and fid in form.field_ids)
        assert finding.severity in (Severity.HARD, Severity.SOFT)
        assert isinstance(finding.message, str) and finding.message
        assert set(finding.fields) <= set(form.field_ids)
        # a check that cannot be evaluated is a broken definition, never the data's fault
        assert "could not be evaluated" not in finding.message, finding.message
    for f in form.fields:
        if values.get(f.id) is not None and fv.check_value(f, values[f.id]) is not None:
            assert any(x.check_id == f"value:{f.id}" and x.severity is Severity.HARD
                       for x in findings), "a bad value must block completion"
    STATS["checks evaluated"] += len(form.checks)
    STATS["check failures found"] += sum(x.check_id in known for x in findings)


def test_the_fuzzed_study_has_every_field_type_and_checks():
    assert {f.type for _, f in FIELDS} == set(FieldType)
    assert sum(len(form.checks) for form in STUDY.forms.values()) > 20


# --- the store ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory, study):
    from alsdesk.store import Store
    from tests.conftest import PASSWORD

    st_ = Store.create(tmp_path_factory.mktemp("fuzz") / "fuzz.db", study)
    st_.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    st_.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
    st_.logout()
    st_.login("nurse", PASSWORD)
    yield st_
    report = st_.verify()
    st_.close()
    assert report.ok, report.text()


def _counts(store):
    return (store.conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0],
            store.conn.execute("SELECT count(*) FROM form_instances").fetchone()[0],
            store.conn.execute("SELECT count(*) FROM queries").fetchone()[0])


@settings(max_examples=N * 4, suppress_health_check=[HealthCheck.too_slow])
@given(place=st.sampled_from(PLACES), data=st.data())
def test_the_store_keeps_only_valid_values_and_gives_them_back_identical(fuzz_store, place,
                                                                         data):
    store = fuzz_store
    event, form_id = place
    form = STUDY.form(form_id)
    _, values, missing = data.draw(form_data(form, mostly_valid=data.draw(st.booleans())),
                                   label="data")
    complete = data.draw(st.booleans(), label="complete")
    notes = {c.id: "confirmed with the source document" for c in form.checks}
    code = store.subjects.create().code
    before = _counts(store)
    try:
        result = store.forms.save(code, event, form_id, values, missing, complete=complete,
                                  notes=notes)
    except AlsDeskError as exc:
        assert _counts(store) == before, f"{type(exc).__name__} left something behind"
        STATS["store saves refused"] += 1
        return
    if result.record.instance_id is None:  # nothing to save: nothing was written
        assert _counts(store) == before
        assert not any(v is not None for v in values.values()) and not any(missing.values())
        STATS["store saves with nothing to save"] += 1
        return
    STATS["store saves accepted"] += 1
    rec = store.forms.get_instance(result.record.instance_id)
    sent = {k: v for k, v in values.items() if v is not None}
    assert rec.values.keys() == sent.keys()
    for key, value in sent.items():
        assert same(rec.values[key], value), (key, value, rec.values[key])
        assert fv.check_value(form.field(key), rec.values[key]) is None
    assert rec.missing == {k: v for k, v in missing.items() if v}
    if complete:
        hard = [x for x in engine.evaluate(form, rec.values, rec.missing)
                if x.severity is Severity.HARD]
        assert not hard, "a form with hard check failures was stored as complete"
    assume(True)


def test_negative_zero_and_subclasses_are_stored_as_what_reads_back(fuzz_store):
    """Found by this file: -0.0 was audited as "-0.0" and returned as -0.0 by save(), while
    SQLite stored 0.0."""
    import enum

    class Code(enum.IntEnum):
        NORMAL = 4

    class Text(str):
        pass

    store = fuzz_store
    code = store.subjects.create().code
    result = store.forms.save(code, "screening", "lb", {"crp": -0.0, "lbdtc": Text("2015-01-02T10:00")})
    for rec in (result.record, store.forms.get_instance(result.record.instance_id)):
        assert same(rec.values["crp"], 0.0) and same(rec.values["lbdtc"], "2015-01-02T10:00")
    audit = store.conn.execute("SELECT new_value FROM audit_trail WHERE field = 'crp' AND "
                               "instance_id = ?", (result.record.instance_id,)).fetchall()
    assert audit == [("0.0",)]
    rec = store.forms.save(code, "screening", "alsfrs", {"q1": Code.NORMAL}).record
    assert same(store.forms.get_instance(rec.instance_id).values["q1"], 4)
    assert same(rec.values["q1"], 4)
