"""Beam pipeline options: the run profile's, the user's, and the offline default runner."""
import argparse

from apache_beam.options.pipeline_options import (DirectOptions, PipelineOptions, StandardOptions, TypeOptions,
                                                  WorkerOptions)

DIRECT = ("DirectRunner", "SwitchingDirectRunner")


def _all_option_classes(cls=PipelineOptions):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_option_classes(sub)


def unknown_beam_args(args):
    """The arguments no Beam option class knows."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    for cls in set(_all_option_classes()):
        cls._add_argparse_args(parser)  # pylint: disable=protected-access
    _, unknown = parser.parse_known_args(args)
    return unknown


def profile_args(beam_settings):
    """A run profile's `beam:` mapping as command-line flags."""
    flags = []
    for key, value in (beam_settings or {}).items():
        if value is True:
            flags.append(f"--{key}")
        elif value is not False and value is not None:
            flags.append(f"--{key}={value}")
    return flags


def pipeline_options(args):
    """PipelineOptions from flags, with the DirectRunner as default and without its Prism attempt.

    Beam 2.77's DirectRunner first tries the Prism runner, a binary it downloads. It skips Prism for
    pipelines that allow unsafe triggers; Parley uses the global window with default triggers only,
    so setting that flag changes nothing else and keeps a local run offline. The DirectRunner's worker
    processes log to the terminal, at INFO by default: errors only, unless the flags set a level.
    """
    options = PipelineOptions(args)
    standard = options.view_as(StandardOptions)
    if not standard.runner:
        standard.runner = "DirectRunner"
    if standard.runner in DIRECT:
        options.view_as(TypeOptions).allow_unsafe_triggers = True
        if not any(a.startswith("--default_sdk_harness_log_level") for a in args):
            options.view_as(WorkerOptions).default_sdk_harness_log_level = "ERROR"
    return options


def follow_up_options(args):
    """pipeline_options for a job that follows a run (the events rebuild): the local DirectRunner's worker
    processes are started again for every job, which costs more than this one, so it runs in memory."""
    options = pipeline_options(args)
    direct = options.view_as(DirectOptions)
    if options.view_as(StandardOptions).runner in DIRECT and direct.direct_running_mode == "multi_processing":
        direct.direct_running_mode, direct.direct_num_workers = "in_memory", 1
    return options
