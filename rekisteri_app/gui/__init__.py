"""The desktop window (PySide6); only gui/ imports Qt, and it changes data only through services.

Top level: the shell (app, main_window, start_dialog, settings, settings_dialog) and the
shared helpers every room may import (dialogs, uiload, formatting, pdf_output,
table_models, fields, list_editor, status, pages). Shared helpers import
no room and no shell module; ui_extract is babel.cfg's extractor for the forms. Rooms,
one per use case: registers/, requests/, letters/, notices/; the shell imports the rooms,
a room never imports the shell.
"""
