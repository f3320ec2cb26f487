"""Start-up: open (or create) the database, first administrator or login, the main window.

``run(db_path)`` is what ``alsdesk`` (and ``python main.py``) calls. ``start(db_path)`` does
everything but the event loop, so tests can drive the same dialogs a user sees.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from alsdesk.errors import AlsDeskError, DatabaseInUse, ReadOnlyDatabase
from alsdesk.i18n import tr
from alsdesk.store import Store, encryption
from . import reliability
from .display_check import NO_DISPLAY_EXIT, display_problem
from .dialogs_auth import FirstRunDialog, LoginDialog
from .i18n import language, save_language, saved_language, use_language
from .prompts import Prompts
from .qt_check import BindingsBroken, check_bindings

if TYPE_CHECKING:
    from alsdesk.study.model import Study
    from .main_window import MainWindow

__all__ = ["run", "start", "open_store", "sign_in"]


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("ALS Desk")
    app.setOrganizationName("ALS Desk")
    return app  # type: ignore[return-value]


def open_store(db_path: Path, prompts: Prompts) -> Store | None:
    """The database, created on the first start (with its first administrator, logged in).

    Returns None when the user cancels or the core refuses the file (the reason is shown).
    """
    db_path = Path(db_path)
    if not db_path.exists():
        return _first_run(db_path, prompts)
    if encryption.locked(db_path):
        return _open_encrypted(db_path, prompts)
    try:
        store = _open(db_path, prompts)
    except AlsDeskError as exc:
        prompts.error(tr("Cannot open the database"), str(exc))
        return None
    if store is None:
        return None
    if store.users.count() == 0 and store.readonly:
        prompts.error(tr("Cannot open the database"), tr("The database has no accounts yet "
                      "and is open read-only: nobody can log in."))
        store.close()
        return None
    if store.users.count() == 0:
        if not _create_admin(store, db_path, prompts, new_file=False):
            store.close()
            return None
    return store


def _open(db_path: Path, prompts: Prompts) -> Store | None:
    """Store.open, a file in use or read-only answered by the person (None: cancelled)."""
    try:
        return Store.open(db_path)
    except (DatabaseInUse, ReadOnlyDatabase) as exc:
        return reliability.open_refused(db_path, exc, prompts)


class _Cancelled(AlsDeskError):
    """The person cancelled opening a file in use: the login dialog stays."""


def _open_encrypted(db_path: Path, prompts: Prompts) -> Store | None:
    """An encrypted file: the login comes first, its password unwraps the key, then the
    file opens and the same login goes in (one password typed). A wrong password says what
    a plain file's login says, nothing of the encryption or the accounts."""
    holder: dict[str, Store] = {}

    def login(user_id: str, password: str) -> None:
        encryption.open_door(db_path, user_id, password)  # the login's rules and words
        store = _open(db_path, prompts)
        if store is None:
            raise _Cancelled(tr("The database was not opened."))
        _logged_in(store, user_id, password)
        holder["store"] = store

    accepted, chosen = _login_dialog(db_path, login, prompts.parent)
    store = holder.get("store")
    if not accepted or store is None:
        if store is not None:
            store.close()
        return None
    if chosen:
        save_language(store.user_id, language())
    return store


def _logged_in(store: Store, user_id: str, password: str) -> None:
    """Log in on a store just opened or made; closed again if the login fails."""
    try:
        store.login(user_id, password)
    except BaseException:
        store.close()
        raise


def _login_dialog(db_path: Path, login, parent) -> tuple[bool, bool]:
    """The login dialog until it is accepted or cancelled, shown again in another language
    when one is chosen (the user id kept): (accepted, a language was chosen)."""
    typed, chosen = "", False
    while True:
        dialog = LoginDialog(db_path, login, parent=parent, user_id=typed)
        result = dialog.exec()
        if result != LoginDialog.RELANGUAGE:
            return result == QDialog.DialogCode.Accepted, chosen
        typed, chosen = dialog.user_id.text(), True


def _first_run(db_path: Path, prompts: Prompts) -> Store | None:
    holder: dict[str, Store] = {}

    def create(user_id: str, full_name: str, password: str, study: "Study") -> None:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        # The administrator is part of the creation: the file appears at db_path only with
        # its administrator in it (a kill before that leaves no file, so first run again).
        # The definition chosen in the dialog is stored in the file as its version 1.
        store = Store.create(db_path, study, admin=(user_id, full_name, password),
                             encrypt=True)
        _logged_in(store, user_id, password)
        holder["store"] = store

    dialog = FirstRunDialog(db_path, create, new_file=True, parent=prompts.parent,
                            choose_study=True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    store = holder["store"]
    prompts.recovery_key(db_path.name, store.recovery_key)
    return store


def _create_admin(store: Store, db_path: Path, prompts: Prompts, *, new_file: bool) -> bool:
    def create(user_id: str, full_name: str, password: str) -> None:
        store.users.create_first_admin(user_id, full_name, password)
        store.login(user_id, password)

    dialog = FirstRunDialog(db_path, create, new_file=new_file, parent=prompts.parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def sign_in(store: Store, db_path: Path, parent=None) -> bool:
    """The login dialog (unless someone is logged in already); True once a user is in."""
    if store.user_id is not None:
        return True
    # The login window comes first; the main window's code loads while the user types, so
    # the window appears sooner after Enter (keys typed meanwhile wait, none is lost).
    QTimer.singleShot(0, _load_main_window)
    accepted, chosen = _login_dialog(db_path, store.login, parent)
    if not accepted:
        return False
    if chosen:  # chosen at the login: this person's language from now on
        save_language(store.user_id, language())
    return True


def _load_main_window() -> type["MainWindow"]:
    return importlib.import_module(".main_window", __package__).MainWindow


def _relogin(window: "MainWindow") -> bool:
    """The login after "Log out" or "Switch user": the window then follows the language of
    whoever logged in (chosen at this login, or saved for them), rebuilt once it is shown."""
    if not sign_in(window.store, window.db_path):
        return False
    code = saved_language(window.store.user_id)
    if code != window.language:
        QTimer.singleShot(0, lambda: window.set_language(code))
    return True


def start(db_path: Path, prompts: Prompts | None = None) -> "MainWindow | None":
    """Open the database, log a user in and show the main window (None if that failed)."""
    _application()
    use_language(saved_language())  # the login window: the last language used here
    given = prompts
    prompts = prompts or Prompts(None)
    store = open_store(Path(db_path), prompts)
    if store is None:
        return None
    if not sign_in(store, Path(db_path)):
        store.close()
        return None
    if saved_language(store.user_id) != language():  # each person's own choice
        use_language(saved_language(store.user_id))
    window = _load_main_window()(store, Path(db_path))
    if given is not None:  # a test's prompts answer for the window too
        window.prompts = given
        if given.parent is None:
            given.parent = window
    window.relogin = _relogin
    window.show()
    reliability.after_login(window)
    return window


def run(db_path: Path) -> int:
    """The desktop program: exit status 0 after a normal close, 1 if it could not start.

    4 when no window can be opened here (no display, missing system libraries): said in
    words before Qt is started, since Qt itself would abort the process.
    """
    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return NO_DISPLAY_EXIT
    app = _application()
    try:
        check_bindings()
    except BindingsBroken as exc:  # before any typing: the crash would lose it
        print(exc, file=sys.stderr)
        Prompts(None).error(tr("ALS Desk cannot start"), str(exc))
        return 3
    window = start(db_path)
    if window is None:
        return 1
    return app.exec()
