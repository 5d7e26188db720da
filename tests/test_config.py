"""Configuration: packaged YAML, a user's folder in its place, one-line errors."""
import pytest

from pipeline.config import ConfigError, load_yaml


def test_a_file_in_config_dir_replaces_the_packaged_one_and_others_fall_back(tmp_path):
    (tmp_path / "topics.yaml").write_text("topics: []\n", encoding="utf-8")
    assert load_yaml("topics", str(tmp_path)) == {"topics": []}
    assert load_yaml("people", str(tmp_path)) == load_yaml("people")


def test_unknown_and_malformed_configs_raise_config_errors(tmp_path):
    (tmp_path / "boilerplate.yaml").write_text("rules: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="boilerplate.yaml"):
        load_yaml("boilerplate", str(tmp_path))
    with pytest.raises(ConfigError, match="no configuration named"):
        load_yaml("no-such-config")
