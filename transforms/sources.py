"""Discovery: command-line inputs (files, folders, globs) -> the list of sources to read."""
import os
import stat
from dataclasses import dataclass

import yaml
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from transforms.read import SNIFF_BYTES, Rejected, is_feed, kind_of

GLOB_CHARS = "*?["
URL_SCHEMES = ("http://", "https://")
SPECIAL = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
           (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


class MissingInput(ValueError):
    """An input names nothing that exists."""


@dataclass(frozen=True)
class Source:
    """One input file: its path, the group whose furniture it shares (its folder), its size and modification time."""
    path: str
    group: str
    size: int
    mtime: float = None


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
            found[meta.path] = Source(meta.path, FileSystems.split(meta.path)[0], meta.size_in_bytes,
                                      meta.last_updated_in_seconds)
    return sorted(found.values(), key=lambda s: s.path)


def special_file(path):
    """What a local `path` is when it is not a regular file ('a named pipe (FIFO)', ...), which opening could block
    on forever; None for a regular file, a remote path, or a path that cannot be looked at (reading reports it)."""
    if "://" in path:
        return None
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    return None if stat.S_ISREG(mode) else next((what for test, what in SPECIAL if test(mode)), "not a regular file")


def refuse_special(path):
    """`Rejected` (not_a_file) for a local path that is not a regular file, before anything opens it."""
    what = special_file(path)
    if what:
        raise Rejected("not_a_file", f"{what}: only regular files are read")


def is_url(location):
    """An http or https URL (a feed), not a file path."""
    return location.lower().startswith(URL_SCHEMES)


def split_urls(inputs):
    """(http and https inputs: feed URLs, the other inputs)."""
    return [i for i in inputs if is_url(i)], [i for i in inputs if not is_url(i)]


def read_yaml(path):
    """A YAML file, local or on any Beam file system (gs://, s3://, ...), parsed; ValueError with a one-line
    reason when it cannot be read or parsed."""
    try:
        with FileSystems.open(_absolute(path), compression_type=CompressionTypes.UNCOMPRESSED) as f:
            return yaml.safe_load(f.read())
    except (OSError, ValueError, yaml.YAMLError) as e:  # ValueError: no Beam file system for the scheme
        raise ValueError(" ".join(str(e).split())) from None


def read_feed_list(path):
    """The inputs a `--feeds` file lists (a YAML list, or a mapping with a `feeds` list); relative paths are
    taken from the file's folder."""
    try:
        data = read_yaml(path)
    except ValueError as e:
        raise MissingInput(f"cannot read feed list {path}: {e}") from None
    listed = data.get("feeds") if isinstance(data, dict) else data
    if not isinstance(listed, list) or not all(isinstance(i, str) and i.strip() for i in listed):
        raise MissingInput(f"feed list {path} must be a YAML list of feed URLs or paths")
    folder = FileSystems.split(_absolute(path))[0]
    return [i if "://" in i else FileSystems.join(folder, i) for i in (i.strip() for i in listed)]


def _head(path):
    if special_file(path):
        return b""
    try:
        with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
            return f.read(SNIFF_BYTES)
    except Exception:  # noqa: BLE001 - the read stage reports an unreadable file
        return b""


def split_feeds(sources):
    """(article sources, feed sources); a file of no known kind is sniffed by its first bytes."""
    feed = [is_feed(s.path) or (kind_of(s.path) is None and is_feed(s.path, _head(s.path))) for s in sources]
    return [s for s, f in zip(sources, feed) if not f], [s for s, f in zip(sources, feed) if f]
