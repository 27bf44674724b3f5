"""Exchange formats (REFI-QDA) and their plain data; no database, no UI."""
