"""The progress line: its text, the workers' ticks, the launcher's display and `--quiet`."""
import datetime
import io
import os

import apache_beam as beam
import pytest
from apache_beam.testing.util import assert_that, equal_to

from pipeline import progress
from pipeline.cli import main
from tests.conftest import SEEDS, offline_pipeline
from transforms.articles import REJECTS, ReadFn
from transforms.sources import discover


class Stream(io.StringIO):
    def __init__(self, tty):
        super().__init__()
        self.tty = tty

    def isatty(self):
        return self.tty


def test_line():
    assert progress.line(0, 40, 3) == "parley: 0/40 files (0%), 0:03 elapsed"
    assert progress.line(10, 40, 65, rate=2.0) == (
        "parley: 10/40 files (25%), 2.0 files/s, 1:05 elapsed, about 0:15 left")
    assert progress.line(1500, 2000, 4000, rate=0.5) == (
        "parley: 1,500/2,000 files (75%), 0.5 files/s, 1:06:40 elapsed, about 16:40 left")
    assert progress.line(40, 40, 9, rate=5.0) == "parley: 40/40 files (100%), 5.0 files/s, 0:09 elapsed, writing"
    assert progress.line(0, 0, 9) == "parley: running, 0:09 elapsed"


def test_rate_counts_from_the_first_file_seen():
    rate = progress.Rate()
    assert rate(10.0, 0) is None  # still reading the furniture
    assert rate(12.0, 4) is None  # first sighting
    assert rate(14.0, 8) == 2.0
    assert rate(16.0, 8) == 1.0


def test_mode():
    assert progress.mode(quiet=True, verbose=False, stream=Stream(tty=True)) == progress.OFF
    assert progress.mode(quiet=False, verbose=False, stream=Stream(tty=True)) == progress.LIVE
    assert progress.mode(quiet=False, verbose=False, stream=Stream(tty=False)) == progress.LINES
    assert progress.mode(quiet=False, verbose=True, stream=Stream(tty=True)) == progress.LINES


def test_tickers_count_into_the_folder(tmp_path):
    first, second = progress.Ticker(str(tmp_path)), progress.Ticker(str(tmp_path))
    for _ in range(3):
        first.tick()
    second.tick()
    assert progress.finished(str(tmp_path)) == 4 and len(os.listdir(tmp_path)) == 2
    first.close()
    first.tick()  # closed: nothing more
    assert progress.finished(str(tmp_path)) == 4


def test_ticker_without_the_folder_does_nothing(tmp_path):
    for folder in (None, str(tmp_path / "on-another-machine")):
        ticker = progress.Ticker(folder)
        ticker.tick()
        ticker.close()
    assert progress.finished(str(tmp_path / "on-another-machine")) == 0 and not os.listdir(tmp_path)


def test_read_stage_ticks_once_per_file(tmp_path):
    folder = tmp_path / "progress"
    folder.mkdir()
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")
    sources = discover([str(SEEDS), str(tmp_path / "scan.pdf")])
    run = {"run_id": "r", "ingested_at": datetime.datetime.now(datetime.timezone.utc), "max_input_bytes": 1 << 20,
           "progress": str(folder)}
    with offline_pipeline() as p:
        read = (p | beam.Create(sources)
                | beam.ParDo(ReadFn(run), recurring={}).with_outputs(REJECTS, main="docs"))
        assert_that(read.docs | "Docs" >> beam.combiners.Count.Globally(), equal_to([len(sources) - 1]), label="docs")
        assert_that(read[REJECTS] | "Reasons" >> beam.Map(lambda r: r["reason"]), equal_to(["unsupported_type"]),
                    label="rejects")
    assert progress.finished(str(folder)) == len(sources) == 6


def test_progress_shows_lines_and_cleans_up(tmp_path):
    stream = Stream(tty=False)
    with progress.Progress(3, progress.LINES, stream) as shown:
        progress.Ticker(shown.folder).tick()
        shown.show()
        folder = shown.folder
    assert not os.path.exists(folder)
    assert stream.getvalue().startswith("parley: 1/3 files (33%), 0:00 elapsed\n")


def test_live_line_is_overwritten_and_cleared():
    stream = Stream(tty=True)
    with progress.Progress(3, progress.LIVE, stream) as shown:
        shown.show()
    text = stream.getvalue()
    assert text.startswith("\rparley: 0/3 files (0%)") and text.endswith("\r\x1b[K") and "\n" not in text


def test_quiet_makes_no_folder():
    with progress.Progress(3, progress.OFF, Stream(tty=True)) as shown:
        assert shown.folder is None and shown.thread is None


def test_quiet_run_prints_only_the_summary(tmp_path, capsys):
    assert main(["run", str(SEEDS), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("parley: run ") and err.count("\n") == 1


def test_quiet_and_verbose_exclude_each_other(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["run", str(SEEDS), "--out", str(tmp_path), "--quiet", "--verbose"])
    assert exited.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
