"""Administration > Study definition: the versions the database holds, and an amendment.

The table is alsdesk/store/definitions.py's list (what `alsdesk study versions` prints), with
the number of forms entered under each version. "Amend…" is the administrator's (Action.
AMEND_STUDY); other roles see the versions and a line saying who may amend, not the button.
An amendment is chosen, shown and applied in ui.amend_dialog; once applied the window is
made to work under the new definition (MainWindow.study_changed) before it is confirmed.
"""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from alsdesk.auth import Action
from alsdesk.errors import AlsDeskError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.permissions import role_refusal
from alsdesk.store import definitions
from .amend_dialog import AmendDialog
from .fmt import gate, local_time, row_list
from .study_choice import DEFINITION_FILTER, study_summary

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["StudyDialog", "open_study", "COLUMNS"]

COLUMNS = (QT_TRANSLATE_NOOP("", "Version"), QT_TRANSLATE_NOOP("", "CRF version"),
           QT_TRANSLATE_NOOP("", "Loaded at"), QT_TRANSLATE_NOOP("", "By"),
           QT_TRANSLATE_NOOP("", "Forms entered"), QT_TRANSLATE_NOOP("", "Reason"))


def amend_refusal(store) -> str | None:
    """Why the logged-in user cannot amend here (None: they can)."""
    if store.readonly:
        from .reliability import read_only_reason

        return tr("{reason}: nothing can be amended in this window.").format(
            reason=read_only_reason(store))
    return role_refusal(store.role, Action.AMEND_STUDY)


class StudyDialog(QDialog):
    """The stored definitions, oldest first, and the way to a new one."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window_ = window
        self.store = window.store
        self.setObjectName("study_dialog")
        self.setWindowTitle(tr("Study definition"))
        self.resize(940, 420)
        layout = QVBoxLayout(self)
        self.current = QLabel()
        self.current.setObjectName("study_current")
        self.current.setWordWrap(True)
        self.current.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.current)
        self.table = row_list(QTableWidget(0, len(COLUMNS)), "study_versions",
                              tr("Stored study definitions"))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        # one line a version: a long reason is cut at the window's edge, whole in its tip
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        layout.addWidget(self.table, 1)
        self.note = QLabel()
        self.note.setObjectName("study_note")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        row = QHBoxLayout()
        # A&mend: Alt+A is the window's Administration menu
        self.amend_button = QPushButton(tr("A&mend…"))
        self.amend_button.setObjectName("amend_study")
        self.amend_button.setAutoDefault(False)
        self.amend_button.clicked.connect(self.amend)
        row.addWidget(self.amend_button)
        row.addStretch(1)
        close = QPushButton(tr("Close"))
        close.setObjectName("close_study")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("study_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        """Read the versions and the counts again (after an amendment: one more row)."""
        s = self.store.study
        self.current.setText(tr("The database works under <b>{study}</b> CRF version "
                                "<b>{crf_version}</b> (stored version {version}): "
                                "{summary}.").format(
            study=escape(s.id), crf_version=escape(s.crf_version),
            version=self.store.study_version, summary=escape(study_summary(s, named=False))))
        try:
            rows = definitions.versions(self.store.conn)
            counts = definitions.forms_entered(self.store.conn)
        except sqlite3.Error as exc:  # a damaged file: said, not raised
            rows, counts = [], {}
            self.status.setText(tr("The stored versions cannot be read: {error}").format(error=exc))
        self.table.setRowCount(len(rows))
        for r, v in enumerate(rows):
            cells = (str(v.version), v.crf_version, local_time(v.loaded_at),
                     v.loaded_by or "–", str(counts.get(v.version, 0)), v.reason)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == len(cells) - 1:
                    item.setToolTip(text)
                self.table.setItem(r, c, item)
        if rows:
            self.table.selectRow(len(rows) - 1)  # the version in force
        refusal = amend_refusal(self.store)
        # other roles do not get a button they cannot use: the line says who may amend (an
        # administrator in a read-only window sees it greyed, with why)
        self.amend_button.setVisible(
            role_refusal(self.store.role, Action.AMEND_STUDY) is None)
        gate(self.amend_button, refusal, tr("Load a newer version of the definition file, "
                                            "see every change and what it does to the data, "
                                            "and apply it"))
        self.note.setText(
            tr("Each amendment is stored as a new version; forms keep the version they were "
               "entered under.") + (f" {refusal}" if refusal else ""))

    def amend(self) -> bool:
        """Choose the amended file, show its plan, apply it: True once applied."""
        refusal = amend_refusal(self.store)
        if refusal is not None:
            self.status.setText(refusal)
            return False
        # the form on screen is read under the old definition: saved (or not) first
        if not self.window_.form_page.maybe_leave():
            return False
        folder = self.store.study.source.parent if self.store.study.source else Path.home()
        path, _ = QFileDialog.getOpenFileName(self, tr("Amended study definition"), str(folder),
                                              tr(DEFINITION_FILTER))
        self.activateWindow()
        if not path:
            return False
        dialog = AmendDialog(self.store, Path(path), parent=self)
        self.amend_dialog = dialog
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.activateWindow()
        if not accepted or dialog.applied is None:
            return False
        s = self.store.study
        try:
            self.window_.study_changed()
        except AlsDeskError as exc:  # a page that cannot read the data under the new one
            self.window_.prompts.error(tr("Study definition"), str(exc))
        message = tr("The database now works under {study} CRF version {crf_version} "
                     "(stored version {version}). Forms entered before keep "
                     "their version.").format(study=s.id, crf_version=s.crf_version,
                                              version=self.store.study_version)
        self.reload()
        self.status.setText(message)
        self.window_.show_status(message)
        self.window_.prompts.info(tr("Study definition amended"), message)
        self.table.setFocus()
        return True


def open_study(window: "MainWindow") -> StudyDialog:
    """Administration > Study definition…: modal to the window, focus in the table."""
    dialog = StudyDialog(window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.study_dialog = dialog
    dialog.show()
    dialog.activateWindow()  # its Alt+letter keys work at once
    dialog.table.setFocus()
    return dialog
