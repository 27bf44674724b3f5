"""Reading transcripts: one parser per layout behind one interface (see base.py); `detect.parse_file` picks
the layout. Nothing is imported here, so that the clock's helpers do not load the parsers."""
