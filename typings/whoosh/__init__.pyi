__version__: tuple[int, ...]
