"""The study definition's texts in Persian: a companion file keyed like the definition,
checked at load (a wrong key fails with file, line and key; a text left out is a warning),
and applied only to what is shown: codes, ids and what is stored stay as they are."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from alsdesk.cli import main
from alsdesk.errors import DefinitionError
from alsdesk.study import load_study, translation
from tests import amendment_files as files

FA = '''# a few of the definition's texts
[forms.vs]
label = "علائم حیاتی"

[forms.vs.fields.pulse]
label = "ضربان قلب"

[forms.vs.sections]
"Vital signs" = "علائم حیاتی"

[codelists.ny.choices]
Y = "بله"
N = "خیر"

[forms.dm.fields.ethnic.choices]
PERSIAN = "فارس"

[events.h72]
label = "۷۲ ساعت"

[missing.ND]
label = "انجام نشد"
'''


def _definition(tmp_path, text: str):
    path = files.write(tmp_path / "def", files.bundled_text())
    path.with_name("translation.fa.toml").write_text(text, encoding="utf-8")
    return path


def test_the_persian_texts_replace_the_english_on_screen_only(tmp_path):
    study = load_study(_definition(tmp_path, FA))
    fa = translation.localized(study, "fa")
    vs = fa.form("vs")
    assert vs.label == "علائم حیاتی" and vs.field("pulse").label == "ضربان قلب"
    assert vs.field("pulse").section == "علائم حیاتی"
    assert {c.code: c.label for c in fa.codelists["ny"].choices} == {"Y": "بله", "N": "خیر"}
    ethnic = fa.form("dm").field("ethnic").codelist
    assert ethnic.label_of("PERSIAN") == "فارس" and ethnic.label_of("AZERI") == "Azeri"
    assert fa.event("h72").label == "۷۲ ساعت"
    assert next(m for m in fa.missing_codes if m.code == "ND").label == "انجام نشد"
    # what is stored or exported does not change: ids, codes, the English study itself
    assert vs.field_ids == study.form("vs").field_ids and fa.digest == study.digest
    assert study.form("vs").label == "Vital signs"
    assert translation.localized(study, "en") is study


def test_a_text_left_out_is_a_warning_that_names_its_key(tmp_path):
    path = _definition(tmp_path, FA)
    study = load_study(path)
    gone = translation.missing(study, "fa")
    assert ("forms", "vs", "fields", "sysbp", "label") in gone
    assert len(gone) == len(translation.texts(study)) - 8
    result = CliRunner().invoke(main, ["study", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert ("warning: translation.fa.toml: study.title has no translation; "
            "the English text is shown") in result.output


@pytest.mark.parametrize("extra, words", [
    ('[forms.vs.fields.pulsee]\nlabel = "x"\n', "(did you mean forms.vs.fields.pulse.label?)"),
    ('[forms.vs.fields.sysbp]\nunit = "x"\n', "names no text of the study definition"),
])
def test_a_key_the_definition_lacks_is_a_warning_with_file_line_and_key(tmp_path, extra,
                                                                        words):
    # a warning, not a refusal: a choice removed from the definition leaves its translation
    path = _definition(tmp_path, FA + "\n" + extra)
    result = CliRunner().invoke(main, ["study", "check", str(path)])
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.output.splitlines() if words in ln)
    at = len((FA + "\n").splitlines()) + 2  # the key's own line, below its table's header
    assert line.startswith(f"warning: translation.fa.toml:{at}: ") and "not used" in line, line


def test_a_translation_must_be_text(tmp_path):
    with pytest.raises(DefinitionError, match="a translation is a text"):
        load_study(_definition(tmp_path, FA.replace('"بله"', '""')))


def test_the_bundled_trial_has_every_text_in_persian():
    study = load_study()
    assert "translation.fa.toml" in study.companions
    assert translation.missing(study, "fa") == []
    fa = translation.localized(study, "fa")
    assert fa.form("vs").label == "علائم حیاتی"


def test_an_amendment_lists_every_translated_text_it_changes(tmp_path):
    """A translation that swaps "Yes" and "No" behind a harmless first edit: the plan names
    each changed text with its English, old and new (an outside review's attack: the plan
    showed the first changed line only)."""
    from alsdesk.store import amend

    old = load_study(_definition(tmp_path / "a", FA))
    swapped = FA.replace('Y = "بله"\nN = "خیر"', 'Y = "خیر"\nN = "بله"').replace(
        'label = "انجام نشد"', 'label = "انجام نشد "')
    new_text = files.edit(files.bundled_text(), 'crf_version = "1.0"', 'crf_version = "1.1"')
    path = files.write(tmp_path / "b", new_text)
    path.with_name("translation.fa.toml").write_text(swapped, encoding="utf-8")
    new = load_study(path)
    changes = translation.changed_texts(old, new, "fa")
    assert [(k, en, b, a) for k, en, b, a in changes] == [
        ("codelists.ny.choices.N", "No", "خیر", "بله"),
        ("codelists.ny.choices.Y", "Yes", "بله", "خیر"),
        ("missing.ND.label", "Not done", "انجام نشد", "انجام نشد "),
    ]
    from alsdesk.store import Store

    store = Store.create(tmp_path / "t.db", old)
    store.users.create_first_admin("admin", "Ada Admin", "Correct-horse-9")
    store.login("admin", "Correct-horse-9")
    plan = amend.plan(store, new, str(path))
    lines = [f.text for f in plan.findings]
    assert any("codelists.ny.choices.Y ('Yes')" in line and "'بله'" in line and "'خیر'" in line
               for line in lines), lines
    assert any("3 translated text(s) change" in line for line in lines), lines
    store.close()
