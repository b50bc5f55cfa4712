"""Rights requests: list, dashboard, intake, case dialog, attachments. Imported by the shell."""
