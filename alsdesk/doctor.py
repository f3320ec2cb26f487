"""`alsdesk doctor`: what a site's IT person runs when something is wrong.

Each check says OK, WARN or FAIL with what it found and, when it is not OK, what to do. It
reads and never writes: the database is opened read-only, the lock file only read. Qt is
checked in a child process (the core never imports Qt, and a Qt that cannot start aborts the
process that tries).
"""
from __future__ import annotations

import os
import platform
import shutil
from alsdesk.store.sqldb import driver as sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path

from alsdesk import __version__

OK, WARN, FAIL = "OK", "WARN", "FAIL"
LOW_DISK = 500 * 1024 ** 2   # below this a full disk is near: warn
FULL_DISK = 100 * 1024 ** 2  # below this saves and backups will soon fail
OLD_BACKUP_DAYS = 7


@dataclass(frozen=True)
class Check:
    status: str
    what: str
    detail: str

    def line(self) -> str:
        return f"{self.status:<4}  {self.what:<18} {self.detail}"


def run(db_path: Path) -> list[Check]:
    """Every check, in the order a person reads them."""
    checks = [_program(), *_libraries(), _qt(), _fonts(), _study()]
    checks += _database(Path(db_path))
    return checks


def report(checks: list[Check]) -> tuple[str, int]:
    """The text to print and the exit status (1 when any check failed)."""
    lines = [c.line() for c in checks]
    failed = sum(c.status == FAIL for c in checks)
    warned = sum(c.status == WARN for c in checks)
    lines.append("")
    lines.append(f"{failed} failed, {warned} warnings, {len(checks) - failed - warned} OK."
                 if failed or warned else f"All {len(checks)} checks OK.")
    return "\n".join(lines), 1 if failed else 0


def _program() -> Check:
    return Check(OK, "program", f"ALS Desk {__version__}, Python {platform.python_version()} "
                                f"({sys.executable}), {platform.platform()}")


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _libraries() -> list[Check]:
    out = []
    for dist in ("PySide6-Essentials", "PySide6-Addons", "reportlab", "sqlite-utils", "click"):
        version = _version(dist)
        if version is None:
            out.append(Check(FAIL, dist, "not installed: reinstall ALS Desk (pip install .)"))
        else:
            out.append(Check(OK, dist, version))
    sqlite_version = tuple(int(x) for x in sqlite3.sqlite_version.split("."))
    out.append(Check(OK if sqlite_version >= (3, 35) else FAIL, "SQLite library",
                     sqlite3.sqlite_version + ("" if sqlite_version >= (3, 35) else
                                               ": 3.35 or newer is needed")))
    return out




def _qt() -> Check:
    from alsdesk.frontend import ui_module

    env = dict(os.environ)
    try:
        # (In the standalone program sys.executable is the program: packaging/entry.py
        # runs `-m MODULE` as Python would.)
        done = subprocess.run([sys.executable, "-m", ui_module("probe")], capture_output=True,
                              text=True, timeout=60, env=env,
                              cwd=str(Path(__file__).resolve().parent.parent))
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Check(FAIL, "Qt", f"the check could not run ({exc})")
    out = done.stdout.strip().splitlines()
    if done.returncode != 0 or not out:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return Check(FAIL, "Qt", f"Qt does not start: {last}")
    status, _, detail = out[-1].partition(" ")
    # No display (a server, SSH): the window cannot open, the command line still works.
    return Check(status if status in (OK, WARN, FAIL) else FAIL, "Qt", detail)


def _fonts() -> Check:
    from alsdesk.pdf import fonts

    try:
        fonts.register()
    except Exception as exc:  # a damaged or missing font file: say which, never a traceback
        return Check(FAIL, "PDF fonts", f"{exc}")
    return Check(OK, "PDF fonts", "DejaVu Sans regular and bold found and readable")


def _study() -> Check:
    from alsdesk.study import load_study

    try:
        study = load_study()
    except Exception as exc:
        return Check(FAIL, "study definition", f"does not load: {exc}")
    return Check(OK, "study definition", f"{study.id}, {len(study.events)} events, "
                                         f"{len(study.forms)} forms")


def _database(db: Path) -> list[Check]:
    from alsdesk.store import schema

    if not db.exists():
        return [Check(FAIL, "database", f"{db} does not exist: create one with `alsdesk init` "
                                        "(or `alsdesk demo` to try the program), or give the "
                                        "right file with --db")]
    if not db.is_file():
        return [Check(FAIL, "database", f"{db} is not a regular file")]
    size = db.stat().st_size + _size(Path(str(db) + "-wal"))
    checks = []
    from alsdesk.keyslots import key_file
    from alsdesk.store import sqldb

    if sqldb.is_encrypted(db) and not sqldb.unlocked(db) and key_file(db).exists():
        from alsdesk.keyslots import KeyFile, KeyFileError

        keys = key_file(db)  # (doctor logs nobody in)
        try:
            KeyFile.read(keys).of_database(sqldb.head(db), db)
            checks.append(Check(OK, "database", f"{db}, {size / 1e6:.1f} MB, encrypted "
                                                f"(SQLCipher 4) with its key file "
                                                f"{keys.name}; its contents are checked by "
                                                "`alsdesk verify`, with a login"))
        except KeyFileError as exc:
            checks.append(Check(FAIL, "database", f"{db} is encrypted: {exc}"))
        return checks + _rest(db)
    try:
        info = schema.inspect_file(db)
        conn = schema.open_readonly(db)
        try:
            quick = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
            subjects = conn.execute("SELECT count(*) FROM subjects").fetchone()[0]
            from alsdesk.store import definitions

            stored = definitions.versions(conn)
        finally:
            conn.close()
    except Exception as exc:
        return [Check(FAIL, "database", f"{db} cannot be read: {exc}")]
    if quick != ["ok"]:
        checks.append(Check(FAIL, "database", f"{db}: damaged ({'; '.join(quick)}); run "
                                              "`alsdesk verify` and restore the latest backup"))
    else:
        crf = (f", CRF {stored[-1].crf_version} (definition version {stored[-1].version})"
               if stored else ", the program's definition (file format 2)")
        checks.append(Check(OK, "database", f"{db}, {size / 1e6:.1f} MB, study "
                                            f"{info.study_id}{crf}, {subjects} subjects"))
    return checks + _rest(db)


def _rest(db: Path) -> list[Check]:
    """Write access, the lock, the backups and the disk (a file doctor cannot open too)."""
    from alsdesk.store.lock import current_holder

    from alsdesk.store import convert

    checks = []
    for aside in convert.asides(db):
        checks.append(Check(WARN, "plain copy", f"{aside.name}, the plain file kept aside by "
                                                "`alsdesk encrypt`, holds the patients' data "
                                                "in the clear: delete it with `alsdesk "
                                                "encrypt --confirm` once the encrypted file "
                                                "is checked"))
    writable = os.access(db, os.W_OK) and os.access(db.parent, os.W_OK)
    if not writable:
        checks.append(Check(WARN, "write access", f"this account cannot write {db} or its "
                                                  "folder: the program opens it read-only"))
    holder = current_holder(db)
    checks.append(Check(OK, "lock", "free" if holder is None else f"held: {holder.describe()}"))
    checks += _backups(db)
    checks.append(_disk("disk (database)", db.parent))
    return checks


def _backups(db: Path) -> list[Check]:
    from alsdesk import anchor_local, backup
    from alsdesk.store import sqldb

    try:
        folder, keep = backup.settings_of(db)
    except sqldb.Encrypted:  # the setting is inside: the folder this workstation last used
        used = anchor_local.places(db)[0]
        folder, keep = (used[-1] if used else backup.default_folder(db)), backup.DEFAULT_KEEP
    except Exception as exc:
        return [Check(WARN, "backups", f"the backup setting cannot be read ({exc})")]
    if not folder.is_dir() and folder == backup.default_folder(db):
        return [Check(WARN, "backups", f"none yet (the folder {folder} is made by the first "
                                       "backup): make one with `alsdesk backup`")]
    if not folder.is_dir():
        return [Check(FAIL, "backups", f"the backup folder {folder} is not there (a USB stick "
                                       "unplugged, a share not mounted?): plug it in, or set "
                                       "another folder in Settings")]
    found = _all_backups(folder, db)
    if not found:
        return [Check(WARN, "backups", f"none yet in {folder}: make one with `alsdesk backup`"),
                _disk("disk (backups)", folder)]
    newest = max(found, key=lambda p: p.stat().st_mtime)
    age = (time.time() - newest.stat().st_mtime) / 86400
    status = WARN if age > OLD_BACKUP_DAYS else OK
    when = datetime.fromtimestamp(newest.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    return [Check(status, "backups", f"{len(found)} in {folder} (keeping {keep}); newest "
                                     f"{newest.name}, {when}, {age:.1f} days old"
                  + ("; make one with `alsdesk backup`" if status == WARN else "")),
            _disk("disk (backups)", folder)]


def _all_backups(folder: Path, db: Path) -> list[Path]:
    """Automatic and hand-made backups of this very database in the folder."""
    import re

    from alsdesk import backup

    pattern = re.compile(re.escape(db.stem) + r"-\d{8}-\d{6}(?:-\d+)?-[a-z]+\.db")
    try:
        # is_file: a FIFO named like a backup is no backup, and reading it would block
        names = [p for p in folder.iterdir() if pattern.fullmatch(p.name) and p.is_file()]
    except OSError:
        return []
    me = backup._identity(db)  # a shared folder may hold other workstations' files
    return [p for p in names if backup._identity(p) == me]


def _disk(what: str, folder: Path) -> Check:
    try:
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        return Check(WARN, what, f"free space of {folder} unknown ({exc})")
    text = f"{free / 1024 ** 3:.1f} GB free on {folder}"
    if free < FULL_DISK:
        return Check(FAIL, what, text + ": saves and backups will fail soon; free some space")
    if free < LOW_DISK:
        return Check(WARN, what, text + ": getting low")
    return Check(OK, what, text)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def command():
    """The click command (registered by alsdesk.cli)."""
    import click

    @click.command("doctor")
    @click.pass_context
    def doctor(ctx: click.Context) -> None:
        """Check this computer and the database (for IT): versions, Qt, fonts, lock, backups,
        disk. Exit 1 when a check fails."""
        db = Path(ctx.obj["db"]) if ctx.obj and ctx.obj.get("db") else None
        if db is None:
            from alsdesk.paths import default_database
            db = default_database()
        text, status = report(run(db))
        click.echo(text)
        ctx.exit(status)

    return doctor
