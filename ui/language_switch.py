"""Changing the window's language without losing what is on screen.

Qt's own way, a retranslate method in every widget, would repeat each of the window's texts
once more; instead the main window is built again in the new language over the same store
(nothing is logged out, saved or closed) and what the person had on screen is put back: the
page, the subject, the open form with every answer as typed (unsaved, still marked changed),
the missing-data codes, the field with the cursor, the window's place on the screen.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt

from alsdesk import i18n
from alsdesk.i18n import tr
from .i18n import save_language, use_language

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["switch_language", "Snapshot"]

_alive: list["MainWindow"] = []  # the window in use: Qt holds no Python reference to it


@dataclass
class Snapshot:
    """What is on screen, in terms any language can show again."""

    page: int = 0
    casebook: str | None = None
    form: tuple | None = None  # (subject, event, form, event_repeat, repeat)
    typed: dict[str, Any] = field(default_factory=dict)  # field id -> text or code on screen
    codes: dict[str, str | None] = field(default_factory=dict)  # changed missing codes
    focus: str | None = None
    geometry: QByteArray | None = None
    maximized: bool = False

    @classmethod
    def of(cls, w: "MainWindow") -> "Snapshot":
        snap = cls(page=w.pages.currentIndex(), casebook=w.casebook.subject,
                   geometry=w.saveGeometry(), maximized=w.isMaximized())
        fp = w.form_page
        if fp.has_form() and fp.record is not None:
            snap.form = (fp.subject, fp.event_id, fp.form_id, fp.event_repeat, fp.repeat)
            view = fp.view
            for fid, row in view.rows.items():
                if row.editor is None:
                    continue
                if row.editor.is_changed():
                    snap.typed[fid] = row.editor.raw()
                if view.code(fid) != row.loaded_code:
                    snap.codes[fid] = view.code(fid)
            snap.focus = view.field_of(w.focusWidget())
        return snap

    def restore(self, w: "MainWindow") -> None:
        if self.geometry is not None:
            w.restoreGeometry(self.geometry)
        if self.casebook:
            w.casebook.load(self.casebook)
        if self.form is not None:
            subject, event, form, event_repeat, repeat = self.form
            w.form_page.load(subject, event, form, event_repeat=event_repeat, repeat=repeat)
            view = w.form_page.view
            for fid, code in self.codes.items():
                view.set_code(fid, code)
            for fid, raw in self.typed.items():
                editor = view.editor(fid)
                if hasattr(editor, "set_text"):
                    editor.set_text("" if raw is None else str(raw))
                else:
                    editor.set_value(raw)
            w._titles()
            w.form_page.refresh_live()
        w.pages.setCurrentIndex(self.page)
        if self.focus is not None and w.form_page.has_form():
            w.form_page.focus_field(self.focus)


def switch_language(w: "MainWindow", code: str) -> "MainWindow":
    """Show the program in `code` (saved for the logged-in user); the window now in use."""
    if code not in i18n.LANGUAGES or code == w.language:
        return w
    snapshot = Snapshot.of(w)
    save_language(w.store.user_id, code)
    use_language(code)
    new = type(w)(w.store, w.db_path, w.prompts)
    if w.prompts.parent is w:
        w.prompts.parent = new
    new.relogin = w.relogin
    new.resize(w.size())
    w.hand_over()
    _alive[:] = [new]
    new.setWindowState(Qt.WindowState.WindowMaximized if snapshot.maximized
                       else Qt.WindowState.WindowNoState)
    new.show()
    snapshot.restore(new)
    new.show_status(tr("The window is now in English.") if code == "en"
                    else tr("The window is now in Persian."))
    return new
