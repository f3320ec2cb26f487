"""A restore, recorded outside the file: the only thing that excuses heads it rewound past.

After a restore the database no longer contains the heads taken since the backup it was
rewound to; verify must not call that a rewrite. But a "database.restore" row inside the file
proves nothing (whoever rewrites the file can insert one), so the restore also appends a line
to the heads logs and seal files where the heads are kept: it names the head it replaced and
the restored database's head just after the restore. alsdesk.anchor_check lets such a line
excuse a head only when the chain contains that restored head. Restores of older versions
wrote no such line: their heads are problems now, said with the restore row they cite.
"""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from alsdesk import anchor, anchor_local, anchor_places
from alsdesk.errors import AlsDeskError


@dataclass
class Places:
    """The heads logs and seal files a restore line goes to."""

    folders: list[Path] = field(default_factory=list)
    seals: list[Path] = field(default_factory=list)


def places_of(db_path: Path, backup_file: Path) -> Places:
    """Where the heads of the database about to be replaced are kept: its settings (read
    before they are replaced), this workstation's record, and the backup's own folder."""
    from alsdesk.store import schema

    db_path = Path(db_path)
    out = Places()
    settings: dict = {}
    if db_path.exists():
        try:
            conn = schema.open_readonly(db_path)
            try:
                settings = dict(conn.execute(
                    "SELECT key, value FROM settings WHERE key IN (?, ?)",
                    (anchor_places.SETTING_FOLDER, anchor_places.SETTING_SEAL)).fetchall())
            finally:
                conn.close()
        except (sqlite3.Error, OSError, AlsDeskError):  # unreadable: the defaults, the record
            settings = {}
    folders, seals = anchor_local.places(db_path)
    configured = settings.get(anchor_places.SETTING_FOLDER)
    for folder in [Path(configured) if configured else db_path.parent / "backups",
                   Path(backup_file).parent, *folders]:
        if folder.is_dir() and folder.resolve() not in [f.resolve() for f in out.folders]:
            out.folders.append(folder)
    seal = settings.get(anchor_places.SETTING_SEAL)
    for target in ([anchor_places.seal_file(Path(seal), db_path.stem)] if seal else []) + seals:
        if target.parent.is_dir() and target not in out.seals:
            out.seals.append(target)
    return out


def line(replaced: anchor.Head, restored: anchor.Head, name: str,
         ident: tuple[str | None, str | None], kept: Path | None = None) -> str:
    """A heads log line whose head is the restored one (older readers see just that), with
    the replaced head, and the name of the replaced file kept aside, before it."""
    plain = anchor_places.head_line(restored, name, ident)
    cut = plain.index(anchor.PREFIX)
    aside = f" kept={Path(kept).name}" if kept is not None else ""
    return f"{plain[:cut]}restore replaced={replaced.seq}:{replaced.hash}{aside}\t{plain[cut:]}"


def record(db_path: Path, places: Places, replaced: anchor.Head,
           kept: Path | None = None) -> list[str]:
    """Append the restore line to every place; what could not be written, in words."""
    from alsdesk.store import schema

    db_path = Path(db_path)
    try:  # the restore is done: a failure here is said, not raised as the restore's
        conn = schema.open_readonly(db_path)
        try:
            text = line(replaced, anchor.of(conn), db_path.name, anchor_places.identity(conn),
                        kept)
        finally:
            conn.close()
    except (sqlite3.Error, OSError, AlsDeskError) as exc:
        return [f"any heads log ({exc})"]
    failed = []
    targets = [anchor_places.heads_log(f, db_path.stem) for f in places.folders] + places.seals
    for target in targets:
        try:
            anchor_places.append_line(target, text)
        except OSError as exc:
            failed.append(f"{target} ({exc.strerror or exc})")
    for folder in places.folders:
        anchor_local.remember(db_path, folder=folder)
    for seal in places.seals:
        anchor_local.remember(db_path, seal=seal)
    return failed
