"""The full-text index: schema, tokenizers, segmenter, postings, matching, scoring."""
