"""Discovery: command-line inputs (files, folders, globs) -> the list of sources to read."""
import os
from dataclasses import dataclass

from apache_beam.io.filesystems import FileSystems

GLOB_CHARS = "*?["


class MissingInput(ValueError):
    """An input names nothing that exists."""


@dataclass(frozen=True)
class Source:
    """One input file: its path, the group whose furniture it shares (its folder), and its size."""
    path: str
    group: str
    size: int


def _absolute(path):
    return path if "://" in path else os.path.abspath(path)


def _expand(pattern):
    """FileMetadata of every file an input names: itself, everything below a folder, or a glob's matches."""
    literal = not any(c in pattern for c in GLOB_CHARS)
    if literal and not FileSystems.exists(pattern):
        raise MissingInput(f"no such file or folder: {pattern}")
    if literal:
        listed = FileSystems.match([FileSystems.join(pattern.rstrip("/"), "**")])[0].metadata_list
        if listed or os.path.isdir(pattern):
            return listed
        return FileSystems.match([pattern])[0].metadata_list
    matches = FileSystems.match([pattern])[0].metadata_list
    if not matches:
        raise MissingInput(f"nothing matches: {pattern}")
    return matches


def discover(inputs, exclude=None):
    """Every file named by `inputs`, each once, sorted; files below `exclude` (the output) are left out."""
    exclude = _absolute(exclude).rstrip("/") + "/" if exclude else None
    found = {}
    for pattern in inputs:
        for meta in _expand(_absolute(pattern)):
            if exclude and meta.path.startswith(exclude):
                continue
            found[meta.path] = Source(meta.path, FileSystems.split(meta.path)[0], meta.size_in_bytes)
    return sorted(found.values(), key=lambda s: s.path)
