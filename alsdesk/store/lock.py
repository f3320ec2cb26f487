"""One writer per database: a lock file beside it says who has it open, where and since when.

``trial.db`` is guarded by ``trial.db.lock``. The instance that opens the database for writing
holds an operating-system lock on that file for as long as it is open and writes its host
name, process id, account and start time into it. The OS lock is what decides: the kernel
drops it when a process ends for any reason, so a lock file left by a crashed or killed
instance is recognised as stale on the next start and taken over. The text in the file only
serves to tell the next person who is working on the database.

Where the OS lock cannot be trusted, the decision is cautious:

- file systems without OS locks: a lock naming this computer is stale only when its process
  is gone; one naming another computer is treated as live;
- a lock naming another computer is treated as live even when the OS lock is free, because
  some network shares do not pass locks between computers. Only a person can decide that
  the other computer has crashed: ``acquire(take_over=True)``.

Within one process the lock is shared: a second Store on the same file in the same program
(a worker thread's own connection) is allowed and SQLite orders their transactions. An
``exclusive`` acquisition (restore, replacing the demo file) refuses even that.
"""
from __future__ import annotations

import errno
import getpass
import json
import os
import socket
import stat
import sys
import threading
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from alsdesk import __version__
from alsdesk.errors import DatabaseInUse, ReadOnlyDatabase, StoreError
from alsdesk.i18n import tr

LOCK_SUFFIX = ".lock"
# Windows locks byte ranges and a locked range cannot be read by others, so the lock sits
# far beyond the text that tells who holds it.
_WIN_LOCK_OFFSET = 1 << 30
# A lock file is opened without following a symbolic link: one planted in its place (an
# insider's trick) would make us write our note over whatever file it points to.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
# Nor does opening wait: a FIFO planted there would block the open for ever.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


@dataclass(frozen=True)
class LockInfo:
    """Who holds (or held) a database open for writing."""

    host: str
    pid: int
    os_user: str
    since: str  # UTC ISO 8601
    user_id: str | None = None  # the ALS Desk account logged in, once someone has
    full_name: str | None = None
    program: str = f"ALS Desk {__version__}"

    @property
    def on_this_host(self) -> bool:
        return self.host.casefold() == _hostname().casefold()

    def who(self) -> str:
        if self.full_name and self.user_id:
            return f"{self.full_name} ({self.user_id})"
        if self.user_id:
            return self.user_id
        return tr("the computer account '{account}' (nobody logged in to ALS Desk "
                  "yet)").format(account=self.os_user)

    def since_text(self) -> str:
        return _local_time(self.since)

    def describe(self) -> str:
        """'Nora Nurse (nurse) on CLINIC-2 since 14:03 today (process 4711)'."""
        if self.on_this_host:
            return tr("{who} on this computer since {since} (process {pid})").format(
                who=self.who(), since=self.since_text(), pid=self.pid)
        return tr("{who} on the computer {host} since {since} (process {pid})").format(
            who=self.who(), host=self.host, since=self.since_text(), pid=self.pid)


def lock_path(db_path: Path | str) -> Path:
    return Path(str(db_path) + LOCK_SUFFIX)


def read_holder(db_path: Path | str) -> LockInfo | None:
    """What the lock file says (None when there is none); does not tell whether it is live."""
    try:
        fd = os.open(lock_path(db_path), os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError:
        return None
    try:
        return _parse(_read_all(fd)) if _plain_file(fd) else None
    except OSError:
        return None
    finally:
        _close_quietly(fd)


def current_holder(db_path: Path | str) -> LockInfo | None:
    """The live holder of the write lock, or None when nobody is writing (read-only banner)."""
    path = lock_path(db_path)
    key = _key(Path(db_path))
    with _REGISTRY_GUARD:
        held = _REGISTRY.get(key)
        if held is not None:
            return held.info
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError:
        return None
    try:
        if not _plain_file(fd):
            return _unknown_holder()  # a planted link or device: nobody may write meanwhile
        info = _parse(_read_all(fd))
        got = _os_lock(fd, shared=True)
        if got is True:
            _os_unlock(fd)
            # Free OS lock: nobody here holds it; only a lock naming another computer may
            # still be live (see the module docstring).
            return info if info is not None and not info.on_this_host else None
        if got is None and info is not None and info.on_this_host and not pid_alive(info.pid):
            return None
        return info or _unknown_holder()
    finally:
        os.close(fd)


class DbLock:
    """A held write lock; :meth:`release` it when the database is closed."""

    def __init__(self, held: _Held) -> None:
        self._held: _Held | None = held

    @property
    def info(self) -> LockInfo:
        assert self._held is not None
        return self._held.info

    @property
    def stale(self) -> LockInfo | None:
        """The holder of a stale lock that was cleared when this one was taken, if any."""
        return self._held.stale if self._held else None

    @property
    def path(self) -> Path:
        assert self._held is not None
        return self._held.path

    @classmethod
    def acquire(cls, db_path: Path | str, *, take_over: bool = False,
                exclusive: bool = False) -> DbLock:
        """Take the write lock of a database or raise DatabaseInUse / ReadOnlyDatabase."""
        db_path = Path(db_path)
        key = _key(db_path)
        with _REGISTRY_GUARD:
            held = _REGISTRY.get(key)
            if held is not None:
                if exclusive or held.exclusive:
                    raise DatabaseInUse(
                        tr("The database {path} is open in this ALS Desk window: close it "
                           "first, then try again.").format(path=db_path), held.info)
                held.count += 1
                return cls(held)
            held = _take(db_path, take_over)
            held.exclusive = exclusive
            _REGISTRY[key] = held
            return cls(held)

    def set_user(self, user_id: str | None, full_name: str | None) -> None:
        """Name the ALS Desk user in the lock file (after a login; None after a logout)."""
        held = self._held
        if held is None:
            return
        with _REGISTRY_GUARD:
            held.info = replace(held.info, user_id=user_id, full_name=full_name)
            try:
                _write_info(held.fd, held.info)
            except OSError:
                pass  # the lock itself still holds; only the note for others is out of date

    def release(self) -> None:
        """Give the lock back; the last release in this process removes the lock file."""
        held, self._held = self._held, None
        if held is None:
            return
        with _REGISTRY_GUARD:
            held.count -= 1
            if held.count > 0:
                return
            _REGISTRY.pop(held.key, None)
            _drop(held)


# --- the lock file ---------------------------------------------------------------------


@dataclass
class _Held:
    key: str
    path: Path
    fd: int
    info: LockInfo
    stale: LockInfo | None
    count: int = 1
    exclusive: bool = False


_REGISTRY: dict[str, _Held] = {}
_REGISTRY_GUARD = threading.RLock()


def _key(db_path: Path) -> str:
    return os.path.normcase(os.path.realpath(db_path))


def _take(db_path: Path, take_over: bool) -> _Held:
    path = lock_path(db_path)
    cleared: LockInfo | None = None
    for _attempt in range(5):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW | _NONBLOCK, 0o644)
        except PermissionError as exc:
            if path.exists() and os.access(path.parent, os.W_OK | os.X_OK):
                # Left by another computer account: ours to remove once it is stale.
                cleared = _remove_foreign(db_path, path, take_over) or cleared
                continue
            raise _cannot_create(db_path, path, exc) from None
        except OSError as exc:
            if exc.errno == errno.ELOOP or path.is_symlink():
                raise _not_plain(db_path, path) from None
            raise _cannot_create(db_path, path, exc) from None
        if not _plain_file(fd):
            # Checked before anything is written or its permissions changed: a hard link
            # to another file would otherwise have that file overwritten (or chmod-ed).
            _close_quietly(fd)
            raise _not_plain(db_path, path)
        _share_like_database(fd, db_path)
        try:
            got = _os_lock(fd, shared=False)
            old = _parse(_read_all(fd))
            if got is False:
                raise DatabaseInUse(_in_use_message(db_path, old), old or _unknown_holder())
            if not _same_file(fd, path):
                # The holder released (and removed) the file between our open and our lock:
                # this handle is on a deleted file, so start again.
                os.close(fd)
                continue
            stale = cleared
            if old is not None:
                if not _is_stale(old, os_lock_free=got is True) and not take_over:
                    raise DatabaseInUse(_in_use_message(db_path, old, maybe_stale=True), old)
                stale = old
            info = LockInfo(host=_hostname(), pid=os.getpid(), os_user=_os_user(),
                            since=_utc_now())
            _write_info(fd, info)
            return _Held(_key(db_path), path, fd, info, stale)
        except BaseException:
            _close_quietly(fd)
            raise
    raise StoreError(tr("The lock file {path} keeps changing: another program is opening "
                        "and closing the database. Try again in a moment.").format(path=path))


def _remove_foreign(db_path: Path, path: Path, take_over: bool) -> LockInfo | None:
    """Remove a lock file this account may not write, if it is stale; its holder, if any."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _not_plain(db_path, path) from None
        raise _cannot_create(db_path, path, exc) from None
    if not _plain_file(fd):
        _close_quietly(fd)
        raise _not_plain(db_path, path)
    try:
        got = _os_lock(fd, shared=True)
        old = _parse(_read_all(fd))
        if got is False:
            raise DatabaseInUse(_in_use_message(db_path, old), old or _unknown_holder())
        if old is not None and not _is_stale(old, os_lock_free=got is True) and not take_over:
            raise DatabaseInUse(_in_use_message(db_path, old, maybe_stale=True), old)
        if _same_file(fd, path):
            path.unlink(missing_ok=True)
        return old
    finally:
        _os_unlock(fd)
        _close_quietly(fd)


def _share_like_database(fd: int, db_path: Path) -> None:
    """Give the lock file the database's permissions: whoever may write the database may take
    over a stale lock of another account."""
    if os.name != "posix":
        return
    try:
        os.fchmod(fd, os.stat(db_path).st_mode & 0o666)
    except OSError:
        pass  # not our file, or no database yet: the umask's permissions stay


def _is_stale(old: LockInfo, *, os_lock_free: bool) -> bool:
    if old.pid == 0:  # unreadable note (a crash while it was written): the OS lock decides
        return os_lock_free
    if not old.on_this_host:
        return False
    if os_lock_free:
        return True
    return not pid_alive(old.pid)


def _drop(held: _Held) -> None:
    if sys.platform.startswith("win"):
        _os_unlock(held.fd)
        _close_quietly(held.fd)
        try:
            held.path.unlink()
        except OSError:
            pass  # another instance opened it meanwhile and now owns it
        return
    try:
        if _same_file(held.fd, held.path):
            held.path.unlink()
    except OSError:
        pass  # a lock file that stays behind is recognised as stale next time
    _os_unlock(held.fd)
    _close_quietly(held.fd)


def _plain_file(fd: int) -> bool:
    """An ordinary file with one name: not a device or pipe, not a hard link to another file."""
    st = os.fstat(fd)
    return stat.S_ISREG(st.st_mode) and st.st_nlink <= 1


def _not_plain(db_path: Path, path: Path) -> StoreError:
    return StoreError(
        tr("The lock file {lock} of the database {path} is not an ordinary file (it is a "
           "link to another file, or a device): ALS Desk will not write through it. Nobody "
           "creates such a file by accident: ask the workstation's administrator to check who "
           "put it there and to delete it, then open the database again.").format(
            lock=path, path=db_path)
    )


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def _write_info(fd: int, info: LockInfo) -> None:
    # Overwrite, then cut: a kill in between leaves the new note followed by the end of the
    # old one, which _parse reads fine. Truncating first would leave an empty note behind.
    data = json.dumps(asdict(info), ensure_ascii=False, indent=1).encode("utf-8")
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)
    os.ftruncate(fd, len(data))
    os.fsync(fd)


def _read_all(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
        if sum(map(len, chunks)) > 1 << 20:
            break
    return b"".join(chunks)


def _parse(data: bytes) -> LockInfo | None:
    if not data.strip():
        return None
    try:
        raw, _end = json.JSONDecoder().raw_decode(data.decode("utf-8", "replace").lstrip())
        return LockInfo(host=str(raw["host"]), pid=int(raw["pid"]),
                        os_user=str(raw.get("os_user") or "?"), since=str(raw["since"]),
                        user_id=raw.get("user_id"), full_name=raw.get("full_name"),
                        program=str(raw.get("program") or "ALS Desk"))
    except (ValueError, KeyError, TypeError):
        return _unknown_holder()


def _unknown_holder() -> LockInfo:
    return LockInfo(host="?", pid=0, os_user="?", since="", program="?")


def _cannot_create(db_path: Path, path: Path, exc: OSError) -> StoreError:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyDatabase(
            tr("The folder {folder} is read-only for this account, so ALS Desk cannot save "
               "changes to the database there. You can open it read-only to look at it; to "
               "work on it, ask the workstation's administrator for write access to the "
               "folder, or copy the database to a folder you can write to.").format(
                folder=db_path.parent)
        )
    if exc.errno == errno.ENOSPC:
        from alsdesk.errors import DiskFull

        return DiskFull(tr("The disk holding {path} is full: free some space, then open the "
                           "database again.").format(path=db_path))
    return StoreError(tr("The database {path} cannot be opened for writing: the lock file "
                         "{lock} cannot be created ({error}).").format(
        path=db_path, lock=path, error=exc.strerror))


def _in_use_message(db_path: Path, info: LockInfo | None, maybe_stale: bool = False) -> str:
    if info is None or info.pid == 0:
        who = tr("another ALS Desk (it has not yet said who)")
    else:
        who = info.describe()
    text = tr("The database {path} is in use by {who}. Only one ALS Desk at a time can "
              "change it. Close ALS Desk there first, or open the database read-only to look "
              "at it without changing anything.").format(path=db_path, who=who)
    if maybe_stale and info is not None and not info.on_this_host:
        there = info.host if info.pid else tr("the other computer")
        text += tr(" If ALS Desk is certainly no longer running on {there} (that computer "
                   "crashed or was switched off), you may take the database over.").format(
            there=there)
    return text


# --- operating-system specifics -------------------------------------------------------


def _os_lock(fd: int, shared: bool) -> bool | None:
    """True: locked; False: someone else holds it; None: this file system has no locks."""
    if sys.platform.startswith("win"):
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLK):
                return False
            return None
        return True
    import fcntl

    try:
        fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        return None
    return True


def _os_unlock(fd: int) -> None:
    try:
        if sys.platform.startswith("win"):
            import msvcrt

            os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass  # closing the file releases it anyway


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer."""
    if pid <= 0:
        return False
    if sys.platform.startswith("win"):
        return _win_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another account
    return True


def _win_pid_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.GetLastError() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _close_quietly(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass


def _hostname() -> str:
    return socket.gethostname() or "?"


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):
        return "?"


def _utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _local_time(iso: str) -> str:
    try:
        when = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return tr("an unknown time")
    if when.date() == datetime.now().astimezone().date():
        return tr("{time} today").format(time=when.strftime("%H:%M"))
    return when.strftime("%d %b %Y %H:%M")
