"""The database key and who can unlock it (issue 20, its first part: not yet used by the
store, which does not encrypt yet).

The file is to be encrypted with SQLCipher 4 (through the sqlcipher3 binding): its key is
a random passphrase, the **recovery key**, printed once for the study binder. SQLCipher
derives the page key from that passphrase (PBKDF2-HMAC-SHA512, 256,000 rounds, with the
salt in the file's first 16 bytes), so DB Browser for SQLite opens the file with the
recovery key typed as its password, SQLCipher 4's defaults; the program derives it once per
login (raw_key) instead of once per connection.

Nobody types the recovery key day to day: it is wrapped once per account, with a key derived
from that account's user id and password by scrypt (memory-hard; 32 MiB, about 0.1 s), in
AES-256-GCM, in a key file beside the database (`trial.db.keys`, JSON). Any valid login
unwraps its slot; a password change or reset re-wraps that account's slot only;
deactivating an account removes it. The slots are not labelled with user ids: a slot's label
is an HMAC of the user id under the database key, so the key file tells nobody without a
key which accounts exist, and a login tries every slot with the one key its password gives
(one scrypt per login, whatever the number of accounts). A wrong password and an unknown
user id therefore fail the same way (None), as they do on a plain file.
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

FORMAT = 1
SUFFIX = ".keys"
# scrypt: n = 2**15, r = 8 (32 MiB of memory per guess), p = 1
SCRYPT = {"n": 2 ** 15, "r": 8, "p": 1}
_MAXMEM = 64 * 1024 * 1024
# SQLCipher 4's default key derivation (what DB Browser for SQLite uses with its defaults)
SQLCIPHER_ROUNDS = 256_000
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off paper and typed back
_GROUPS = 12  # 12 groups of 4: 48 characters, 240 bits of randomness, then a check group
_AD = b"alsdesk key slot 1"


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
    label: str  # HMAC of the user id under the database key, hex ("recovery" for none)
    nonce: str
    wrapped: str


@dataclass
class KeyFile:
    salt: str  # of every slot's scrypt (a user id in each input keeps their keys apart)
    slots: list[Slot] = field(default_factory=list)
    format: int = FORMAT

    # -- who is who, with the key --------------------------------------------------------
    @staticmethod
    def label(passphrase: str, user_id: str) -> str:
        return hmac.new(passphrase.encode("utf-8"), b"slot:" + user_id.encode("utf-8"),
                        hashlib.sha256).hexdigest()

    def _kek(self, user_id: str, secret: str) -> bytes:
        return hashlib.scrypt(user_id.encode("utf-8") + b"\0" + secret.encode("utf-8"),
                              salt=_unb64(self.salt), dklen=32, maxmem=_MAXMEM, **SCRYPT)

    # -- slots -----------------------------------------------------------------------------
    def unlock(self, user_id: str, password: str) -> str | None:
        """The database passphrase this login unwraps, or None (wrong password, unknown user
        id: the same answer, and the same time, one scrypt)."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        aead = AESGCM(self._kek(user_id, password))
        for slot in self.slots:
            try:
                key = aead.decrypt(_unb64(slot.nonce), _unb64(slot.wrapped), _AD)
            except (InvalidTag, ValueError):
                continue
            passphrase = key.decode("utf-8")
            if hmac.compare_digest(slot.label, self.label(passphrase, user_id)):
                return passphrase
        return None

    def recover(self, recovery_key: str) -> str:
        """The passphrase itself, checked against the slots (a recovery key of another
        file is refused, the key file unchanged)."""
        key = parse_recovery_key(recovery_key)
        check = self.label(key, "")
        if not any(hmac.compare_digest(s.label, check) for s in self.slots):
            raise KeyFileError("That recovery key is not this database's: check that the "
                               "binder's page is of this study's file.")
        return key

    def put(self, passphrase: str, user_id: str, password: str) -> None:
        """Wrap the passphrase for this account, replacing its slot if it had one (a
        password change or reset): only that slot changes."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        label = self.label(passphrase, user_id)
        nonce = os.urandom(12)
        wrapped = AESGCM(self._kek(user_id, password)).encrypt(
            nonce, passphrase.encode("utf-8"), _AD)
        slot = Slot(label, _b64(nonce), _b64(wrapped))
        self.slots = [s for s in self.slots if s.label != label] + [slot]

    def remove(self, passphrase: str, user_id: str) -> bool:
        """Take an account's slot out (deactivated); whether it had one."""
        label = self.label(passphrase, user_id)
        before = len(self.slots)
        self.slots = [s for s in self.slots if s.label != label]
        return len(self.slots) != before

    # -- the file --------------------------------------------------------------------------
    @classmethod
    def new(cls, passphrase: str) -> "KeyFile":
        """A key file whose only entry proves the recovery key (the check slot, labelled
        with the empty user id: it wraps nothing a password opens)."""
        keys = cls(_b64(os.urandom(16)))
        keys.slots.append(Slot(cls.label(passphrase, ""), "", ""))
        return keys

    def text(self) -> str:
        return json.dumps({"format": self.format, "kdf": {"name": "scrypt", **SCRYPT},
                           "cipher": "AES-256-GCM", "salt": self.salt,
                           "slots": [vars(s) for s in self.slots]}, indent=1) + "\n"

    @classmethod
    def read(cls, path: Path) -> "KeyFile":
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise KeyFileError(f"The key file {path} is missing: the database cannot be "
                               "opened without it. Restore it from the latest backup (it is "
                               "backed up with the database), or open the file with the "
                               "recovery key.") from None
        except (OSError, ValueError, UnicodeError) as exc:
            raise KeyFileError(f"The key file {path} is damaged ({exc}): nothing was "
                               "changed. Restore it from the latest backup, or open the file "
                               "with the recovery key.") from None
        if not isinstance(raw, dict) or not isinstance(raw.get("format"), int):
            raise KeyFileError(f"The key file {path} is damaged (no format): nothing was "
                               "changed. Restore it from the latest backup.")
        if raw["format"] > FORMAT:
            raise KeyFileError(f"The key file {path} was written by a newer ALS Desk (format "
                               f"{raw['format']}; this one reads up to {FORMAT}): install the "
                               "newer version. Nothing was changed.")
        try:
            if raw.get("kdf") != {"name": "scrypt", **SCRYPT} or raw.get(
                    "cipher") != "AES-256-GCM":
                raise ValueError("its key derivation or cipher is not this program's")
            slots = [Slot(str(s["label"]), str(s["nonce"]), str(s["wrapped"]))
                     for s in raw["slots"]]
            _unb64(raw["salt"])
            for s in slots:
                _unb64(s.nonce), _unb64(s.wrapped), bytes.fromhex(s.label)
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileError(f"The key file {path} is damaged ({exc}): nothing was "
                               "changed. Restore it from the latest backup, or open the file "
                               "with the recovery key.") from None
        return cls(raw["salt"], slots, raw["format"])

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


def key_file(db: Path) -> Path:
    """Where a database's key file lives: beside it, the database's name and .keys."""
    db = Path(db)
    return db.with_name(db.name + SUFFIX)
