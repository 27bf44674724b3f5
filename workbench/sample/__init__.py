"""An invented sample study: Dutch interviews in every supported layout, plus registry.

Run `python -m workbench.sample --out transcripts/sample-study` to (re)make it.
"""
