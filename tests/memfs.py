"""An in-memory Beam file system (`memtest://`), shaped like an object store (no folders), for tests of
remote paths: Beam 2.77's Python SDK has no in-memory file system of its own."""
import io
import time

from apache_beam.io.filesystem import BeamIOError, FileMetadata, FileSystem

SCHEME = "memtest"
FILES = {}  # path -> (bytes, modification time); shared by every instance Beam creates
BROKEN = set()  # paths whose listing fails, as a bucket without permission does


class _Writer(io.BytesIO):
    def __init__(self, path):
        super().__init__()
        self.path = path

    def close(self):
        if not self.closed:
            FILES[self.path] = (self.getvalue(), time.time())
        super().close()


class MemFileSystem(FileSystem):
    """Registered with Beam by being defined: `FileSystems` picks a file system by its scheme."""

    @classmethod
    def scheme(cls):
        return SCHEME

    def join(self, basepath, *paths):
        return "/".join([basepath.rstrip("/")] + [p.strip("/") for p in paths])

    def split(self, path):
        head, _, tail = path.rpartition("/")
        return (head, tail) if head != f"{SCHEME}:/" else (f"{SCHEME}://", tail)

    def mkdirs(self, path):
        pass

    def has_dirs(self):
        return False

    def _list(self, dir_or_prefix):
        if any(dir_or_prefix.startswith(b) for b in BROKEN):
            raise BeamIOError(f"403 Forbidden: {dir_or_prefix}")
        for path, (data, mtime) in sorted(FILES.items()):
            if path.startswith(dir_or_prefix):
                yield FileMetadata(path, len(data), mtime)

    def create(self, path, mime_type="application/octet-stream", compression_type=None):
        return _Writer(path)

    def open(self, path, mime_type="application/octet-stream", compression_type=None):
        if path not in FILES:
            raise BeamIOError(f"404 Not Found: {path}")
        return io.BytesIO(FILES[path][0])

    def copy(self, source_file_names, destination_file_names):
        for source, destination in zip(source_file_names, destination_file_names):
            FILES[destination] = FILES[source]

    def rename(self, source_file_names, destination_file_names):
        for source, destination in zip(source_file_names, destination_file_names):
            FILES[destination] = FILES.pop(source)

    def exists(self, path):
        return path in FILES

    def size(self, path):
        return len(FILES[path][0])

    def last_updated(self, path):
        return FILES[path][1]

    def checksum(self, path):
        return str(hash(FILES[path][0]))

    def metadata(self, path):
        return FileMetadata(path, self.size(path), self.last_updated(path))

    def delete(self, paths):
        for path in paths:
            for name in [p for p in FILES if p == path or p.startswith(path.rstrip("/") + "/")]:
                del FILES[name]


def put(path, data):
    """Store `data` (bytes) at `path`."""
    FILES[path] = (data, time.time())


def clear():
    FILES.clear()
    BROKEN.clear()
