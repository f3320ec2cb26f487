"""Reliability in the window: a database in use, read-only mode, stale locks, auto backups.

Small hooks call in from ``ui.app`` (opening the file, after the login) and
``ui.main_window`` (read-only gating, closing). Every verdict is the core's: who holds the
lock (``DatabaseInUse.holder``), whether the store is read-only, ``store.verify()``,
``backup.auto_backup``.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from alsdesk import backup
from alsdesk.errors import AlsDeskError, DatabaseInUse, ReadOnlyDatabase, StoreError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.store import Store, encryption, schema
from .i18n import ltr
from .prompts import Prompts
from .tasks import Session, run_task

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["READ_ONLY", "TAKE_OVER", "CANCEL", "open_refused", "read_only_reason", "editing_targets",
           "apply_read_only", "after_login", "before_close"]

# the choices' button texts (shown as tr(...)); the answer is always one of these, in English
READ_ONLY, TAKE_OVER, CANCEL = (QT_TRANSLATE_NOOP("", "Open read-only"),
                                QT_TRANSLATE_NOOP("", "Take over"), QT_TRANSLATE_NOOP("", "Cancel"))
REASON_PROPERTY = "alsdesk_readonly_reason"  # ui.fmt.gate keeps such targets disabled


# -- opening a file another ALS Desk holds ---------------------------------------------------
def open_refused(db_path: Path, exc: StoreError, prompts: Prompts) -> Store | None:
    """Answer DatabaseInUse / ReadOnlyDatabase from Store.open: read-only, take over, cancel.

    Returns the store opened as the user chose, or None (cancelled, or refused again: the
    reason is shown).
    """
    holder = getattr(exc, "holder", None)
    if isinstance(exc, DatabaseInUse):
        message = _in_use_text(exc)
        choices = [READ_ONLY, CANCEL]
        if holder is not None and not holder.on_this_host:
            choices.insert(1, TAKE_OVER)
        title = tr("Database in use")
    elif isinstance(exc, ReadOnlyDatabase):
        message = f"{exc}\n\n" + tr("You can open it read-only: you can look, but not save.")
        choices = [READ_ONLY, CANCEL]
        title = tr("Database cannot be written")
    else:
        prompts.error(tr("Cannot open the database"), str(exc))
        return None
    shown = {tr(choice): choice for choice in choices}  # button text -> the choice
    answer = prompts.choose(title, message, list(shown))
    answer = shown.get(answer, answer)
    try:
        if answer == READ_ONLY:
            store = Store.open(db_path, readonly=True)
            if store.untrusted:  # a definition the audit trail does not vouch for
                store.close()
                prompts.error(tr("Cannot open the database"), store.untrusted)
                return None
            return store
        if answer == TAKE_OVER:
            where = holder.host if holder is not None else tr("the other computer")
            if not prompts.confirm(
                    tr("Take the database over"),
                    tr("Only take over if ALS Desk on {where} has really been closed (or that "
                       "computer switched off). If it is still running there, both computers "
                       "would write to the same file and data can be lost.\n\n"
                       "Has ALS Desk on the other computer been closed?").format(where=where),
                    destructive=True):
                return None
            return Store.open(db_path, take_over=True)
    except AlsDeskError as again:
        prompts.error(tr("Cannot open the database"), str(again))
    return None


def _in_use_text(exc: DatabaseInUse) -> str:
    holder = exc.holder
    question = tr("Open it read-only to look at the data without changing it?")
    if holder is None:
        return f"{exc}\n\n{question}"
    held = (tr("The database is open for writing by {who} on this computer since {since}.")
            if holder.on_this_host else
            tr("The database is open for writing by {who} on the computer {host} since {since}."))
    held = held.format(who=holder.who(), host=holder.host, since=holder.since_text())
    return f"{held}\n\n{exc}\n\n{question}"


# -- read-only mode --------------------------------------------------------------------------
def read_only_reason(store: Store) -> str:
    holder = store.lock_holder()
    if holder is not None:
        return tr("Read-only: {who} is writing").format(who=holder.who())
    return tr("Read-only: this account cannot write the database")


def editing_targets(w: "MainWindow") -> list[QObject]:
    """Every action and button that changes data (the core refuses them anyway)."""
    from .log_tables import LogTable
    fp = w.form_page
    targets: list[QObject] = [
        w.new_subject_action, w.add_user_action, w.settings_action, w.sign_visit_action,
        fp.save_action, fp.complete_action, fp.sign_action, fp.verify_action, fp.lock_action,
        fp.unlock_action, fp.delete_action, fp.query_action,
        w.subjects.new_button, w.casebook.status_button, w.casebook.unscheduled_button,
        w.casebook.sign_button, w.queries_page.answer_button, w.queries_page.close_button,
    ]
    targets += [t.add_button for t in w.findChildren(LogTable)]
    return targets


def apply_read_only(w: "MainWindow") -> None:
    """Banner in the status bar and every editing action disabled with the reason (if RO)."""
    if not w.store.readonly:
        return
    reason = read_only_reason(w.store)
    banner = getattr(w, "read_only_label", None)
    if banner is None:
        banner = QLabel()
        banner.setObjectName("status_read_only")
        banner.setStyleSheet("background: #fde2e1; color: #8a1c13; font-weight: bold;")
        w.statusBar().insertPermanentWidget(0, banner)
        w.read_only_label = banner
    banner.setText(f" {reason} ")
    tip = tr("{reason}. Nothing can be saved in this window; close it and open the database "
             "again when the other ALS Desk has closed it.").format(reason=reason)
    for target in editing_targets(w):
        target.setProperty(REASON_PROPERTY, tip)
        target.setEnabled(False)
        target.setToolTip(tip)
        if hasattr(target, "setStatusTip"):
            target.setStatusTip(tip)


# -- after the login: stale lock check, start backup -----------------------------------------
def after_login(w: "MainWindow") -> None:
    """Check the data after a crash (in a worker) and make the start backup (in a worker)."""
    store = w.store
    w.auto_backups = True
    if store.clock_warning:  # the core noted it in the audit trail; the nurse goes on working
        w.prompts.notify(tr("The computer's clock is behind"), store.clock_warning)
    plain = encryption.plain_warning(w.db_path)
    if plain and store.setting("demo") != "synthetic":  # (a demo holds nobody's identity)
        w.prompts.notify(tr("The database is not encrypted"), plain)
    aside = encryption.aside_warning(w.db_path)
    if aside and store.role is not None and store.role.value == "admin":
        w.prompts.notify(tr("A plain copy is kept aside"), aside)
    stale = store.stale_lock
    if stale is not None:
        w.prompts.notify(tr("ALS Desk was not closed properly"),
                         tr("ALS Desk did not close properly last time ({what}). "
                            "The data is being checked…").format(what=stale.describe()))
        run_task(_verify, db_path=w.db_path, study=store.study,
                 on_result=lambda report: _verified(w, report),
                 on_error=lambda exc: w.prompts.error(tr("Checking the data failed"), str(exc)))
    elif not schema.checked_at_open(w.db_path):
        # a huge file got only the cheap checks at opening: the quick check runs now
        run_task(_quick_check, db_path=w.db_path, study=store.study,
                 on_result=lambda problems: _quick_checked(w, problems),
                 on_error=lambda exc: _quick_checked(w, [str(exc)]))
    if store.readonly:
        return
    run_task(_backup, "start", stale, db_path=w.db_path, study=store.study,
             session=Session.of(store), readonly=False,
             on_result=lambda info: _backed_up(w, info),
             on_error=lambda exc: w.prompts.notify(tr("Automatic backup failed"), str(exc)))


def _verify(store: Store):
    return store.verify()


def _quick_check(store: Store) -> list[str]:
    result = schema.quick_check(store.path)
    return [] if result == ["ok"] else result


def _quick_checked(w: "MainWindow", problems: list[str]) -> None:
    w.quick_check_problems = problems
    if not problems:
        w.show_status(tr("Database checked: SQLite's quick check found no damage"))
        return
    w.prompts.error(tr("The database is damaged"),
                    tr("SQLite's check of {path} found damage ({problems}). "
                       "Do not keep working on this file: close ALS Desk, tell your data "
                       "manager and restore the latest backup.").format(
                        path=w.db_path, problems="; ".join(problems)))


def _verified(w: "MainWindow", report) -> None:
    if report.ok:
        w.show_status(tr("Data checked after the last crash: everything is in order"))
        return
    w.prompts.error(tr("The data check found problems"),
                    tr("After ALS Desk was not closed properly, checking the database found "
                       "problems. Tell your data manager before going on.")
                    + "\n\n" + report.text())


def _backup(store: Store, reason: str, stale):
    # the worker's own Store shares the already-cleared lock: tell it about the crash
    if stale is not None and store.stale_lock is None:
        store.stale_lock = stale
    return backup.auto_backup(store, reason)


def _backed_up(w: "MainWindow", info) -> None:
    if info is not None:
        w.show_status(tr("Backup made: {file}").format(file=ltr(Path(info.path).name)))


def before_close(w: "MainWindow") -> None:
    """The close backup, on the GUI thread; a failure is a notice and never blocks closing."""
    if not getattr(w, "auto_backups", False) or w.store.readonly:
        return
    try:
        info = backup.auto_backup(w.store, "close")
    except AlsDeskError as exc:
        w.prompts.notify(tr("Automatic backup failed"), str(exc))
        return
    _backed_up(w, info)
