"""Widgets of the app: the document text view, the section tree, the index status line."""
