"""What the window remembers between runs: recent databases, geometry, language.

Stored with QSettings (organisation and application "Rekisteri") in INI format, so the
file is the same readable text on Windows and Linux and tests can point it at a temporary
folder with QSettings.setPath. Only paths and window state are kept here, never a
passphrase or anything from inside the database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANISATION = "Rekisteri"
APPLICATION = "Rekisteri"
MAX_RECENT = 8

RECENT_KEY = "databases/recent"
LAST_KEY = "databases/last"
LANGUAGE_KEY = "ui/language"
GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"


def settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def _as_list(value: object) -> list[str]:
    """QSettings returns a str for a one-item list and None for none; always a list."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value]  # type: ignore[union-attr]


def recent_databases() -> list[str]:
    """Most recent first; files that have disappeared are still listed (a USB stick)."""
    return _as_list(settings().value(RECENT_KEY))


def remember_database(path: Path | str) -> None:
    """Move `path` to the top of the recent list and make it the last database."""
    text = str(Path(path).resolve())
    items = [text] + [item for item in recent_databases() if item != text]
    store = settings()
    store.setValue(RECENT_KEY, items[:MAX_RECENT])
    store.setValue(LAST_KEY, text)


def last_database() -> str | None:
    value = settings().value(LAST_KEY)
    return str(value) if value else None


def saved_language() -> str | None:
    value = settings().value(LANGUAGE_KEY)
    return str(value) if value else None


def save_language(lang: str) -> None:
    settings().setValue(LANGUAGE_KEY, lang)
