"""Which study definition a new database is made for: the bundled trial, or a file.

A part of the first-run dialog. A file is loaded as soon as it is chosen, so a mistake in it
is read (file, line, key, reason: alsdesk.errors.DefinitionError) while the administrator is
still in the dialog, with what was typed there kept, not after the database was made.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QFileDialog, QGridLayout, QGroupBox, QLabel, QPushButton, QRadioButton,
)

from alsdesk.errors import AlsDeskError
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.study import load_study
from alsdesk.study.model import Study
from .dialog_guide import PROBLEM_STYLE

__all__ = ["StudyChoice", "study_summary", "load_definition", "DEFINITION_FILTER"]

DEFINITION_FILTER = QT_TRANSLATE_NOOP("", "Study definition (*.toml)")  # shown as tr(...)


def study_summary(study: Study, *, named: bool = True) -> str:
    """One line saying what a definition is: id, title, CRF version, events and forms
    (`named=False`: title and counts only, for a line under the id and version)."""
    events, forms = len(study.events), len(study.forms)
    counts = tr("{events}, {forms}").format(
        events=(tr("{n} event") if events == 1 else tr("{n} events")).format(n=events),
        forms=(tr("{n} form") if forms == 1 else tr("{n} forms")).format(n=forms))
    if not named:
        return f"{study.title}: {counts}"
    return tr("{id} — {title}, CRF version {version}: {counts}").format(
        id=study.id, title=study.title, version=study.crf_version, counts=counts)


def load_definition(path: str | Path | None) -> tuple[Study | None, str | None]:
    """(the definition, None) or (None, the loader's words for what is wrong with it)."""
    try:
        return load_study(path), None
    except AlsDeskError as exc:  # DefinitionError: file, line, key and reason
        return None, str(exc)


class StudyChoice(QGroupBox):
    """Two choices: the bundled trial (preselected) or another definition file."""

    changed = Signal()  # the choice or its summary changed: the dialog may need to grow

    def __init__(self, start_dir: Path | None = None) -> None:
        super().__init__(tr("Study definition"))
        self.setObjectName("study_choice")
        self._start_dir = start_dir or Path.home()
        self.bundled_study, bundled_problem = load_definition(None)
        self.file_study: Study | None = None
        self.file_path: Path | None = None
        self.file_problem: str | None = None
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        self.bundled = QRadioButton()
        self.bundled.setObjectName("study_bundled")
        self.other = QRadioButton(tr("&Another definition file…"))
        self.other.setObjectName("study_other")
        self.group = QButtonGroup(self)
        self.group.addButton(self.bundled)
        self.group.addButton(self.other)
        self.bundled_note = self._note("study_bundled_note")
        self.choose = QPushButton(tr("Choose &file…"))
        self.choose.setObjectName("study_choose_file")
        self.choose.setAutoDefault(False)  # Enter in the dialog creates, it never browses
        self.choose.clicked.connect(self.choose_file)
        self.file_note = self._note("study_file_note")
        grid.addWidget(self.bundled, 0, 0, 1, 3)
        grid.addWidget(self.bundled_note, 1, 0, 1, 3)
        grid.addWidget(self.other, 2, 0, 1, 2)
        grid.addWidget(self.choose, 2, 2)
        grid.addWidget(self.file_note, 3, 0, 1, 3)
        s = self.bundled_study
        if s is not None:
            self.bundled.setText(tr("The &bundled trial: {id}, CRF version {version}").format(
                id=s.id, version=s.crf_version))
            self.bundled_note.setText(escape(study_summary(s, named=False)))
            self.bundled.setChecked(True)
        else:  # a broken installation: said, and the file is the only way left
            self.bundled.setText(tr("The &bundled trial"))
            self.bundled.setEnabled(False)
            self._problem(self.bundled_note, tr("The bundled definition does not load: "
                                                "{problem}").format(problem=bundled_problem))
            self.other.setChecked(True)
        self.group.buttonToggled.connect(lambda *_: self._show_file())
        self._show_file()

    @staticmethod
    def _note(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setIndent(24)  # under its choice's text, past the round button
        return label

    @staticmethod
    def _problem(label: QLabel, text: str) -> None:
        label.setStyleSheet(PROBLEM_STYLE)
        label.setText(escape(text))

    # -- what the dialog asks ------------------------------------------------------------
    @property
    def study(self) -> Study | None:
        """The chosen definition, loaded; None while the choice is not one that loads."""
        return self.bundled_study if self.bundled.isChecked() else self.file_study

    def problem(self) -> str | None:
        """Why no database can be made with the choice as it is (None: it can)."""
        if self.study is not None:
            return None
        if self.file_problem is not None:
            return tr("The definition file does not load (the reason is shown above it): "
                      "correct the file and choose it again, choose another, or take the "
                      "bundled trial.")
        return tr("Choose the study definition file (Choose file…), or take the bundled trial.")

    # -- choosing ------------------------------------------------------------------------
    def choose_file(self) -> None:
        start = str(self.file_path.parent if self.file_path else self._start_dir)
        path, _ = QFileDialog.getOpenFileName(self, tr("Study definition file"), start,
                                              tr(DEFINITION_FILTER))
        if path:
            self.load(Path(path))
        self.window().activateWindow()  # back to the dialog, whose keys work again
        self.choose.setFocus()

    def load(self, path: Path) -> None:
        """Load `path` now; its summary, or what is wrong with it, shows under the choice."""
        self.file_path = Path(path)
        self.file_study, self.file_problem = load_definition(self.file_path)
        self.other.setChecked(True)
        self._show_file()

    def _show_file(self) -> None:
        note = self.file_note
        note.setStyleSheet("")
        if self.file_problem is not None:
            self._problem(note, self.file_problem)
        elif self.file_study is not None:
            note.setText(f"{escape(str(self.file_path))}<br>"
                         f"{escape(study_summary(self.file_study))}")
        elif self.other.isChecked():
            note.setText(tr("No file chosen yet: Choose file… (Alt+F)."))
        else:
            note.setText(tr("A .toml file written for another study; its companion files "
                            "(lab grades, analysis, …) are read from beside it."))
        self.changed.emit()
