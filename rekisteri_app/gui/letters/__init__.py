"""Letters: the Letters page, writing a letter, its wording. Imported by the shell, requests/."""
