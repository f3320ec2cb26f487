"""Build the standalone ALS Desk (no Python needed on the clinic PC), optionally smoke-test it.

    python packaging/build.py            # -> dist/alsdesk/alsdesk (alsdesk.exe on Windows)
    python packaging/build.py --smoke    # ... then run packaging/smoke.py on the result

Run it with the Python that has ALS Desk's dependencies and PyInstaller
(`pip install ".[bundle]"`). The same command builds the Windows program on Windows
(docs/windows.md); PyInstaller builds for the system it runs on only.
(A script, not `python -m packaging.build`: a package named `packaging` here would hide the
well-known one that pip, setuptools and PyInstaller import.)
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from smoke import bundle_program, folder_size, smoke  # noqa: E402


def build(dist: Path, work: Path) -> float:
    """Runs PyInstaller on packaging/alsdesk.spec; the seconds it took."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit('PyInstaller is not installed in this Python: pip install ".[bundle]" '
                 "(or pip install pyinstaller), then run this again.")
    t0 = time.monotonic()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
           "WARN", "--distpath", str(dist), "--workpath", str(work),
           str(ROOT / "packaging" / "alsdesk.spec")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])}
    done = subprocess.run(cmd, cwd=ROOT, env=env)
    if done.returncode != 0:
        sys.exit(f"PyInstaller failed (exit {done.returncode}); its messages are above.")
    return time.monotonic() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                    help="PyInstaller's scratch folder")
    ap.add_argument("--smoke", action="store_true", help="then run the smoke test on it")
    args = ap.parse_args(argv)
    seconds = build(args.dist, args.work)
    folder = args.dist / "alsdesk"
    print(f"Built {bundle_program(folder)} in {seconds:.0f} s; the folder is "
          f"{folder_size(folder) / 1e6:.0f} MB unpacked.")
    return smoke(folder) if args.smoke else 0


if __name__ == "__main__":
    sys.exit(main())
