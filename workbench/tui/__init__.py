"""The coder's Textual TUI. Calls the service layer only; slow work runs in workers."""
