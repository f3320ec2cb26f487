"""Menus, tool bar and shortcuts of the main window."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence

from alsdesk.i18n import tr

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["build_menus"]


def _action(window: "MainWindow", name: str, text: str, slot: Callable[[], object],
            shortcut: str | QKeySequence.StandardKey | None = None, tip: str = "") -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setStatusTip(tip)
    action.setToolTip(tip or text.replace("&", "").rstrip("…"))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(w: "MainWindow") -> None:
    """Create the menus and the tool bar; sets w.print_menu and w.export_menu."""
    bar = w.menuBar()
    page = w.pages.setCurrentWidget

    file_menu = bar.addMenu(tr("&File"))
    w.new_subject_action = _action(w, "new_subject_action", tr("&New subject…"),
                                   w.subjects.new_subject, "Ctrl+N", tr("Register a new subject"))
    file_menu.addAction(w.new_subject_action)
    file_menu.addSeparator()
    w.print_menu = file_menu.addMenu(tr("&Print"))
    w.print_menu.setObjectName("print_menu")
    w.export_menu = file_menu.addMenu(tr("&Export"))
    w.export_menu.setObjectName("export_menu")
    file_menu.addSeparator()
    w.lock_action = _action(w, "lock_window", tr("&Lock the window"), w.lock, "Ctrl+L",
                            tr("Lock now; your password unlocks it"))
    w.logout_action = _action(w, "log_out", tr("Log &out…"), w.log_out, None,
                              tr("End your session so another user can log in"))
    w.quit_action = _action(w, "quit", tr("&Quit"), w.close, QKeySequence.StandardKey.Quit)
    for a in (w.lock_action, w.logout_action):
        file_menu.addAction(a)
    file_menu.addSeparator()
    file_menu.addAction(w.quit_action)

    form_menu = bar.addMenu(tr("F&orm"))
    fp = w.form_page
    w.sign_visit_action = _action(w, "sign_visit_action", tr("Sign the &visit…"),
                                  w.casebook.sign_visit, None,
                                  tr("Sign every complete form of the visit selected in the casebook"))
    for i, action in enumerate(fp.form_actions):
        form_menu.addAction(action)
        if action is fp.sign_action:
            form_menu.addAction(w.sign_visit_action)
        if i in (2, 6, 9):
            form_menu.addSeparator()
    form_menu.addAction(fp.withdraw_action)
    w.addActions(fp.form_actions + [fp.withdraw_action])

    view_menu = bar.addMenu(tr("&View"))
    w.page_actions = []
    for n, (name, text, target) in enumerate((
            ("go_dashboard", tr("&Dashboard"), w.dashboard_page),
            ("go_subjects", tr("&Subjects"), w.subjects),
            ("go_casebook", tr("&Casebook"), w.casebook), ("go_form", tr("&Form"), w.form_page),
            ("go_queries", tr("&Queries"), w.queries_page)), start=1):
        action = _action(w, name, text, lambda t=target: page(t), f"Ctrl+{n}")
        view_menu.addAction(action)
        w.page_actions.append(action)
    view_menu.addSeparator()
    w.find_action = _action(w, "find_subject", tr("&Find a subject"), lambda: (
        page(w.subjects), w.subjects.focus_filter()), QKeySequence.StandardKey.Find)
    w.refresh_action = _action(w, "refresh", tr("&Refresh"), w.refresh_all,
                               QKeySequence.StandardKey.Refresh)
    view_menu.addAction(w.find_action)
    view_menu.addAction(w.refresh_action)
    view_menu.addSeparator()
    def safety() -> None:  # its code loads when first opened
        from .safety_page import open_safety

        open_safety(w)

    w.safety_action = _action(w, "safety_tables", tr("Safety &tables…"), safety, None,
                              tr("Adverse events by SOC and term, serious, by relationship, "
                              "per subject"))
    view_menu.addAction(w.safety_action)

    def double() -> None:
        from .double_report import open_double_report

        open_double_report(w)

    w.double_report_action = _action(w, "double_report", tr("Dou&ble data entry…"), double,
                                     None, tr("Forms awaiting their second entry, differences "
                                              "to resolve, error rates per form, subject and "
                                              "user"))
    view_menu.addAction(w.double_report_action)
    view_menu.addSeparator()
    _language_menu(w, view_menu)

    admin_menu = bar.addMenu(tr("&Administration"))
    w.add_user_action = _action(w, "add_user", tr("&Add a user…"), w.add_user)
    w.settings_action = _action(w, "settings", tr("&Settings…"), w.edit_settings)
    admin_menu.addAction(w.add_user_action)
    admin_menu.addAction(w.settings_action)
    _admin_screens(w, admin_menu)

    help_menu = bar.addMenu(tr("&Help"))
    from . import help as help_

    w.shortcuts_action = _action(w, "shortcuts", tr("&Keyboard shortcuts"), lambda: (
        help_.show_shortcuts(w)), "F1", tr("Every shortcut of this window"))
    w.guide_action = _action(w, "user_guide", tr("User &guide"), lambda: help_.show_guide(w),
                             None, tr("How to record a visit, an AE, a query, a signature"))
    help_menu.addAction(w.shortcuts_action)
    help_menu.addAction(w.guide_action)
    help_menu.addSeparator()
    help_menu.addAction(_action(w, "about", tr("&About ALS Desk"), w.about))

    for menu in (file_menu, form_menu, view_menu, admin_menu, help_menu):
        menu.setToolTipsVisible(True)

    # No main tool bar: it repeated the page tabs and the form's own buttons, and took the
    # height a form needs (all of the ALSFRS-R on a 768-px screen). Every action it held has
    # its menu entry and its key (Ctrl+1..5, Ctrl+N, Ctrl+S, Ctrl+Return, Ctrl+L).


def _language_menu(w: "MainWindow", view_menu) -> None:
    """View > Language: each language named in itself, the one in use ticked."""
    from PySide6.QtGui import QActionGroup

    from alsdesk import i18n

    menu = view_menu.addMenu(tr("&Language"))
    menu.setObjectName("language_menu")
    group = QActionGroup(w)
    w.language_actions = {}
    for code, name in i18n.LANGUAGES.items():
        action = QAction(name, w)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == i18n.language())
        # queued: the window that owns this menu is replaced by the switch
        action.triggered.connect(lambda _c=False, c=code: QTimer.singleShot(
            0, lambda: w.set_language(c)))
        group.addAction(action)
        menu.addAction(action)
        w.language_actions[code] = action


def _admin_screens(w: "MainWindow", menu) -> None:
    """Administration > Users…, Audit trail… and Study definition…; their code loads when
    first opened.

    Greyed for a role the core would refuse, checked again each time the menu opens (the
    user may have changed since the window was built).
    """
    import importlib

    from alsdesk.auth import Action
    from alsdesk.permissions import role_refusal
    from .fmt import gate

    def opener(module: str, function: str) -> Callable[[], object]:
        return lambda: getattr(importlib.import_module(module, __package__), function)(w)

    w.users_action = _action(w, "users_action", tr("&Users…"), opener(".admin_users",
                             "open_users"), None, tr("Accounts: add, reset a password, unlock, "
                             "change a role, deactivate"))
    w.audit_action = _action(w, "audit_action", tr("Audit &trail…"), opener(".audit_viewer",
                             "open_viewer"), None, tr("Review and export the audit trail"))
    # open to every role (the versions are no patient data); only an administrator amends
    w.study_action = _action(w, "study_action", tr("Study &definition…"), opener(
        ".admin_study", "open_study"), None, tr("The versions of the study definition the "
        "database holds; a protocol amendment (administrator)"))
    menu.addSeparator()
    menu.addAction(w.users_action)
    menu.addAction(w.audit_action)
    menu.addAction(w.study_action)

    def refresh() -> None:
        gate(w.users_action, role_refusal(w.store.role, Action.MANAGE_USERS),
             tr("Accounts: add, reset a password, unlock, change a role, deactivate"))
        gate(w.audit_action, role_refusal(w.store.role, Action.REVIEW_AUDIT),
             tr("Review and export the audit trail"))

    refresh()
    menu.aboutToShow.connect(refresh)
