"""Code suggestions, offline: Dutch lemmas and compounds, codebook matching, TF-IDF, learning from codings."""
