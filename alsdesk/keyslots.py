"""The database key and who can unlock it (issue 20).

The file is encrypted with SQLCipher 4 (through sqlcipher3). Its passphrase is a random
**recovery key**, printed once for the study binder: SQLCipher derives the page key from it
(PBKDF2-HMAC-SHA512, 256,000 rounds, with the salt in the file's first 16 bytes), so DB
Browser for SQLite opens the file with the recovery key typed as its password, SQLCipher 4's
defaults.

Nobody types the recovery key day to day. The key file beside the database (`trial.db.keys`,
JSON) holds the **page key** itself (the derived key, not the recovery key) wrapped once per
account, in AES-256-GCM under a key that scrypt (memory-hard; 32 MiB, about 0.1 s) derives
from that account's user id and password. Any valid login unwraps its slot and opens the
file; a password change or reset re-wraps that account's slot only; deactivating an account
removes it. Because a slot gives the page key and never the recovery key (PBKDF2 is one
way), whoever can log in can read the file, as their login lets them, but cannot produce the
recovery key, which alone gives an administrator a new password (`alsdesk recover`).

A slot's label is an HMAC of the user id under the key file's salt: the program finds the
slot of the id typed (and counts wrong passwords against it) without the key. Whoever holds
the key file can test whether a given user id has a slot (user ids are printed in the audit
trail anyway); the file names no account and holds no key in the clear. A wrong password and
an unknown user id cost the same one scrypt and fail the same way (None).

The file records the database's salt (a key file beside another database is told as such)
and a checksum of its content (a damaged byte is told as damage, not as a wrong password).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from alsdesk.errors import AlsDeskError

FORMAT = 2  # 2: slots wrap the page key (1, never in use, wrapped the recovery key)
SUFFIX = ".keys"
# scrypt: n = 2**15, r = 8 (32 MiB of memory per guess), p = 1
SCRYPT = {"n": 2 ** 15, "r": 8, "p": 1}
_MAXMEM = 64 * 1024 * 1024
# SQLCipher 4's default key derivation (what DB Browser for SQLite uses with its defaults)
SQLCIPHER_ROUNDS = 256_000
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off paper and typed back
_GROUPS = 12  # 12 groups of 4: 48 characters, 240 bits of randomness, then a check group
_AD = b"alsdesk key slot 2"
_RECOVERY = b"alsdesk recovery check"


class KeyFileError(AlsDeskError):
    """The key file is damaged, of a newer format, or the recovery key is not one."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_recovery_key() -> str:
    """A new database passphrase: 12 groups of 4 letters and digits, then a check group."""
    body = "".join(secrets.choice(_ALPHABET) for _ in range(4 * _GROUPS))
    return _grouped(body + _check(body))


def _check(body: str) -> str:
    digest = hashlib.sha256(("alsdesk recovery " + body).encode("ascii")).digest()
    return "".join(_ALPHABET[b % len(_ALPHABET)] for b in digest[:4])


def _grouped(text: str) -> str:
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> str:
    """The recovery key as typed back from paper (any case, spaces or dashes), or
    KeyFileError saying it is not one: a slip is told apart from a wrong key."""
    typed = "".join(c for c in str(text).upper() if c.isalnum())
    if len(typed) != 4 * (_GROUPS + 1) or any(c not in _ALPHABET for c in typed):
        raise KeyFileError(f"That is not a recovery key: it has {4 * (_GROUPS + 1)} letters "
                           "and digits in 13 groups of 4 (no 0, O, 1 or I). Type it again "
                           "from the binder's page.")
    body, check = typed[:-4], typed[-4:]
    if not hmac.compare_digest(_check(body), check):
        raise KeyFileError("That recovery key has a typing slip (its last group does not "
                           "match the others): compare it with the binder's page, group by "
                           "group.")
    return _grouped(typed)


def raw_key(passphrase: str, salt: bytes) -> bytes:
    """The page key SQLCipher 4 derives from the passphrase and the file's salt (PBKDF2-
    HMAC-SHA512): given as a raw key, a connection opens without deriving it again."""
    if len(salt) != 16:
        raise ValueError("SQLCipher's salt is the file's first 16 bytes")
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, SQLCIPHER_ROUNDS,
                               32)


@dataclass(frozen=True)
class Slot:
    label: str  # HMAC of the user id under the key file's salt, hex
    nonce: str
    wrapped: str


def _checksum(body: dict) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass
class KeyFile:
    salt: str  # of the labels and of every slot's scrypt, base64
    database_salt: str  # the database's own salt (its first 16 bytes), hex
    recovery: str  # HMAC of a fixed text under the page key: the recovery key's check, hex
    slots: list[Slot] = field(default_factory=list)
    format: int = FORMAT

    # -- who is who ---------------------------------------------------------------------
    def label(self, user_id: str) -> str:
        return hmac.new(_unb64(self.salt), b"slot:" + user_id.encode("utf-8"),
                        hashlib.sha256).hexdigest()

    def has(self, user_id: str) -> bool:
        label = self.label(user_id)
        return any(s.label == label for s in self.slots)

    def _kek(self, user_id: str, secret: str) -> bytes:
        return hashlib.scrypt(user_id.encode("utf-8") + b"\0" + secret.encode("utf-8"),
                              salt=_unb64(self.salt), dklen=32, maxmem=_MAXMEM, **SCRYPT)

    # -- slots ----------------------------------------------------------------------------
    def unlock(self, user_id: str, password: str) -> bytes | None:
        """The page key this login unwraps, or None (wrong password, unknown user id: the
        same answer, and the same time, one scrypt)."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        aead = AESGCM(self._kek(str(user_id), str(password)))
        label = self.label(str(user_id))
        for slot in self.slots:
            if slot.label != label:
                continue
            try:
                raw = aead.decrypt(_unb64(slot.nonce), _unb64(slot.wrapped),
                                   _AD + bytes.fromhex(label))
            except (InvalidTag, ValueError):
                continue
            if self._checks(raw):
                return raw
        return None

    def _checks(self, raw: bytes) -> bool:
        mac = hmac.new(raw, _RECOVERY, hashlib.sha256).hexdigest()
        return hmac.compare_digest(mac, self.recovery)

    def recover(self, recovery_key: str) -> bytes:
        """The page key from the recovery key typed back (checked against this file: a
        recovery key of another database is refused, the key file unchanged)."""
        raw = raw_key(parse_recovery_key(recovery_key), bytes.fromhex(self.database_salt))
        if not self._checks(raw):
            raise KeyFileError("That recovery key is not this database's: check that the "
                               "binder's page is of this study's file.")
        return raw

    def put(self, raw: bytes, user_id: str, password: str) -> None:
        """Wrap the page key for this account, replacing its slot if it had one (a
        password change or reset): only that slot changes."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if not self._checks(raw):
            raise KeyFileError("That is not this database's key: no slot was made.")
        label = self.label(user_id)
        nonce = os.urandom(12)
        wrapped = AESGCM(self._kek(user_id, password)).encrypt(nonce, raw,
                                                               _AD + bytes.fromhex(label))
        slot = Slot(label, _b64(nonce), _b64(wrapped))
        self.slots = [s for s in self.slots if s.label != label] + [slot]

    def remove(self, user_id: str) -> bool:
        """Take an account's slot out (deactivated); whether it had one."""
        label = self.label(user_id)
        before = len(self.slots)
        self.slots = [s for s in self.slots if s.label != label]
        return len(self.slots) != before

    def of_database(self, db_salt: bytes | None, path: Path) -> "KeyFile":
        """This key file, or KeyFileError when it is another database's (its salt differs
        from the file's own)."""
        if db_salt is None or db_salt.hex() != self.database_salt:
            raise KeyFileError(f"The key file beside {path} is another database's (or the "
                               "database is not the one it was made for): nothing was "
                               "changed. Put back the key file that came with this database "
                               "(each backup has its own beside it), or open the file with "
                               "its recovery key ('alsdesk recover').")
        return self

    # -- the file -------------------------------------------------------------------------
    @classmethod
    def new(cls, raw: bytes, db_salt: bytes) -> "KeyFile":
        """A key file for the database whose page key and salt these are (no slot yet)."""
        return cls(_b64(os.urandom(16)), db_salt.hex(),
                   hmac.new(raw, _RECOVERY, hashlib.sha256).hexdigest())

    def _body(self) -> dict:
        return {"format": self.format, "kdf": {"name": "scrypt", **SCRYPT},
                "cipher": "AES-256-GCM", "salt": self.salt,
                "database_salt": self.database_salt, "recovery": self.recovery,
                "slots": [vars(s) for s in self.slots]}

    def text(self) -> str:
        body = self._body()
        return json.dumps({**body, "checksum": _checksum(body)}, indent=1) + "\n"

    @classmethod
    def read(cls, path: Path) -> "KeyFile":
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise KeyFileError(f"The key file {path} is missing: the database cannot be "
                               "opened with a password without it. Copy it back from beside "
                               "the latest backup (each backup has its own), or open the "
                               "file with the recovery key ('alsdesk recover').") from None
        except (OSError, ValueError, UnicodeError) as exc:
            raise _damaged(path, exc) from None
        if not isinstance(raw, dict) or not isinstance(raw.get("format"), int):
            raise KeyFileError(f"The key file {path} is damaged (no format): nothing was "
                               "changed. Copy it back from beside the latest backup, or open "
                               "the file with the recovery key ('alsdesk recover').")
        if raw["format"] > FORMAT:
            raise KeyFileError(f"The key file {path} was written by a newer ALS Desk (format "
                               f"{raw['format']}; this one reads up to {FORMAT}): install the "
                               "newer version. Nothing was changed.")
        try:
            if raw["format"] != FORMAT:
                raise ValueError(f"format {raw['format']} is a test version's")
            if raw.get("kdf") != {"name": "scrypt", **SCRYPT} or raw.get(
                    "cipher") != "AES-256-GCM":
                raise ValueError("its key derivation or cipher is not this program's")
            body = {k: v for k, v in raw.items() if k != "checksum"}
            if raw.get("checksum") != _checksum(body):
                raise ValueError("its checksum does not match its content")
            slots = [Slot(str(s["label"]), str(s["nonce"]), str(s["wrapped"]))
                     for s in raw["slots"]]
            keys = cls(str(raw["salt"]), str(raw["database_salt"]), str(raw["recovery"]),
                       slots, raw["format"])
            _unb64(keys.salt), bytes.fromhex(keys.database_salt), bytes.fromhex(keys.recovery)
            for s in slots:
                _unb64(s.nonce), _unb64(s.wrapped), bytes.fromhex(s.label)
        except (KeyError, TypeError, ValueError) as exc:
            raise _damaged(path, exc) from None
        return keys

    def write(self, path: Path) -> None:
        """Replace the key file whole (a temporary file beside it, synced, renamed over it):
        a kill leaves the old one or the new one, never half of either."""
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(self.text())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        try:
            fd = os.open(path.parent, os.O_RDONLY)
        except OSError:
            return  # (Windows: a folder cannot be opened to sync)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _damaged(path: Path, exc: object) -> KeyFileError:
    return KeyFileError(f"The key file {path} is damaged ({exc}): nothing was changed. Copy "
                        "it back from beside the latest backup (each backup has its own), or "
                        "open the file with the recovery key ('alsdesk recover').")


def key_file(db: Path) -> Path:
    """Where a database's key file lives: beside it, the database's name and .keys."""
    db = Path(db)
    return db.with_name(db.name + SUFFIX)
