"""Checking a backup file: what makes a file with a backup's name a backup worth restoring.

SQLite's integrity check, that it is an ALS Desk file of the study, the audit hash chain, and
(with the study) what `alsdesk verify` compares besides: the schema, the replay of the audit
trail, signatures, accounts and the other audited tables. Read-only throughout.
"""
from __future__ import annotations

from alsdesk.store.sqldb import driver as sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from alsdesk.errors import StoreError
from alsdesk.i18n import tr
from alsdesk.store import audit, schema
from alsdesk.store.placing import damage_reported

if TYPE_CHECKING:
    from alsdesk.backup import BackupInfo
    from alsdesk.study.model import Study


@damage_reported
def check_backup(path: Path, study_id: str | None = None, *,
                 study: Study | None = None) -> BackupInfo:
    """Check a backup file read-only; raise StoreError saying what is wrong with it.

    Checks that it is an ALS Desk database this program can read, SQLite's full integrity
    check, the study (when `study_id` is given), and the audit hash chain; with `study`, also
    what ``alsdesk verify`` checks besides: the tables against the program's schema, the
    replay of the audit trail against the data, and the signatures.
    """
    path = Path(path)
    info = schema.inspect_file(path)
    want = study.id if study is not None else study_id
    if want is not None and info.study_id != want:
        raise StoreError(
            tr("{name} is a backup of study {study}, not of {want}: it cannot be used "
               "here.").format(name=path.name, study=info.study_id, want=want)
        )
    conn = schema.open_readonly(path)
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
        if integrity != ["ok"]:
            raise StoreError(tr("The backup {path} is damaged (SQLite integrity check: "
                                "{problems}). Use another backup.").format(
                path=path, problems="; ".join(integrity)))
        chain = audit.verify_chain(conn)
        if not chain.ok:
            raise StoreError(tr("The audit trail in the backup {path} is broken ({problems}). "
                                "Use another backup.").format(
                path=path, problems="; ".join(chain.problems[:3])))
        if study is not None:
            # A flipped bit in the schema text (a column's name or type, a trigger) is no
            # damage to SQLite and no break in the chain: compare with the program's schema.
            from alsdesk.store import schema_text
            from alsdesk.store.verify_more import schema_problems

            problems = (schema_problems(conn, study, limit=3)
                        or schema_text.problems(conn, study, limit=3))
            if problems:
                raise StoreError(tr("The tables of the backup {path} are not as ALS Desk made "
                                    "them ({problems}). Use another backup.").format(
                    path=path, problems="; ".join(problems)))
            problems = audit.replay_differences(conn, study, limit=3)
            if problems:
                raise StoreError(tr("The data in the backup {path} differs from its audit "
                                    "trail ({problems}). Use another backup.").format(
                    path=path, problems="; ".join(problems)))
            problems = _signature_problems(conn, path, study)
            if problems:
                raise StoreError(tr("The signatures in the backup {path} do not match its "
                                    "audit trail ({problems}). Use another backup.").format(
                    path=path, problems="; ".join(problems)))
            # Accounts, queries, settings, subjects' and forms' details: what verify
            # compares, so that a backup this check accepts also verifies after a restore.
            from alsdesk.store.verify_tables import record_problems
            from alsdesk.store.verify_users import account_problems

            problems = account_problems(conn, limit=3) or record_problems(conn, study, limit=3)
            if problems:
                raise StoreError(tr("The backup {path} differs from its audit trail "
                                    "({problems}). Use another backup.").format(
                    path=path, problems="; ".join(problems)))
        head = conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()[0]
        subjects = conn.execute("SELECT count(*) FROM subjects").fetchone()[0]
    finally:
        conn.close()
    from alsdesk.backup import BackupInfo

    return BackupInfo(path, info.study_id or "?", chain.rows, head, subjects,
                      path.stat().st_size)


def _signature_problems(conn: sqlite3.Connection, path: Path, study: Study) -> list[str]:
    """verify_more.signature_problems over a read-only Store on this connection."""
    from alsdesk.store.core import Store
    from alsdesk.store.verify_more import signature_problems

    reader = Store(conn, path, study)
    reader.readonly = True
    return signature_problems(reader, limit=3)
