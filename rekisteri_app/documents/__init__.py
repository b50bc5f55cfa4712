"""Rendering of plain data to PDF and HTML bytes. Never opens a database session."""
