"""The audit pack in the window: the export dialog (File menu and the dashboard) and
"Verify a pack…"; both call services/audit_pack."""
