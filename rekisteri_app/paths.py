"""Where the shipped data folders are, installed or in a source checkout.

The wheel and the PyInstaller bundle carry `ui/`, `resources/` and `translations/`
inside the package; an editable install finds them at the top of the checkout.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder `name` (ui, resources or translations) wherever it was installed."""
    candidates = [_PACKAGE / name, _PACKAGE.parent / name]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "rekisteri_app" / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(name)


def resource(*parts: str) -> Path:
    return data_dir("resources").joinpath(*parts)
