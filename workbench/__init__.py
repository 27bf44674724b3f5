"""Interview coding workbench: code Dutch interview transcripts, count per respondent."""

__version__ = "0.1.0"
