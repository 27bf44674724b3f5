"""The service layer: one function per user action, plain data in and out.

The CLI and the TUI both call these; nothing here imports either of them.
"""
