"""Queries: parse, match, rank, assemble hits with spans and snippets."""
