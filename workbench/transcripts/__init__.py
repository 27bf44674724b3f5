"""Reading transcripts: one parser per layout behind one interface (see base.py)."""

from workbench.transcripts.detect import parse_file, parse_text

__all__ = ["parse_file", "parse_text"]
