"""Use cases: the only way data changes. GUI and CLI call the same functions."""
