"""The standalone program (packaging/build.py) passes its smoke test where it was built.

Building takes a minute or two, so the tests never build it: CI does (.ci/run), then runs
this file. Elsewhere it is skipped, saying how to build. ALSDESK_BUNDLE names the bundle's
folder (default dist/alsdesk).
"""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FOLDER = Path(os.environ.get("ALSDESK_BUNDLE") or REPO / "dist" / "alsdesk")


def _smoke_module():
    # By path: a folder named `packaging` must not be imported as a package (it would hide
    # the `packaging` library that pytest and pip use).
    spec = importlib.util.spec_from_file_location("alsdesk_bundle_smoke",
                                                  REPO / "packaging" / "smoke.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


smoke = _smoke_module()
built = pytest.mark.skipif(not smoke.bundle_program(FOLDER).is_file(),
                           reason=f"no bundle at {FOLDER}: python packaging/build.py builds it")


@built
def test_the_bundle_passes_its_smoke_test():
    done = subprocess.run([sys.executable, str(REPO / "packaging" / "smoke.py"), str(FOLDER)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "SMOKE OK" in done.stdout and "FAIL" not in done.stdout + done.stderr


@built
def test_the_bundle_is_under_380_mb():
    # Qt is 116 MB of it; numpy and pandas (~85 MB) came with the Stata/SPSS exports, which
    # pyreadstat writes from a DataFrame; SQLCipher (21 MB, its crypto inside) and pyca
    # cryptography (15 MB) with the encryption at rest (350 MB measured). Over 380 MB
    # something new was dragged in.
    assert smoke.folder_size(FOLDER) < 380e6


def test_the_smoke_test_fails_without_a_bundle(tmp_path):
    assert smoke.smoke(tmp_path / "nothing") == 2


def test_the_spec_leaves_out_what_the_program_never_uses():
    spec = (REPO / "packaging" / "alsdesk.spec").read_text()
    for module in ("WebEngineCore", "3DCore", "Quick", "Qml"):
        assert f'"{module}"' in spec
    # ... and everything the window imports lazily is named for PyInstaller.
    assert 'glob("*.py")' in spec and "alsdesk_window_check" in spec
