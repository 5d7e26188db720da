"""Discovery: files, folders walked recursively, globs, missing inputs, the output left out."""
import pytest

from transforms.sources import MissingInput, discover


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
