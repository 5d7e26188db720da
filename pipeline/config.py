"""Loads Parley's YAML configuration: package data in `configs/`, or a user's folder in its place."""
import functools
import importlib.resources

import yaml
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

# libyaml's parser when PyYAML has it: the gazetteers parse about ten times faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ConfigError(ValueError):
    """A configuration file is missing or malformed."""


@functools.lru_cache(maxsize=None)
def load_yaml(name, config_dir=None):
    """Parsed `configs/NAME.yaml`; a file of that name in `config_dir` (any Beam file system) takes precedence."""
    filename = f"{name}.yaml"
    text = load_text(filename, config_dir)
    try:
        data = yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as e:
        raise ConfigError(f"{filename}: {e}") from None
    return data or {}


def load_text(filename, config_dir=None):
    """The text of `configs/FILENAME` (any file, e.g. actors.tsv); a file of that name in `config_dir` (any Beam
    file system) takes precedence."""
    override = FileSystems.join(config_dir, filename) if config_dir else None
    if override and FileSystems.exists(override):
        with FileSystems.open(override, compression_type=CompressionTypes.UNCOMPRESSED) as f:
            return f.read().decode("utf-8")
    resource = importlib.resources.files("configs").joinpath(filename)
    if not resource.is_file():
        raise ConfigError(f"no configuration named {filename!r}")
    return resource.read_text(encoding="utf-8")
