"""Amended copies of the bundled NCT02492516 definition, written as a sponsor would: the
24 h amendment (the group's later paper reports the first follow-up at 24 h, not 72 h) and
a second one adding a field to the infusion form mid-study. Each is a folder with the
definition and its companion files, as `alsdesk amend FILE` reads them."""
from __future__ import annotations

import shutil
from pathlib import Path

from alsdesk.paths import default_study_file
from alsdesk.study.companion import COMPANIONS

H72 = '''id = "h72"
label = "72 hours"
forms = ["sv", "vs", "gcs", "aerev", "lb"]
unit = "hours"
target = 72
window = [48, 96]'''
H24 = '''id = "h72"
label = "24 hours"
forms = ["sv", "vs", "gcs", "aerev", "lb"]
unit = "hours"
target = 24
window = [18, 30]'''
WEIGHT = '[[forms.inf.fields]]\nid = "weight"'
PREMED = '''[[forms.inf.fields]]
id = "infpremed"
label = "Premedication given before the infusion (antihistamine, paracetamol)?"
type = "choice"
choices = "ny"
section = "Premedication"
help = "Added by protocol amendment 2."

'''


def bundled_text() -> str:
    return default_study_file().read_text(encoding="utf-8")


def write(folder: Path, text: str) -> Path:
    """The definition `text` in `folder` with the bundled companion files beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in COMPANIONS:
        if default_study_file().with_name(name).is_file():
            shutil.copy(default_study_file().with_name(name), folder / name)
    path = folder / default_study_file().name
    path.write_text(text, encoding="utf-8")
    return path


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} is not once in the definition"
    return text.replace(old, new)


def amendment_24h_text() -> str:
    text = edit(bundled_text(), 'crf_version = "1.0"', 'crf_version = "1.1"')
    return edit(text, H72, H24)


def amendment_premed_text() -> str:
    text = edit(amendment_24h_text(), 'crf_version = "1.1"', 'crf_version = "1.2"')
    return edit(text, WEIGHT, PREMED + WEIGHT)


def amendment_24h(tmp: Path) -> Path:
    return write(tmp / "amendment1", amendment_24h_text())


def amendment_premed(tmp: Path) -> Path:
    return write(tmp / "amendment2", amendment_premed_text())
