"""Administration > Users: the accounts in a table and what an administrator does to them.

Every step is a call into alsdesk.accounts (the UserService calls the CLI makes); which
buttons are open, and why the others are not, is alsdesk.accounts.account_steps. A step's
dialog names the account (that is the confirmation), asks for the reason, shows the password
rules of alsdesk.auth before a password is typed, and stays open with the core's message when
the core refuses, keeping what was typed but passwords.

Keys: the table takes the arrows; Enter (or the menu key) on a row opens the row's actions as
a menu, since an administrator expects Enter to offer what can be done to that account, not
to start one particular change. Buttons carry mnemonics that avoid the menu bar's letters
(F, O, V, A, H): New (N), Reset password (P), Unlock (U), Change role (R), Deactivate (D),
Reactivate (E).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QMenu, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from alsdesk import accounts
from alsdesk.accounts import Account, AccountStep
from alsdesk.auth import Action, Role, password_rules
from alsdesk.errors import AlsDeskError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.permissions import role_refusal
from alsdesk.store.users import User
from .fmt import gate, local_time, row_list

if TYPE_CHECKING:
    from alsdesk.store.core import Store
    from .main_window import MainWindow

__all__ = ["UsersDialog", "AccountStepDialog", "NewAccountDialog", "open_users", "COLUMNS"]

# made at import: shown with tr(...) where they are used, in the language chosen by then
COLUMNS = (QT_TRANSLATE_NOOP("", "User id"), QT_TRANSLATE_NOOP("", "Full name"),
           QT_TRANSLATE_NOOP("", "Role"), QT_TRANSLATE_NOOP("", "Active"),
           QT_TRANSLATE_NOOP("", "Locked until"), QT_TRANSLATE_NOOP("", "Last login"))
# button text (with its mnemonic) per step, in the order of the buttons and the row menu
STEP_TEXT = {
    AccountStep.RESET_PASSWORD: QT_TRANSLATE_NOOP("", "Reset &password…"),
    AccountStep.UNLOCK: QT_TRANSLATE_NOOP("", "&Unlock…"),
    AccountStep.CHANGE_ROLE: QT_TRANSLATE_NOOP("", "Change &role…"),
    AccountStep.DEACTIVATE: QT_TRANSLATE_NOOP("", "&Deactivate…"),
    AccountStep.REACTIVATE: QT_TRANSLATE_NOOP("", "R&eactivate…"),
}
# the question a step's dialog asks, naming the account ({who})
QUESTION = {
    AccountStep.RESET_PASSWORD: QT_TRANSLATE_NOOP("", "Reset the password of the account {who}?"),
    AccountStep.UNLOCK: QT_TRANSLATE_NOOP("", "Unlock the account {who}?"),
    AccountStep.CHANGE_ROLE: QT_TRANSLATE_NOOP("", "Change the role of the account {who}?"),
    AccountStep.DEACTIVATE: QT_TRANSLATE_NOOP("", "Deactivate the account {who}?"),
    AccountStep.REACTIVATE: QT_TRANSLATE_NOOP("", "Reactivate the account {who}?"),
}
# the OK button of a step's dialog, naming the account ({user})
OK_TEXT = {
    AccountStep.RESET_PASSWORD: QT_TRANSLATE_NOOP("", "Reset {user}"),
    AccountStep.UNLOCK: QT_TRANSLATE_NOOP("", "Unlock {user}"),
    AccountStep.CHANGE_ROLE: QT_TRANSLATE_NOOP("", "Change {user}"),
    AccountStep.DEACTIVATE: QT_TRANSLATE_NOOP("", "Deactivate {user}"),
    AccountStep.REACTIVATE: QT_TRANSLATE_NOOP("", "Reactivate {user}"),
}
# what each step does to the account, said before it is done
CONSEQUENCE = {
    AccountStep.RESET_PASSWORD: QT_TRANSLATE_NOOP(
        "", "The new password replaces the old one at once, and unlocks "
            "the account. Give it to the person privately."),
    AccountStep.UNLOCK: QT_TRANSLATE_NOOP(
        "", "The account can log in again at once; the count of wrong passwords "
            "starts again from zero."),
    AccountStep.CHANGE_ROLE: QT_TRANSLATE_NOOP(
        "", "The role decides what the account may do from its next login."),
    AccountStep.DEACTIVATE: QT_TRANSLATE_NOOP(
        "", "The account can no longer log in. It is not deleted: what it "
            "recorded and signed stays, and it can be reactivated."),
    AccountStep.REACTIVATE: QT_TRANSLATE_NOOP(
        "", "The account can log in again with its current password."),
}
# the status line after a step was done on account {user}
DONE = {
    AccountStep.RESET_PASSWORD: QT_TRANSLATE_NOOP("", "New password set for {user}."),
    AccountStep.UNLOCK: QT_TRANSLATE_NOOP("", "Unlocked {user}."),
    AccountStep.CHANGE_ROLE: QT_TRANSLATE_NOOP("", "Changed the role of {user}."),
    AccountStep.DEACTIVATE: QT_TRANSLATE_NOOP("", "Deactivated {user}."),
    AccountStep.REACTIVATE: QT_TRANSLATE_NOOP("", "Reactivated {user}."),
}


def _step_name(step: AccountStep) -> str:
    """A step's button text without its mnemonic and dots ("Reset password")."""
    return tr(STEP_TEXT[step]).replace("&", "").rstrip("…")


def rules_text() -> str:
    """The core's password rules as the label shown above the password fields."""
    return tr("A new password must be: {rules}.").format(rules="; ".join(password_rules()))


def _edit(name: str, label: str, password: bool = False) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(label)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class _StepDialog(QDialog):
    """OK runs the core call; a refusal is shown in red and the dialog stays open."""

    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro_label = _label(intro, "step_intro")
        intro_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(intro_label)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.message = _label("", "message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.passwords: list[QLineEdit] = []

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # the cursor starts in the first input, never on OK
        first = self.form.itemAt(0, QFormLayout.ItemRole.FieldRole)
        if first is not None and first.widget() is not None:
            first.widget().setFocus()

    def _try(self) -> None:
        try:
            self.attempt()
        except AlsDeskError as exc:
            self.message.setText(str(exc))
            self.message.show()
            for edit in self.passwords:
                edit.clear()
            return
        self.accept()

    def attempt(self) -> None:  # overridden
        raise NotImplementedError


class AccountStepDialog(_StepDialog):
    """One step on one account: its consequence, the inputs it needs, the reason."""

    def __init__(self, store: "Store", user: User, step: AccountStep,
                 parent: QWidget | None = None) -> None:
        who = f"<b>{user.user_id}</b> — {user.full_name}, {user.role.shown}"
        super().__init__(tr("{step}: {user}").format(step=_step_name(step), user=user.user_id),
                         tr(QUESTION[step]).format(who=who) + "<br>" + tr(CONSEQUENCE[step]),
                         tr(OK_TEXT[step]).format(user=user.user_id), parent)
        self.setObjectName(f"account_{step.name.lower()}_dialog")
        self.store, self.user, self.step = store, user, step
        if step is AccountStep.RESET_PASSWORD:
            self.form.addRow(_label(rules_text(), "password_rules"))
            self.password = _edit("password", tr("New password"), True)
            self.repeat = _edit("repeat", tr("New password again"), True)
            self.form.addRow(tr("New &password:"), self.password)
            self.form.addRow(tr("Password a&gain:"), self.repeat)
            self.passwords = [self.password, self.repeat]
        if step is AccountStep.CHANGE_ROLE:
            self.role = QComboBox()
            self.role.setObjectName("role")
            self.role.setAccessibleName(tr("New role"))
            for role in Role:
                if role is not user.role:
                    self.role.addItem(role.shown, role)
            self.form.addRow(tr("New &role:"), self.role)
        self.reason = _edit("reason", tr("Reason"))
        self.reason.setPlaceholderText(tr("kept in the audit trail"))
        self.form.addRow(tr("Rea&son:"), self.reason)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.step is AccountStep.RESET_PASSWORD:
            self.password.setFocus()  # the rules are a row of their own, above it

    def attempt(self) -> None:
        uid, reason = self.user.user_id, self.reason.text()
        if self.step is AccountStep.RESET_PASSWORD:
            accounts.reset_password(self.store, uid, self.password.text(), self.repeat.text(),
                                    reason)
        elif self.step is AccountStep.CHANGE_ROLE:
            accounts.change_role(self.store, uid, self.role.currentData(), reason)
        elif self.step is AccountStep.UNLOCK:
            accounts.unlock(self.store, uid, reason)
        elif self.step is AccountStep.DEACTIVATE:
            accounts.deactivate(self.store, uid, reason)
        else:
            accounts.reactivate(self.store, uid, reason)


class NewAccountDialog(_StepDialog):
    """A new account: user id, full name, role, and a password typed twice under its rules."""

    def __init__(self, store: "Store", parent: QWidget | None = None) -> None:
        super().__init__(tr("New account"),
                         tr("The new user logs in with this user id and password; "
                            "the full name is printed with their signatures."),
                         tr("Add the account"), parent)
        self.setObjectName("new_account_dialog")
        self.store = store
        self.user_id = _edit("user_id", tr("User id"))
        self.full_name = _edit("full_name", tr("Full name"))
        self.role = QComboBox()
        self.role.setObjectName("role")
        self.role.setAccessibleName(tr("Role"))
        for role in Role:
            self.role.addItem(role.shown, role)
        self.password = _edit("password", tr("Password"), True)
        self.repeat = _edit("repeat", tr("Password again"), True)
        self.passwords = [self.password, self.repeat]
        self.form.addRow(tr("&User id:"), self.user_id)
        self.form.addRow(tr("Full &name:"), self.full_name)
        self.form.addRow(tr("&Role:"), self.role)
        self.form.addRow(_label(rules_text(), "password_rules"))
        self.form.addRow(tr("&Password:"), self.password)
        self.form.addRow(tr("Password a&gain:"), self.repeat)
        self.added: User | None = None

    def attempt(self) -> None:
        self.added = accounts.add(self.store, self.user_id.text(), self.full_name.text(),
                                  self.role.currentData(), self.password.text(),
                                  self.repeat.text())


class _AccountTable(QTableWidget):
    """The accounts; Enter or the menu key asks for the row's actions."""

    def __init__(self, on_enter: Callable[[], None]) -> None:
        super().__init__(0, len(COLUMNS))
        self._on_enter = on_enter

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Menu) \
                and self.currentRow() >= 0:
            event.accept()  # not passed on: the dialog has no default button to press
            self._on_enter()
            return
        super().keyPressEvent(event)


class UsersDialog(QDialog):
    """The accounts and the steps on the selected one."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window_ = window
        self.store = window.store
        self.setObjectName("users_dialog")
        self.setWindowTitle(tr("Users"))
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(_label(tr("Accounts are never deleted: deactivate one that is no "
                                   "longer used. Every change is kept in the audit trail with "
                                   "its reason. Enter on a row shows what can be done to it.")))
        self.table = row_list(_AccountTable(self.row_menu), "accounts", tr("Accounts"))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.itemSelectionChanged.connect(self._gate)
        self.table.doubleClicked.connect(lambda _index: self.row_menu())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.new_button = self._button("new_account", tr("&New account…"), self.new_account)
        row.addWidget(self.new_button)
        self.step_buttons: dict[AccountStep, QPushButton] = {}
        for step, text in STEP_TEXT.items():
            button = self._button(f"step_{step.name.lower()}", tr(text),
                                  lambda _c=False, s=step: self.run_step(s))
            self.step_buttons[step] = button
            row.addWidget(button)
        row.addStretch(1)
        close = self._button("close_users", tr("Close"), self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.status = _label("", "users_status")
        layout.addWidget(self.status)
        self.accounts: list[Account] = []
        self.reload()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter belongs to the table, never to a button
        button.clicked.connect(slot)
        return button

    # -- reading -------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """Read the accounts again; keep the selected one (or select `select`)."""
        keep = select or self.current_user_id()
        try:
            self.accounts = accounts.accounts(self.store)
        except AlsDeskError as exc:
            self.accounts = []
            self.status.setText(str(exc))
        self.table.setRowCount(len(self.accounts))
        for r, acc in enumerate(self.accounts):
            u = acc.user
            cells = (u.user_id, u.full_name, u.role.shown, tr("yes") if u.active else tr("no"),
                     local_time(u.locked_until) if acc.locked else "",
                     local_time(acc.last_login) if acc.last_login else tr("never"))
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        ids = [a.user_id for a in self.accounts]
        self.table.selectRow(ids.index(keep) if keep in ids else 0)
        self._gate()

    def current(self) -> Account | None:
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def current_user_id(self) -> str | None:
        acc = self.current()
        return acc.user_id if acc else None

    def _gate(self) -> None:
        acc = self.current()
        steps = accounts.account_steps(self.store, acc.user) if acc else {}
        for step, button in self.step_buttons.items():
            gate(button, steps.get(step, tr("Select an account first.")), _step_name(step))
        gate(self.new_button, role_refusal(self.store.role, Action.MANAGE_USERS),
             tr("Add an account"))

    # -- steps ---------------------------------------------------------------------------
    def row_menu(self) -> QMenu | None:
        """The selected row's steps as a menu at the row (greyed ones say why)."""
        acc = self.current()
        if acc is None:
            return None
        menu = QMenu(self)
        menu.setObjectName("account_menu")
        menu.setToolTipsVisible(True)
        steps = accounts.account_steps(self.store, acc.user)
        for step, text in STEP_TEXT.items():
            action = menu.addAction(tr(text))
            action.setObjectName(f"menu_{step.name.lower()}")
            gate(action, steps[step])
            action.triggered.connect(lambda _c=False, s=step: self.run_step(s))
        rect = self.table.visualRect(self.table.currentIndex())
        self.menu = menu
        menu.popup(self.table.viewport().mapToGlobal(rect.bottomLeft()))
        first = next((a for a in menu.actions() if a.isEnabled()), None)
        if first is not None:
            menu.setActiveAction(first)
        return menu

    def run_step(self, step: AccountStep) -> bool:
        acc = self.current()
        if acc is None:
            return False
        dialog = AccountStepDialog(self.store, acc.user, step, parent=self)
        self.step_dialog = dialog
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.activateWindow()  # back to this dialog, whose keys work again
        if not accepted:
            return False
        message = tr(DONE[step]).format(user=acc.user_id)
        if step is AccountStep.REACTIVATE and (note := self.store.slots.without_slot_note(
                acc.user_id)):
            message += " " + note
        self._done(message, acc.user_id)
        return True

    def new_account(self) -> bool:
        dialog = NewAccountDialog(self.store, parent=self)
        self.step_dialog = dialog
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.activateWindow()
        if not accepted or dialog.added is None:
            return False
        self._done(tr("Added {user} ({role}).").format(user=dialog.added.user_id,
                                                        role=dialog.added.role.shown),
                   dialog.added.user_id)
        return True

    def _done(self, message: str, user_id: str) -> None:
        self.reload(select=user_id)
        self.status.setText(message)
        self.window_.show_status(message)
        self.table.setFocus()


def open_users(window: "MainWindow") -> UsersDialog:
    """Administration > Users…: the dialog, modal to the window, focus in the table."""
    dialog = UsersDialog(window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.users_dialog = dialog
    dialog.show()
    dialog.activateWindow()  # its buttons' Alt+letter keys work at once
    dialog.table.setFocus()
    return dialog
