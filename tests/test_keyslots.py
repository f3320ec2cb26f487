"""The database key's slots (issue 20): every account's password unwraps the one page key
(never the recovery key), a wrong password or an unknown user id fails alike, a password
change re-wraps one slot, deactivating removes one, the recovery key is checked as typed,
and a damaged, newer or another database's key file is refused in words, nothing changed."""
from __future__ import annotations

import json

import pytest

from alsdesk.keyslots import FORMAT, KeyFile, KeyFileError, key_file, new_recovery_key, \
    parse_recovery_key, raw_key

ACCOUNTS = {"admin": "Ada-admin-77", "nurse": "Nora-nurse-77", "inv": "Ivan-inv-77",
            "mon": "Mona-mon-77"}


SALT = bytes(range(16))  # the database's (its first 16 bytes)


@pytest.fixture(scope="module")
def made():
    key = new_recovery_key()
    raw = raw_key(key, SALT)
    keys = KeyFile.new(raw, SALT)
    for user, password in ACCOUNTS.items():
        keys.put(raw, user, password)
    return key, raw, keys


def test_each_account_unwraps_the_page_key_never_the_recovery_key(made):
    key, raw, keys = made
    for user, password in ACCOUNTS.items():
        assert keys.unlock(user, password) == raw != key.encode()
    # what a slot gives cannot be turned into the recovery key, which alone recovers
    assert keys.recover(key) == raw
    with pytest.raises(KeyFileError):
        keys.put(raw_key(new_recovery_key(), SALT), "mallory", "Mallory-pass-77")


def test_a_wrong_password_and_an_unknown_account_fail_alike(made):
    _key, _raw, keys = made
    assert keys.unlock("nurse", "Nora-nurse-78") is None
    assert keys.unlock("nobody", "Nora-nurse-77") is None
    assert keys.unlock("inv", ACCOUNTS["nurse"]) is None  # another's password


def test_the_key_file_names_no_account_and_holds_no_key(made, tmp_path):
    key, raw, keys = made
    path = key_file(tmp_path / "trial.db")
    assert path.name == "trial.db.keys"
    keys.write(path)
    text = path.read_text(encoding="utf-8")
    for word in (*ACCOUNTS, *ACCOUNTS.values(), key, key.replace("-", ""), raw.hex()):
        assert word not in text
    again = KeyFile.read(path)
    assert again.unlock("mon", ACCOUNTS["mon"]) == raw
    assert not list(tmp_path.glob("*.tmp"))  # written whole, through a renamed copy


def _copy(keys: KeyFile) -> KeyFile:
    return KeyFile(keys.salt, keys.database_salt, keys.recovery, list(keys.slots))


def test_a_password_change_rewraps_that_slot_only(made):
    _key, raw, keys = made
    copy = _copy(keys)
    others = {s for s in copy.slots if s.label != keys.label("nurse")}
    copy.put(raw, "nurse", "Nora-new-password-1")
    assert copy.unlock("nurse", ACCOUNTS["nurse"]) is None
    assert copy.unlock("nurse", "Nora-new-password-1") == raw
    assert others <= set(copy.slots) and len(copy.slots) == len(keys.slots)


def test_deactivating_removes_the_slot(made):
    _key, raw, keys = made
    copy = _copy(keys)
    assert copy.remove("mon") and not copy.remove("mon")
    assert copy.unlock("mon", ACCOUNTS["mon"]) is None
    assert copy.unlock("inv", ACCOUNTS["inv"]) == raw


def test_a_slot_moved_to_another_account_opens_nothing(made):
    """The label is bound into each slot's encryption: an insider who copies their own slot
    under another account's label does not get in as that account."""
    _key, _raw, keys = made
    copy = _copy(keys)
    nurse = next(s for s in copy.slots if s.label == keys.label("nurse"))
    copy.slots = [s for s in copy.slots if s.label != keys.label("admin")] + [
        type(nurse)(keys.label("admin"), nurse.nonce, nurse.wrapped)]
    assert copy.unlock("admin", ACCOUNTS["nurse"]) is None


def test_another_databases_key_file_is_told(made, tmp_path):
    _key, _raw, keys = made
    with pytest.raises(KeyFileError, match="another database's"):
        keys.of_database(bytes(16), tmp_path / "trial.db")
    assert keys.of_database(SALT, tmp_path / "trial.db") is keys


def test_the_recovery_key_as_typed_back_from_paper(made):
    key, raw, keys = made
    typed = key.lower().replace("-", " ")
    assert keys.recover(typed) == raw
    slip = key[:-1] + ("A" if key[-1] != "A" else "B")
    with pytest.raises(KeyFileError, match="typing slip"):
        keys.recover(slip)
    with pytest.raises(KeyFileError, match="13 groups of 4"):
        parse_recovery_key("not a key")
    with pytest.raises(KeyFileError, match="not this database's"):
        keys.recover(new_recovery_key())


def test_sqlciphers_key_derivation_is_pbkdf2_sha512():
    # the published SQLCipher 4 default: PBKDF2-HMAC-SHA512, 256,000 rounds, 32 bytes
    import hashlib

    salt = bytes(range(16))
    assert raw_key("passphrase", salt) == hashlib.pbkdf2_hmac("sha512", b"passphrase", salt,
                                                              256_000, 32)
    with pytest.raises(ValueError):
        raw_key("passphrase", b"short")


def _flip_wrapped(text: str) -> str:
    raw = json.loads(text)
    wrapped = raw["slots"][0]["wrapped"]
    raw["slots"][0]["wrapped"] = ("B" if wrapped[0] != "B" else "C") + wrapped[1:]
    return json.dumps(raw)


@pytest.mark.parametrize("damage, words", [
    (lambda t: t[: len(t) // 2], "damaged"),
    (lambda t: "[]", r"damaged \(no format\)"),
    (lambda t: t.replace(f'"format": {FORMAT}', f'"format": {FORMAT + 1}'), "newer ALS Desk"),
    (lambda t: t.replace('"n": 32768', '"n": 2'), "not this program's"),
    (lambda t: json.dumps({**json.loads(t), "salt": "@@"}), "damaged"),
    (_flip_wrapped, "checksum"),  # a damaged slot is damage, not a wrong password
])
def test_a_damaged_or_newer_key_file_is_refused_in_words_and_left(made, tmp_path, damage,
                                                                  words):
    _key, _raw, keys = made
    path = tmp_path / "trial.db.keys"
    path.write_text(damage(keys.text()), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(KeyFileError, match=words):
        KeyFile.read(path)
    assert path.read_bytes() == before


def test_a_missing_key_file_says_what_to_do(tmp_path):
    with pytest.raises(KeyFileError, match="missing.*recovery key"):
        KeyFile.read(tmp_path / "trial.db.keys")


def test_sqlcipher_opens_the_passphrases_file_with_the_raw_key_once_derived(tmp_path):
    """What DB Browser for SQLite does (the recovery key typed as the passphrase, SQLCipher
    4's defaults) and what the program is to do (the raw key derived once per login) open
    the same file; its bytes, its WAL and an online backup of it hold no planted name."""
    from sqlcipher3 import dbapi2 as sqlcipher

    key = new_recovery_key()
    path = tmp_path / "trial.db"
    conn = sqlcipher.connect(str(path))
    conn.execute("PRAGMA key = '%s'" % key)
    assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("CREATE TABLE pii (name TEXT, mrn TEXT, phone TEXT)")
    conn.execute("INSERT INTO pii VALUES ('Maryam Ahmadi', 'MRN-4471902', '+98 912 123 4567')")
    conn.commit()
    backup = sqlcipher.connect(str(tmp_path / "backup.db"))
    backup.execute("PRAGMA key = '%s'" % key)
    conn.backup(backup)
    backup.close()
    for name in ("trial.db", "trial.db-wal", "backup.db"):
        data = (tmp_path / name).read_bytes()
        assert data and not any(w in data for w in (b"Maryam", b"MRN-4471902", b"912 123"))
    salt = path.read_bytes()[:16]
    raw = raw_key(key, salt)
    fast = sqlcipher.connect(str(path))
    fast.execute("PRAGMA key = \"x'%s%s'\"" % (raw.hex(), salt.hex()))
    assert fast.execute("SELECT mrn FROM pii").fetchone() == ("MRN-4471902",)
    wrong = sqlcipher.connect(str(path))
    wrong.execute("PRAGMA key = '%s'" % new_recovery_key())
    with pytest.raises(sqlcipher.DatabaseError):
        wrong.execute("SELECT count(*) FROM sqlite_master").fetchone()
    for c in (conn, fast, wrong):
        c.close()
