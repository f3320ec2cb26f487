"""A wheel built from the repo works from another folder and finds every resource."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
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
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "ALSDESK_DB": str(elsewhere / "demo.db")}
    probe = subprocess.run(
        [sys.executable, "-c",
         "import alsdesk, ui; from alsdesk.paths import default_study_file as f; "
         "print(alsdesk.__file__); print(f()); print(f().is_file())"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    module_file, study_file, exists = probe.stdout.split()
    assert module_file.startswith(str(target)), "the installed copy must be the one imported"
    assert study_file.startswith(str(target)) and exists == "True"
    script = target / "bin" / "alsdesk"
    cli = [sys.executable, str(script)] if script.exists() else [sys.executable, "-m", "alsdesk.cli"]
    for args in (["study"], ["demo"], ["verify"]):
        result = subprocess.run(cli + args, cwd=elsewhere, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    assert "VERIFY OK" in result.stdout
