"""Printed values are the stored values: a correction in a field's last allowed decimal shows
old and new exactly in the casebook's audit appendix and in the form itself (it used to print
"76 -> 76" for a change from 76.0 to 76.5, hiding the change)."""
from __future__ import annotations

import shutil

import pytest

from tests.pdf_helpers import PRINTED_AT, pages_text

PASSWORD = "Demo-password-1"


@pytest.mark.parametrize("form,field,old,new,shown_old,shown_new", [
    ("vs", "weight", 72.4, 72.5, "72.4", "72.5"),  # one decimal
    ("fvc", "fvc", 3.1, 3.11, "3.10", "3.11"),     # two decimals
])
def test_last_decimal_correction_prints_old_and_new(demo_template, tmp_path, form, field, old,
                                                    new, shown_old, shown_new):
    from alsdesk.pdf import PrintOptions, casebook
    from alsdesk.store import Store

    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    with Store.open(path) as store:
        store.login("nurse", PASSWORD)
        inst = next(i for i in store.forms.instances("S005")
                    if i.form == form and i.status.value in ("in progress", "complete"))
        where = dict(event_repeat=inst.event_repeat, repeat=inst.repeat)
        store.forms.save("S005", inst.event, form, {field: old}, reason="first reading",
                         **where)
        store.forms.save("S005", inst.event, form, {field: new},
                         reason=f"source says {shown_new}", **where)
        # one decimal more than the field records is refused, and nothing is saved
        from alsdesk.errors import ValidationError

        with pytest.raises(ValidationError, match="more decimals than this field records"):
            store.forms.save("S005", inst.event, form, {field: new + 10 ** -(len(shown_new)
                                                                            - shown_new.index(".")
                                                                            )},
                             reason="too exact", **where)
        assert store.forms.get("S005", inst.event, form, **where).values[field] == new
        text = " ".join(pages_text(casebook(store, "S005",
                                            PrintOptions(printed_at=PRINTED_AT)).data))
    appendix = text[text.index("Appendix B: audit trail"):]
    assert f"{shown_old} {shown_new} source says {shown_new}" in appendix
    body = text[:text.index("Appendix A")]
    assert shown_new in body


def test_a_value_stored_with_more_decimals_prints_in_full(demo_template, tmp_path):
    """An older file (or plain SQL) holding 76.55 in a one-decimal field prints 76.55, never
    a rounded 76.6 that is not what is stored."""
    from alsdesk.store.sqldb import driver as sqlite3

    from alsdesk.pdf import PrintOptions, visit_forms
    from alsdesk.store import Store

    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    conn = sqlite3.connect(path)
    iid = conn.execute("SELECT fi.id FROM form_instances fi JOIN subjects s ON s.id = "
                       "fi.subject_id WHERE s.code = 'S005' AND fi.form = 'vs' AND "
                       "fi.event = 'screening'").fetchone()[0]
    conn.execute("UPDATE vs SET weight = 76.55 WHERE instance_id = ?", (iid,))
    conn.commit()
    conn.close()
    with Store.open(path, readonly=True) as store:
        store.login("monitor", PASSWORD)
        text = " ".join(pages_text(visit_forms(store, "S005", "screening",
                                               options=PrintOptions(printed_at=PRINTED_AT)).data))
    assert "76.55" in text and "76.6 kg" not in text


def test_a_missing_code_prints_in_the_value_cell_and_a_blank_prints_blank(demo_template,
                                                                         tmp_path):
    """ "ND" alone in a narrow third column beside an empty value was easy to miss, and a
    blank question printed a bold dash, like an answer."""
    from alsdesk.pdf import PrintOptions, visit_forms
    from alsdesk.store import Store

    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    with Store.open(path) as store:
        store.login("nurse", PASSWORD)
        store.forms.save("S005", "screening", "vs", {"sysbp": None, "resp": None},
                         {"sysbp": "ND"}, reason="not measured; rate not counted")
        data = visit_forms(store, "S005", "screening",
                           options=PrintOptions(printed_at=PRINTED_AT)).data
        text = " ".join(pages_text(data))
        diastolic = store.forms.get("S005", "screening", "vs").values["diabp"]
    assert "Blood pressure, systolic ND – Not done" in text
    # in the value column: where the diastolic value beside it starts, not further right
    xs = _x_of(data)
    assert xs["ND – Not done"] == xs[f"{diastolic} mmHg"]
    label = store.study.form("vs").field("resp").label
    after = text[text.index(label) + len(label):].lstrip()
    assert not after.startswith("–"), after[:40]


def _x_of(data: bytes) -> dict[str, float]:
    """Where each piece of text starts on the page, by the text matrix reportlab writes."""
    import io

    from pypdf import PdfReader

    found: dict[str, float] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.setdefault(text.strip(), round(tm[4] * cm[0] + cm[4], 1))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return found
