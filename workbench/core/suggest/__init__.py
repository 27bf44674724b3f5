"""Code suggestions, offline: the Dutch pipeline, lemmas, compounds and the ranking model."""

SHOWN = 0.8  # codes shown by default: at least this share of their turn's best score (bench/eval_suggest.py)
