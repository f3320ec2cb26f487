"""Shared fixtures. Qt runs headless in every test (set before anything imports Qt)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
PASSWORD = "Correct-horse-9"


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
