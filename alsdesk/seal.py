"""Seal files: the audit head written, by hand or on a schedule, to a place the site chooses.

A seal is worth something only where the workstation's user cannot write (a share written by
a service account, a stick kept by the data manager, a printed page): there it records a
head the database must go on containing (alsdesk.anchor_check). The place is the setting
``seal.path`` (a file; a folder given gets ``<database>-seal.txt`` in it), set by an
administrator, or given each time.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alsdesk import anchor, anchor_local, anchor_places
from alsdesk.auth import Action
from alsdesk.errors import StoreError

SETTING = anchor_places.SETTING_SEAL
ACTION = "anchor.seal"  # audit action: who sealed which head where


@dataclass(frozen=True)
class Sealed:
    path: Path
    head: anchor.Head


def configure(store, path: str) -> None:
    """Set the seal file or folder ('' = none), an administrator's setting, audited."""
    store.require(Action.CHANGE_SETTINGS)
    text = str(path).strip()
    if text:
        target = Path(text).expanduser()
        if not target.is_absolute():
            raise StoreError(f"Give the seal file as a full path, not '{path}'.")
        folder = target if target.is_dir() else target.parent
        if not folder.is_dir():
            raise StoreError(f"The folder {folder} is not there: create it or connect the "
                             "drive first.")
        # The setting names the file, so a folder that is later unplugged still reads as
        # the seal's folder being gone, not as a file that was never written.
        text = str(anchor_places.seal_file(target, Path(store.path).stem))
    store.set_setting(SETTING, text)
    if text:  # kept outside the file too: a restore or a rewrite may drop the setting
        anchor_local.remember(Path(store.path), seal=Path(text))


def seal(store, to: str | Path | None = None) -> Sealed:
    """Append the current head (time, database, study) to the seal file; audited.

    Any logged-in user may seal: it changes nothing in the data and only adds a witness.
    """
    store.require(Action.VIEW_AUDIT)
    place = str(to) if to else store.setting(SETTING)
    if not place:
        raise StoreError("No seal file is set: give one with --to PATH, or have an "
                         "administrator set it (alsdesk seal --set-path PATH).")
    target = anchor_places.seal_file(Path(place), Path(store.path).stem).absolute()
    if not target.parent.is_dir():
        raise StoreError(f"The folder {target.parent} of the seal file is not there. If it is "
                         "on a USB stick or a network drive, check that it is connected.")
    head = anchor.of(store.conn)
    line = anchor_places.head_line(head, Path(store.path).name,
                                   anchor_places.identity(store.conn))
    try:
        anchor_places.append_line(target, line)
    except OSError as exc:
        raise StoreError(f"ALS Desk cannot write the seal file {target} "
                         f"({exc.strerror or exc}): nothing was sealed.") from None
    anchor_local.remember(Path(store.path), seal=target)
    with store.transaction():
        store.audit(ACTION, new_value=f"{head.label()} written to {target}")
    return Sealed(target, head)
