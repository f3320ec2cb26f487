"""A protocol amendment, shown before it is applied: the plan of alsdesk/store/amend.py.

The dialog loads the chosen definition file, asks the core for the plan (every change and
what it does to the data already entered) and shows each finding in the core's words. When
any change is refused, it says that nothing will change and Apply stays greyed: a refused
amendment is never half applied, and the database is not written at all (the plan only
reads). Otherwise the administrator gives the reason and the password, and Apply calls
`amend.apply`; a refusal (wrong password, ...) is shown in the dialog, the reason kept.
"""
from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from alsdesk.errors import AlsDeskError, AuthError
from alsdesk.i18n import tr
from alsdesk.store import amend
from alsdesk.study.model import Study
from .i18n import ltr
from .dialog_guide import PROBLEM_STYLE, Guide, problem_label
from .study_choice import DEFINITION_FILTER, load_definition, study_summary

if TYPE_CHECKING:
    from alsdesk.store.core import Store

__all__ = ["AmendDialog", "findings_html"]

REFUSED_STYLE = "color: #b00020;"


def findings_html(plan: amend.Plan) -> str:
    """Every finding in the core's words, one paragraph each; refused ones in red, marked
    with a sign and the word REFUSED in bold (colour alone is not enough to tell them)."""
    out, word = [], tr("REFUSED")
    for f in plan.findings:
        text = escape(f.text)
        if f.refusal:
            text = text.replace(". REFUSED:", ". <b>REFUSED:</b>")
            out.append(f"<p style='{REFUSED_STYLE}'><b>✖ {word}</b> — {text}</p>")
        else:
            out.append(f"<p>• {text}</p>")
    return "".join(out)


class AmendDialog(QDialog):
    """One definition file: its plan, then reason, password and Apply."""

    def __init__(self, store: "Store", path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("amend_dialog")
        self.setWindowTitle(tr("Amend the study definition"))
        self.new_study: Study | None = None
        self.plan: amend.Plan | None = None
        self.applied: amend.Plan | None = None
        layout = QVBoxLayout(self)
        current = QLabel(tr("The database works under <b>{study}</b> CRF version "
                            "<b>{crf_version}</b> (stored version {version}).").format(
            study=escape(store.study.id), crf_version=escape(store.study.crf_version),
            version=store.study_version))
        current.setObjectName("amend_current")
        current.setWordWrap(True)
        layout.addWidget(current)
        row = QHBoxLayout()
        self.file_label = QLabel()
        self.file_label.setObjectName("amend_file")
        self.file_label.setWordWrap(True)
        self.file_label.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(self.file_label, 1)
        self.other_file = QPushButton(tr("&Choose another file…"))
        self.other_file.setObjectName("amend_other_file")
        self.other_file.setAutoDefault(False)  # Enter applies (when it may), never browses
        self.other_file.clicked.connect(self.choose_file)
        row.addWidget(self.other_file, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.headline = QLabel()
        self.headline.setObjectName("amend_headline")
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.findings = QTextBrowser()
        self.findings.setObjectName("amend_findings")
        self.findings.setAccessibleName(tr("Changes and what they do to the data"))
        self.findings.setTabChangesFocus(True)  # Tab goes on to the reason, not into the text
        layout.addWidget(self.findings, 1)
        self.verdict = QLabel()
        self.verdict.setObjectName("amend_verdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("amend_reason")
        self.reason.setAccessibleName(tr("Reason for the amendment"))
        self.reason.setPlaceholderText(tr("the protocol amendment's number and date (kept in "
                                          "the audit trail)"))
        self.password = QLineEdit()
        self.password.setObjectName("amend_password")
        self.password.setAccessibleName(tr("Your password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("&Reason:"), self.reason)
        form.addRow(tr("Your pass&word:"), self.password)
        layout.addLayout(form)
        self.message = problem_label("amend_message")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setObjectName("amend_apply")
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.guide = Guide(self, self.message, [
            (self.reason, tr("give the reason for the amendment (for example the protocol "
                             "amendment's number and date).")),
            (self.password, tr("type your password to apply the amendment."))])
        self._fit_screen()
        self.load(path)

    def _fit_screen(self) -> None:
        """Wide enough for a finding on two lines, never taller than the screen's free
        area (the list of findings scrolls instead)."""
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(min(860, screen.width() - 40), min(600, screen.height() - 60))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.reason.isEnabled():
            self.guide.start()
        else:  # nothing to type: the cursor waits on the way to another file
            self.other_file.setFocus()

    # -- loading and planning ------------------------------------------------------------
    def choose_file(self) -> None:
        start = str(self.path.parent) if getattr(self, "path", None) else ""
        chosen, _ = QFileDialog.getOpenFileName(self, tr("Amended study definition"), start,
                                                tr(DEFINITION_FILTER))
        if chosen:
            self.load(Path(chosen))  # the reason typed stays; the password goes
        self.activateWindow()

    def load(self, path: Path) -> None:
        """Load `path` and ask the core what amending to it would do (nothing is written)."""
        self.path = Path(path)
        self.new_study, self.plan = None, None
        self.password.clear()
        self.guide.clear()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            study, problem = load_definition(self.path)
            if study is not None:
                try:
                    self.plan = amend.plan(self.store, study, self.path.name)
                    self.new_study = study
                except AlsDeskError as exc:  # another study, not newer, nothing to change
                    problem = str(exc)
        finally:
            QApplication.restoreOverrideCursor()
        self.file_label.setText(tr("File: <b>{path}</b>").format(path=ltr(escape(str(self.path)))) + (
            f"<br>{escape(study_summary(study))}" if study is not None else ""))
        if self.plan is None:
            self._cannot(problem or "")
        else:
            self._show_plan(self.plan)

    def _cannot(self, problem: str) -> None:
        self.headline.setText(tr("This file cannot amend the database:"))
        self.findings.setHtml(f"<p style='{REFUSED_STYLE}'>{escape(problem)}</p>")
        self.verdict.setText(tr("Nothing will change. Correct the file, or choose another."))
        self.verdict.setStyleSheet(PROBLEM_STYLE)
        self._allow(False, None)

    def _show_plan(self, plan: amend.Plan) -> None:
        n, refused = len(plan.findings), len(plan.refused)
        self.headline.setText(
            tr("{study}: CRF version {old} → {new}, stored as version {version}.").format(
                study=plan.old.id, old=plan.old.crf_version, new=plan.new.crf_version,
                version=plan.version)
            + " " + (tr("{n} change") if n == 1 else tr("{n} changes")).format(n=n)
            + (tr(", {n} refused:").format(n=refused) if refused else ":"))
        self.findings.setHtml(findings_html(plan))
        if refused:
            self.verdict.setText((
                tr("Nothing will change: {refused} of the {n} changes is refused. Write the "
                   "definition again without them (each says what to do instead), then choose "
                   "the file again.") if refused == 1 else
                tr("Nothing will change: {refused} of the {n} changes are refused. Write the "
                   "definition again without them (each says what to do instead), then choose "
                   "the file again.")).format(refused=refused, n=n))
            self.verdict.setStyleSheet(PROBLEM_STYLE + " font-weight: bold;")
            self._allow(False, plan.version)
        else:
            self.verdict.setText(
                tr("Apply stores this definition as version {version}, with your reason, "
                   "in the audit trail. Forms entered before keep the version they were entered "
                   "under; new ones follow the new definition.").format(version=plan.version))
            self.verdict.setStyleSheet("")
            self._allow(True, plan.version)

    def _allow(self, may: bool, version: int | None) -> None:
        self.apply_button.setText(tr("A&pply as version {version}").format(version=version)
                                  if version else tr("A&pply"))
        for widget in (self.apply_button, self.reason, self.password):
            widget.setEnabled(may)
        self.apply_button.setDefault(may)
        # greyed, the button says why (a tool tip; the verdict above says it too)
        self.apply_button.setToolTip("" if may else tr("Nothing can be applied: {why}").format(
            why=self.verdict.text()))

    # -- applying ------------------------------------------------------------------------
    def apply(self) -> None:
        """Apply (or Enter): the core stores the amendment or says why not, in the dialog."""
        if self.plan is None or self.plan.refused or self.new_study is None:
            return  # Enter while Apply is greyed: the verdict on screen says why
        if not self.guide.complete():
            return
        try:
            self.applied = amend.apply(self.store, self.new_study, self.path.name,
                                       reason=self.reason.text(),
                                       password=self.password.text())
        except AlsDeskError as exc:
            self.password.clear()
            self.guide.explain(str(exc), self.password if isinstance(exc, AuthError)
                               else self.reason)
            return
        self.accept()
