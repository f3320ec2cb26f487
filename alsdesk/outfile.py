"""Writing a file the user named (a PDF): never into a FIFO, a device or through a link.

The rules are those of the exports (alsdesk.exchange.dataset.Output): an existing name is
refused unless replacing was asked for (--force, or the save dialog's own question); only an
ordinary file is ever replaced, never a device, FIFO, socket or folder (as root, ``--out
/dev/null --force`` would otherwise replace /dev/null); and the bytes go to a temporary file
beside the target, renamed over it at the end, so a kill leaves no half-written PDF and a
symbolic link of that name is replaced itself, its target left untouched.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from alsdesk.errors import AlsDeskError
from alsdesk.outputs import refuse_program_file
from alsdesk.store.filekind import kind_of


class OutputRefused(AlsDeskError):
    """The file cannot be written there; the message says what to choose instead."""


def check_target(target: Path, *, force: bool) -> None:
    """Raise OutputRefused unless `target` may be written (see the module's rules)."""
    target = Path(target)
    if target.parent.exists() and not target.parent.is_dir():
        raise OutputRefused(f"{target.parent} is a file, not a folder: choose another place.")
    if not target.parent.is_dir():
        raise OutputRefused(f"The folder {target.parent} does not exist: create it or choose "
                            "another.")
    refuse_program_file(target)  # the database, a backup, a heads log: never, even --force
    kind = kind_of(target)  # follows a link: a link to a device is refused too
    if kind is not None:
        raise OutputRefused(f"{target} is {kind}: ALS Desk replaces only ordinary files. "
                            "Choose a new file name.")
    if os.path.lexists(target) and not force:
        raise OutputRefused(f"{target} already exists: choose another file name, or give "
                            "--force to replace it.")


def write_bytes(target: Path, data: bytes, *, force: bool) -> Path:
    """Write `data` to `target` all at once (temporary file, fsync, rename); returns it."""
    target = Path(target)
    check_target(target, force=force)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial",
                                   dir=target.parent)
    except OSError as exc:
        raise OutputRefused(f"Cannot write in {target.parent}: {exc.strerror}.") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600: as an ordinary new file
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputRefused(f"Cannot write {target}: {exc.strerror or exc}.") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
