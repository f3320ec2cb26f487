"""Shared fixtures. Qt runs headless in every test (set before anything imports Qt)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The user data folder (login log, workstation key, record of anchor places) of the whole test
# session, subprocesses included, is a temporary one: tests never write the real
# ~/.local/share/alsdesk (alsdesk.paths.user_data_dir).
os.environ["ALSDESK_DATA_DIR"] = __import__("tempfile").mkdtemp(prefix="alsdesk-test-data-")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
PASSWORD = "Correct-horse-9"


def _hypothesis_profiles() -> None:
    """HYPOTHESIS_PROFILE=ci (default: quick, for every run), dev (quicker) or deep (long)."""
    from hypothesis import settings

    settings.register_profile("ci", deadline=None, max_examples=100, print_blob=True)
    settings.register_profile("dev", deadline=None, max_examples=25)
    settings.register_profile("deep", deadline=None, max_examples=2500, print_blob=True)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


_hypothesis_profiles()


def pytest_terminal_summary(terminalreporter) -> None:
    """What the fuzz tests ran, after the results (a report, not a test)."""
    import sys

    fuzz = sys.modules.get("tests.test_fuzz") or sys.modules.get("test_fuzz")
    stats = getattr(fuzz, "STATS", None)
    if stats:
        terminalreporter.write_line(
            "fuzz figures: " + ", ".join(f"{k}: {v}" for k, v in sorted(stats.items())))


@pytest.fixture(scope="session")
def study():
    from alsdesk.study import load_study

    return load_study()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "trial.db"


@pytest.fixture
def store(db_path, study):
    """A new database with an administrator, a nurse, an investigator and a monitor.

    Logged in as the nurse.
    """
    from alsdesk.store import Store

    st = Store.create(db_path, study)
    st.users.create_first_admin("admin", "Ada Admin", PASSWORD)
    st.users.add("nurse", "Nora Nurse", "nurse", PASSWORD)
    st.users.add("inv", "Ivan Investigator", "investigator", PASSWORD)
    st.users.add("mon", "Mona Monitor", "monitor", PASSWORD)
    st.login("nurse", PASSWORD)
    yield st
    st.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo database (alsdesk.demo), built once per test session: copy it to change it."""
    from alsdesk.demo import build_demo

    return build_demo(tmp_path_factory.mktemp("demo") / "demo.db")


@pytest.fixture
def demo_db(demo_template, tmp_path) -> Path:
    """A copy of the demo database of the test's own."""
    import shutil

    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    return path
