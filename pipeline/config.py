"""Loads Parley's YAML configuration: package data in `configs/`, or a user's folder in its place."""
import functools
import importlib.resources
import os

import yaml

# libyaml's parser when PyYAML has it: the gazetteers parse about ten times faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ConfigError(ValueError):
    """A configuration file is missing or malformed."""


@functools.lru_cache(maxsize=None)
def load_yaml(name, config_dir=None):
    """Parsed `configs/NAME.yaml`; a file of that name in `config_dir` takes precedence."""
    filename = f"{name}.yaml"
    if config_dir and os.path.exists(os.path.join(config_dir, filename)):
        with open(os.path.join(config_dir, filename), encoding="utf-8") as f:
            text = f.read()
    else:
        resource = importlib.resources.files("configs").joinpath(filename)
        if not resource.is_file():
            raise ConfigError(f"no configuration named {filename!r}")
        text = resource.read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as e:
        raise ConfigError(f"{filename}: {e}") from None
    return data or {}
