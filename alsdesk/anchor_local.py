"""This workstation's record of where heads of each database were kept (outside the file).

The settings that name the backup folder and the seal file are rows of the database, so an
insider who rewrites the file can point them at an empty folder and make verify look away
from the USB stick that holds the real heads. The places used are therefore also kept in the
user data folder (alsdesk.paths.user_data_dir), keyed by the database's resolved path, and
written at every backup, seal and seal configuration; alsdesk.anchor_places.gather reads them
as well as the settings. The record only adds places to look at: a record that is missing or
unreadable (another user, a fresh profile) is the same as an empty one.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from alsdesk.paths import read_json_dict, user_data_dir

_FILE = "anchor-places.json"
FOLDERS = "backup_folders"
SEALS = "seal_files"


def _record_path() -> Path:
    return user_data_dir() / _FILE


def _key(db_path: Path) -> str:
    return str(Path(db_path).expanduser().resolve())


def _load() -> dict:
    return read_json_dict(_record_path())


def places(db_path: Path) -> tuple[list[Path], list[Path]]:
    """The backup folders and seal files recorded for this database on this workstation."""
    entry = _load().get(_key(db_path))
    if not isinstance(entry, dict):
        return [], []

    def paths(kind: str) -> list[Path]:
        values = entry.get(kind)
        return [Path(v) for v in values if isinstance(v, str) and v] if isinstance(
            values, list) else []
    return paths(FOLDERS), paths(SEALS)


def remember(db_path: Path, *, folder: Path | None = None, seal: Path | None = None) -> None:
    """Add a backup folder and/or seal file to this database's record (atomic rewrite).

    A record that cannot be written is let go silently: it is an extra witness, and a backup
    or seal that was written must not be reported as failed because of it.
    """
    try:
        data = _load()
        entry = data.get(_key(db_path))
        entry = entry if isinstance(entry, dict) else {}
        changed = False
        for kind, value in ((FOLDERS, folder), (SEALS, seal)):
            if value is None:
                continue
            text = str(Path(value).expanduser().absolute())
            have = entry.get(kind) if isinstance(entry.get(kind), list) else []
            if text not in have:
                entry[kind] = [*have, text]
                changed = True
        if not changed:
            return
        data[_key(db_path)] = entry
        target = _record_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f".{target.name}.{os.getpid()}")
        temp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(temp, target)
    except OSError:
        return
