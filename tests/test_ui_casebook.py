"""Subject list, casebook, dashboard and queries over the demo database."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from alsdesk.clinical.schedule import VisitStatus
from alsdesk.states import QueryStatus, SubjectStatus
from alsdesk.study.model import TimeUnit
from tests.helpers import screen_eligible
from tests.ui_helpers import (  # noqa: F401 - fixtures
    demo_db, demo_template, fill, open_window, settle, ui_settings,
)
from ui.icons import visit_colour
from ui.schedule_table import moment_text


def test_subject_list_filters_as_you_type_and_sorts(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    page = window.subjects
    assert page.model.rowCount() == 7
    qtbot.keyClicks(page.filter, "screen failure")
    assert page.proxy.rowCount() == 2
    page.filter.clear()
    qtbot.keyClicks(page.filter, "in window")
    shown = {page.proxy.data(page.proxy.index(r, 0)) for r in range(page.proxy.rowCount())}
    assert shown == {"S005", "S006"}
    page.filter.clear()
    qtbot.keyClicks(page.filter, "s00")
    assert page.proxy.rowCount() == 7
    page.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert page.proxy.data(page.proxy.index(0, 0)) == "S007"
    page.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    statuses = [page.proxy.data(page.proxy.index(r, 2)) for r in range(7)]
    assert statuses == sorted(statuses)
    s006 = next(r for r in page.model.rows if r.code == "S006")
    assert "72 hours" in s006.next_visit and "(in window)" in s006.next_visit


def test_new_subject_gets_the_next_screening_number(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    window.prompts.answer("new_subject", "rt")
    assert window.subjects.new_subject() == "S008"
    assert window.casebook.subject == "S008"
    assert window.pages.currentWidget() is window.casebook
    settle(qtbot, window)
    assert [r.code for r in window.subjects.model.rows][-1] == "S008"
    assert window.subjects.model.rows[-1].initials == "RT"
    window.prompts.answer("new_subject", "X1")
    assert window.subjects.new_subject() is None
    assert "Initials are 2 to 4 letters" in window.prompts.errors[-1][1]


def test_casebook_matrix_schedule_logs_eligibility_and_dose(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    window.open_subject("S005")
    book = window.casebook
    assert book.matrix.text_at("h72", "vs") == "verified"
    assert book.matrix.text_at("screening", "mh") == "1 entry"
    assert book.matrix.text_at("m2", "alsfrs") == "not started"
    # an hour window as clock times, a day window as dates; the protocol's words beside
    infusion = window.store.forms.get("S005", "infusion", "inf").values["infstdtc"]
    start = datetime.fromisoformat(infusion)
    h72 = book.schedule.texts("h72")

    def hours(h):
        return moment_text(start + timedelta(hours=h), TimeUnit.HOURS, year=False)

    assert h72["Target"] == f"72 h · {hours(72)}" and hours(72).endswith(f"{start:%H:%M}")
    assert h72["Window"] == f"{hours(48)} – {hours(96)}"
    assert h72["Protocol window"] == "48 h to 96 h after infusion"
    assert h72["Done"].endswith(window.store.forms.get("S005", "h72", "sv")
                                .values["svstdtc"][11:16])
    first, last = (start + timedelta(days=d) for d in (53, 67))
    assert book.schedule.texts("m2")["Window"] == (
        f"{moment_text(first, TimeUnit.DAYS, year=first.year != last.year)} – "
        f"{moment_text(last, TimeUnit.DAYS)}")
    assert ":" not in book.schedule.texts("m2")["Window"]  # days: no clock time
    m2 = book.schedule.row_of("m2")
    assert book.schedule.item(m2, 4).text() == "in window"
    assert book.schedule.item(m2, 0).background().color() == visit_colour(VisitStatus.IN_WINDOW)
    ae = book.logs["ae"]
    assert ae.table.rowCount() == 1 and ae.is_highlighted(0)
    assert "Pulmonary embolism" in ae.row_texts(0)
    assert book.logs["cm"].table.rowCount() == 2
    assert "Adverse events (1)" in book.tabs.tabText(book.tabs.indexOf(ae))
    assert "Eligible" in book.eligibility.verdict.text()
    assert book.findChild(type(book.code), "dose_target_dose").text() == \
        "<b>160.0 million cells</b>"
    assert "within" in book.findChild(type(book.code), "dose_dose_deviation").text()
    window.open_subject("S001")
    assert "Not eligible" in book.eligibility_line.text()
    assert "age 56 at consent" in book.eligibility_line.text()


def test_overdue_visits_are_highlighted(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    store = window.store
    code = store.subjects.create().code
    screen_eligible(store, code)
    start = (datetime.now() - timedelta(days=100)).strftime("%Y-%m-%dT10:00")
    store.forms.save(code, "infusion", "inf", {"infstdtc": start})  # enrols the subject
    assert store.subjects.get(code).status is SubjectStatus.ENROLLED
    window.open_subject(code)
    row = window.casebook.schedule.row_of("m2")
    assert window.casebook.schedule.item(row, 4).text() == "overdue"
    assert window.casebook.schedule.item(row, 0).background().color() == \
        visit_colour(VisitStatus.OVERDUE)
    window.refresh_all()
    settle(qtbot, window)
    # screening, baseline, infusion visit, 72 h and month 2: none recorded as done
    assert window.dashboard.overdue.value.text() == "5"
    assert {window.dashboard.visits.item(r, 0).text() for r in range(5)} == {code}


def test_dashboard_figures_and_charts(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    dash = window.dashboard
    assert window.pages.currentWidget() is window.dashboard_page  # shown on opening
    assert dash.enrolled.value.text() == "4 / 19"
    assert dash.sae.value.text() == "3" and dash.queries.value.text() == "1"
    assert dash.due.value.text() == "2" and dash.visits.rowCount() == 2
    assert dash.subject.currentText() == "S003"  # the subject followed longest
    assert dash.chart.alsfrs.count() == 5 and dash.chart.fvc.count() == 5
    assert dash.chart.alsfrs.at(4).y() == 38
    dash.subject.setCurrentText("S004")
    assert dash.chart.alsfrs.count() == 2 and dash.chart.fvc.at(1).y() == 47.0
    dash.serious.cellDoubleClicked.emit(0, 0)
    assert window.casebook.subject == "S004"


def test_queries_answered_by_the_site_and_closed_by_the_monitor(qtbot, demo_db):
    window = open_window(qtbot, demo_db, "nurse")
    page = window.queries_page
    window.pages.setCurrentWidget(page)
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    assert page.answer_button.isEnabled() and not page.close_button.isEnabled()
    window.prompts.answer("text", "Checked the source: handwriting is 3.")
    assert page.answer()
    assert page.queries[0].status is QueryStatus.ANSWERED
    page.goto()
    assert window.form_page.form_id == "alsfrs" and window.form_page.subject == "S005"
    assert "Checked the source" in window.form_page.queries_label.text()
    window.close()

    monitor = open_window(qtbot, demo_db, "monitor")
    page = monitor.queries_page
    page.refresh()
    page.table.selectRow(0)
    assert not page.answer_button.isEnabled() and page.close_button.isEnabled()
    monitor.prompts.answer("text", "Resolved.")
    assert page.close_query()
    assert page.model.rowCount() == 0  # the default list shows open and answered ones
    # a monitor raises a query on a field by right-clicking it
    monitor.open_form("S006", "infusion", "inf")
    fp = monitor.form_page
    menu = fp.build_field_menu("cellsinf", fp.view.editor("cellsinf").edit)
    raise_query = next(a for a in menu.actions() if a.objectName() == "field_query")
    assert raise_query.isEnabled()
    monitor.prompts.answer("text", "Please attach the cell count sheet.")
    raise_query.trigger()
    assert fp.view.rows["cellsinf"].query.text() == "Query"
    (q,) = [q for q in monitor.store.queries.list() if q.status is QueryStatus.OPEN]
    assert q.field == "cellsinf" and q.subject == "S006"
