"""Registers, processors, controllers, transfers: editors and lists. Imported by the shell."""
