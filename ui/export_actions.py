"""File > Export: CSV, CDISC ODM 1.3.2, REDCap, Stata, SPSS, SAS, SDTM, analysis and PRO-ACT
files, and the codebook.

``install(window)`` fills ``window.export_menu``. Each action opens a small dialog (where to,
which subjects and forms, BOM, audit trail, and for an administrator direct identifiers);
the export runs in a worker with its own Store acting as the logged-in user, reports its
progress, and the core (alsdesk.exchange) decides everything: who may export, what is left
out, the audit row.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from alsdesk.auth import Action, Role
from alsdesk.exchange import formats
from alsdesk.i18n import QT_TRANSLATE_NOOP, tr
from alsdesk.permissions import role_refusal
from .fmt import gate
from .tasks import Session, run_task

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["ExportDialog", "FORMATS", "install", "run_export"]

# format -> (menu text, writes a folder?, what the target is)
FORMATS = {
    "csv": (QT_TRANSLATE_NOOP("", "CSV for R, SAS, Stata, Excel…"), True,
            QT_TRANSLATE_NOOP("", "Folder for the CSV files")),
    "odm": (QT_TRANSLATE_NOOP("", "CDISC ODM 1.3.2 XML…"), False,
            QT_TRANSLATE_NOOP("", "ODM file")),
    "redcap": (QT_TRANSLATE_NOOP("", "REDCap import files…"), True,
               QT_TRANSLATE_NOOP("", "Folder for the REDCap files")),
    "stata": (QT_TRANSLATE_NOOP("", "Stata files (.dta)…"), True,
              QT_TRANSLATE_NOOP("", "Folder for the Stata files")),
    "spss": (QT_TRANSLATE_NOOP("", "SPSS files (.sav)…"), True,
             QT_TRANSLATE_NOOP("", "Folder for the SPSS files")),
    "xpt": (QT_TRANSLATE_NOOP("", "SAS transport files (.xpt)…"), True,
            QT_TRANSLATE_NOOP("", "Folder for the SAS files")),
    "sdtm": (QT_TRANSLATE_NOOP("", "CDISC SDTM datasets and define.xml…"), True,
             QT_TRANSLATE_NOOP("", "Folder for the SDTM files")),
    "analysis": (QT_TRANSLATE_NOOP("", "Analysis tables (one row per subject)…"), True,
                 QT_TRANSLATE_NOOP("", "Folder for the analysis tables")),
    "proact": (QT_TRANSLATE_NOOP("", "PRO-ACT tables…"), True,
               QT_TRANSLATE_NOOP("", "Folder for the PRO-ACT tables")),
    "safety": (QT_TRANSLATE_NOOP("", "Safety tables and primary outcomes…"), True,
               QT_TRANSLATE_NOOP("", "Folder for the safety tables")),
}
NO_AUDIT = {name for name, fmt in formats.FORMATS.items() if not fmt.audit}
# Binary files, or plain UTF-8 tables: no byte order mark to choose.
NO_BOM = {"stata", "spss", "xpt", "sdtm", "analysis", "proact", "safety"}


def run_export(store, fmt: str, target: str, options, overwrite: bool = False,
               progress: Callable[[int, str], None] | None = None):
    """Worker side: one export through the core (runs off the GUI thread), in English (what
    data managers and regulators read) whatever the window's language."""
    from alsdesk import i18n

    def report(done: int, total: int, text: str) -> None:
        if progress is not None:
            progress(int(100 * done / max(total, 1)), text)

    with i18n.english():
        return formats.writer(fmt)(store, Path(target), options, progress=report,
                                   overwrite=overwrite)


def _checklist(name: str, items: list[tuple[str, str]]) -> QListWidget:
    widget = QListWidget()
    widget.setObjectName(name)
    for key, text in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        widget.addItem(item)
    widget.setMaximumHeight(140)
    return widget


def ticked(widget: QListWidget) -> list[str]:
    """Keys of the ticked items."""
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def selection(widget: QListWidget) -> tuple[str, ...]:
    """The ticked keys as the core wants them: () when every item is ticked ("all")."""
    keys = ticked(widget)
    return () if len(keys) == widget.count() else tuple(keys)


class ExportDialog(QDialog):
    """Where to export, what, and the export's progress and outcome."""

    exported = Signal(object)  # the ExportResult
    failed = Signal(object)  # the exception

    def __init__(self, window: "MainWindow", fmt: str) -> None:
        super().__init__(window)
        self.window_ = window
        self.fmt = fmt
        text, self.folder, target_label = FORMATS[fmt]
        self.setObjectName(f"export_{fmt}_dialog")
        self.setWindowTitle(tr("Export: {what}").format(what=tr(text).rstrip("…")))
        store = window.store
        self.target = QLineEdit(str(self._default_target()))
        self.target.setObjectName("export_target")
        browse = QPushButton(tr("Choose…"))
        browse.clicked.connect(self.choose_target)
        row = QHBoxLayout()
        row.addWidget(self.target, 1)
        row.addWidget(browse)
        self.subjects = _checklist("export_subjects", [
            (s.code, f"{s.code}  ({s.status.shown})") for s in store.subjects.list()])
        self.forms = _checklist("export_forms", [
            (f.id, f"{f.label} ({f.id})") for f in store.study.forms.values()
            if not all(fl.identifier for fl in f.fields)])
        self.bom = QCheckBox(tr("UTF-8 with byte order mark (for Excel)"))
        self.bom.setObjectName("export_bom")
        self.bom.setVisible(self.folder and fmt not in NO_BOM)
        self.audit = QCheckBox(tr("Include the audit trail and signatures"))
        self.audit.setObjectName("export_audit")
        self.audit.setVisible(fmt not in NO_AUDIT)
        self.identifiers = QCheckBox(tr("Include direct identifiers (names, record and "
                                        "telephone numbers, initials)"))
        self.identifiers.setObjectName("export_identifiers")
        takes = formats.FORMATS[fmt]
        self.identifiers.setVisible(store.role is Role.ADMIN and takes.identifiers)
        self.status = QLabel(tr("Direct identifiers are left out; deleted log entries too. The "
                                "export is recorded in the audit trail."))
        self.status.setObjectName("export_status")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("export_progress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(tr("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export_start")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr(target_label), row)
        form.addRow(tr("Subjects"), self.subjects)
        if takes.forms:  # the derived tables are computed from every form
            form.addRow(tr("Forms"), self.forms)
        else:
            self.forms.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for widget in (self.bom, self.audit, self.identifiers, self.status, self.progress):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self._inputs: list[QWidget] = [self.target, browse, self.subjects, self.forms, self.bom,
                                       self.audit, self.identifiers, self.export_button]

    def _default_target(self) -> Path:
        base = documents_folder()
        name = f"{self.window_.store.study.id.lower()}-{self.fmt}-{date.today():%Y-%m-%d}"
        return base / (name if self.folder else name + ".xml")

    def choose_target(self) -> None:
        current = self.target.text()
        if self.folder:
            chosen = QFileDialog.getExistingDirectory(self, tr("Export into the folder"), current)
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, tr("Export to the ODM file"), current,
                                                    tr("ODM XML (*.xml)"))
        if chosen:
            self.target.setText(chosen)

    def options(self):
        from alsdesk.exchange import ExportOptions

        return ExportOptions(subjects=selection(self.subjects), forms=selection(self.forms),
                             include_identifiers=self.identifiers.isChecked(),
                             include_audit=self.audit.isChecked(),
                             bom=self.bom.isChecked())

    def start(self) -> None:
        """Run the export in a worker; the dialog shows progress and stays until it ends."""
        target = self.target.text().strip()
        if not target:
            self.window_.prompts.error(tr("Export"), tr("Choose where to write the export."))
            return
        for widget, what in ((self.subjects, tr("Tick at least one subject.")),
                             (self.forms, tr("Tick at least one form."))):
            if widget.count() and not ticked(widget):
                self.window_.prompts.error(tr("Export"), what)
                return
        overwrite = False
        if not self.folder and Path(target).exists():
            if not self.window_.prompts.confirm(
                    tr("Export"), tr("{target} exists. Replace it?").format(target=target),
                    destructive=True):
                return
            overwrite = True
        for widget in self._inputs:
            widget.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(tr("Exporting…"))
        run_task(run_export, self.fmt, target, self.options(), overwrite,
                 db_path=self.window_.db_path, study=self.window_.store.study,
                 session=Session.of(self.window_.store), readonly=False,
                 on_result=self._done, on_error=self._failed, on_progress=self._progress)

    def _progress(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        if text:
            self.status.setText(text)

    def _done(self, result) -> None:
        self.progress.setValue(100)
        self.status.setText(result.text())
        self.exported.emit(result)
        files = "\n".join(str(p) for p in result.files[:12])
        more = ("\n" + tr("… and {n} more").format(n=len(result.files) - 12)
                if len(result.files) > 12 else "")
        self.window_.prompts.info(tr("Export"), f"{result.text()}.\n\n{files}{more}")
        self.accept()

    def _failed(self, exc: Exception) -> None:
        for widget in self._inputs:
            widget.setEnabled(True)
        self.identifiers.setEnabled(True)
        self.progress.setVisible(False)
        self.status.setText(str(exc))
        self.failed.emit(exc)
        self.window_.prompts.error(tr("Export"), str(exc))


def install(window: "MainWindow") -> None:
    """Fill window.export_menu with CSV, ODM and REDCap; greyed for roles that may not."""
    menu = window.export_menu
    actions: dict[str, QAction] = {}

    def open_dialog(fmt: str) -> ExportDialog:
        dialog = ExportDialog(window, fmt)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.export_dialog = dialog
        dialog.show()
        return dialog

    for fmt, (text, _folder, _target) in FORMATS.items():
        action = QAction(tr(text), window)
        action.setObjectName(f"export_{fmt}")
        action.triggered.connect(lambda _checked=False, f=fmt: open_dialog(f))
        menu.addAction(action)
        actions[fmt] = action

    def refresh() -> None:
        refusal = role_refusal(window.store.role, Action.EXPORT)
        for fmt, action in actions.items():
            gate(action, refusal,
                 tr("Export the data as {format} files").format(format=fmt.upper()))

    menu.addSeparator()
    codebook = QAction(tr("Codebook of the variables (HTML)…"), window)
    codebook.setObjectName("export_codebook")
    codebook.setStatusTip(tr("Every variable of the exports: label, type, unit, codes, "
                             "missing codes, checks, CDISC names (from the study definition: "
                             "no data)"))
    codebook.triggered.connect(lambda _checked=False: save_codebook(window))
    menu.addAction(codebook)
    refresh()
    menu.aboutToShow.connect(refresh)
    window.export_actions = actions
    window.open_export_dialog = open_dialog


def documents_folder() -> Path:
    """Where an export is offered first: the user's Documents folder, else home."""
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def save_codebook(window: "MainWindow", path: str | None = None) -> Path | None:
    """Ask where (unless `path` is given), write the codebook there, say where it went.

    The codebook holds no data, only the study definition, so every role may save it."""
    from alsdesk.errors import AlsDeskError
    from alsdesk.exchange.codebook import write_codebook

    if path is None:
        default = documents_folder() / f"{window.store.study.id.lower()}-codebook.html"
        path, _ = QFileDialog.getSaveFileName(window, tr("Save the codebook"), str(default),
                                              tr("HTML (*.html)"))
        if not path:
            return None
    try:  # the file dialog has asked before replacing a file
        written = write_codebook(window.store.study, path, force=True)
    except (AlsDeskError, OSError) as exc:
        window.prompts.error(tr("Codebook"),
                             tr("The codebook was not saved: {error}").format(error=exc))
        return None
    window.prompts.info(tr("Codebook"), tr("Saved the codebook to {path}.\nOpen it in a web "
                                          "browser; it prints as it shows.").format(path=written))
    return written
