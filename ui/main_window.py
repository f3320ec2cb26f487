"""The main window: pages (dashboard, subjects, casebook, form, queries), menus, status bar.

Other parts plug in through public attributes: ``store``, ``db_path``, ``print_menu`` and
``export_menu`` (File menu), and ``current_subject()`` / ``current_event()``.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDialog, QLabel, QMainWindow, QMenu, QScrollArea, QStackedWidget, QTabWidget,
)

from alsdesk.auth import Action
from alsdesk.errors import AlsDeskError
from alsdesk.i18n import tr
from alsdesk.store import Store
from alsdesk.permissions import role_refusal
from . import export_actions
from .i18n import language, shown as shown_study
from .i18n import ltr
from .casebook import CasebookPage
from .dashboard import DashboardPage
from .fmt import gate, use_site_format
from .form_page import FormPage
from .idle_lock import DEFAULT_IDLE_MINUTES, IdleWatcher, LockScreen
from . import keyboard, print_actions, reliability
from .main_menus import build_menus
from .notices import ElidedLabel, StatusNotice
from .prompts import Prompts
from .queries import QueriesPage
from .subjects import SubjectsPage
from .tasks import TaskRunner, wait_for_tasks

__all__ = ["MainWindow"]

SETTINGS = ("ALS Desk", "alsdesk")


class MainWindow(QMainWindow):
    """One logged-in session over one database file."""

    def __init__(self, store: Store, db_path: Path, prompts: Prompts | None = None) -> None:
        super().__init__()
        self.store = store
        use_site_format(store)  # every date on screen in the site's one format
        self.db_path = Path(db_path)
        self.prompts = prompts or Prompts(self)
        self.tasks = TaskRunner(self.db_path, store.study, self)
        self.locked = False
        self.relogin = None  # set by ui.app: asks for a login after "Log out"
        self.language = language()  # the language its widgets were built in
        self.setObjectName("main_window")
        self._window_title()
        self.pages = QTabWidget()
        self.pages.setObjectName("pages")
        self.pages.setDocumentMode(True)
        self.dashboard = DashboardPage(self)
        self.subjects = SubjectsPage(self)
        self.casebook = CasebookPage(self)
        self.form_page = FormPage(self)
        self.queries_page = QueriesPage(self)
        # the dashboard scrolls as a whole when the screen is small (150 % scaling)
        dashboard_scroll = QScrollArea()
        dashboard_scroll.setObjectName("dashboard_scroll")
        dashboard_scroll.setWidgetResizable(True)
        dashboard_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        dashboard_scroll.setWidget(self.dashboard)
        self.dashboard_page = dashboard_scroll
        for page, title in ((dashboard_scroll, tr("Dashboard")), (self.subjects, tr("Subjects")),
                            (self.casebook, tr("Casebook")), (self.form_page, tr("Form")),
                            (self.queries_page, tr("Queries"))):
            self.pages.addTab(page, title)
        self.lock_screen = LockScreen(self._who(), self._check_password)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.switch_user.connect(self.switch_user)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.pages)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)
        self._connect()
        self.print_menu: QMenu
        self.export_menu: QMenu
        build_menus(self)
        # extension hooks: print and export menus are filled by ui.print_actions / ui.export_actions
        export_actions.install(self)
        print_actions.install(self)
        keyboard.install(self)
        self._status_bar()
        minutes = float(store.setting("idle_minutes") or DEFAULT_IDLE_MINUTES)
        self.idle = IdleWatcher(minutes, self)
        self.idle.idle.connect(self.lock)
        self._dashboard_stale = True
        self.pages.currentChanged.connect(self._page_changed)
        self._restore_geometry()
        self.apply_session()
        # The lists are read once the window is on screen: painting it first is what makes
        # the program feel started (the reads run in workers either way).
        self.tasks.hold()
        self.subjects.refresh()
        self.dashboard.refresh()
        self._dashboard_stale = False

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self.tasks.release)
        keyboard.focus_start(self)

    def _connect(self) -> None:
        self.subjects.open_subject.connect(self.open_subject)
        self.dashboard.open_subject.connect(self.open_subject)
        self.casebook.open_form.connect(
            lambda ev, form, n, rep: self.open_form(self.casebook.subject, ev, form, n, rep))
        self.queries_page.open_form.connect(
            lambda subj, ev, n, form, rep, field: self.open_form(subj, ev, form, n, rep,
                                                                 field=field))
        self.form_page.changed_in_store.connect(self.data_changed)

    def _status_bar(self) -> None:
        bar = self.statusBar()
        self.notice = StatusNotice(bar)  # left, stretching: where show_status writes
        self.db_label = ElidedLabel(tr("Database: {path}").format(path=ltr(self.db_path)))
        self.db_label.setObjectName("status_db")
        self.db_label.setToolTip(str(self.db_path))
        self.user_label = ElidedLabel(least=160, mode=Qt.TextElideMode.ElideRight)
        self.user_label.setObjectName("status_user")
        bar.addPermanentWidget(self.db_label)
        if self.store.setting("demo") == "synthetic":
            demo = QLabel(tr(" DEMO DATA (synthetic) "))
            demo.setStyleSheet("background: #fff3cd; color: #7a5b00; font-weight: bold;")
            bar.addPermanentWidget(demo)
        bar.addPermanentWidget(self.user_label)

    def _window_title(self) -> None:
        self.setWindowTitle(f"ALS Desk — {self.store.study.id} ({self.store.study.protocol})")

    def _who(self) -> str:
        role = self.store.role.shown if self.store.role else tr("not logged in")
        return f"{self.store.full_name or self.store.user_id} — {role}"

    # -- what other modules ask ----------------------------------------------------------
    def current_subject(self) -> str | None:
        """The subject on screen: the open form's, else the casebook's, else the selection."""
        if self.pages.currentWidget() is self.form_page and self.form_page.has_form():
            return self.form_page.subject
        if self.pages.currentWidget() is self.subjects:
            return self.subjects.current_code() or self.casebook.subject
        return self.casebook.subject or self.form_page.subject

    def current_event(self) -> str | None:
        """The visit on screen: the open form's, else the column selected in the casebook."""
        if self.pages.currentWidget() is self.form_page and self.form_page.has_form():
            return self.form_page.event_id
        picked = self.casebook.matrix.current_event()
        return picked[0] if picked else self.form_page.event_id

    def show_status(self, message: str) -> None:
        """Tell the user something happened: every "Saved", "Backup made" goes through here."""
        self.notice.tell(message)

    def task_failed(self, exc: Exception) -> None:
        """A worker's error: our own errors as they are, anything else with its type."""
        text = str(exc) if isinstance(exc, AlsDeskError) else f"{type(exc).__name__}: {exc}"
        self.prompts.error(tr("Could not load the data"), text)

    # -- navigation ----------------------------------------------------------------------
    def open_subject(self, code: str) -> None:
        self.casebook.load(code)
        self._titles()
        self.pages.setCurrentWidget(self.casebook)
        # the keyboard goes to the visit matrix: arrows pick a form, Enter opens it
        self.casebook.matrix.setFocus(Qt.FocusReason.OtherFocusReason)

    def _titles(self) -> None:
        """Page tabs name what they show: "Casebook S005", "Form: ALSFRS-R"."""
        subject = self.casebook.subject
        self.pages.setTabText(self.pages.indexOf(self.casebook),
                              tr("Casebook {subject}").format(subject=subject) if subject else tr("Casebook"))
        form = self.form_page.form_id
        label = shown_study(self.store.study).form(form).label if form else ""
        self.pages.setTabText(self.pages.indexOf(self.form_page),
                              tr("Form: {label}").format(label=label) if form else tr("Form"))

    def open_form(self, subject: str | None, event: str, form: str, event_repeat: int = 1,
                  repeat: int | None = 1, *, field: str | None = None) -> bool:
        """Show a form (with the cursor in `field`, e.g. the one a query is about); asks
        first when the form on screen has unsaved changes."""
        if subject is None:
            return False
        if not self.form_page.load(subject, event, form, event_repeat=event_repeat,
                                   repeat=repeat):
            return False
        if self.casebook.subject != subject:
            self.casebook.load(subject)
        self.casebook.matrix.select_event(event, event_repeat)
        self._titles()
        self.pages.setCurrentWidget(self.form_page)
        if field is not None and field in self.store.study.form(form).field_ids:
            self.form_page.focus_field(field)
        else:  # the cursor waits in the first question, not on a tab or a button
            self.form_page.focus_first()
        return True

    def _page_changed(self, _index: int) -> None:
        self.form_page.set_active(self.pages.currentWidget() is self.form_page)
        if self.pages.currentWidget() is self.dashboard_page and self._dashboard_stale:
            self._dashboard_stale = False
            self.dashboard.refresh()
        if self.pages.currentWidget() is self.queries_page:
            self.queries_page.refresh()

    def _queries_changed_behind(self) -> None:
        """The query list is read when it is on screen, else the next time it is shown."""
        if self.pages.currentWidget() is self.queries_page:
            self.queries_page.refresh()
        else:
            self.queries_page.loaded = False

    def data_changed(self) -> None:
        """Saved data, a status, a signature or a query changed: refresh what shows it."""
        self.casebook.refresh()
        self.subjects.refresh()
        self._queries_changed_behind()
        self._dashboard_stale = True

    def subject_changed(self) -> None:
        self.data_changed()
        if self.form_page.has_form():
            self.form_page.reload()

    def queries_changed(self) -> None:
        if self.form_page.has_form():
            self.form_page.refresh_state()
        self._dashboard_stale = True

    def refresh_all(self) -> None:
        self.data_changed()
        self._dashboard_stale = False
        self.dashboard.refresh()

    def study_changed(self) -> None:
        """An amendment made the store work under a new definition (ui.admin_study): what
        was built from the old one is made again: the workers' copy, the form editors kept
        for reuse, the casebook's log tables; then every page reads the data anew."""
        study = self.store.study
        self.tasks.study = study
        fp = self.form_page
        if fp.form_id is not None and (fp.form_id not in study.forms or fp.event_id not in
                                       {e.id for e in study.events}):
            fp.clear()  # the amendment removed what was on screen (it held no data)
        fp.reopen()  # drops the kept editors; shows the same form under the new definition
        self.casebook.study_changed()
        self._window_title()
        self._titles()
        self.refresh_all()

    # -- session -------------------------------------------------------------------------
    def apply_session(self) -> None:
        """Grey what the logged-in role may not do, everywhere; show who is logged in."""
        role = self.store.role
        self.user_label.setText(tr("Logged in: {who}").format(who=self._who()))
        self.lock_screen.set_user(self._who())
        self.subjects.gate()
        self.casebook.refresh() if self.casebook.subject else self.casebook._gate()
        self._queries_changed_behind()
        gate(self.new_subject_action, role_refusal(role, Action.MANAGE_SUBJECTS),
             tr("Register a new subject"))
        gate(self.add_user_action, role_refusal(role, Action.MANAGE_USERS), tr("Add an account"))
        gate(self.settings_action, role_refusal(role, Action.CHANGE_SETTINGS),
             tr("Site settings (idle lock)"))
        gate(self.sign_visit_action, role_refusal(role, Action.SIGN),
             tr("Sign every complete form of the visit selected in the casebook"))
        self.form_page.refresh_state()
        reliability.apply_read_only(self)

    def log_out(self) -> bool:
        """End this user's session; the next user logs in on the same window."""
        if not self.form_page.maybe_leave():
            return False
        try:
            self.store.logout()  # writes its audit row: the file may refuse it (said why)
        except AlsDeskError as exc:
            self.prompts.error(tr("Not logged out"), str(exc))
            return False
        self.hide()
        if self.relogin is None or not self.relogin(self):
            self._closing_checked = True
            self.close()
            return True
        self._forget_previous_user()
        self.apply_session()
        self.refresh_all()
        self.show()
        return True

    def _forget_previous_user(self) -> None:
        """Nothing the last user had open stays: filter, casebook, form (editors too)."""
        self.subjects.reset()
        self.queries_page.reset()
        self.casebook.clear()
        self.form_page.clear()
        self.form_page.reopen()  # with no form left, drops the editors kept for reuse
        self._titles()
        self.pages.setCurrentWidget(self.dashboard_page)

    def switch_user(self) -> bool:
        """From the lock screen: another user logs in on this window.

        The locked user's unsaved changes are never saved by someone else (they would be
        recorded under the wrong name, without that user's password). They stay on screen
        if the same user logs in again, and are discarded for anyone else, after a warning
        naming them. True once somebody is logged in (or the window closed).
        """
        view = self.form_page.view
        previous, name = self.store.user_id, self.store.full_name or self.store.user_id
        unsaved = view is not None and not view.read_only and view.is_dirty()
        if unsaved:
            form = self.store.study.form(self.form_page.form_id).label
            what = tr("'{form}' of subject {subject}").format(form=form,
                                                              subject=self.form_page.subject)
            if not self.prompts.confirm(
                    tr("Switch user"), tr("{name} has changes to {what} that are not saved.\n\n"
                    "Only {name} can save them: enter the password and Unlock, then save.\n"
                    "If you switch user, they are kept only if {name} logs in again; for "
                    "anyone else they are discarded, never saved under another name.\n\n"
                    "Switch user?").format(name=name, what=what), destructive=True):
                return False
        self.store.logout()
        if self.relogin is None or not self.relogin(self):
            self._closing_checked = True
            self.close()
            return True
        same = self.store.user_id == previous
        self.unlock()
        if not same:
            self._forget_previous_user()
        self.apply_session()
        self.refresh_all()
        if unsaved:
            self.show_status(tr("Welcome back: your changes to {what} are still on screen")
                             .format(what=what)
                             if same else tr("The unsaved changes of {name} to {what} were "
                                             "discarded").format(name=name, what=what))
        return True

    def lock(self) -> None:
        """Cover the pages with the lock screen; they stay as they are underneath."""
        if self.locked or self.store.user_id is None:
            return
        self.locked = True
        self.idle.pause()
        self._enabled = {a: a.isEnabled() for a in self.findChildren(QAction)}
        for action in self._enabled:
            action.setEnabled(False)
        self.menuBar().setEnabled(False)
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.password.setFocus()

    def unlock(self) -> None:
        self.locked = False
        for action, enabled in self._enabled.items():
            action.setEnabled(enabled)
        self.menuBar().setEnabled(True)
        self.stack.setCurrentWidget(self.pages)
        self.idle.resume()

    def _check_password(self, password: str) -> None:
        self.store.users.confirm_password(password, purpose="idle lock")

    # -- admin ---------------------------------------------------------------------------
    def add_user(self) -> None:
        """Administration > Add a user: the same dialog as the Users screen's New account."""
        from .admin_users import NewAccountDialog

        dialog = NewAccountDialog(self.store, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.added is not None:
            self.show_status(tr("Account added: {user} ({role})").format(
                user=dialog.added.user_id, role=dialog.added.role.label))

    def edit_settings(self) -> None:
        from alsdesk import datefmt

        was_minutes = int(float(self.store.setting("idle_minutes") or DEFAULT_IDLE_MINUTES))
        was_format = datefmt.site_format(self.store)
        answer = self.prompts.settings(was_minutes, was_format, tuple(datefmt.FORMATS))
        if answer is None:
            return
        minutes, date_format = answer
        try:
            if minutes != was_minutes:
                self.store.set_setting("idle_minutes", str(minutes))
            if date_format != was_format:
                self.store.set_setting(datefmt.SETTING, date_format)
        except AlsDeskError as exc:
            self.prompts.error(tr("Settings"), str(exc))
            return
        self.idle.set_minutes(minutes)
        said = [tr("The window now locks after {minutes} idle minutes").format(minutes=minutes)]
        if date_format != was_format:
            use_site_format(self.store)
            self.form_page.reopen()  # its editors show dates anew (asks about typing first)
            self.refresh_all()
            said.append(tr("dates are shown as {format}").format(format=date_format))
        self.show_status("; ".join(said))

    def about(self) -> None:
        s = self.store.study
        self.prompts.info(tr("About ALS Desk"), tr(
            "ALS Desk — electronic data capture\n\n{title}\n"
            "{study}, protocol {protocol}, {site}\nCRF version {crf_version}"
            "\n\nDatabase: {path}").format(title=s.title, study=s.id, protocol=s.protocol,
                                            site=s.site, crf_version=s.crf_version,
                                            path=self.db_path))

    # -- window --------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = QSettings(*SETTINGS)
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:  # 1280 x 720, or the screen's free area where that is smaller (1024 x 768)
            screen = self.screen().availableGeometry() if self.screen() else None
            self.resize(min(1280, screen.width()) if screen else 1280,
                        min(720, screen.height()) if screen else 720)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and (self.width() > screen.width()
                                   or self.height() > screen.height()):
            # a size remembered from a larger screen: fit this one
            self.resize(min(self.width(), screen.width()), min(self.height(), screen.height()))
        state = settings.value("main/state")
        if state is not None:
            self.restoreState(state)

    def set_language(self, code: str) -> "MainWindow":
        """Show the program in another language, keeping what is on screen; the window in use
        afterwards (a new one: ui.language_switch)."""
        from .language_switch import switch_language

        if not self.isVisible() or self.locked:
            return self
        return switch_language(self, code)

    def hand_over(self) -> None:
        """Leave the screen to a new window over the same store (ui.language_switch): nobody
        is logged out, nothing is closed or saved; this window stops and goes."""
        self._closing_checked = True
        self.idle.stop()
        wait_for_tasks()
        self.hide()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not getattr(self, "_closing_checked", False):
            if self.locked:
                if not self.prompts.confirm(tr("Close ALS Desk"), tr("The window is locked: changes "
                                            "not saved on screen will be lost. Close anyway?"),
                                            destructive=True):
                    event.ignore()
                    return
            elif not self.form_page.maybe_leave():
                event.ignore()
                return
        settings = QSettings(*SETTINGS)
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/state", self.saveState())
        settings.sync()
        self.idle.stop()
        wait_for_tasks()
        reliability.before_close(self)
        try:
            self.store.logout()
        except AlsDeskError as exc:  # a locked or full disk must not keep the window open
            self.show_status(str(exc))
        self.store.close()
        event.accept()
