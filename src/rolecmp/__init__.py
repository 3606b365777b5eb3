"""rolecmp: compare healthcare roles side by side from sourced data."""

__version__ = "0.1.0"
