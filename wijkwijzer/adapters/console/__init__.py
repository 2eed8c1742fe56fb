"""The terminal channel: typed lines in, rendered replies out (also the dialog tests' channel)."""
