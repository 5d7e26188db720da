"""The seed run's rows are exactly the recorded ones: speed work must not change the output.

After a deliberate change of cleaning or extraction, regenerate with
`PARLEY_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py` and review the diff of tests/golden/seeds.json.
"""
import json
import os
import pathlib

from pipeline.cli import main
from pipeline.dataset import read_dataset
from tests.conftest import SEEDS

GOLDEN = pathlib.Path(__file__).parent / "golden" / "seeds.json"
RUN_SPECIFIC = {"run_id", "ingested_at", "parley_version"}


def snapshot(out):
    """Rows of articles and meetings without run-specific columns, sources as file names, in a stable order."""
    result = {}
    for dataset in ("articles", "meetings"):
        rows = []
        for row in read_dataset(str(out), dataset).to_pylist():
            row = {k: v for k, v in row.items() if k not in RUN_SPECIFIC}
            if "source" in row:
                row["source"] = row["source"].rsplit("/", 1)[-1]
            rows.append(json.loads(json.dumps(row, default=str, sort_keys=True)))
        result[dataset] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
    return result


def test_seed_output_is_unchanged(tmp_path):
    assert main(["run", str(SEEDS), "--out", str(tmp_path), "--run-id", "golden"]) == 0
    got = snapshot(tmp_path)
    if os.environ.get("PARLEY_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))
