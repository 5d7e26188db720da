"""Options: the offline default runner and the check of Beam flags."""
import apache_beam as beam
import pytest
from apache_beam.options.pipeline_options import DirectOptions, WorkerOptions, StandardOptions
from apache_beam.runners.portability import prism_runner
from apache_beam.testing.util import assert_that, equal_to

from pipeline.config import load_yaml
from pipeline.options import follow_up_options, pipeline_options, profile_args, unknown_beam_args


def test_default_runner_is_the_direct_runner():
    assert pipeline_options([]).view_as(StandardOptions).runner == "DirectRunner"


def test_default_run_never_tries_prism(monkeypatch):
    def refuse(*_):
        raise AssertionError("Prism was tried: it downloads a binary")
    monkeypatch.setattr(prism_runner.PrismRunner, "run_pipeline", refuse)
    with beam.Pipeline(options=pipeline_options([])) as p:
        assert_that(p | beam.Create([1, 2]) | beam.Map(lambda x: x * 2), equal_to([2, 4]))


def test_beam_flags_pass_through():
    options = pipeline_options(["--direct_running_mode=multi_processing", "--direct_num_workers", "2"])
    assert options.view_as(DirectOptions).direct_num_workers == 2


@pytest.mark.parametrize("args,level", [
    ([], "ERROR"),
    (["--default_sdk_harness_log_level=INFO"], "INFO"),
    (["--runner=FlinkRunner"], None),
])
def test_local_workers_log_errors_only_unless_asked(args, level):
    assert pipeline_options(args).view_as(WorkerOptions).default_sdk_harness_log_level == level


@pytest.mark.parametrize("args,mode", [
    (["--direct_running_mode=multi_processing", "--direct_num_workers=2"], "in_memory"),
    (["--direct_running_mode=multi_threading", "--direct_num_workers=2"], "multi_threading"),
    (["--runner=FlinkRunner", "--direct_running_mode=multi_processing"], "multi_processing"),
])
def test_a_follow_up_job_runs_local_worker_processes_in_memory(args, mode):
    assert follow_up_options(args).view_as(DirectOptions).direct_running_mode == mode


@pytest.mark.parametrize("args,unknown", [
    (["--runner=DirectRunner", "--direct_num_workers=2"], []),
    (["--no_such_option=1"], ["--no_such_option=1"]),
])
def test_unknown_beam_args(args, unknown):
    assert unknown_beam_args(args) == unknown


def test_profile_args():
    assert profile_args({"runner": "DirectRunner", "streaming": False, "save_main_session": True}) == [
        "--runner=DirectRunner", "--save_main_session"]


@pytest.mark.parametrize("profile", ["local", "dataflow", "flink", "spark"])
def test_packaged_run_profiles_hold_known_options_and_every_setting(profile):
    data = load_yaml(profile)
    assert data["beam"]["runner"] and unknown_beam_args(profile_args(data["beam"])) == []
    assert set(data["settings"]) == set(load_yaml("local")["settings"])


@pytest.mark.parametrize("profile", ["dataflow", "flink", "spark"])
def test_every_runner_caps_inputs_as_a_local_run_does(profile):
    caps = ("max_input_bytes", "max_text_chars", "max_line_chars", "max_html_depth")
    local = load_yaml("local")["settings"]
    assert {c: load_yaml(profile)["settings"][c] for c in caps} == {c: local[c] for c in caps}
    assert local["max_input_bytes"] == local["fetch"]["max_bytes"]
