"""sdtm.toml is checked on load: a mapping that names an unknown form or field, or a name,
test code or label too long for SAS transport v5, is refused with the file, key and line."""
from __future__ import annotations

import pytest

from alsdesk.errors import DefinitionError
from alsdesk.exchange.sdtm.spec import load_spec
from alsdesk.study import load_study
from alsdesk.study.companion import companion_file

TEXT = companion_file("sdtm.toml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def study():
    return load_study()


def test_the_shipped_mapping_loads_and_names_real_fields(study):
    spec = load_spec(study)
    codes = {d.code for d in spec.domains}
    assert {"DM", "SV", "IE", "VS", "LB", "QS", "RS", "RE", "EX", "CM", "AE", "MH", "DS"} <= codes
    for d in spec.domains:
        for s in d.sources:
            fields = {f.id for f in study.forms[s.form].fields}
            if s.timepoints:  # the test of each time point: <prefix>_<field>
                assert {f"{p.prefix}_{t.field}" for t in s.tests for p in s.timepoints} <= \
                    fields
                assert {p.time for p in s.timepoints} <= fields
            else:
                assert {t.field for t in s.tests} <= fields
        if d.form:
            assert {fid for _, fid in d.variables} <= {f.id for f in study.forms[d.form].fields}
    assert set(spec.events) <= {e.id for e in study.events}


@pytest.mark.parametrize("old, new, key, words", [
    ('tests.sysbp = { testcd = "SYSBP"', 'tests.sysbpx = { testcd = "SYSBP"',
     "domains.VS.sources[0].tests.sysbpx", "does not have"),
    ('form = "vs"\n', 'form = "vitals"\n', "domains.VS.sources[0]", "does not define"),
    ('testcd = "DIABP"', 'testcd = "DIASTOLIC"', "testcd", "longer than the 8"),
    ('label = "Vital Signs"', 'label = "Vital Signs measured at every visit of the study"',
     "domains.VS.label", "longer than the 40"),
    ("AETERM = \"aeterm\"", "AETERMVERB = \"aeterm\"", "domains.AE.variables.AETERMVERB",
     "longer than the 8"),
    ("h72 = { visitnum", "h48 = { visitnum", "events.h48", "not an event"),
    # the format's new keys: a typing mistake is an unknown key, a reference is checked
    ("lobxfl = true   #", "lobxf = true   #", "domains.VS.lobxf", "unknown key"),
    ('RFICDTC = "screening.ic.icdat"', 'RFICDTC = "screening.ic.icdate"',
     "domains.DM.other.RFICDTC", "does not have"),
    ('RFICDTC = "screening.ic.icdat"', 'RFICDTC = "baseline.ic.icdat"',
     "domains.DM.other.RFICDTC", "has no form"),
    ('screen_failure = "screen failure"', 'screen_failure = "screen-failed"',
     "domains.DM.arm.screen_failure", "must be one of"),
    ('times = { AESTDTC = "aesttim" }', 'times = { AESTDY = "aesttim" }',
     "domains.AE.times.AESTDY", "--DTC"),
    ('status = "screen failure"\n', 'status = "failed"\n', "domains.DS.more[1].status",
     "must be one of"),
])
def test_a_bad_mapping_is_refused_with_file_key_and_reason(study, tmp_path, old, new, key,
                                                           words):
    assert old in TEXT
    path = tmp_path / "sdtm.toml"
    path.write_text(TEXT.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DefinitionError) as err:
        load_spec(study, path)
    text = str(err.value)
    assert "sdtm.toml" in text and key in text and words in text
