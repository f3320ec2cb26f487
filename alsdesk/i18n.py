"""Languages: what a person reads follows the language they choose; storage never does.

English is the source language. The core stays Qt-free, yet its messages reach the window
through the same catalogue as the window's own words: they are marked with :func:`tr`, which
returns the text as it is until the window installs Qt's translator (ui.i18n.use_language).
``pyside6-lupdate`` finds every ``tr("...")`` in alsdesk/ and ui/ alike (a module-level
``tr`` is read into the one empty context), so one Persian catalogue
(resources/translations/alsdesk_fa.ts) covers both; ``python -m ui.translations`` builds it.

Placeholders are named and filled after translation, ``tr("{n} subjects").format(n=3)``, so a
translation may move them: Persian puts the number where Persian grammar wants it.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Callable, Iterator

__all__ = ["LANGUAGES", "RIGHT_TO_LEFT", "tr", "QT_TRANSLATE_NOOP", "set_translator",
           "language", "english", "writing", "catalogue", "ascii_digits", "local_digits", "ltr"]

# code -> the language's name in itself (as a language menu shows it)
LANGUAGES: dict[str, str] = {"en": "English", "fa": "فارسی"}
RIGHT_TO_LEFT = frozenset({"fa"})

_translate: Callable[[str, str | None], str] | None = None
_language = "en"
_here = threading.local()  # .writing: the language this thread writes in, when told

# Persian (U+06F0..) and Arabic-Indic (U+0660..) digits, the Arabic decimal separator and
# thousands separator: what a Persian keyboard types where a number is asked for.
_TO_ASCII = str.maketrans({**{chr(0x06F0 + i): str(i) for i in range(10)},
                           **{chr(0x0660 + i): str(i) for i in range(10)},
                           "\u066b": ".", "\u066c": ","})
_TO_PERSIAN = str.maketrans({str(i): chr(0x06F0 + i) for i in range(10)})


def tr(text: str, disambiguation: str | None = None) -> str:
    """`text` in the language in use (as it is in English, or with no translator)."""
    code = getattr(_here, "writing", None)
    if code is not None:  # a paper or a file in a language of its own (see writing())
        return text if code == "en" else catalogue(code).get(text, text)
    if _translate is None:
        return text
    return _translate(text, disambiguation)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Mark a constant for the catalogue without translating it (it is made at import, before
    any language is chosen): show it with ``tr(CONSTANT)``. Always the empty context ``""``,
    the one ``tr`` looks in."""
    return text


def set_translator(translate: Callable[[str, str | None], str] | None,
                   code: str = "en") -> None:
    """Install the window's translator for language `code` (None: English, the source)."""
    global _translate, _language
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
    _translate = translate if code != "en" else None
    _language = code


def language() -> str:
    """The code of the language in use ("en" unless the window chose another, or this thread
    writes in English: :func:`english`)."""
    return getattr(_here, "writing", None) or _language


@contextmanager
def writing(code: str) -> Iterator[None]:
    """Within: this thread's texts in language `code`, whatever the window's (a Persian
    schedule card printed from an English window, or from the command line, which has no
    Qt translator: the catalogue is read here, from its .ts)."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
    before = getattr(_here, "writing", None)
    _here.writing = code
    try:
        yield
    finally:
        _here.writing = before


def english():
    """Within: this thread's texts in English, whatever the window's language. The papers of
    the study binder and the exports are English (what monitors, sponsors and regulators
    read); they are written in workers while the window may be in Persian."""
    return writing("en")


_CATALOGUES: dict[str, dict[str, str]] = {}


def read_ts(path) -> dict[str, str | None]:
    """A Qt Linguist catalogue (.ts, XML) read without Qt: source -> its translation, None for
    one not translated yet (unfinished or empty); strings the code dropped are left out."""
    import xml.etree.ElementTree as ET

    out: dict[str, str | None] = {}
    for message in ET.parse(path).getroot().iter("message"):
        text = message.find("translation")
        kind = text.get("type") if text is not None else "unfinished"
        if kind in ("vanished", "obsolete"):
            continue
        done = text is not None and kind != "unfinished" and (text.text or "").strip()
        out[message.findtext("source") or ""] = text.text if done else None
    return out


def catalogue(code: str) -> dict[str, str]:
    """English -> `code` from the shipped catalogue's source (resources/translations/
    alsdesk_<code>.ts), read without Qt; {} when there is none."""
    found = _CATALOGUES.get(code)
    if found is None:
        from alsdesk.paths import resource_path

        path = resource_path("translations", f"alsdesk_{code}.ts")
        found = {k: v for k, v in read_ts(path).items() if v} if path.is_file() else {}
        _CATALOGUES[code] = found
    return found


def ltr(text: object) -> str:
    """`text` kept left to right inside a right-to-left line (a Unicode isolate, U+2066 ..
    U+2069), as it is in a left-to-right language: a path, a code, a Gregorian date, whose
    slashes the bidi algorithm would otherwise move (/tmp/a.db read "tmp/a.db/")."""
    text = str(text)
    return f"\u2066{text}\u2069" if text and language() in RIGHT_TO_LEFT else text


def ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits (and their separators) as ASCII: "۷۲٫۵" -> "72.5"."""
    return text.translate(_TO_ASCII)


def local_digits(text: str, code: str | None = None) -> str:
    """Digits as the language writes them: Persian digits in Persian, as they are otherwise."""
    return text.translate(_TO_PERSIAN) if (code or _language) == "fa" else text
