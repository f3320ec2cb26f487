"""Encryption at rest as its people meet it (issue 20): a new database, its WAL, its backups
and its key file hold none of a planted name, record number or phone number; each role
opens the file with its own password; a password reset, a deactivation and the recovery key
do what they say; a wrong password reads as on a plain file; a damaged key file or a wrong
recovery key is told and changes nothing; a plain file converts, verifies, and survives a
kill at any moment of its conversion. Each opening starts from a process that knows no key
(sqldb.forget), as a program started afresh would."""
from __future__ import annotations

import hashlib
import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from alsdesk import backup
from alsdesk.auth import Role
from alsdesk.errors import AlsDeskError, AuthError, PermissionDenied, StoreError
from alsdesk.keyslots import KeyFileError, key_file
from alsdesk.store import Store, convert, encryption, sqldb
from alsdesk.store.sqldb import driver as sqlite3
from tests.conftest import demo_template  # noqa: F401 - fixture
from tests.test_cipher import PLANTED, plain  # noqa: F401 - a demo copy with identifiers

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "Correct-horse-9"
ROLES = {Role.NURSE: "nora", Role.INVESTIGATOR: "ivan", Role.MONITOR: "mona"}


def _pw(user: str) -> str:
    """Each account's own password (not containing its id)."""
    return {"admin": PASSWORD, "nora": "Bedside-lamp-71", "ivan": "Quiet-river-62",
            "mona": "Paper-trail-53"}[user]


def _sha(*paths: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "-" for p in paths]


def _holds_none(path: Path) -> None:
    data = path.read_bytes()
    for value in PLANTED.values():
        assert value.encode() not in data, (path.name, value)
        assert value.encode("utf-16-le") not in data, (path.name, value)


def _fresh() -> None:
    """As a program started afresh: no key known."""
    sqldb.forget()


def _open(path: Path, user_id: str, password: str) -> Store:
    _fresh()
    if not encryption.unlock(path, user_id, password):
        raise AuthError("wrong")
    store = Store.open(path)
    store.login(user_id, password)
    return store


@pytest.fixture
def made(tmp_path):
    """An encrypted database with an account of each role and a subject whose
    identifiers are planted, the store still open (its WAL holds the latest pages)."""
    path = tmp_path / "trial.db"
    store = Store.create(path, admin=("admin", "Ada Admin", PASSWORD), encrypt=True)
    store.login("admin", PASSWORD)
    for role, user in ROLES.items():
        store.users.add(user, f"{user.title()} Person", role, _pw(user))
    store.login("nora", _pw("nora"))
    code = store.subjects.create("MP").code
    store.forms.save(code, "screening", "pii", PLANTED)
    yield path, store
    store.close()


def test_the_file_its_wal_its_backup_and_key_file_hold_no_identifier(made, tmp_path):
    path, store = made
    assert store.recovery_key and encryption.is_encrypted(path)
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0  # the planted page is there, encrypted
    info = backup.make_backup(path, tmp_path / "copy.db")
    for each in (path, wal, info.path, key_file(path), key_file(info.path)):
        _holds_none(each)
    assert key_file(info.path).read_bytes() == key_file(path).read_bytes()
    # No account is named in the key file either.
    text = key_file(path).read_text()
    for user in ("admin", *ROLES.values()):
        assert f'"{user}"' not in text and user.encode().hex() not in text
    store.close()
    # Nor in any backup the program made by itself, nor a plain SQLite look without a key.
    for copy in path.parent.rglob("*.db"):
        _holds_none(copy)
    _fresh()
    with pytest.raises(sqldb.Encrypted):
        sqlite3.connect(info.path)
    import sqlite3 as stdlib  # what any SQLite browser is: it sees no database

    look = stdlib.connect(f"file:{info.path}?mode=ro", uri=True)
    with pytest.raises(stdlib.DatabaseError, match="not a database"):
        look.execute("SELECT count(*) FROM sqlite_master").fetchone()
    look.close()


def test_the_backup_opens_with_a_login_and_restores(made, tmp_path):
    path, store = made
    info = backup.make_backup(path, tmp_path / "copy.db")
    store.close()
    copy = _open(info.path, "mona", _pw("mona"))  # its own key file opens it
    assert copy.conn.execute("SELECT mrn FROM pii").fetchone() == (PLANTED["mrn"],)
    assert copy.verify().ok
    copy.close()


def test_each_role_opens_the_file_with_its_own_password(made):
    path, store = made
    store.close()
    for user, role in [("admin", Role.ADMIN)] + [(u, r) for r, u in ROLES.items()]:
        opened = _open(path, user, _pw(user))
        assert opened.role is role
        if role.value != "monitor":
            assert opened.conn.execute("SELECT fullname FROM pii").fetchone() == \
                (PLANTED["fullname"],)
        opened.close()


def test_a_wrong_password_reads_as_on_a_plain_file(made, tmp_path, demo_template):
    path, store = made
    store.close()
    plain_db = tmp_path / "plain.db"
    shutil.copy(demo_template, plain_db)

    def said(db: Path, user: str) -> str:
        _fresh()
        run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "users",
                              "list", "--as", user, "--password-stdin"], input="Wrong-pass-1\n",
                             capture_output=True, text=True, cwd=ROOT)
        assert run.returncode == 1
        return run.stderr.strip()

    wrong = said(plain_db, "admin")
    assert "wrong" in wrong
    assert said(path, "admin") == wrong  # an existing account
    assert said(path, "nobody") == wrong  # an unknown one: the same words
    assert "encrypt" not in wrong.lower()
    # The attempts reach the trail when the file is next opened for writing.
    opened = _open(path, "admin", PASSWORD)
    rows = opened.conn.execute("SELECT field, reason FROM audit_trail WHERE action = "
                               "'user.login_failed'").fetchall()
    opened.close()
    # the attempt of the account, an unknown id's, and the account's count carried over
    assert [f for f, _r in rows] == ["admin", None, "admin"]
    assert "wrong password at the encrypted file's login (1)" in rows[0][1]
    assert "unwrapped no key" in rows[1][1]
    assert rows[2][1] == "wrong password at the encrypted file's login (1)"


def test_five_wrong_passwords_lock_the_account_at_the_door(made, tmp_path):
    """As on a plain file: the fifth wrong password locks the account for 15 minutes, the
    right one is then refused with the same words, and the lockout reaches the account and
    the trail at the next writable open; an unknown id is never locked."""
    path, store = made
    store.close()
    plain_db = tmp_path / "plain" / "trial.db"
    plain_db.parent.mkdir()
    Store.create(plain_db, admin=("admin", "Ada Admin", PASSWORD)).close()
    said = {}
    for db in (plain_db, path):
        words = []
        for attempt in range(5):
            _fresh()
            run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db),
                                  "users", "list", "--as", "admin", "--password-stdin"],
                                 input="Wrong-pass-1\n", capture_output=True, text=True,
                                 cwd=ROOT)
            words.append(run.stderr.strip())
        right = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db),
                                "users", "list", "--as", "admin", "--password-stdin"],
                               input=f"{PASSWORD}\n", capture_output=True, text=True,
                               cwd=ROOT)
        assert right.returncode == 1 and "locked" in right.stderr, right.stderr
        said[db] = words
    assert said[plain_db] == said[path]  # the same words, try by try
    assert "locked" in said[path][-1]
    _fresh()
    with pytest.raises(AuthError, match="wrong"):
        encryption.open_door(path, "nobody", "Wrong-pass-1")
    _fresh()
    assert encryption.unlock(path, "admin", PASSWORD)  # (the key, past the door's count)
    with Store.open(path) as opened:  # the writable open writes the count to the file
        locked = opened.conn.execute("SELECT count(*) FROM audit_trail WHERE action = "
                                     "'user.locked_out' AND field = 'admin'").fetchone()[0]
        until = opened.conn.execute("SELECT locked_until FROM users WHERE user_id = "
                                    "'admin'").fetchone()[0]
        with pytest.raises(AuthError, match="locked"):
            opened.login("admin", PASSWORD)
    assert locked == 1 and until


def test_reset_deactivate_and_the_recovery_key(made):
    path, store = made
    store.login("admin", PASSWORD)
    store.users.reset_password("nora", "Fresh-garden-41", "forgot it")
    store.users.set_active("ivan", False, "left the study")
    key = store.recovery_key
    store.close()
    _fresh()
    assert not encryption.unlock(path, "nora", _pw("nora"))  # the old one is gone
    assert encryption.unlock(path, "nora", "Fresh-garden-41")
    _fresh()
    assert not encryption.unlock(path, "ivan", _pw("ivan"))  # slot removed
    slots = json.loads(key_file(path).read_text())["slots"]
    assert len(slots) == 3  # admin, nora, mona (not ivan)
    # Every password lost: the recovery key gives the administrator a new one.
    _fresh()
    convert.recover(path, key.lower().replace("-", " "), "admin", "Binder-page-73",
                    "all passwords lost")
    opened = _open(path, "admin", "Binder-page-73")
    row = opened.conn.execute("SELECT user_id, reason FROM audit_trail WHERE action = "
                              "'user.password_reset' ORDER BY seq DESC LIMIT 1").fetchone()
    assert row == ("admin", "with the recovery key: all passwords lost")
    assert opened.verify().ok
    opened.close()
    _fresh()
    assert not encryption.unlock(path, "admin", PASSWORD)


def test_a_password_change_keeps_the_file_openable_if_the_save_fails(made, monkeypatch):
    """The new slot is added before the password is stored: a failing transaction puts
    the key file back, so the old password still opens the file."""
    path, store = made
    before = key_file(path).read_bytes()

    def fail(*_a, **_k):
        raise StoreError("disk gone")

    monkeypatch.setattr(store, "audit", fail)
    with pytest.raises(StoreError):
        store.users.change_own_password(_pw("nora"), "Another-lamp-52")
    assert key_file(path).read_bytes() == before
    monkeypatch.undo()
    store.close()
    _open(path, "nora", _pw("nora")).close()


def test_a_damaged_key_file_or_a_wrong_recovery_key_changes_nothing(made):
    path, store = made
    key = store.recovery_key
    store.close()
    keys = key_file(path)
    good = keys.read_text()
    damaged = json.loads(good)
    damaged["slots"][1]["wrapped"] = "%%%"
    keys.write_text(json.dumps(damaged))
    before = _sha(path, keys)
    _fresh()
    with pytest.raises(KeyFileError, match="damaged.*nothing was changed"):
        encryption.unlock(path, "admin", PASSWORD)
    assert _sha(path, keys) == before
    keys.write_text(good)
    before = _sha(path, keys)
    other = key[:-4] + ("AAAA" if not key.endswith("AAAA") else "BBBB")
    for wrong in (other, "ABCD-" + key[5:].replace("-", "")[::-1]):
        _fresh()
        with pytest.raises(KeyFileError, match="typing slip|not a recovery key|not this"):
            convert.recover(path, wrong, "admin", "Binder-page-73", "lost")
    assert _sha(path, keys) == before
    newer = json.loads(good)
    newer["format"] = 99
    keys.write_text(json.dumps(newer))
    before = _sha(path, keys)
    _fresh()
    with pytest.raises(KeyFileError, match="newer ALS Desk"):
        encryption.unlock(path, "admin", PASSWORD)
    assert _sha(path, keys) == before


def test_an_encrypted_file_without_a_login_is_refused_in_words(made):
    path, store = made
    store.close()
    _fresh()
    with pytest.raises(sqldb.Encrypted, match="opens after a login"):
        Store.open(path)
    with pytest.raises(AlsDeskError):
        Store.open(path, readonly=True)


def test_a_plain_file_converts_verifies_and_keeps_its_data(plain):
    from alsdesk.demo import DEMO_PASSWORD

    with Store.open(plain, readonly=True) as st:
        rows = st.conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0]
        subjects = st.conn.execute("SELECT count(*) FROM subjects").fetchone()[0]
    assert encryption.plain_warning(plain)
    done = convert.encrypt(plain, "admin", DEMO_PASSWORD)
    assert done.ok_after and "hash chain intact" in done.verify_before
    assert done.without_slot == ["investigator", "monitor", "nurse"]
    assert encryption.is_encrypted(plain) and encryption.plain_warning(plain) is None
    _holds_none(plain)
    assert done.aside.exists() and not encryption.is_encrypted(done.aside)
    key = done.recovery_key
    opened = _open(plain, "admin", DEMO_PASSWORD)
    assert opened.conn.execute("SELECT count(*) FROM subjects").fetchone()[0] == subjects
    trail = opened.conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0]
    assert trail >= rows + 3  # the admin's logins (plain file and copy) and the encryption
    assert opened.conn.execute("SELECT user_id FROM audit_trail WHERE action = "
                               "'file.encrypted'").fetchone() == ("admin",)
    opened.close()
    _fresh()
    assert not encryption.unlock(plain, "nurse", DEMO_PASSWORD)  # needs a new password
    assert convert.confirm(plain, key) == [done.aside] and not done.aside.exists()
    with pytest.raises(StoreError, match="encrypted already"):
        convert.encrypt(plain, "admin", DEMO_PASSWORD)


def test_only_an_administrator_encrypts(plain):
    from alsdesk.demo import DEMO_PASSWORD

    with pytest.raises(PermissionDenied, match="may not manage users"):
        convert.encrypt(plain, "nurse", DEMO_PASSWORD)
    with pytest.raises(AuthError, match="wrong"):
        convert.encrypt(plain, "admin", "Not-the-password-1")
    assert not encryption.is_encrypted(plain) and not key_file(plain).exists()
    assert not convert.asides(plain)
    with Store.open(plain, readonly=True) as st:
        assert st.verify().ok


def _killed_at(child: str, step: str) -> list[str]:
    """Run the child until it pauses at `step` of the conversion, kill it there; what it
    printed (the recovery key, once shown)."""
    import os

    proc = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env={**os.environ, convert.STEP_ENV: step})
    try:
        line = proc.stderr.readline()
        assert line.strip() == f"paused at {step}", (line, proc.stderr.read())
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    shown = proc.stdout.read().split()
    proc.stdout.close()
    proc.stderr.close()
    return shown


_CHILD = """
import sys
sys.path.insert(0, {root!r})
from alsdesk.store import convert
convert.encrypt({path!r}, "admin", {password!r}, show_key=lambda key: print(key, flush=True))
print("done", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize("step", convert.STEPS)
def test_a_kill_at_each_step_of_the_conversion_leaves_a_usable_file(plain, step):
    """The child killed at each step of `alsdesk encrypt`: the file opens after it (plain
    with the old login, or encrypted with the administrator's, its recovery key shown
    already), verifies, holds its data; a run after it completes and cleans up."""
    from alsdesk.demo import DEMO_PASSWORD

    child = _CHILD.format(root=str(ROOT), path=str(plain), password=DEMO_PASSWORD)
    shown = _killed_at(child, step)
    _fresh()
    encrypted = encryption.is_encrypted(plain)
    assert encrypted == (step == "replaced")
    if encrypted:
        assert shown, "the key was not shown before the swap"
        assert encryption.unlock(plain, "admin", DEMO_PASSWORD)
    with Store.open(plain) as st:
        st.login("admin", DEMO_PASSWORD)
        report = st.verify()
        assert report.ok, report.text()
        assert st.conn.execute("SELECT mrn FROM pii").fetchone() == (PLANTED["mrn"],)
    if not encrypted:  # the next run completes, the half-made copy gone
        _fresh()
        assert convert.encrypt(plain, "admin", DEMO_PASSWORD).ok_after
        shown = [convert.encrypt.__name__]  # (the key of that run is in its result)
    assert not Path(f"{plain}.encrypting").exists()
    assert not list(plain.parent.glob("*.encrypting*"))


def test_confirm_asks_for_the_recovery_key(plain):
    from alsdesk.demo import DEMO_PASSWORD

    keys = []
    done = convert.encrypt(plain, "admin", DEMO_PASSWORD, show_key=keys.append)
    assert keys == [done.recovery_key]
    with pytest.raises(KeyFileError):
        # (one letter changed: the last, to one it is not, so the key always differs)
        slip = "2" if done.recovery_key[-1] != "2" else "3"
        convert.confirm(plain, done.recovery_key[:-1] + slip)
    assert done.aside.exists()
    assert convert.confirm(plain, done.recovery_key) == [done.aside]
    assert not done.aside.exists()


def test_a_file_decrypted_outside_the_program_fails_verify(made, tmp_path):
    """Someone with the key turns the file back into a plain one: verify says so."""
    path, store = made
    store.close()
    _fresh()
    assert encryption.unlock(path, "admin", PASSWORD)
    plain_db = tmp_path / "decrypted.db"
    conn = sqlite3.connect(path)
    conn.execute("ATTACH DATABASE ? AS plain_db KEY ''", (str(plain_db),))
    conn.execute("SELECT sqlcipher_export('plain_db')")
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    conn.execute(f"PRAGMA plain_db.application_id = {app_id}")
    conn.execute("DETACH DATABASE plain_db")
    conn.close()
    with Store.open(plain_db, readonly=True) as st:
        report = st.verify()
    assert not report.ok and "decrypted outside ALS Desk" in report.text()


def _cli(db: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                          input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_the_commands_on_an_encrypted_file(tmp_path, demo_template):
    """init prints the recovery key once; every command opens the file with its own login
    (asked once), verify and backup with a user id and password asked first; a backup
    restores with its key file; an export reads the data; a plain backup is not restored
    over the encrypted file."""
    db = tmp_path / "site" / "trial.db"
    db.parent.mkdir()
    made = _cli(db, "init", "--admin", "admin", "--name", "Ada Admin", "--password-stdin",
                stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert made.returncode == 0, made.stderr
    [key] = [line.strip() for line in made.stdout.splitlines() if line.count("-") == 12]
    assert encryption.is_encrypted(db) and key_file(db).exists()
    added = _cli(db, "users", "add", "nora", "--name", "Nora Nurse", "--role", "nurse", "--as",
                 "admin", "--password-stdin", stdin=f"{PASSWORD}\nBedside-lamp-71\n"
                                                    "Bedside-lamp-71\n")
    assert added.returncode == 0, added.stderr
    listed = _cli(db, "subjects", "--as", "nora", "--password-stdin", stdin="Bedside-lamp-71\n")
    assert listed.returncode == 0, listed.stderr
    asked = _cli(db, "verify", stdin=f"admin\n{PASSWORD}\n")  # no lines read as a login
    assert asked.returncode == 2 and "--as" in asked.stderr and PASSWORD not in asked.stderr
    verified = _cli(db, "verify", "--as", "admin", "--password-stdin", stdin=f"{PASSWORD}\n")
    assert verified.returncode == 0 and "VERIFY OK" in verified.stdout, verified.stderr
    backed = _cli(db, "backup", "--out", str(tmp_path / "b.db"), "--as", "nora",
                  "--password-stdin", stdin="Bedside-lamp-71\n")
    assert backed.returncode == 0, backed.stderr
    assert encryption.is_encrypted(tmp_path / "b.db") and key_file(tmp_path / "b.db").exists()
    exported = _cli(db, "export", "csv", "--out", str(tmp_path / "csv"), "--as", "admin",
                    "--password-stdin", stdin=f"{PASSWORD}\n")
    assert exported.returncode == 0, exported.stderr
    restored = _cli(db, "restore", str(tmp_path / "b.db"), "--as", "admin", "--reason", "test",
                    "--password-stdin", "--yes", stdin=f"{PASSWORD}\n")
    assert restored.returncode == 0, restored.stderr
    assert encryption.is_encrypted(db) and key_file(db).exists()
    assert [p for p in db.parent.glob("trial-replaced-*.db.keys")]
    plain_db = tmp_path / "plain.db"
    shutil.copy(demo_template, plain_db)
    before = _sha(db, key_file(db))
    refused = _cli(db, "restore", str(plain_db), "--as", "admin", "--reason", "test",
                   "--password-stdin", "--yes", stdin=f"{PASSWORD}\n")
    assert refused.returncode == 1 and "not encrypted" in refused.stderr, refused.stderr
    assert "Traceback" not in refused.stderr and _sha(db, key_file(db)) == before
    # Without its key file, the file is not taken for another program's: the words say so.
    key_file(db).rename(tmp_path / "keys.aside")
    lost = _cli(db, "verify", "--as", "admin", "--password-stdin", stdin=f"{PASSWORD}\n")
    assert lost.returncode == 1 and "key file" in lost.stderr, lost.stderr
    (tmp_path / "keys.aside").rename(key_file(db))
    assert key.startswith(tuple("ABCDEFGHJKLMNPQRSTUVWXYZ23456789"))


def test_a_large_encrypted_file_opens_with_the_cheap_checks(made, monkeypatch):
    """Above the quick-check limit the opening reads the page count and size: SQLCipher
    answers PRAGMA page_size itself, as text (a 216 MB file was once called damaged)."""
    from alsdesk.store import schema

    path, store = made
    store.close()
    monkeypatch.setattr(schema, "QUICK_CHECK_LIMIT", 0)
    opened = _open(path, "admin", PASSWORD)
    assert opened.conn.execute("SELECT mrn FROM pii").fetchone() == (PLANTED["mrn"],)
    opened.close()


def test_a_reactivated_account_opens_the_file_after_a_reset(made):
    path, store = made
    store.login("admin", PASSWORD)
    store.users.set_active("ivan", False, "left")
    store.users.set_active("ivan", True, "back")
    assert "password reset" in store.slots.without_slot_note("ivan")
    assert store.slots.without_slot_note("mona") is None
    store.users.reset_password("ivan", "New-river-64", "back in the study")
    assert store.slots.without_slot_note("ivan") is None
    store.close()
    _open(path, "ivan", "New-river-64").close()


@pytest.mark.parametrize("damage", ["missing", "truncated"])
def test_the_recovery_key_opens_the_file_without_its_key_file(made, damage):
    path, store = made
    key = store.recovery_key
    store.close()
    keys = key_file(path)
    if damage == "missing":
        keys.unlink()
    else:
        keys.write_text(keys.read_text()[:40])
    _fresh()
    with pytest.raises(KeyFileError, match="recover"):
        encryption.unlock(path, "admin", PASSWORD)
    _fresh()
    assert convert.recover(path, key, "admin", "Binder-page-73", "key file lost")
    assert [p.name for p in path.parent.glob("trial.db.keys.damaged-*")] == (
        [] if damage == "missing" else [p.name for p in path.parent.glob("*.damaged-*")])
    _open(path, "admin", "Binder-page-73").close()
    _fresh()
    assert not encryption.unlock(path, "nora", _pw("nora"))  # a new password for her too


def test_a_new_key_shuts_out_a_page_key_taken_before(made):
    """An insider took the page key out of their slot (a few lines against the key file's
    format), then left: after `encrypt --rekey` that key opens nothing, the administrator
    gets in with the new file, the others need new passwords, and confirm (with the new
    recovery key) deletes the file under the old key."""
    path, store = made
    old_key = store.recovery_key
    taken = encryption.raw_of(store)
    store.close()
    keys = []
    done = convert.encrypt(path, "admin", PASSWORD, show_key=keys.append, rekey=True)
    assert done.ok_after and keys == [done.recovery_key] != [old_key]
    assert done.without_slot == ["ivan", "mona", "nora"]
    assert encryption.is_encrypted(path) and done.aside.exists()
    assert not sqldb.opens_with(path, sqldb.head(path), taken)  # the old page key: nothing
    _holds_none(path)
    _open(path, "admin", PASSWORD).close()
    _fresh()
    assert not encryption.unlock(path, "nora", _pw("nora"))
    with pytest.raises(KeyFileError):
        convert.confirm(path, old_key)
    assert convert.confirm(path, done.recovery_key) == [done.aside]
    assert not done.aside.exists() and not key_file(done.aside).exists()


_REKEY_CHILD = """
import sys
sys.path.insert(0, {root!r})
from alsdesk.store import convert, encryption
encryption.unlock({path!r}, "admin", {password!r})
convert.encrypt({path!r}, "admin", {password!r}, show_key=lambda key: print(key, flush=True),
                rekey=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize("step", convert.REKEY_STEPS)
def test_a_kill_at_each_step_of_a_rekey_leaves_a_file_that_opens(made, step):
    """Before the swap the old key and passwords open it; after, the new ones; killed
    between the swap and the new key file, the new recovery key (shown already) opens it
    and makes its key file anew."""
    path, store = made
    store.close()
    child = _REKEY_CHILD.format(root=str(ROOT), path=str(path), password=PASSWORD)
    shown = _killed_at(child, step)
    _fresh()
    if step == "swapped":
        with pytest.raises(KeyFileError, match="another database's"):
            encryption.unlock(path, "admin", PASSWORD)
        _fresh()
        convert.recover(path, shown[0], "admin", "Binder-page-73", "re-key interrupted")
        opened = _open(path, "admin", "Binder-page-73")
    else:
        assert bool(shown) == (step in ("aside", "replaced"))  # shown before the swap
        opened = _open(path, "admin", PASSWORD)
        if step != "replaced":
            assert opened.conn.execute("SELECT count(*) FROM users").fetchone()[0] == 4
            assert encryption.unlock(path, "nora", _pw("nora"))  # still the old key
    with opened:
        assert opened.verify().ok
        assert opened.conn.execute("SELECT mrn FROM pii").fetchone() == (PLANTED["mrn"],)


def test_db_browser_opens_it_with_the_recovery_key(made):
    """What DB Browser for SQLite does with "SQLCipher 4 defaults": the recovery key typed as
    the passphrase, on a copy, with a SQLCipher of its own (no key of the program's)."""
    from sqlcipher3 import dbapi2 as sqlcipher

    path, store = made
    key = store.recovery_key
    store.close()
    browser = sqlcipher.connect(f"file:{path}?mode=ro", uri=True)
    browser.execute(f"PRAGMA key = '{key}'")
    assert browser.execute("SELECT fullname, mrn, phone FROM pii").fetchone() == tuple(
        PLANTED.values())
    browser.close()


def test_the_doors_count_goes_on_across_writable_opens(made):
    """Four wrong passwords, someone else's writable open, four more: the account is locked
    at the fifth in a row, as on a plain file, and a right password then reads as locked
    (the lock is no oracle); a new file at the same path does not inherit the lockout."""
    path, store = made
    store.close()

    def nora_opens() -> None:  # someone else's login, a writable open between the guesses
        _open(path, "nora", _pw("nora")).close()

    said = []
    for attempt in range(1, 9):
        _fresh()
        try:
            encryption.open_door(path, "admin", "Wrong-pass-1")
        except AuthError as exc:
            said.append(str(exc))
        if attempt == 4:
            nora_opens()
    assert "locked" in said[4] and "wrong" in said[3], said  # the fifth in a row
    _fresh()
    with pytest.raises(AuthError, match="locked"):
        encryption.open_door(path, "admin", PASSWORD)
    nora_opens()  # the lockout reaches the account, and comes back to the door
    _fresh()
    with pytest.raises(AuthError, match="locked"):
        encryption.open_door(path, "admin", PASSWORD)
    # a new database at the same path starts with no count
    for p in path.parent.glob("trial.db*"):
        p.unlink()
    Store.create(path, admin=("admin", "Ada Admin", PASSWORD), encrypt=True).close()
    _fresh()
    encryption.open_door(path, "admin", PASSWORD)


def test_a_nurse_who_rekeys_the_file_herself_gets_no_administrator(made, tmp_path):
    """The outside review's attack: a nurse takes the page key out of her slot, re-keys the
    file under a passphrase of her own with SQLCipher itself, moves the key file away and
    runs recover with her passphrase. The trail's record of the key refuses it, nothing is
    changed, and verify names the re-keyed file."""
    from sqlcipher3 import dbapi2 as sqlcipher

    from alsdesk.keyslots import KeyFile, new_recovery_key, raw_key

    path, store = made
    store.close()
    taken = KeyFile.read(key_file(path)).unlock("nora", _pw("nora"))
    salt = path.read_bytes()[:16]
    hers = new_recovery_key()
    conn = sqlcipher.connect(str(path))
    conn.execute("PRAGMA key = \"x'%s%s'\"" % (taken.hex(), salt.hex()))
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA rekey = \"x'%s%s'\"" % (raw_key(hers, salt).hex(), salt.hex()))
    conn.close()
    key_file(path).rename(tmp_path / "keys.away")
    before = _sha(path)
    _fresh()
    with pytest.raises(KeyFileError, match="not the key its audit trail recorded"):
        convert.recover(path, hers, "admin", "Taken-over-88", "lost")
    assert _sha(path) == before and not key_file(path).exists()
    _fresh()
    sqldb.learn(salt, raw_key(hers, salt))  # (what she can do: open it with her key)
    with Store.open(path, readonly=True) as st:
        report = st.verify()
    assert not report.ok and "re-keyed outside ALS Desk" in report.text()


def test_a_refused_recovery_changes_nothing(made):
    path, store = made
    key = store.recovery_key
    store.close()
    key_file(path).unlink()
    _fresh()
    with pytest.raises(AuthError, match="must not contain"):
        convert.recover(path, key, "admin", "admin-Password-77", "lost")
    assert not key_file(path).exists()
