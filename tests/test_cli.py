"""The `parley` command: summary, exit codes, one-line errors."""
import gzip
import json
import subprocess
import sys

import pytest

from pipeline.cli import EXIT_FAILED, failed, main
from pipeline.dataset import read_dataset

ARTICLE = "Summit talks\n\nThe president met the prime minister in Geneva on Monday to discuss trade.\n"


def run(*args):
    return main(["run", *map(str, args)])


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "b.txt.gz").write_bytes(gzip.compress(("date 2021-02-03\n" + ARTICLE + "More.").encode()))
    (folder / "c.pdf").write_bytes(b"%PDF-1.4")
    (folder / "d.txt").write_bytes(b"")
    return folder


def test_run_summary_and_accounting(inputs, tmp_path, capsys):
    assert run(inputs, "--out", tmp_path / "out", "--run-id", "r1") == 0
    err = capsys.readouterr().err
    assert "run r1: 4 inputs, 2 articles, 0 duplicates skipped" in err and "2 rejects" in err
    manifest = json.loads((tmp_path / "out" / "_runs" / "r1.json").read_text())
    assert manifest["accounting"] == {"inputs": 4, "accounted": 4, "ok": True}
    reasons = sorted(read_dataset(str(tmp_path / "out"), "rejects").column("reason").to_pylist())
    assert reasons == ["empty", "unsupported_type"]


def test_glob_input(inputs, tmp_path, capsys):
    assert run(f"{inputs}/*.txt", "--out", tmp_path / "out") == 0
    assert "2 inputs, 1 articles" in capsys.readouterr().err


def test_missing_input_exits_2(tmp_path, capsys):
    assert run(tmp_path / "nope", "--out", tmp_path / "out") == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("parley: no such file or folder") and "\n" not in err


def test_unwritable_output_exits_2(inputs, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert run(inputs, "--out", blocker / "out") == 2
    assert capsys.readouterr().err.startswith("parley: cannot write to output folder")


def test_unknown_option_exits_2(inputs, tmp_path, capsys):
    assert run(inputs, "--out", tmp_path / "out", "--no_such_flag=1") == 2
    assert "unknown option(s): --no_such_flag=1" in capsys.readouterr().err


def test_bad_run_id_exits_2(inputs, tmp_path):
    assert run(inputs, "--out", tmp_path / "out", "--run-id", "../x") == 2


def test_missing_config_exits_2(inputs, tmp_path, capsys):
    assert run(inputs, "--out", tmp_path / "out", "--config", tmp_path / "none.yaml") == 2
    assert "cannot read config" in capsys.readouterr().err


def test_schema_command(capsys):
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert "meetings/ partitioned by meeting_date" in out and "participants" in out


def test_module_entry_point_has_no_traceback(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(tmp_path / "nope"), "--out",
                           str(tmp_path / "o")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_a_failed_run_is_one_short_line_with_a_hint(capsys):
    command = "['docker', 'run', '-d', '--network=host', " + "'--endpoint=localhost:1', " * 40 + "]"
    error = RuntimeError(f"Traceback (most recent call last):\nsubprocess.CalledProcessError: Command {command} returned 125")
    assert failed(error) == EXIT_FAILED
    line = capsys.readouterr().err
    assert line.count("\n") == 1 and len(line) < 600 and line.startswith("parley: run failed: RuntimeError: subprocess")
    assert "--environment_type=LOOPBACK" in line
