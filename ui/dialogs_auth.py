"""Dialogs that take a password: first run, login, electronic signature, a new account.

Each one hands the typed text to a core call given by the caller and stays open with the
core's message when it refuses (wrong password, lockout, weak password), so nothing typed is
lost but the password.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from alsdesk.auth import Role, password_problem, password_rules
from alsdesk import i18n
from alsdesk.errors import AlsDeskError
from alsdesk.i18n import tr
from alsdesk.store.workflow import DEFAULT_MEANING
from .i18n import ltr
from .dialog_guide import Guide
from .study_choice import StudyChoice

if TYPE_CHECKING:
    from alsdesk.store.workflow import VisitScope

__all__ = ["FirstRunDialog", "LoginDialog", "SignatureDialog"]



def _password(name: str, label: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(label)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _line(name: str, label: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(label)
    return edit


def _rules() -> QLabel:
    """The core's password rules, shown before a password is chosen (not after a refusal)."""
    label = QLabel(tr("The password needs {rules}.").format(rules="; ".join(password_rules())))
    label.setObjectName("password_rules")
    label.setWordWrap(True)
    return label


class _Dialog(QDialog):
    """A dialog whose OK runs an attempt; a refused attempt shows the core's message."""

    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.layout_ = QVBoxLayout(self)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        intro_label.setTextFormat(Qt.TextFormat.RichText)
        self.layout_.addWidget(intro_label)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.layout_.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.guide = Guide(self, self.message)  # subclasses name their required inputs

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.guide.start()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.grow()

    def grow(self) -> None:
        """A long message (an account changed outside the program) wraps over several
        lines: the dialog grows to show all of it instead of clipping it."""
        self.layout_.activate()
        need = self.layout_.totalHeightForWidth(self.width())
        if need > self.height():
            self.resize(self.width(), need)

    def _try(self) -> None:
        if not self.guide.complete():
            return
        try:
            self.attempt()
        except AlsDeskError as exc:
            self.show_message(str(exc))
            self.after_failure()
            return
        self.accept()

    def attempt(self) -> None:  # overridden
        raise NotImplementedError

    def after_failure(self) -> None:
        """Clear the password after a refusal; what else was typed stays."""


class FirstRunDialog(_Dialog):
    """No account yet: create the first administrator (and the database file if needed).

    With `choose_study` the dialog also asks which study definition the new file is for
    (ui.study_choice), and `create` receives it as a fourth argument.
    """

    def __init__(self, db_path: Path, create: Callable[..., None], *,
                 new_file: bool, parent: QWidget | None = None,
                 choose_study: bool = False) -> None:
        where = (tr("There is no database at <b>{path}</b>.") if new_file
                 else tr("The database has no users yet: <b>{path}</b>.")).format(path=ltr(db_path))
        super().__init__(
            tr("ALS Desk — first start"),
            where + "<br>" + tr("Create the first administrator account. The administrator "
                                "adds the nurses, investigators and monitors; it does not "
                                "enter clinical data."),
            tr("Create") if new_file else tr("Create the account"), parent)
        self._create = create
        self.study_choice: StudyChoice | None = None
        if choose_study:
            self.setMinimumWidth(560)  # the trial's id and CRF version on the choice's line
        self.user_id = _line("user_id", tr("Administrator user id"))
        self.full_name = _line("full_name", tr("Full name"))
        self.password = _password("password", tr("Password"))
        self.repeat = _password("repeat", tr("Password again"))
        self.form.addRow(tr("User id:"), self.user_id)
        self.form.addRow(tr("Full name:"), self.full_name)
        self.form.addRow(_rules())
        self.form.addRow(tr("Password:"), self.password)
        self.form.addRow(tr("Password again:"), self.repeat)
        self.guide.required = [
            (self.user_id, tr("type the administrator's user id.")),
            (self.full_name, tr("type the administrator's full name.")),
            (self.password, tr("choose a password.")),
            (self.repeat, tr("type the password again, to be sure of it."))]
        if choose_study:
            # below the account: Tab goes from the passwords to the choice, then to Create
            self.study_choice = StudyChoice(db_path.parent if db_path.parent.is_dir()
                                            else None)
            self.study_choice.changed.connect(self._study_changed)
            self.layout_.insertWidget(self.layout_.indexOf(self.message), self.study_choice)
        self._said_of_study = False

    def _study_changed(self) -> None:
        if self._said_of_study:  # what was said of the earlier choice no longer holds
            self._said_of_study = False
            self.show_message("")
        self.grow()  # a loader's message under the choice may take several lines

    def _try(self) -> None:
        # A definition that does not load is said before anything is tried, and the
        # passwords stay: they were not what was wrong.
        choice = self.study_choice
        if choice is not None and choice.problem() is not None and self.guide.complete():
            self.show_message(choice.problem())
            self._said_of_study = True
            choice.choose.setFocus()
            return
        super()._try()

    def attempt(self) -> None:
        user_id, password = self.user_id.text().strip(), self.password.text()
        if password != self.repeat.text():
            raise _Refused(tr("The two passwords differ: type the same password twice."))
        problem = password_problem(password, user_id, self.full_name.text())
        if problem:
            raise _Refused(problem)
        if self.study_choice is not None:
            self._create(user_id, self.full_name.text(), password, self.study_choice.study)
        else:
            self._create(user_id, self.full_name.text(), password)

    def after_failure(self) -> None:
        self.password.clear()
        self.repeat.clear()
        self.password.setFocus()


class _Refused(AlsDeskError):
    """A dialog's own refusal (two passwords differ) shown like the core's messages."""


class LoginDialog(_Dialog):
    """User id and password; failures and lockout as the core decides. The language can be
    chosen here, before anyone is known: the dialog closes with RELANGUAGE and is shown
    again in it (ui.app.sign_in), the user id kept."""

    RELANGUAGE = 2  # done() code: another language was chosen

    def __init__(self, db_path: Path, login: Callable[[str, str], object], *,
                 title: str | None = None, parent: QWidget | None = None,
                 user_id: str = "") -> None:
        super().__init__(tr("ALS Desk — log in") if title is None else title,
                         tr("Database: <b>{path}</b>").format(path=ltr(db_path)), tr("Log in"), parent)
        self._login = login
        self.user_id = _line("user_id", tr("User id"))
        self.user_id.setText(user_id)
        self.password = _password("password", tr("Password"))
        self.form.addRow(tr("User id:"), self.user_id)
        self.form.addRow(tr("Password:"), self.password)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(i18n.language()))
        self.language.currentIndexChanged.connect(self._relanguage)
        # in both languages: whoever cannot read the one shown finds the other
        self.form.addRow("Language / زبان:", self.language)
        self.guide.required = [(self.user_id, tr("type your user id.")),
                               (self.password, tr("type your password."))]
        if user_id:
            self.password.setFocus()

    def _relanguage(self, _index: int) -> None:
        from .i18n import save_language, use_language

        code = self.language.currentData()
        use_language(code)
        save_language(None, code)
        self.done(self.RELANGUAGE)

    def attempt(self) -> None:
        self._login(self.user_id.text().strip(), self.password.text())

    def after_failure(self) -> None:
        self.password.clear()
        self.password.setFocus()


class SignatureDialog(_Dialog):
    """An electronic signature: printed name and meaning shown, password re-entered."""

    def __init__(self, what: str, printed_name: str, role: Role,
                 sign: Callable[[str, str], object], parent: QWidget | None = None,
                 meanings: Sequence[str] = (), scope: "VisitScope | None" = None) -> None:
        """`meanings` come from the study definition (the core's default when it has none);
        `scope`, the core's list for a visit signature, is shown above the password."""
        super().__init__(
            tr("Electronic signature"),
            tr("You are signing <b>{what}</b>.<br>Your signature is the legally binding "
               "equivalent of a handwritten one (21 CFR 11). It is shown and printed with your "
               "name, the date and time, and its meaning.").format(what=what), tr("Sign"),
            parent)
        self.setMinimumWidth(640)
        self._sign = sign
        name = QLabel(f"<b>{printed_name}</b> ({role.shown})")
        name.setObjectName("printed_name")
        self.meaning = QComboBox()
        self.meaning.setObjectName("meaning")
        self.meaning.setAccessibleName(tr("Meaning of the signature"))
        self.meaning.setEditable(True)
        self.meaning.addItems(list(meanings) or [DEFAULT_MEANING])
        self.meaning.lineEdit().setCursorPosition(0)  # the meaning's start, not its end
        self.password = _password("password", tr("Password"))
        self.form.addRow(tr("Signed by:"), name)
        self.form.addRow(tr("Meaning:"), self.meaning)
        self.form.addRow(tr("Password:"), self.password)
        # The meaning is filled in already: the cursor starts in the password.
        self.guide.required = [(self.password, tr("type your password to sign.")),
                               (self.meaning, tr("give the meaning of the signature."))]
        if scope is not None:
            self._show_scope(scope)

    def _show_scope(self, scope: "VisitScope") -> None:
        """What the signature covers and, in a warning, which forms it leaves out."""
        from .fmt import local_time

        rows = "".join(
            f"<tr><td>{i.label}</td><td>{i.status.shown}</td>"
            f"<td>{i.completed_by or ''}</td><td>{local_time(i.completed_at)}</td></tr>"
            for i in scope.covered)
        heads = "".join(f"<th align='left'>{head}</th>" for head in (
            tr("Form"), tr("Status"), tr("Completed by"), tr("On")))
        covered = QLabel(
            tr("<b>Forms this signature covers ({n}):</b>").format(n=len(scope.covered))
            + f"<table cellspacing='0' cellpadding='2'><tr>{heads}</tr>{rows}</table>")
        covered.setObjectName("signature_covers")
        covered.setTextFormat(Qt.TextFormat.RichText)
        covered.setWordWrap(True)
        at = 1  # below the introduction, above the name, meaning and password
        self.layout_.insertWidget(at, covered)
        if scope.settled:
            settled = QLabel(tr("Already signed or locked, left as they are: {forms}").format(
                forms=", ".join(f"{i.label} ({i.status.shown})" for i in scope.settled)))
            settled.setObjectName("signature_settled")
            settled.setWordWrap(True)
            at += 1
            self.layout_.insertWidget(at, settled)
        if scope.warning:
            warning = QLabel(f"⚠ {scope.warning}")
            warning.setObjectName("signature_warning")
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #8a4b00; font-weight: bold;")
            at += 1
            self.layout_.insertWidget(at, warning)

    def attempt(self) -> None:
        self._sign(self.password.text(), self.meaning.currentText().strip())

    def after_failure(self) -> None:
        self.password.clear()
        self.password.setFocus()
