"""What the command line prints, read as a new user reads it: whole help lines, tables with
headers and aligned columns, event ids where they are asked for, the first commands to run."""
from __future__ import annotations

import re

import click
from click.testing import CliRunner

from alsdesk.cli import main
from alsdesk.demo import DEMO_PASSWORD
from alsdesk.study import load_study


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, list(args), input=input, env=env)


def _listing(help_text: str) -> dict[str, str]:
    """The 'Commands:' part of a --help: name -> its (re-joined) help line."""
    part = help_text.split("Commands:\n", 1)[1]
    out: dict[str, str] = {}
    name = None
    for line in part.splitlines():
        m = re.match(r"^  (\S+)\s+(.*)$", line)
        if m and not line.startswith("   "):
            name = m.group(1)
            out[name] = m.group(2)
        elif name and line.strip():
            out[name] += " " + line.strip()
    return out


def _groups(group: click.Group, prefix=()):
    yield prefix, group
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            yield from _groups(cmd, (*prefix, name))


def test_no_help_listing_is_cut_short():
    for path, group in _groups(main):
        result = run(*path, "--help")
        assert result.exit_code == 0, result.output
        listed = _listing(result.output)
        assert set(listed) == set(group.commands), path
        for name, text in listed.items():
            assert not text.endswith(("...", "…")), f"alsdesk {' '.join(path)}: {name}: {text}"
            assert text.endswith("."), f"{' '.join(path)} {name}: {text!r} is not a sentence"


def test_top_level_help_says_where_db_goes():
    text = " ".join(run("--help").output.split())
    assert "--db FILE The database file, before or after the command" in text


def _table(lines: list[str], header: list[str]) -> list[dict[str, str]]:
    """Rows of an aligned table whose first line holds `header`: every cell starts at its
    header's column (the proof of alignment), then read by those columns."""
    head = next(i for i, line in enumerate(lines) if line.startswith(header[0] + " "))
    starts = [lines[head].index(h) for h in header]
    assert re.fullmatch(r"[- ]+", lines[head + 1]), "a rule under the header"
    rows = []
    for line in lines[head + 2:]:
        if not line.strip():
            break
        for s in starts[1:]:
            assert line[s - 2:s] == "  " or line[s - 1] == " ", f"misaligned: {line!r}"
        cells = [line[a:b].strip() for a, b in zip(starts, starts[1:] + [None])]
        assert all("  " not in c for c in cells[:-1]), f"a cell runs into the next: {line!r}"
        rows.append(dict(zip(header, cells)))
    return rows


def test_study_lists_event_ids_in_a_table():
    result = run("study")
    assert result.exit_code == 0, result.output
    rows = _table(result.output.splitlines(),
                  ["event id", "name", "when (from the anchor)", "forms"])
    study = load_study()
    assert [r["event id"] for r in rows] == [e.id for e in study.events]
    by_id = {r["event id"]: r for r in rows}
    assert by_id["m2"]["name"] == "Month 2"
    assert by_id["m2"]["when (from the anchor)"] == "day 60 (53 to 67)"
    assert by_id["screening"]["forms"].startswith("sv, ic, dm")


def test_pdf_visit_help_says_where_the_event_ids_are():
    text = " ".join(run("pdf", "visit", "--help").output.split())
    assert "event id" in text and "first column of `alsdesk study`" in text


def test_a_wrong_event_id_is_answered_with_the_right_ones(demo_db, tmp_path):
    out = tmp_path / "v.pdf"
    result = run("--db", str(demo_db), "pdf", "visit", "S005", "month2", "--out", str(out),
                 "--as", "monitor", "--password-stdin", input=DEMO_PASSWORD + "\n")
    assert result.exit_code == 2 and not out.exists()
    text = " ".join(result.output.split())
    assert "no event 'month2'" in text
    for event in load_study().events:
        assert f"{event.id} ({event.label})" in text
    ok = run("--db", str(demo_db), "pdf", "visit", "S005", "m2", "--out", str(out),
             "--as", "monitor", "--password-stdin", input=DEMO_PASSWORD + "\n")
    assert ok.exit_code == 0, ok.output
    assert out.read_bytes().startswith(b"%PDF")


def test_subjects_is_a_table_with_headers(demo_db):
    result = run("--db", str(demo_db), "subjects", "--as", "monitor", "--password-stdin",
                 input=DEMO_PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    rows = _table(result.output.splitlines(), ["subject", "status", "next visit"])
    assert [r["subject"] for r in rows] == [f"S{n:03d}" for n in range(1, len(rows) + 1)]
    status = {r["subject"]: r["status"] for r in rows}
    assert "screen failure" in status.values() and "enrolled" in status.values()
    assert all(r["next visit"] for r in rows), "an empty cell is shown as '-'"


def test_subjects_without_a_database_names_init_and_demo(tmp_path):
    env = {"ALSDESK_DATA_DIR": str(tmp_path / "fresh"), "ALSDESK_DB": None}
    result = run("subjects", "--as", "monitor", "--password-stdin", input="x\n", env=env)
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert "There is no database at" in text and str(tmp_path / "fresh") in text
    assert "alsdesk init" in text and "alsdesk demo" in text
    assert "USB" not in text and "stick" not in text
    assert not (tmp_path / "fresh").exists(), "nothing is created by a failed listing"


def test_a_named_database_on_a_missing_folder_still_mentions_the_stick(tmp_path):
    missing = tmp_path / "stick" / "trial.db"
    result = run("--db", str(missing), "verify")
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert "alsdesk init" in text and "USB stick" in text and str(tmp_path / "stick") in text
