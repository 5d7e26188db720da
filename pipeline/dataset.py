"""The analyst's one-call reader: a Parley dataset as a pyarrow Table, typed partitions included, from a local
folder or any file system Beam knows (gs://, s3://, ...)."""
import os

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.fs as pafs
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from pipeline.schema import DATASETS, partition_schema
from transforms.write import dataset_files, join

PARQUET = ds.ParquetFileFormat()


class DatasetError(OSError):
    """The output cannot be listed."""


def open_dataset(out, name, filter=None):  # pylint: disable=redefined-builtin
    """A pyarrow Dataset over `OUT/NAME/` with Parley's schema and typed Hive partitions.

    Works when every partition value is null (`__HIVE_DEFAULT_PARTITION__`) and when the dataset has no files
    yet; DatasetError when `OUT` cannot be listed (no such folder, no Beam file system for its scheme, ...).
    A remote dataset is read through Beam's FileSystems into memory when opened: only the files whose partition
    can match `filter` (a pyarrow expression), and only their rows that match it.
    """
    schema, remote = DATASETS[name][0], FileSystems.get_scheme(out) is not None
    if not remote and not os.path.isdir(out):
        raise DatasetError(f"cannot list {out}: no such folder")
    try:
        path, files = join(out, name), dataset_files(out, name)
    except (OSError, ValueError) as e:  # no file system for the scheme, a listing refused
        raise DatasetError(f"cannot list {out}: {' '.join(str(e).split())}") from None
    partitioning = ds.partitioning(partition_schema(name), flavor="hive")
    if not files:
        return ds.dataset([], schema=schema, format="parquet")
    if not remote:
        return ds.dataset(files, schema=schema, format="parquet", partitioning=partitioning, partition_base_dir=path)
    listed = ds.FileSystemDataset.from_paths(  # paths and partitions only, to choose the files: nothing is opened
        files, schema, PARQUET, pafs.LocalFileSystem(),
        [partitioning.parse(FileSystems.split(f)[0][len(path):] + "/") for f in files])
    fetched = [PARQUET.make_fragment(pa.BufferReader(_read(f.path)), partition_expression=f.partition_expression)
               for f in listed.get_fragments(filter=filter)]
    # One thread: pyarrow's threads, reading from buffers, can abort the interpreter at exit (apache/arrow#33975).
    return ds.dataset(ds.FileSystemDataset(fetched, schema, PARQUET, pafs.LocalFileSystem()).to_table(
        filter=filter, use_threads=False))


def _read(path):
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as f:
        return f.read()


def read_dataset(out, name, columns=None, filter=None):  # pylint: disable=redefined-builtin
    """`OUT/NAME/` as a Table (`.to_pandas()` for a DataFrame); `filter` is a pyarrow expression."""
    return open_dataset(out, name, filter).to_table(columns=columns, filter=filter)
