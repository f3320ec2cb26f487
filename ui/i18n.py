"""The window's language: Qt's translators, the layout direction, the saved choice per user.

English is the source and needs no catalogue. Persian loads two: Qt's own (qtbase_fa.qm, the
words of standard buttons and dialogs, shipped with PySide6) and ours
(resources/translations/alsdesk_fa.qm, built by ``python -m ui.translations``), which holds
the window's words and the core's messages (alsdesk.i18n hands those to Qt's translator).

The choice is a person's, not the site's: saved per account on this workstation (QSettings,
like the window's size), with the last one used kept for the login window that comes before
anyone is known. It changes nothing in the database.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from alsdesk import i18n
from alsdesk.paths import resource_path

__all__ = ["use_language", "language", "shown", "ltr", "saved_language", "save_language", "is_rtl",
           "catalogue_path", "tr"]

SETTINGS = ("ALS Desk", "alsdesk")
tr = i18n.tr  # one function for the window's words and the core's messages

# the installed translators, each with the catalogue bytes Qt reads (it keeps no copy)
_installed: list[tuple[QTranslator, bytes]] = []


def catalogue_path(code: str):
    """Our compiled catalogue for a language (resources/translations/alsdesk_<code>.qm)."""
    return resource_path("translations", f"alsdesk_{code}.qm")


def _translator(app, path) -> tuple[QTranslator, bytes] | None:
    """A translator of the catalogue at `path`, read into memory (None: no such file).

    QTranslator.load(filename) maps the file into memory and reads it there for as long as
    the program runs: a catalogue rewritten meanwhile (an update installed while the window
    is open, a rebuild by ``python -m ui.translations``) made the next translation read
    changed pages and crash the process (SIGSEGV in QCoreApplication.translate, seen by an
    outside review). Loaded from bytes the program holds, it cannot change under it.
    """
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    translator = QTranslator(app)
    # the folder: where a catalogue's dependencies (other .qm files it names) are found
    if not translator.load(data, str(Path(path).parent)):
        return None
    return translator, data  # Qt reads these bytes, not a copy: kept while installed


def _translate(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("", text, disambiguation)


def use_language(code: str) -> None:
    """Show the program in language `code` from now on: translators, direction, the core.

    Widgets already built keep their words: the main window is built again for them
    (ui.language_switch), keeping what is on screen.
    """
    if code not in i18n.LANGUAGES:
        code = "en"
    app = QCoreApplication.instance()
    for old, _data in _installed:
        app.removeTranslator(old)
        old.deleteLater()  # removed, never asked again: gone with its bytes
    _installed.clear()
    if code != "en":
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        qt_own = _translator(app, qt_dir / f"qtbase_{code}.qm")
        ours = _translator(app, catalogue_path(code))
        if ours is None:
            raise FileNotFoundError(f"the {i18n.LANGUAGES[code]} catalogue is missing: "
                                    f"{catalogue_path(code)} (python -m ui.translations builds it)")
        for loaded in (qt_own, ours):  # Qt's own words first, ours asked first (last in)
            if loaded is not None:
                app.installTranslator(loaded[0])
                _installed.append(loaded)
    i18n.set_translator(_translate if code != "en" else None, code)
    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran) if code == "fa"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    if isinstance(app, QApplication):
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if code in i18n.RIGHT_TO_LEFT
                               else Qt.LayoutDirection.LeftToRight)


ltr = i18n.ltr  # a path, a file name or a code kept left to right in a Persian sentence


def shown(study):
    """The study as the window shows it: its texts in the language in use where its
    definition carries them (alsdesk/study/translation.py). For what is shown only: what is
    saved, checked by the store or exported reads the store's own study."""
    from alsdesk.study.translation import localized

    return localized(study, i18n.language())


def language() -> str:
    """The language the window is in."""
    return i18n.language()


def is_rtl() -> bool:
    return i18n.language() in i18n.RIGHT_TO_LEFT


def saved_language(user_id: str | None = None) -> str:
    """The language `user_id` chose on this workstation (the last one used for None)."""
    settings = QSettings(*SETTINGS)
    code = None
    if user_id:
        code = settings.value(f"language/user/{user_id}")
    code = code or settings.value("language/last") or "en"
    return str(code) if str(code) in i18n.LANGUAGES else "en"


def save_language(user_id: str | None, code: str) -> None:
    """Remember `code` for `user_id` and as the language of the next login window."""
    settings = QSettings(*SETTINGS)
    if user_id:
        settings.setValue(f"language/user/{user_id}", code)
    settings.setValue("language/last", code)
    settings.sync()
