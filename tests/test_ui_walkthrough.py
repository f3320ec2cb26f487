"""A whole patient, through the window, as the site would do it.

First start and the administrator, accounts, login; a screen failure (age 56) and an eligible
patient; the infusion and its dose; the 72-hour visit; an adverse event that becomes serious;
a correction with a reason; the investigator's signature; the administrator's lock.
Real file, real window, real dialogs where it matters; nothing of the core is replaced.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QDialogButtonBox, QLabel

from alsdesk.states import FormStatus, QueryStatus, SubjectStatus
from tests.conftest import PASSWORD
from tests.ui_helpers import RecordingPrompts, fill, settle, ui_settings, when_modal  # noqa: F401
from ui.app import start
from ui.dialogs import ReasonDialog
from ui.admin_users import NewAccountDialog
from ui.dialogs_auth import LoginDialog, SignatureDialog


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _first_start(qtbot, path):
    def first_run(dialog):
        dialog.user_id.setText("ada")
        dialog.full_name.setText("Dr. Ada Admin")
        dialog.password.setText(PASSWORD)
        dialog.repeat.setText(PASSWORD)
        _ok(dialog)

    when_modal(first_run)
    window = start(path, RecordingPrompts())
    assert window is not None
    qtbot.addWidget(window)
    window.prompts = RecordingPrompts(window)
    window.resize(1366, 768)
    return window


def _add_user(window, user_id, name, role_index):
    def fill_in(dialog):
        assert isinstance(dialog, NewAccountDialog)
        dialog.user_id.setText(user_id)
        dialog.full_name.setText(name)
        dialog.role.setCurrentIndex(role_index)
        dialog.password.setText(PASSWORD)
        dialog.repeat.setText(PASSWORD)
        _ok(dialog)

    when_modal(fill_in)
    window.add_user()


def _switch_user(qtbot, window, user_id):
    def login(dialog):
        assert isinstance(dialog, LoginDialog)
        dialog.user_id.setText(user_id)
        dialog.password.setText(PASSWORD)
        _ok(dialog)

    when_modal(login)
    assert window.log_out()
    assert window.store.user_id == user_id and window.isVisible()
    settle(qtbot, window)


def _form(window, code, event, form, **values):
    assert window.open_form(code, event, form)
    fill(window.form_page, **values)
    assert window.form_page.mark_complete(), window.prompts.errors
    assert window.form_page.record.status is FormStatus.COMPLETE


def _screening(window, code, birth, *, fvcpp="80"):
    _form(window, code, "screening", "sv", svdone="Y", svstdtc="10/MAY/2015 09:30")
    _form(window, code, "screening", "ic", icdat="10/MAY/2015", icver="2.1",
          icby="Dr. Ivan Investigator", iccopy="Y")
    _form(window, code, "screening", "dm", brthdat=birth, sex="M", height="172",
          ethnic="PERSIAN")


def test_a_patient_from_first_start_to_the_locked_form(qtbot, tmp_path):
    window = _first_start(qtbot, tmp_path / "site" / "trial.db")
    _add_user(window, "nora", "Nora Nurse", 0)
    _add_user(window, "ivan", "Dr. Ivan Investigator", 1)
    assert [u.user_id for u in window.store.users.list()] == ["ada", "ivan", "nora"]
    _switch_user(qtbot, window, "nora")
    store = window.store

    # -- a screen failure: 56 years old on the day of consent ----------------------------
    window.prompts.answer("new_subject", "AK")
    s1 = window.subjects.new_subject()
    assert s1 == "S001"
    _screening(window, s1, "01/MAR/1959")
    window.open_subject(s1)
    line = window.casebook.eligibility_line.text()
    assert "Not eligible" in line and "age 56 at consent (allowed 18 to 55)" in line
    window.prompts.answer("subject_status", (SubjectStatus.SCREEN_FAILURE, "age 56 at consent"))
    window.casebook.change_status()
    assert store.subjects.get(s1).status is SubjectStatus.SCREEN_FAILURE

    # -- an eligible patient ---------------------------------------------------------------
    window.prompts.answer("new_subject", "")
    s2 = window.subjects.new_subject()
    _screening(window, s2, "15/JUN/1975")
    _form(window, s2, "screening", "alshx", onsetdat="MAR/2014", onsetsite="LIMB",
          dxdat="SEP/2014", elesc="PROBABLE", riluzole="Y", famhx="N", sporadic="Y")
    window.open_form(s2, "screening", "alsfrs")
    page = window.form_page
    fill(page, gastro="N")
    for item, score in zip(("q1", "q2", "q3", "q4", "q5a", "q6", "q7", "q8", "q9", "q10",
                            "q11", "q12"), (4, 4, 4, 3, 3, 3, 3, 3, 3, 4, 4, 4)):
        button = page.view.editor(item).buttons[0]
        qtbot.keyClick(button, str(score))  # a digit key picks the score
    qtbot.waitUntil(lambda: "42" in page.derived.text("total"))
    assert "points/month" in page.derived.text("delta_fs")
    assert page.mark_complete(), window.prompts.errors
    _form(window, s2, "screening", "fvc", fvcdat="10/MAY/2015", fvc="3.70", fvcpp="82",
          fvceq="GLI2012", fvcpos="SITTING", fvctries="3")
    window.open_form(s2, "screening", "ie")
    fill(page, inc_age="Y", inc_sals="Y", inc_alsfrs="Y", inc_fvc="Y", exc_fals="N",
         exc_malig="N", exc_autoimm="N", exc_mnd="N", eligible="Y", iedat="11/MAY/2015")
    qtbot.waitUntil(lambda: "Eligible: every criterion met" in page.derived.text("eligibility"))
    assert page.mark_complete(), window.prompts.errors
    assert store.subjects.get(s2).status is SubjectStatus.SCREENING  # enrolled by the infusion

    # -- the infusion and its dose, 72 hours ago -------------------------------------------
    start = (datetime.now() - timedelta(hours=72)).replace(second=0, microsecond=0)
    stamp = f"{start:%d}/{start:%b}/{start:%Y} {start:%H:%M}".upper()
    _form(window, s2, "infusion", "sv", svdone="Y", svstdtc=stamp)
    window.open_form(s2, "infusion", "inf")
    prep = start - timedelta(minutes=30)
    fill(page, weight="74.0", lot="ADMSC-1505-02", viab="94", cellsinf="150", infstdtc=stamp,
         infrx="N", ichildpot="N", rxdose="148", relcert="Y", relcount="160",
         bedcount="152", bedviab="92", premed="N", infvol="100", volall="Y",
         prepdtc=f"{prep:%d}/{prep:%b}/{prep:%Y} {prep:%H:%M}".upper())
    later = start + timedelta(minutes=50)
    fill(page, infendtc=f"{later:%d}/{later:%b}/{later:%Y} {later:%H:%M}".upper())
    qtbot.waitUntil(lambda: "148.0 million cells" in page.derived.text("target_dose"))
    assert "+1.4 % (within tolerance)" in page.derived.text("dose_deviation")
    assert page.mark_complete(), window.prompts.errors
    assert ("Saved", f"Subject {s2} is now enrolled (set by Infusion).") in window.prompts.infos
    assert store.subjects.get(s2).status is SubjectStatus.ENROLLED
    window.open_subject(s2)
    book = window.casebook
    row = book.schedule.row_of("h72")
    assert book.schedule.item(row, 1).text().startswith("72 h · ")
    assert book.schedule.item(row, 4).text() == "in window"
    assert "148.0 million cells" in book.findChild(type(book.code), "dose_target_dose").text()

    # -- the 72-hour visit: a fever, kept with a note as a query ---------------------------
    visit = start + timedelta(hours=71)
    when = f"{visit:%d}/{visit:%b}/{visit:%Y} {visit:%H:%M}".upper()
    _form(window, s2, "h72", "sv", svdone="Y", svstdtc=when)
    window.open_form(s2, "h72", "vs")
    fill(page, vsdtc=when, sysbp="118", diabp="76", pulse="88", resp="16", temp="38.3",
         spo2="97", weight="73.5")

    def note(dialog):
        dialog.edits["temp_fever"].setText("New fever, recorded as an adverse event")
        _ok(dialog)

    when_modal(note)
    assert page.mark_complete(), window.prompts.errors
    (query,) = store.queries.list(subject=s2)
    assert query.status is QueryStatus.OPEN and query.field == "temp"
    window.open_subject(s2)
    assert book.schedule.item(book.schedule.row_of("h72"), 4).text() == "done in window"

    # -- an adverse event, which later becomes serious -------------------------------------
    book.logs["ae"].add_button.click()
    assert page.form_id == "ae" and page.repeat is None
    fill(page, aeterm="Fever", aestdat=when.split()[0], aesttim=when.split()[1], aeongo="N",
         aeendat=when.split()[0],
         aesev="MILD", aetoxgr=1, aeser="N", aerel="POSSIBLE", aeacn="NOT APPLICABLE",
         aeout="RECOVERED/RESOLVED", aethromb="N")
    assert page.mark_complete(), window.prompts.errors
    assert page.repeat == 1
    window.open_subject(s2)
    assert book.logs["ae"].table.rowCount() == 1 and not book.logs["ae"].is_highlighted(0)
    book.logs["ae"].table.selectRow(0)
    book.logs["ae"].open_button.click()
    assert not page.view.is_shown("aeshosp")
    fill(page, aeser="Y", aetoxgr=3, aesev="SEVERE")
    assert page.view.is_shown("aeshosp")  # the seriousness criteria appear
    assert not page.mark_complete()
    assert "Required or prolonged hospitalisation is required" in window.prompts.errors[-1][1]
    fill(page, aesdth="N", aeslife="N", aeshosp="Y", aesdisab="N", aescong="N", aesmie="N",
         aesawdat=when.split()[0], aesspdat=when.split()[0], aesecdat=when.split()[0])

    def reason(dialog):
        assert isinstance(dialog, ReasonDialog)
        said.append(dialog.message.text())
        dialog.reason.setEditText("Hospitalised on day 4: now a serious adverse event")
        _ok(dialog)

    said: list[str] = []

    when_modal(reason)
    assert page.mark_complete(), window.prompts.errors
    assert "already saved as complete" in said[0]
    window.open_subject(s2)
    assert book.logs["ae"].is_highlighted(0)
    window.refresh_all()
    settle(qtbot, window)
    assert window.dashboard.sae.value.text() == "1"
    assert window.dashboard.serious.item(0, 2).text() == "Fever"

    # -- a correction, with a reason -------------------------------------------------------
    window.open_form(s2, "screening", "dm")
    fill(page, height="174")
    window.prompts.answer("reason", "Transcription error: the source says 174 cm")
    assert page.mark_complete(), window.prompts.errors
    page.show_history("height")
    name, (title, rows) = window.prompts.asked[-1]
    assert rows[-1][3:] == ("changed", "172.0", "174.0",
                            "Transcription error: the source says 174 cm")

    # -- the investigator signs the infusion form, then the whole screening visit ----------
    _switch_user(qtbot, window, "ivan")
    window.open_form(s2, "infusion", "inf")
    assert page.sign_action.isEnabled()
    said.clear()

    def sign(dialog):
        assert isinstance(dialog, SignatureDialog)
        assert "Dr. Ivan Investigator" in dialog.findChild(QLabel, "printed_name").text()
        dialog.password.setText("Not-the-password-1")
        _ok(dialog)
        said.append(dialog.message.text())
        dialog.password.setText(PASSWORD)
        _ok(dialog)

    when_modal(sign)
    assert page.sign_form()
    assert "wrong" in said[0]
    assert page.record.status is FormStatus.SIGNED
    shown = page.signature.text()
    assert "Dr. Ivan Investigator" in shown and "UTC" in shown
    assert "I have reviewed the data on this form" in shown
    window.open_subject(s2)
    book.matrix.select_event("screening")

    def sign_visit(dialog):
        offered = [dialog.meaning.itemText(i) for i in range(dialog.meaning.count())]
        assert offered == list(window.store.study.signature_meanings)  # from the definition
        dialog.meaning.setEditText("I approve the data of this visit as accurate and complete.")
        dialog.password.setText(PASSWORD)
        _ok(dialog)

    when_modal(sign_visit)
    assert book.sign_visit()
    assert book.matrix.text_at("screening", "alsfrs") == "signed"

    # -- the administrator locks the signed form; the nurse can no longer change it --------
    _switch_user(qtbot, window, "ada")
    window.open_form(s2, "infusion", "inf")
    window.prompts.answer("reason", "Infusion data final")
    assert page.lock_form()
    assert page.record.status is FormStatus.LOCKED
    _switch_user(qtbot, window, "nora")
    window.open_form(s2, "infusion", "inf")
    assert page.view.read_only and not page.save_action.isEnabled()
    assert page.save_action.toolTip().startswith("This form is locked")
    assert "Signed" in page.signature.text()
    report = store.verify()
    assert report.ok, report.text()
