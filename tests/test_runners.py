"""The same seed run on every runner Parley supports locally gives the same rows.

The multi-processing DirectRunner and the PortableRunner's workers import Parley by name, so these
tests need the project installed (`pip install -e .`, as in the README).
"""
import json

import pytest

from pipeline.cli import main
from tests.conftest import SEEDS
from tests.test_golden import GOLDEN, snapshot

RUNNERS = {
    "direct_in_memory": [],
    "direct_multi_processing": ["--direct_running_mode=multi_processing", "--direct_num_workers=2"],
    "portable_loopback": ["--runner=PortableRunner", "--job_endpoint=embed", "--environment_type=LOOPBACK"],
}


@pytest.mark.parametrize("flags", RUNNERS.values(), ids=RUNNERS.keys())
def test_every_runner_writes_the_recorded_rows(flags, tmp_path):
    assert main(["run", str(SEEDS), "--out", str(tmp_path), "--run-id", "runners", *flags]) == 0
    assert snapshot(tmp_path) == json.loads(GOLDEN.read_text(encoding="utf-8"))
