"""Discovery: files, folders walked recursively, globs, missing inputs, the output left out, special files."""
import os

import pytest

from transforms.articles import read_bytes
from transforms.read import Rejected
from transforms.sources import MissingInput, discover, special_file, split_feeds


@pytest.fixture
def tree(tmp_path):
    for name in ("a.txt", "b.html", "sub/c.txt.gz", "sub/deep/d.txt", "name with spaces é.txt"):
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    return tmp_path / "in"


def names(sources, root):
    return [s.path[len(str(root)) + 1:] for s in sources]


def test_folder_is_walked_recursively(tree):
    assert names(discover([str(tree)]), tree) == [
        "a.txt", "b.html", "name with spaces é.txt", "sub/c.txt.gz", "sub/deep/d.txt"]


def test_file_and_glob_and_no_repeats(tree):
    found = discover([str(tree / "a.txt"), str(tree / "*.txt"), str(tree / "a.txt")])
    assert names(found, tree) == ["a.txt", "name with spaces é.txt"]


def test_group_is_the_folder_and_size_is_known(tree):
    source = discover([str(tree / "sub" / "deep" / "d.txt")])[0]
    assert source.group == str(tree / "sub" / "deep") and source.size == 1


def test_output_inside_an_input_is_left_out(tree):
    (tree / "out" / "articles").mkdir(parents=True)
    (tree / "out" / "articles" / "x.parquet").write_text("x")
    assert all("/out/" not in s.path for s in discover([str(tree)], exclude=str(tree / "out")))


@pytest.mark.parametrize("pattern", ["missing.txt", "missing/*.txt"])
def test_missing_inputs(tree, pattern):
    with pytest.raises(MissingInput):
        discover([str(tree / pattern)])


def test_empty_folder_has_no_sources(tmp_path):
    (tmp_path / "empty").mkdir()
    assert discover([str(tmp_path / "empty")]) == []


def test_what_is_not_a_regular_file_is_refused_before_it_is_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text("x")
    assert special_file(str(tmp_path / "pipe.txt")) == "a named pipe (FIFO)"
    assert special_file(str(tmp_path)) == "a folder" and special_file("/dev/null") == "a character device"
    assert special_file(str(tmp_path / "a.txt")) is None and special_file("gs://bucket/a.txt") is None
    with pytest.raises(Rejected) as e:
        read_bytes(str(tmp_path / "pipe.txt"), 100)  # opening it would wait for a writer forever
    assert (e.value.reason, e.value.detail) == ("not_a_file", "a named pipe (FIFO): only regular files are read")
    assert [s.path for s in split_feeds(discover([str(tmp_path)]))[0]] == [str(tmp_path / "a.txt"), str(tmp_path / "pipe.txt")]
