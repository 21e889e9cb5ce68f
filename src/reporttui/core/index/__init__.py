"""The search index: Whoosh for storage, the project's own postings and matcher.

Whoosh keeps the storage, TOC and generations, segments, stored fields (everything a Hit shows),
the small filter fields (doc_id, region, kind, year), deletions and locking. The text fields'
postings are the project's: one ``<segment>.rtp`` file per segment (postings.py), inverted in
bulk with numpy and read with numpy by one matcher (matcher.py).

The API, by job:

* schema and rows: :func:`schema.make_schema`, :func:`schema.document_rows` (one row per
  paragraph/heading; jieba runs here), :func:`schema.fingerprint` (a change means rebuild);
* writing: :func:`indexer.open_writer` (a :class:`indexer.RowWriter` on a Whoosh index) with
  ``add_rows(rows)`` / ``add_document(**row)``, ``delete_document(doc_id)``,
  ``commit(extra_segments=())``, ``cancel()``; big batches in worker processes:
  :func:`indexer.build_segments` then ``commit(segments)``;
* matching: :func:`matcher.match` (``reader``, a :class:`matcher.MatchSpec`, filters as allowed
  rows) -> :class:`matcher.Matches`: per matching row (global document number, ascending) its
  BM25F ``score`` (Whoosh's formula and statistics, bit for bit), ``word_score`` (the jieba
  field's part of it), ``count`` (occurrences of the positive terms) and ``first`` (position of
  the first occurrence in units, -1 when not known: one-unit terms and every-row queries);
  ``Matches.top(limit)`` ranks by score then row;
* stored rows and statistics: Whoosh's ``searcher.stored_fields(docnum)``;
  :func:`matcher.view` (reader) -> :class:`matcher.IndexView` with ``counts(rows)`` (matches
  per document and per section), ``key_column(name)`` and ``stats()``;
* query words without loading jieba: :mod:`querywords` (a dictionary cache per library).
"""
