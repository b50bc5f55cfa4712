"""Privacy notices: preview, save, publish, versions. Imported by the shell."""
