"""Corpora: reading records, checking them in worker processes, writing rows, corpus statistics
(bootstrap intervals, ranking, paired tests), the HTML report, and the pipeline with resume."""

from .output import RowWriter, flags_text, format_ranking, format_signatures, segment_row
from .pages import FlaggedSummary, flag_summaries, summarize_page
from .journal import partial_path
from .pipeline import CorpusCheck, document_ranking, document_rows, write_rows
from .records import Record, batched, corpus_language, read_aligned, read_corpus, read_records, records
from .report import ReportBuilder
from .runner import BatchChecker
from .shards import Corpus, Shard, corpus_shards
from .stats import SystemScore, SystemTotals, system_scores

__all__ = ["BatchChecker", "Corpus", "CorpusCheck", "Shard", "corpus_shards", "summarize_page", "FlaggedSummary", "flag_summaries", "Record", "ReportBuilder", "RowWriter", "SystemScore", "SystemTotals",
           "batched", "corpus_language", "document_ranking", "document_rows", "flags_text", "format_ranking", "format_signatures",
           "partial_path", "read_aligned", "read_corpus", "read_records", "records", "segment_row", "system_scores",
           "write_rows"]
