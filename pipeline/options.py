"""Beam pipeline options: the run profile's, the user's, and the offline default runner."""
import argparse

from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions, TypeOptions

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
    so setting that flag changes nothing else and keeps a local run offline.
    """
    options = PipelineOptions(args)
    standard = options.view_as(StandardOptions)
    if not standard.runner:
        standard.runner = "DirectRunner"
    if standard.runner in DIRECT:
        options.view_as(TypeOptions).allow_unsafe_triggers = True
    return options
