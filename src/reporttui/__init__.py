"""reporttui: read, search and compare Chinese local-government reports in the terminal."""

__version__ = "0.1.0"
