"""The Persian catalogue: every marked string translated, the shipped .qm built from the .ts,
and no marked string of the code missing from the .ts (python -m ui.translations)."""
from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from ui import translations


def _sources(path) -> set[str]:
    return {m.findtext("source") for m in ET.parse(path).getroot().iter("message")}


def test_every_string_of_the_catalogue_has_its_persian_translation():
    assert translations.untranslated("fa") == []


def test_every_string_is_in_the_one_context_the_program_looks_in():
    # `module.tr("...")` would be read into a context named after the module, where
    # alsdesk.i18n.tr never looks: call tr("...") by its bare name
    names = {c.findtext("name") for c in ET.parse(translations.ts_path("fa")).getroot()
             .iter("context")}
    assert names <= {""}, names


def test_the_catalogue_holds_every_string_the_code_marks(tmp_path):
    ts = tmp_path / "fresh.ts"
    subprocess.run([translations._tool("lupdate"), "-no-obsolete", *translations.sources(),
                    "-ts", str(ts)], cwd=translations.ROOT, check=True, capture_output=True)
    missing = _sources(ts) - _sources(translations.ts_path("fa"))
    assert not missing, f"run python -m ui.translations and translate: {sorted(missing)[:10]}"


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    shipped = translations.ts_path("fa").with_suffix(".qm")
    copy = tmp_path / "alsdesk_fa.ts"
    shutil.copy(translations.ts_path("fa"), copy)
    subprocess.run([translations._tool("lrelease"), str(copy), "-qm", str(tmp_path / "a.qm")],
                   check=True, capture_output=True)
    if not shipped.exists():
        pytest.fail(f"{shipped} is missing: python -m ui.translations builds it")
    assert (tmp_path / "a.qm").read_bytes() == shipped.read_bytes(), \
        "the .qm is older than the .ts: python -m ui.translations"


def test_the_core_reads_the_catalogue_as_qt_does(qapp):
    # the core's own reader (no Qt: the command line, a paper in Persian) against Qt's
    # QTranslator on the compiled .qm, for every string
    from PySide6.QtCore import QTranslator

    from alsdesk import i18n

    qt = QTranslator()
    assert qt.load(str(translations.ts_path("fa").with_suffix(".qm")))
    ours = i18n.catalogue("fa")
    assert len(ours) > 800
    differ = [s for s, t in ours.items() if qt.translate("", s) != t]
    assert not differ, differ[:5]
    with i18n.writing("fa"):
        assert i18n.tr("Dashboard") == ours["Dashboard"] and i18n.language() == "fa"
    assert i18n.tr("Dashboard") == "Dashboard"


def test_every_translation_keeps_its_placeholders_and_formats():
    # a placeholder dropped or misspelt in Persian would be a KeyError in front of the nurse
    import string

    from alsdesk import i18n

    def names(text: str) -> set[tuple[str, str]]:
        return {(f, spec or "") for _, f, spec, _ in string.Formatter().parse(text)
                if f is not None}

    bad = []
    for source, persian in i18n.catalogue("fa").items():
        try:
            wanted = names(source)
        except ValueError:  # not a format string (a literal brace): nothing to fill
            continue
        try:
            if names(persian) != wanted:
                bad.append(source)
                continue
            if not any("%" in spec for _, spec in wanted):  # a clock format wants a time
                persian.format(**{n: 1 for n, _ in wanted if n})
        except (ValueError, KeyError, IndexError):
            bad.append(source)
    assert not bad, bad[:10]
