"""The breach room of the window: the Breaches page, the editor, the notification draft
and the Art. 34 letters, and the dashboard's 72-hour card."""
