"""A wheel built from the repo works from another folder and finds every resource."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _copy_sources(dest: Path) -> Path:
    ignore = shutil.ignore_patterns(".git", ".venv", "venv", "build", "dist", "*.egg-info",
                                    "__pycache__", ".pytest_cache", ".hypothesis", "*.db*")
    shutil.copytree(REPO, dest, ignore=ignore)
    return dest


def test_wheel_install_runs_outside_the_repo(tmp_path):
    src = _copy_sources(tmp_path / "src")
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(wheels), str(src)], check=True, capture_output=True)
    (wheel,) = wheels.glob("alsdesk-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    tops = {n.split("/")[0] for n in names}
    # The window is installed under the program's name: no top-level `ui` to clash with.
    assert tops == {"alsdesk", f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info"}
    assert "alsdesk/ui/main_window.py" in names and "alsdesk/ui/__init__.py" in names
    assert "alsdesk/resources/study/nct02492516.toml" in names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "ALSDESK_DB": str(elsewhere / "demo.db")}
    probe = subprocess.run(
        [sys.executable, "-c",
         "import alsdesk; from alsdesk.paths import default_study_file as f; "
         "print(alsdesk.__file__); print(f()); print(f().is_file())"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    module_file, study_file, exists = probe.stdout.split()
    assert module_file.startswith(str(target)), "the installed copy must be the one imported"
    assert study_file.startswith(str(target)) and exists == "True"
    script = target / "bin" / "alsdesk"
    cli = [sys.executable, str(script)] if script.exists() else [sys.executable, "-m", "alsdesk.cli"]
    # The window's modules load from the wheel as alsdesk.ui (relative imports among them),
    # and none of them reaches for a top-level `ui` (the venv may have one of a checkout).
    window = subprocess.run(
        [sys.executable, "-c",
         "import sys, alsdesk.ui.main_window as m, alsdesk.ui.app, alsdesk.ui.probe; "
         "from alsdesk.frontend import ui_package; print(m.__file__); print(ui_package()); "
         "print(sorted(n for n in sys.modules if n == 'ui' or n.startswith('ui.')))"],
        cwd=elsewhere, env={**env, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True,
        text=True)
    assert window.returncode == 0, window.stderr
    window_file, package, stray = window.stdout.splitlines()
    assert window_file.startswith(str(target / "alsdesk" / "ui"))
    assert package == "alsdesk.ui" and stray == "[]"
    for args in (["study"], ["demo"], ["verify"]):
        result = subprocess.run(cli + args, cwd=elsewhere, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    assert "VERIFY OK" in result.stdout
