"""Companion definition files of a study (lab grading, analysis, PRO-ACT, SDTM, the schedule
card): read from the study's own copy of them, the one its database stores beside the main
definition, with a Source for line numbers in messages.

A definition file is loaded with the companions found beside it; one of the bundled trial
(NCT02492516) takes those it lacks from the program's resources, so a copy of the trial's
file edited elsewhere still has them. Another study has only what it brings: a study without
`sdtm.toml` has no SDTM export, and is told so by name.
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from alsdesk.errors import DefinitionError
from alsdesk.paths import resource_path
from alsdesk.study.source import Source

if TYPE_CHECKING:
    from alsdesk.study.model import Study

# name -> what it defines, for the message that a study lacks it
COMPANIONS: dict[str, str] = {
    "labgrades.toml": "the CTCAE grading of laboratory results",
    "analysis.toml": "the analysis tables",
    "proact.toml": "the PRO-ACT export",
    "sdtm.toml": "the SDTM export's mapping",
    "card.toml": "the patient's schedule card wording",
    "translation.fa.toml": "the study's texts in Persian (alsdesk/study/translation.py)",
}
BUNDLED_STUDY = "NCT02492516"
MAX_BYTES = 2_000_000  # the largest bundled companion is 30 kB


def companion_file(name: str) -> Path:
    """resources/study/<name> of the source tree this package is in, else the installed one."""
    beside = Path(__file__).resolve().parents[2] / "resources" / "study" / name
    return beside if beside.is_file() else resource_path("study", name)


def gather(definition: Path, study_id: str) -> dict[str, str]:
    """The companion files beside `definition` (name -> text); for the bundled trial, those
    missing there come from the program's resources."""
    found: dict[str, str] = {}
    for name in COMPANIONS:
        path = definition.with_name(name)
        if not path.is_file() and study_id == BUNDLED_STUDY:
            path = companion_file(name)
        if not path.is_file():
            continue
        try:
            if path.stat().st_size > MAX_BYTES:
                raise DefinitionError(str(path), "(file)", f"is larger than {MAX_BYTES:,} "
                                      "bytes; a companion definition is far smaller")
            found[name] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DefinitionError(str(path), "(file)", f"cannot be read: {exc}") from None
    return found


def parse(name: str, text: str) -> tuple[dict[str, Any], Source]:
    """A companion's TOML and a Source that turns a key into file:line in messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DefinitionError(name, "(file)", f"is not valid TOML: {exc}") from None
    return data, Source(name, text)


def read_companion(path: Path) -> tuple[dict[str, Any], Source]:
    """A companion file given by path (tests and `alsdesk study` on a file)."""
    return parse(path.name, path.read_text(encoding="utf-8"))


def has_companion(study: "Study", name: str) -> bool:
    return name in study.companions


def study_companion(study: "Study", name: str, path: Path | None = None
                    ) -> tuple[dict[str, Any], Source]:
    """The study's own companion `name` (or the file at `path`); a study without one is told
    what it lacks and how to add it."""
    if path is not None:
        return read_companion(path)
    text = study.companions.get(name)
    if text is None:
        raise DefinitionError(name, "(file)", f"study {study.id} has no {name}, which defines "
                              f"{COMPANIONS.get(name, 'this part')}: write one beside the study "
                              "definition and load it with 'alsdesk amend'")
    return parse(name, text)


def texts(companions: Mapping[str, str]) -> dict[str, str]:
    """Only the known companions, in their fixed order (what is stored and hashed)."""
    return {n: companions[n] for n in COMPANIONS if n in companions}
