"""Shared fixtures: offline Beam test pipelines, the seed folder, the shared evaluation folder, the English model and
the packaged meeting extractor (each loaded once per session)."""
import pathlib

import pytest
from apache_beam.testing.test_pipeline import TestPipeline

from pipeline.cli import main
from pipeline.options import pipeline_options

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def offline_pipeline():
    """A TestPipeline on the DirectRunner that never tries the Prism download."""
    return TestPipeline(options=pipeline_options([]))


@pytest.fixture
def seeds():
    return SEEDS


@pytest.fixture(scope="session")
def seed_output(tmp_path_factory):
    """`parley run seeds` once per session: an output folder to read, never to change."""
    out = tmp_path_factory.mktemp("seed-output") / "out"
    assert main(["run", str(SEEDS), "--out", str(out), "--quiet"]) == 0
    return out


@pytest.fixture(scope="session")
def nlp_model():
    """The English model (spaCy's en_core_web_sm), checked against its manifest and loaded once per session."""
    from transforms.extract import nlp  # here, not at the top: only sessions that extract import spaCy

    return nlp.load()


@pytest.fixture(scope="session")
def parse(nlp_model):
    """A text parsed as the extractor parses a candidate sentence, with its entities recognised."""
    from transforms.extract import nlp  # noqa: PLC0415

    def run(text):
        docs = nlp.parse(nlp_model, [text])
        nlp.recognise(nlp_model, docs)
        return docs[0]
    return run


@pytest.fixture(scope="session")
def packaged_extractor(nlp_model):
    """The meeting Extractor of the packaged configs and actor knowledge, built once per session."""
    from pipeline.config import load_yaml
    from transforms.extract import Extractor

    return Extractor.from_config(load_yaml, model=nlp_model)
