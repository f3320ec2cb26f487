"""Small dialogs: reason for change, notes for soft checks, free text, subjects, settings.

Each dialog only collects text; the window passes it to the core, which decides.
"""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox,
    QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget,
)

from alsdesk.i18n import tr
from alsdesk.rules.engine import Finding
from .dialog_guide import Guide, GuidedDialog, problem_label
from alsdesk.states import SubjectStatus
from alsdesk.store.status_rules import StatusChoice

__all__ = ["ReasonDialog", "NotesDialog", "TextDialog", "NewSubjectDialog",
           "SubjectStatusDialog", "SettingsDialog"]

COMMON_REASONS = (
    "Transcription error: corrected from the source document",
    "Data entry error",
    "Source document updated",
    "New information received",
    "Answer to a data query",
)


def _buttons(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(
        tr("OK") if ok_text is None else ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ReasonDialog(GuidedDialog):
    """Why data is changed, unlocked or deleted; kept in the audit trail."""

    def __init__(self, title: str, message: str, *, required: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.message = _wrapped(message)
        self.message.setObjectName("reason_message")
        layout.addWidget(self.message)
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        self.reason.setEditable(True)
        self.reason.addItems(("",) + COMMON_REASONS)
        self.reason.setCurrentIndex(0)
        self.reason.setAccessibleName(tr("Reason"))
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # Enter is OK, not "add"
        self.reason.lineEdit().setPlaceholderText(tr("Type or pick the reason"))
        prompt = QLabel(tr("&Reason (kept in the audit trail):"))
        prompt.setBuddy(self.reason)
        layout.addWidget(prompt)
        layout.addWidget(self.reason)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        self.guide = Guide(self, self.problem, [(self.reason, tr(
            "give the reason for the change: type it, or pick one with the Down arrow."))]
            if required else [], inputs=[self.reason])

    def text(self) -> str:
        return self.reason.currentText().strip()


class NotesDialog(GuidedDialog):
    """A note for each soft-check finding; each note is kept with an open query."""

    def __init__(self, findings: Sequence[Finding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Confirm with a note"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(_wrapped(tr(
            "These answers are unusual. If they are right, say why in a note: each note is "
            "kept as an open query for the monitor. Otherwise press Cancel and correct the form.")))
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        required = []
        for f in findings:
            edit = QLineEdit()
            edit.setObjectName(f"note_{f.check_id}")
            edit.setAccessibleName(tr("Note: {message}").format(message=f.message))
            self.edits[f.check_id] = edit
            shown = f.message.replace(" (confirm with a note to keep it)", "").replace(
                tr(" (confirm with a note to keep it)"), "")  # the core's words, either language
            form.addRow(_wrapped(shown))
            form.addRow(edit)
            required.append((edit, tr("write a note for: {finding}").format(finding=shown)))
        layout.addLayout(form)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        self.buttons = _buttons(self, tr("Keep the answers with these notes"))
        layout.addWidget(self.buttons)
        self.guide = Guide(self, self.problem, required)

    def notes(self) -> dict[str, str]:
        return {cid: e.text().strip() for cid, e in self.edits.items()}


class TextDialog(GuidedDialog):
    """Free text: a query's question, its answer, a closing note."""

    def __init__(self, title: str, label: str, *, initial: str = "", required: bool = True,
                 missing: str = "", parent: QWidget | None = None) -> None:
        """`missing` says what to type when OK is pressed on an empty required text."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(_wrapped(label))
        self.edit = QPlainTextEdit(initial)
        self.edit.setObjectName("text")
        self.edit.setAccessibleName(title)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(90)
        self.edit.setPlaceholderText(tr("Enter is OK; Shift+Enter starts a new line"))
        self.edit.installEventFilter(self)
        layout.addWidget(self.edit)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        what = missing or tr("the text is missing: type it above, then press Enter.")
        self.guide = Guide(self, self.problem, [(self.edit, what)] if required else [],
                           inputs=[self.edit])

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Enter in the text is OK, as in every other dialog; Shift+Enter is a new line."""
        if (watched is self.edit and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.edit.insertPlainText("\n")
            else:
                self.accept()
            return True
        return super().eventFilter(watched, event)

    def text(self) -> str:
        return self.edit.toPlainText().strip()


class NewSubjectDialog(QDialog):
    """Register a subject: the core gives the next screening number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New subject"))
        layout = QVBoxLayout(self)
        layout.addWidget(_wrapped(tr(
            "The new subject is registered in screening with the next screening number.")))
        form = QFormLayout()
        self.initials = QLineEdit()
        self.initials.setObjectName("initials")
        self.initials.setAccessibleName(tr("Initials"))
        self.initials.setMaxLength(4)
        self.initials.setPlaceholderText(tr("optional, 2 to 4 letters"))
        form.addRow(tr("&Initials:"), self.initials)
        form.labelForField(self.initials).setBuddy(self.initials)
        layout.addLayout(form)
        self.buttons = _buttons(self, tr("Register"))
        layout.addWidget(self.buttons)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.initials.setFocus()  # optional: Enter on it empty registers without initials


class SubjectStatusDialog(QDialog):
    """A new status for a subject, from those the core allows now, with a reason.

    Nothing is chosen at the start; statuses the data does not allow are shown greyed with
    the core's reason (in the list's tool tip and written below it). OK on an incomplete
    dialog says what is missing; a complete one asks for confirmation naming the subject.
    """

    def __init__(self, code: str, current: SubjectStatus, choices: Sequence[StatusChoice],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code, self.current = code, current
        self.setWindowTitle(tr("Change the status of {subject}").format(subject=code))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.possible = any(c.refusal is None for c in choices)
        intro = (tr("{subject} is <b>{status}</b>. Choose the new status and give the "
                    "reason; the audit trail keeps both.") if self.possible else
                 tr("{subject} is <b>{status}</b>. Its status follows its data: no other "
                    "status can be chosen by hand now (why, below).")).format(
            subject=code, status=current.value)
        self.intro = _wrapped(intro)
        self.intro.setObjectName("status_intro")
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.status.setAccessibleName(tr("New status"))
        self.status.addItem(tr("— choose the new status —"), None)
        model = self.status.model()
        refused = []
        for c in choices:
            shown = c.status.shown if c.refusal is None else \
                tr("{status} (not possible now)").format(status=c.status.shown)
            self.status.addItem(shown, c.status.value)
            if c.refusal is not None:
                item = model.item(self.status.count() - 1)
                item.setEnabled(False)
                item.setToolTip(c.refusal)
                refused.append(f"<b>{c.status.shown}</b>: {c.refusal}")
        self.status.setCurrentIndex(0)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setAccessibleName(tr("Reason for the change"))
        self.reason.setPlaceholderText(tr("Why the status changes"))
        form.addRow(tr("&New status:"), self.status)
        form.addRow(tr("&Reason:"), self.reason)
        for label, buddy in ((form.labelForField(self.status), self.status),
                             (form.labelForField(self.reason), self.reason)):
            label.setBuddy(buddy)
        layout.addLayout(form)
        self.problem = problem_label("status_problem")
        layout.addWidget(self.problem)
        self.not_now = _wrapped(tr("Not possible now:") + "<br>" + "<br>".join(refused))
        self.not_now.setObjectName("status_not_now")
        self.not_now.setVisible(bool(refused))
        layout.addWidget(self.not_now)
        self.buttons = _buttons(self, tr("Change status…"))
        layout.addWidget(self.buttons)
        if not self.possible:  # nothing to choose: say so, and offer only Close
            for w in (self.status, self.reason):
                w.setEnabled(False)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).hide()
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Close"))
        self.status.currentIndexChanged.connect(lambda _: self.problem.hide())
        self.reason.textChanged.connect(lambda _: self.problem.hide())
        self.confirmation: QMessageBox | None = None

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.possible:
            self.status.setFocus()  # the first input, never OK
        else:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setFocus()

    def choice(self) -> tuple[SubjectStatus | None, str]:
        data = self.status.currentData()  # the status's value: Qt hands a str Enum back as str
        return (SubjectStatus(data) if data else None), self.reason.text().strip()

    def _missing(self, text: str, widget: QWidget) -> None:
        self.problem.setText(text)
        self.problem.show()
        widget.setFocus()

    def accept(self) -> None:
        """Explain what is missing, or confirm the change with the subject named."""
        status, reason = self.choice()
        if status is None:
            self._missing(tr("Choose the new status first (arrow keys or the first letter)."),
                          self.status)
            return
        if not reason:
            self._missing(tr("Give the reason for changing {subject} to {status}.").format(
                subject=self.code, status=status.shown),
                          self.reason)
            return
        box = QMessageBox(QMessageBox.Icon.Question, tr("Confirm the status change"),
                          tr("Change {subject} from {old} to {new}?").format(
                              subject=self.code, old=self.current.shown, new=status.shown),
                          parent=self)
        box.setInformativeText(tr("Reason: {reason}").format(reason=reason))
        yes = box.addButton(tr("Change to {status}").format(status=status.shown),
                            QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        self.confirmation = box
        box.exec()
        self.confirmation = None
        if box.clickedButton() is yes:
            super().accept()


class SettingsDialog(QDialog):
    """Site settings an administrator may change (kept in the database, audited)."""

    def __init__(self, idle_minutes: int, date_format: str = "DD/MMM/YYYY",
                 formats: Sequence[str] = ("DD/MMM/YYYY",),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.idle = QSpinBox()
        self.idle.setObjectName("idle_minutes")
        self.idle.setAccessibleName(tr("Lock the window after this many idle minutes"))
        self.idle.setRange(1, 120)
        self.idle.setValue(idle_minutes)
        self.idle.setSuffix(tr(" min"))
        form.addRow(tr("&Lock the window when idle for:"), self.idle)
        form.labelForField(self.idle).setBuddy(self.idle)
        self.date_format = QComboBox()
        self.date_format.setObjectName("date_format")
        self.date_format.setAccessibleName(tr("How dates are written on screen"))
        self.date_format.addItems(list(formats))
        self.date_format.setCurrentText(date_format)
        form.addRow(tr("&Dates on screen:"), self.date_format)
        form.labelForField(self.date_format).setBuddy(self.date_format)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, tr("Save")))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.idle.setFocus()
        self.idle.selectAll()
