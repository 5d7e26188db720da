"""The analyst's one-call reader: a Parley dataset as a pyarrow Table, typed partitions included."""
import os

import pyarrow.dataset as ds

from pipeline.schema import DATASETS, partition_schema


def open_dataset(out, name):
    """A pyarrow Dataset over `OUT/NAME/` with Parley's schema and typed Hive partitions.

    Works when every partition value is null (`__HIVE_DEFAULT_PARTITION__`) and when the dataset is empty.
    """
    schema = DATASETS[name][0]
    path = os.path.join(out, name)
    if not os.path.isdir(path):
        return ds.dataset([], schema=schema, format="parquet")
    return ds.dataset(path, schema=schema, format="parquet",
                      partitioning=ds.partitioning(partition_schema(name), flavor="hive"))


def read_dataset(out, name, columns=None, filter=None):  # pylint: disable=redefined-builtin
    """`OUT/NAME/` as a Table (`.to_pandas()` for a DataFrame); `filter` is a pyarrow expression."""
    return open_dataset(out, name).to_table(columns=columns, filter=filter)
