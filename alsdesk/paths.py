"""Where the program's resources and the user's default database live."""
from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path


def resource_dir() -> Path:
    """The resources folder: inside the installed package, or beside the source tree."""
    try:
        installed = resources.files("alsdesk.resources")
    except ModuleNotFoundError:
        installed = None
    if installed is not None and Path(str(installed)).is_dir():
        return Path(str(installed))
    # The source tree; also the standalone program, whose spec (packaging/alsdesk.spec) puts
    # resources/ beside the alsdesk package inside the bundle, so the same path finds it.
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A file under the resources folder."""
    return resource_dir().joinpath(*parts)


def default_study_file() -> Path:
    return resource_path("study", "nct02492516.toml")


def user_data_dir() -> Path:
    """The platform's per-user data folder for ALS Desk (not created here).

    ALSDESK_DATA_DIR, when set, is used instead: the tests point it at a temporary folder so
    that they never write the real user's login log or record of anchor places.
    """
    override = os.environ.get("ALSDESK_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "alsdesk"


def default_database() -> Path:
    """The database used when no --db is given."""
    override = os.environ.get("ALSDESK_DB")
    return Path(override) if override else user_data_dir() / "alsdesk.db"


def read_json_dict(path: Path) -> dict:
    """A small JSON record of this workstation's (a dict), or {} when missing or damaged:
    such records are helpers, never a reason to stop."""
    import json

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
