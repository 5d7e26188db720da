"""The extractor's output is exactly the recorded one, on the seed texts and on the 181 real news pages: speed
work must not change it.

After a deliberate quality change, regenerate with `PARLEY_UPDATE_GOLDEN=1 python -m pytest
tests/test_extract_golden.py` and review the diff of tests/golden/extract_*.json.
"""
import json
import os
import pathlib
import subprocess
import sys

import pytest

from pipeline.config import load_yaml
from tests.conftest import ROOT, SEEDS, SHARED
from transforms.extract import Extractor
from transforms.read import split_date_header

GOLDEN = pathlib.Path(__file__).parent / "golden"
UPDATE = bool(os.environ.get("PARLEY_UPDATE_GOLDEN"))


def test_seed_extraction_is_unchanged():
    extractor = Extractor.from_config(load_yaml)
    got = {}
    for path in sorted(SEEDS.glob("*.txt")):
        published, text = split_date_header(path.read_text(encoding="utf-8"))
        got[path.name] = json.loads(json.dumps(extractor.extract(text, published), default=str))
    golden = GOLDEN / "extract_seeds.json"
    if UPDATE:
        golden.write_text(json.dumps(got, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_news_extraction_is_unchanged():
    if not (SHARED / "benchmarks" / "article-extraction").is_dir():
        pytest.skip("../shared/benchmarks/article-extraction is not present")
    mode = "--record" if UPDATE else "--check"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "extract_news.py"), mode,
                           str(GOLDEN / "extract_news.json")], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
