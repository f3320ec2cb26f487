"""Companion definition files beside the study definition (analysis.toml, proact.toml):
found in the source tree or the installed resources, read with a Source for line numbers."""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from alsdesk.errors import DefinitionError
from alsdesk.paths import resource_path
from alsdesk.study.source import Source


def companion_file(name: str) -> Path:
    """resources/study/<name> of the source tree this package is in, else the installed one."""
    beside = Path(__file__).resolve().parents[2] / "resources" / "study" / name
    return beside if beside.is_file() else resource_path("study", name)


def read_companion(path: Path) -> tuple[dict[str, Any], Source]:
    """The file's TOML and a Source that turns a key into file:line in messages."""
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DefinitionError(f"{path.name}: {exc}") from None
    return data, Source(path.name, text)
