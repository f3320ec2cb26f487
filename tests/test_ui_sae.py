"""The SAE clock in the window: the dashboard's serious events with their next report, the
casebook's SAE panel, and its button printing the CIOMS I form (real window, real file)."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from alsdesk.safety.sae import sae_clocks
from tests.ui_helpers import (  # noqa: F401 - fixtures
    demo_db, demo_template, open_window, settle, ui_settings,
)

SHOTS = "/tmp/sae_shots"


def _sae(store, code: str, aware: datetime, **more) -> int:
    values = {"aeterm": "Pulmonary embolism", "aestdat": aware.date().isoformat(),
              "aeongo": "Y", "aeser": "Y", "aeshosp": "Y",
              "aesawdat": aware.date().isoformat(), "aesawtim": f"{aware:%H:%M}", **more}
    return store.forms.save(code, "logs", "ae", values).record.repeat


def _shot(widget, name: str) -> None:
    import os

    os.makedirs(SHOTS, exist_ok=True)
    widget.grab().save(f"{SHOTS}/{name}.png")


def test_dashboard_and_casebook_say_what_report_is_due(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    store = window.store
    now = datetime.now().replace(second=0, microsecond=0)
    due_entry = _sae(store, "S006", now - timedelta(hours=19))  # 5 h left
    late_entry = _sae(store, "S005", now - timedelta(hours=60))  # overdue by 36 h (a day ended since)
    window.refresh_all()
    settle(qtbot, window)
    dash = window.dashboard
    rows = {(dash.serious.item(r, 0).text(), dash.serious.item(r, 1).text())
            for r in range(dash.serious.rowCount())}
    # a few words in the cell (floor of the time left: 4 h 59 min reads "4 h")
    assert any(code == "S006" and text.startswith(("Initial report due in 4 h",
                                                   "Initial report due in 5 h"))
               for code, text in rows), rows
    assert ("S005", "Initial report OVERDUE by 36 h") in rows
    tips = [dash.serious.item(r, 1).toolTip() for r in range(dash.serious.rowCount())]
    assert any("Initial SAE report to the sponsor OVERDUE by 36 h (was due" in t for t in tips)
    assert "OVERDUE" in dash.sae_note.text()
    _shot(window, "dashboard")
    # the casebook of S005: the panel says it in the same words and prints the form
    window.open_subject("S005")
    settle(qtbot, window)
    panel = window.casebook.sae_panel
    assert panel.isVisible()
    (clock,) = [c for c in sae_clocks(store, subject="S005") if c.entry == late_entry]
    assert f"AE {late_entry} (Pulmonary embolism): Initial SAE report to the sponsor " \
           "OVERDUE by 36 h" in panel.lines.text()
    _shot(window, "casebook")
    panel.entry.setCurrentIndex(panel.entry.findData(late_entry))
    opened = []
    window.casebook.print_sae_report = lambda entry: opened.append(entry)  # noqa: E731
    panel.print_report = window.casebook.print_sae_report
    panel.button.setFocus()
    qtbot.keyClick(panel.button, Qt.Key.Key_Space)
    assert opened == [late_entry]
    assert due_entry >= 1


def test_the_print_button_makes_the_form_in_the_preview(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    now = datetime.now().replace(second=0, microsecond=0)
    entry = _sae(window.store, "S006", now - timedelta(hours=2))
    window.open_subject("S006")
    settle(qtbot, window)
    panel = window.casebook.sae_panel
    panel.entry.setCurrentIndex(panel.entry.findData(entry))
    previews = []
    import ui.print_actions as pa

    real = pa.open_preview
    pa_open = lambda *a, **k: previews.append(real(*a, **k)) or previews[-1]  # noqa: E731
    pa.open_preview = pa_open
    try:
        panel.button.setFocus()
        qtbot.keyClick(panel.button, Qt.Key.Key_Space)
    finally:
        pa.open_preview = real
    (preview,) = previews
    qtbot.waitUntil(lambda: preview.result is not None or preview.error is not None,
                    timeout=30000)
    assert preview.error is None, preview.error
    assert preview.result.filename == f"sae-S006-ae{entry}.pdf"
    _shot(preview, "preview")
    preview.close()
