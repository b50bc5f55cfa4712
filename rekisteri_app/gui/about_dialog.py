"""Help → About: which Rekisteri this is, what it runs on, which database is open, and
the licence of every library and font it carries (Qt's LGPL notice first).

What is carried is listed once, in resources/licences/components.json: the PyInstaller
recipe copies each listed distribution's metadata into the bundle, so versions and
licence files are read the same way from a bundle, a wheel or a checkout
(importlib.metadata), and tests/test_packaging.py keeps the list in step with
pyproject.toml's dependencies.
"""

from __future__ import annotations

import html
import importlib.metadata
import importlib.resources
import json
import platform
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..i18n import _
from ..paths import resource

QT_SOURCE = "https://download.qt.io/official_releases/qt/"
PYSIDE_SOURCE = "https://download.qt.io/official_releases/QtForPython/"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    texts: tuple[str, ...]  # full licence texts, as found


def runtime_versions(database: Any) -> dict[str, str]:
    """Versions that come from the running libraries, not from package metadata."""
    versions = {"qt": qVersion(), "python": platform.python_version()}
    if database is not None:
        versions.update(database.library_versions())
    return versions


def _distribution_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return ""


def _metadata_texts(name: str) -> list[str]:
    """The licence files a distribution ships in its metadata (License-File)."""
    try:
        dist = importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return []
    texts = []
    for file in dist.metadata.get_all("License-File") or []:
        text = dist.read_text(f"licenses/{file}") or dist.read_text(file)
        if text:
            texts.append(text)
    return texts


def _python_licence() -> str | None:
    """The interpreter's LICENSE.txt: beside the bundle's programs, else in its prefix."""
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "python-licence"] if bundle else []
    candidates += [Path(sysconfig.get_path("stdlib")), Path(sys.base_prefix)]
    for folder in candidates:
        if (folder / "LICENSE.txt").is_file():
            return (folder / "LICENSE.txt").read_text(encoding="utf-8", errors="replace")
    return None


def _text(source: str, distribution: str | None) -> list[str]:
    kind, _sep, where = source.partition(":")
    if kind == "resource":
        path = resource(*where.split("/"))
        return [path.read_text(encoding="utf-8")] if path.is_file() else []
    if kind == "package":
        package, _sep, inner = where.partition("/")
        try:
            file = importlib.resources.files(package).joinpath(inner)
            return [file.read_text(encoding="utf-8")] if file.is_file() else []
        except (ModuleNotFoundError, OSError):
            return []
    if kind == "metadata" and distribution:
        return _metadata_texts(distribution)
    if kind == "python":
        text = _python_licence()
        return [text] if text else []
    raise ValueError(f"components.json: unknown licence text source {source!r}")


def components(versions: dict[str, str]) -> list[Component]:
    """Every component this installation carries, with its version and licence texts."""
    listed = json.loads(resource("licences", "components.json").read_text(encoding="utf-8"))
    frozen = bool(getattr(sys, "frozen", False))
    found = []
    for entry in listed["components"]:
        if entry.get("bundle_only") and not frozen:
            continue
        distribution = entry.get("distribution")
        if "runtime" in entry:
            version = versions.get(entry["runtime"], "")
        else:
            version = _distribution_version(distribution) if distribution else ""
        texts = [text for source in entry.get("texts", []) for text in _text(source, distribution)]
        found.append(Component(entry["name"], version, entry["licence"], tuple(texts)))
    return found


def qt_notice(versions: dict[str, str]) -> str:
    """The LGPL notice for Qt and Qt for Python, translated."""
    return _(
        "Rekisteri uses the Qt libraries {qt} and Qt for Python {pyside} under the GNU Lesser "
        "General Public License version 3 (LGPL-3.0). Qt is linked dynamically: its libraries "
        "are separate files, and you may replace them with a compatible version of your own. "
        "The source code of Qt is available at {qt_source} and that of Qt for Python at "
        "{pyside_source}. The texts of the LGPL-3.0 and of the GPL-3.0 it refers to are "
        "below."
    ).format(
        qt=versions.get("qt", ""),
        pyside=pyside_version,
        qt_source=QT_SOURCE,
        pyside_source=PYSIDE_SOURCE,
    )


def _linked(text: str) -> str:
    for url in (QT_SOURCE, PYSIDE_SOURCE):
        text = text.replace(url, f"<a href='{url}'>{url}</a>")
    return text


def licences_html(found: list[Component], versions: dict[str, str]) -> str:
    """The notices, a table of what is carried, then each full licence text once."""
    e = html.escape
    title, intro = (
        _("Licences"),
        _("Rekisteri includes these components, each under its own licence."),
    )
    headers = (_("Component"), _("Version"), _("Licence"))
    parts = [
        f"<h3>{e(title)}</h3>",
        f"<p>{_linked(e(qt_notice(versions)))}</p>",
        f"<p>{e(intro)}</p>",
        "<table cellpadding='3'><tr>",
        *(f"<th align='left'>{e(header)}</th>" for header in headers),
        "</tr>",
    ]
    for component in found:
        cells = (component.name, component.version or "—", component.licence)
        parts.append("<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in cells) + "</tr>")
    parts.append("</table>")
    shown: set[str] = set()
    for component in found:
        for text in component.texts:
            if text not in shown:
                shown.add(text)
                parts.append(f"<h4>{e(component.name)}</h4><pre>{e(text)}</pre>")
    return "\n".join(parts)


class AboutDialog(QDialog):
    """Versions and the open database at the top, the licences below, one Close button."""

    def __init__(self, parent: QWidget | None, database: Any) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About Rekisteri"))
        self.resize(760, 620)
        self.versions = runtime_versions(database)
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>Rekisteri {html.escape(__version__)}</h2>")
        layout.addWidget(title)
        description = QLabel(
            _(
                "The privacy officer's records of processing, rights requests and letters. "
                "Everything is kept in one encrypted database file."
            )
        )
        description.setWordWrap(True)
        layout.addWidget(description)
        form = QFormLayout()
        self.facts: dict[str, QLabel] = {}
        rows = [
            ("version", _("Version"), __version__),
            ("database", _("Database"), str(database.path) if database is not None else "—"),
            ("sqlcipher", "SQLCipher", self.versions.get("sqlcipher", "")),
            ("qt", "Qt", f"{self.versions['qt']} (Qt for Python {pyside_version})"),
            ("python", "Python", self.versions["python"]),
        ]
        for key, label, value in rows:
            field = QLabel(value or "—")
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[key] = field
            form.addRow(label, field)
        layout.addLayout(form)
        self.licences = QTextBrowser()
        self.licences.setOpenExternalLinks(True)
        self.licences.setHtml(licences_html(components(self.versions), self.versions))
        layout.addWidget(self.licences, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def show_about(parent: QWidget | None, database: Any) -> None:
    AboutDialog(parent, database).exec()
