"""wirefeed: agency wire-feed ingestion service."""

__version__ = "0.1.0"
