"""Hostile study definition files end in a message naming the file and what is wrong, never
a traceback or a hang (issue 12, item 15): deep nesting, a FIFO, a huge file, binary bytes,
non-finite bounds."""
from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from alsdesk.cli import main
from alsdesk.errors import DefinitionError
from alsdesk.paths import default_study_file
from alsdesk.study import load_study

TRIAL = default_study_file().read_text(encoding="utf-8")


def _study(tmp_path, text: str | bytes, name="study.toml"):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


@pytest.mark.parametrize("text,words", [
    ("a = " + "[" * 5000 + "]" * 5000, "nested too deeply"),
    (b"\xff\xfe\x00binary", "cannot be read"),
    (TRIAL.replace("max = 200", "max = nan", 1), "must be a finite number, not nan"),
    (TRIAL.replace("max = 200", "max = inf", 1), "must be a finite number, not inf"),
    (TRIAL.replace("min = 5\n", "min = -inf\n", 1), "must be a finite number"),
])
def test_a_hostile_file_is_refused_in_words(tmp_path, text, words):
    path = _study(tmp_path, text)
    with pytest.raises(DefinitionError, match=words):
        load_study(path)
    result = CliRunner().invoke(main, ["study", str(path)])
    assert result.exit_code == 1 and words in result.output
    assert "Traceback" not in result.output and not isinstance(result.exception, RecursionError)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.toml"
    with open(path, "wb") as out:
        out.truncate(6_000_000)
    with pytest.raises(DefinitionError, match="at most 5,000,000"):
        load_study(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "study.toml"
    os.mkfifo(fifo)
    with pytest.raises(DefinitionError, match="not a regular file"):
        load_study(fifo)  # a read would wait for a writer for ever
