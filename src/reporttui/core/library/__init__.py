"""The library on disk: catalogue, sync with the index, locking, references."""
