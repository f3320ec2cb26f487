"""Smoke test of a built bundle: `python packaging/smoke.py [dist/alsdesk]`.

What a clinic PC's first minutes do, with the bundle's own program only (no Python of ours):
--version, the demo database, verify, the blank CRF book (no login), a casebook and the AE
listing (logged in as the monitor), doctor, and the window (offscreen): the real command
kept running for a few seconds at its login, then a login, the main window and a casebook,
closed cleanly. Exit 0 only if every step did what it should; each step is printed.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSWORD = "Demo-password-1"
WINDOW_SECONDS = 4


def bundle_program(folder: Path) -> Path:
    return folder / ("alsdesk.exe" if sys.platform.startswith("win") else "alsdesk")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


class SmokeFailed(Exception):
    pass


def _run(cmd: list[str], env: dict, what: str, stdin: str | None = None,
         expect: str | None = None) -> str:
    t0 = time.monotonic()
    done = subprocess.run(cmd, env=env, input=stdin, capture_output=True, text=True,
                          timeout=300)
    out = done.stdout + done.stderr
    if done.returncode != 0 or (expect and expect not in out):
        raise SmokeFailed(f"{what}: exit {done.returncode}\n{out.strip()}")
    print(f"ok   {what} ({time.monotonic() - t0:.1f} s)")
    return out


def _pdf(path: Path, what: str) -> None:
    if (not path.is_file() or not path.read_bytes().startswith(b"%PDF")
            or path.stat().st_size < 2000):
        raise SmokeFailed(f"{what}: no PDF at {path}")


def _window_stays_up(program: Path, db: Path, env: dict) -> None:
    """The real `alsdesk --db DB`: its login window up for a while, no crash, no traceback."""
    child = subprocess.Popen([str(program), "--db", str(db)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(WINDOW_SECONDS)
        alive = child.poll() is None
    finally:
        child.terminate()
        out, err = child.communicate(timeout=30)
    if not alive or "Traceback" in err:
        raise SmokeFailed(f"the window did not stay up (exit {child.returncode}):\n{out}{err}")
    print(f"ok   alsdesk --db DB: the login window stayed up {WINDOW_SECONDS} s")


def smoke(folder: Path) -> int:
    program = bundle_program(folder)
    if not program.is_file():
        print(f"No bundle at {program}: build it with python packaging/build.py",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="alsdesk-smoke-") as tmp:
        tmp = Path(tmp)
        # No Python of the build machine may help the bundle: no PYTHONPATH, no venv.
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "ALSDESK_DB")}
        env.update(QT_QPA_PLATFORM="offscreen", ALSDESK_DATA_DIR=str(tmp / "data"))
        db = tmp / "demo.db"
        p = str(program)
        try:
            _run([p, "--version"], env, "--version", expect="ALS Desk")
            _run([p, "--db", str(db), "demo"], env, "demo", expect="SYNTHETIC")
            _run([p, "--db", str(db), "demo"], env, "demo a second time", expect="kept")
            _run([p, "--db", str(db), "verify"], env, "verify", expect="VERIFY OK")
            _run([p, "study"], env, "study")
            _run([p, "pdf", "blank", "--out", str(tmp / "blank.pdf")], env, "pdf blank")
            _pdf(tmp / "blank.pdf", "pdf blank")
            _run([p, "--db", str(db), "pdf", "casebook", "S001", "--out",
                  str(tmp / "casebook.pdf"), "--as", "monitor", "--password-stdin"], env,
                 "pdf casebook S001 (monitor)", stdin=PASSWORD + "\n")
            _pdf(tmp / "casebook.pdf", "pdf casebook")
            _run([p, "--db", str(db), "subjects", "--as", "monitor", "--password-stdin"],
                 env, "subjects (monitor)", stdin=PASSWORD + "\n", expect="S001")
            _run([p, "--db", str(db), "export", "stata", "--out", str(tmp / "dta"), "--as",
                  "monitor", "--password-stdin"], env, "export stata (monitor)",
                 stdin=PASSWORD + "\n", expect="STATA export")
            if not (tmp / "dta" / "vs.dta").is_file():
                raise SmokeFailed("export stata wrote no vs.dta")
            # ODM out and back in: the import validates against odmlib's XSD in the bundle.
            _run([p, "--db", str(db), "export", "odm", "--out", str(tmp / "study.xml"), "--as",
                  "monitor", "--password-stdin"], env, "export odm (monitor)",
                 stdin=PASSWORD + "\n", expect="ODM export")
            new = tmp / "imported.db"
            _run([p, "--db", str(new), "init", "--admin", "admin", "--name", "Ada Admin",
                  "--password-stdin"], env, "init", stdin=PASSWORD + "\n")
            _run([p, "--db", str(new), "users", "add", "nurse", "--name", "Nora Nurse",
                  "--role", "nurse", "--as", "admin", "--password-stdin"], env, "users add",
                 stdin=f"{PASSWORD}\n{PASSWORD}\n")
            _run([p, "--db", str(new), "import", "odm", str(tmp / "study.xml"), "--as", "nurse",
                  "--password-stdin"], env, "import odm (nurse)", stdin=PASSWORD + "\n",
                 expect="Checked against the ODM 1.3.2 schema")
            # doctor exits 1 on any failure; offscreen, Qt's check is a warning at most.
            _run([p, "--db", str(db), "doctor"], env, "doctor", expect="PDF fonts")
            _window_stays_up(program, db, env)
            out = _run([p, "-m", "alsdesk_window_check", str(db)], env,
                       "window: login, main window, casebook, close", expect="WINDOW OK")
            print("     " + next(line for line in out.splitlines() if "WINDOW OK" in line))
        except (SmokeFailed, subprocess.TimeoutExpired) as exc:
            print(f"FAIL {exc}", file=sys.stderr)
            return 1
    print(f"SMOKE OK: {program} ({folder_size(folder) / 1e6:.0f} MB unpacked)")
    return 0


if __name__ == "__main__":
    default = Path(__file__).resolve().parent.parent / "dist" / "alsdesk"
    sys.exit(smoke(Path(sys.argv[1]) if len(sys.argv) > 1 else default))
