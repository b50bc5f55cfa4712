"""gettext for every user-visible string, Finnish first.

`_` translates into the process's current language (CLI `--lang`, `LANG`, or the GUI's
setting). Documents that must be written in a requester's language ask for
`translator(lang)` instead, so that a Swedish letter never depends on the UI language.
"""

from __future__ import annotations

import gettext as _gettext
import os
from functools import cache

from .paths import data_dir

DOMAIN = "rekisteri"
LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
NATIVE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}  # each in itself, for choosing

_current = DEFAULT_LANGUAGE


@cache
def translator(lang: str) -> _gettext.NullTranslations:
    """The compiled catalogue for `lang`; a missing catalogue is a packaging bug."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang}")
    return _gettext.translation(DOMAIN, localedir=str(data_dir("translations")), languages=[lang])


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    """First of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that names fi, sv or en."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        for part in value.split(":"):
            code = part.split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
    return DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    global _current
    translator(lang)  # fail early on a missing catalogue
    _current = lang


def current_language() -> str:
    return _current


def _(message: str) -> str:
    return translator(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translator(_current).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction; translate it later where it is shown."""
    return message


def quoted(value: object, limit: int = 40) -> str:
    """A value as a message may show it: at most `limit` characters, so an error never
    echoes a whole document (or more of someone's data than it needs to name the field)."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(value: object, limit: int = 40) -> str:
    """A value of any field in a validation message: itself (repr) when short, as a code,
    a date or a key is; else only its length, since a long text in the wrong field is
    more likely someone's data than a mistyped code."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) <= limit:
        return repr(value) if isinstance(value, str) else text
    return translator(_current).gettext("a text of {n} characters").format(n=len(text))
