"""Furniture learnt from the corpus: line keys that recur across many documents of one group (folder)."""
import apache_beam as beam

from transforms.articles import load_source
from transforms.clean import document_line_keys
from transforms.read import Rejected, kind_of


def is_recurring(count, documents, min_documents, min_share):
    """A line is furniture when enough documents of its group carry it, in number and in share."""
    return count >= min_documents and count >= min_share * documents


class _LineKeysFn(beam.DoFn):
    """Source -> (group, distinct line keys) for text articles; HTML relies on trafilatura's own detection."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes

    def process(self, source):
        keys = self._line_keys(source.path) if kind_of(source.path) == "text" else None
        if keys:
            yield source.group, keys

    def _line_keys(self, path):
        try:
            return document_line_keys(load_source(path, self.max_bytes).text)
        except Rejected:
            return None  # the main read reports it


class LearnRecurringLines(beam.PTransform):
    """Sources -> (group, frozenset of recurring line keys); only hashes travel, never page text."""

    def __init__(self, max_bytes, min_documents, min_share):
        super().__init__()
        self.max_bytes, self.min_documents, self.min_share = max_bytes, min_documents, min_share

    def expand(self, sources):
        keys = sources | "LineKeys" >> beam.ParDo(_LineKeysFn(self.max_bytes))
        documents = keys | "PerDoc" >> beam.Map(lambda gk: (gk[0], 1)) | "Docs" >> beam.CombinePerKey(sum)
        counts = (keys
                  | "PerLine" >> beam.FlatMap(lambda gk: (((gk[0], k), 1) for k in gk[1]))
                  | "Count" >> beam.CombinePerKey(sum))
        lo, share = self.min_documents, self.min_share
        return (counts
                | "Recurring" >> beam.Filter(lambda kv, docs: is_recurring(kv[1], docs[kv[0][0]], lo, share),
                                             docs=beam.pvalue.AsDict(documents))
                | "ByGroup" >> beam.Map(lambda kv: kv[0])
                | "Gather" >> beam.GroupByKey()
                | "AsSet" >> beam.MapTuple(lambda group, ks: (group, frozenset(ks))))
