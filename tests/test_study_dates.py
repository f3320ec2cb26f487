"""The definition's date features at load: references to other forms in checks, `future`,
`deviation`, message placeholders; each mistake fails with the file, the line and the key."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from alsdesk.cli import main
from alsdesk.errors import DefinitionError
from alsdesk.paths import default_study_file
from alsdesk.study import load_study

BUNDLED = default_study_file().read_text(encoding="utf-8")

AE_CONSENT = 'expr = "screening.ic.icdat <= aestdat"'
AE_QUOTE = " ({screening.ic.icdat})"
WINDOW = 'severity = "soft"\nfields = ["svstdtc"]\ndeviation = "WINDOW"'


def broken(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    assert BUNDLED.count(old) == 1, f"test edit {old!r} must match exactly once"
    text = BUNDLED.replace(old, new)
    if old == AE_CONSENT:  # its message quotes the reference: keep the message loadable
        text = text.replace(AE_QUOTE, "")
    path = tmp_path / "study.toml"
    path.write_text(text, encoding="utf-8")
    return path, text


CASES = [
    ("unknown-form", AE_CONSENT, 'expr = "screening.icx.icdat <= aestdat"',
     "forms.ae.checks[", "does not resolve: event 'screening' has no form 'icx'",
     "screening.icx.icdat"),
    ("unknown-field", AE_CONSENT, 'expr = "screening.ic.icdate <= aestdat"',
     "forms.ae.checks[", "form 'ic' has no field or derived value 'icdate'", "icdate"),
    ("unknown-event", AE_CONSENT, 'expr = "screen.ic.icdat <= aestdat"',
     "forms.ae.checks[", "no event 'screen'", "screen.ic"),
    ("repeating-form", AE_CONSENT, 'expr = "screening.mh.mhstdat <= aestdat"',
     "forms.ae.checks[", "several entries per event", "mhstdat"),
    ("repeating-event", AE_CONSENT, 'expr = "unscheduled.sv.svstdtc <= aestdat"',
     "forms.ae.checks[", "event 'unscheduled' repeats", "unscheduled.sv"),
    ("same-event-lacks-form", AE_CONSENT, 'expr = "ic.icdat <= aestdat"',
     "forms.ae.checks[", "event 'logs' lacks it; write event.form.field", "ic.icdat"),
    ("derived-value", AE_CONSENT, 'expr = "screening.dm.age > 1 or present(aestdat)"',
     "forms.ae.checks[", "is a derived value", "screening.dm.age"),
    ("visible-reads-other-form", "visible = \"svdone == 'N'\"",
     "visible = \"svdone == 'N' and present(ic.icdat)\"", "forms.sv.fields[2] (svreasnd).visible",
     "a visibility condition may read only fields of its own form", "present(ic.icdat)"),
    ("deviation-on-hard-check", WINDOW, WINDOW.replace('"soft"', '"hard"'),
     "forms.sv.checks[0] (visit_in_window).deviation", "only a soft check", 'deviation = "'),
    ("deviation-unknown-category", WINDOW, WINDOW.replace('"WINDOW"', '"WINDOWS"'),
     "forms.sv.checks[0] (visit_in_window).deviation", "'WINDOWS' is not a deviation category",
     '"WINDOWS"'),
    ("placeholder-unknown", "protocol window ({window})", "protocol window ({windw})",
     "forms.sv.checks[0] (visit_in_window).message", "{windw} names nothing the check reads",
     "{windw}"),
    ("future-on-text", 'id = "icver"\nlabel = "Consent form version"\ntype = "text"',
     'id = "icver"\nlabel = "Consent form version"\ntype = "text"\nfuture = true',
     "forms.ic.fields[1] (icver).future", "only allowed on date / datetime fields",
     "future = true"),
    ("deviation-bindings-incomplete", 'deviation_text = "logs.dv.dvterm"\n', "",
     "bindings", "needs all of deviation_date, deviation_category, deviation_text", None),
    ("deviation-binding-wrong-type", 'deviation_text = "logs.dv.dvterm"',
     'deviation_text = "logs.dv.dvimp"', "bindings.deviation_text",
     "must be event.form.field of a text or memo field", "deviation_text"),
]


@pytest.mark.parametrize(("old", "new", "key", "reason", "line_text"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_mistakes_fail_at_load_with_the_line(tmp_path, old, new, key, reason, line_text):
    path, text = broken(tmp_path, old, new)
    with pytest.raises(DefinitionError) as info:
        load_study(path)
    err = info.value
    assert err.key.startswith(key), err
    assert reason in err.reason, err
    assert err.file.startswith("study.toml:"), err
    if line_text is not None:
        line = int(err.file.split(":")[1])
        assert line_text in text.splitlines()[line - 1], (line, err)


def test_the_study_command_reports_a_bad_reference_with_file_and_line(tmp_path):
    path, text = broken(tmp_path, AE_CONSENT, 'expr = "screening.icx.icdat <= aestdat"')
    result = CliRunner().invoke(main, ["study", str(path)])
    assert result.exit_code == 1
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "screening.icx.icdat" in t)
    assert f"study.toml:{line}" in result.output
    assert "does not resolve" in result.output


def test_future_true_loads_on_a_date_field(tmp_path):
    old = 'id = "dvdat"\nlabel = "Date of the deviation"\ntype = "date"'
    path, _ = broken(tmp_path, old, old + "\nfuture = true")
    study = load_study(path)
    assert study.form("dv").field("dvdat").future
    assert not load_study().form("dv").field("dvdat").future


def test_the_bundled_checks_that_offer_a_deviation(study):
    offered = {(form.id, c.id): c.deviation for form in study.forms.values()
               for c in form.checks if c.deviation}
    assert offered == {("sv", "visit_in_window"): "WINDOW",
                       ("inf", "inf_release_checked"): "TREATMENT",
                       ("ae", "sae_sponsor_24h"): "SAFETY"}
    assert not any(f.future for form in study.forms.values() for f in form.fields)
