"""Help: the keyboard shortcuts sheet (F1) and the short user guide.

The sheet is read from the window's own actions at the moment it opens, so it lists exactly
the keys that work (a shortcut added or changed anywhere shows up here without a second list
to keep). The guide is a Markdown file shipped in resources/guide.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMainWindow, QMenu,
    QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget,
)

from alsdesk.i18n import tr
from alsdesk.paths import resource_path

__all__ = ["ShortcutRow", "shortcut_rows", "ShortcutsDialog", "GuideDialog", "guide_text",
           "GUIDE_FILE", "show_shortcuts", "show_guide"]

GUIDE_FILE = ("guide", "user-guide.md")


@dataclass(frozen=True)
class ShortcutRow:
    where: str  # the menu holding the action ("Form", "View"), or "Window"
    what: str  # the action's text without its mnemonic ampersand
    keys: str  # every key sequence of the action, in the platform's own notation


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _menus(window: QMainWindow) -> dict[int, str]:
    """Action id -> the menu path it sits in ("File › Print")."""
    where: dict[int, str] = {}

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if sub is not None:
                walk(sub, f"{path} › {_plain(sub.title())}")
            else:
                where.setdefault(id(action), path)

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), _plain(top.menu().title()))
    return where


def shortcut_rows(window: QMainWindow) -> list[ShortcutRow]:
    """Every action of the window that has a shortcut, with its menu, as the window has it.

    Actions in menus come in menu order; actions living elsewhere in the window (tool bars,
    pages) follow under "Window". QShortcut objects are listed when they say what they do
    (their whatsThis text), since they have no text of their own.
    """
    where = _menus(window)
    seen: set[int] = set()
    rows: list[ShortcutRow] = []

    def add(action: QAction, fallback: str) -> None:
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if id(action) in seen or not keys or not _plain(action.text()):
            return
        seen.add(id(action))
        rows.append(ShortcutRow(
            where.get(id(action), fallback), _plain(action.text()),
            ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)))

    order = list(where)  # menu order first
    by_id = {id(a): a for a in window.findChildren(QAction)}
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            by_id.setdefault(id(action), action)
    for key in order:
        if key in by_id:
            add(by_id[key], "Window")
    for action in window.findChildren(QAction):
        add(action, "Window")
    from .form_renderer import FIELD_KEYS  # the keys inside questions: no action has them

    rows.extend(ShortcutRow("In a form", tr(what), keys) for keys, what in FIELD_KEYS)
    for shortcut in window.findChildren(QShortcut):
        text = shortcut.whatsThis().strip()
        if text and not shortcut.key().isEmpty():
            row = ShortcutRow("Form field" if shortcut.parent() is not window else "Window",
                              text, shortcut.key().toString(
                                  QKeySequence.SequenceFormat.NativeText))
            if row not in rows and not any(r.keys == row.keys and r.where == "In a form"
                                           for r in rows):  # said once, above
                rows.append(row)
    return rows


class ShortcutsDialog(QDialog):
    """The shortcuts sheet: a table of what each key does, in menu order."""

    def __init__(self, rows: list[ShortcutRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Every shortcut of this window. Menus also open with Alt and the "
                          "underlined letter; Tab and Shift+Tab move between questions."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcuts")
        self.table.setAccessibleName(tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels((tr("Keys"), tr("Does"), tr("Menu")))
        # the places that are no menu, named in the rows in English (compared there)
        places = {"Window": tr("Window"), "In a form": tr("In a form"),
                  "Form field": tr("Form field")}
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for i, row in enumerate(rows):
            for j, text in enumerate((row.keys, row.what, places.get(row.where, row.where))):
                self.table.setItem(i, j, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        _fit(self, 620, 560)
        self.table.setFocus()

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as shown (keys, what, menu), for tests and screen readers."""
        return [tuple(self.table.item(i, j).text() for j in range(3))
                for i in range(self.table.rowCount())]


def guide_text() -> str:
    """The user guide's Markdown, as shipped in resources/guide."""
    return resource_path(*GUIDE_FILE).read_text(encoding="utf-8")


class GuideDialog(QDialog):
    """The short user guide, rendered from its Markdown file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(tr("ALS Desk — user guide"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide")
        self.browser.setAccessibleName(tr("User guide"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(guide_text())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        _fit(self, 720, 640)
        self.browser.setFocus()  # arrows and Page Down scroll at once


def _fit(dialog: QDialog, width: int, height: int) -> None:
    """The wanted size, never larger than the screen the dialog opens on (1024x768, 150 %)."""
    screen = dialog.screen() if dialog.parent() is None else dialog.parent().screen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - 40)
        height = min(height, room.height() - 60)
    dialog.resize(width, height)
    dialog.setSizeGripEnabled(True)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)


def show_shortcuts(window: QMainWindow) -> None:
    """Help › Keyboard shortcuts (F1)."""
    ShortcutsDialog(shortcut_rows(window), parent=window).exec()


def show_guide(window: QMainWindow) -> None:
    """Help › User guide."""
    GuideDialog(parent=window).exec()
