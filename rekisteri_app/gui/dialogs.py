"""Message boxes the officer can act on: errors, problem lists, unsaved-changes questions.

Every box goes through `run_box`, one place for tests to intercept (they patch
QMessageBox.exec) and one place that guarantees a box never shows a traceback: callers
pass the exception's translated `.message`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ..i18n import N_, _

MAX_LISTED = 15

LIST_NAMES = {
    "controllers": N_("Controllers"),
    "contacts": N_("Contacts"),
    "purposes": N_("Purposes"),
    "legal_bases": N_("Legal bases"),
    "subject_groups": N_("Data subject groups"),
    "data_categories": N_("Data categories"),
    "retention_rules": N_("Retention"),
    "sources": N_("Sources"),
    "recipients": N_("Recipients"),
    "processors": N_("Processors"),
    "transfers": N_("Transfers"),
    "security_measures": N_("Security measures"),
    "automated_decisions": N_("Automated decisions"),
    "rights": N_("Rights"),
    "notice_versions": N_("Notice versions"),
    "registers": N_("Registers"),
    "requests": N_("Requests"),
    "services": N_("Services"),
    "statements": N_("Statements"),
    "notice_references": N_("Other notices"),
    "dpos": N_("Data protection officers"),
}

FIELD_NAMES = {
    "name": N_("Name"),
    "business_id": N_("Business ID"),
    "country": N_("Country"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "web": N_("Web address"),
    "recipient": N_("Recipient"),
    "safeguard": N_("Safeguard"),
    "scc_module": N_("SCC module"),
    "dpf_checked_on": N_("DPF checked on"),
    "data_category": N_("Data category"),
    "controller": N_("Controller"),
    "processor": N_("Processor"),
    "parent": N_("Parent processor"),
    "dpa_signed_on": N_("Agreement signed"),
    "dpa_review_on": N_("Agreement review"),
    "key": N_("Key"),
}

_STEP = re.compile(r"\.?([A-Za-z_]+)(?:\[(\d+)\])?")


def describe_path(path: str) -> str:
    """`$.registers[0].transfers[1].safeguard` -> "Transfers, row 2, Safeguard".

    The service reports problems against the exchange document; in an editor the
    officer thinks in tabs, rows and fields, so the path is retold in those words.
    """
    text = path.removeprefix("$")
    parts: list[str] = []
    steps = list(_STEP.finditer(text))
    for number, step in enumerate(steps):
        name, index = step.group(1), step.group(2)
        if number == 0 and name in ("registers", "processors", "controllers", "requests", "dpos"):
            continue  # the entity being edited
        if index is not None:
            parts.append(_(LIST_NAMES.get(name, name)))
            parts.append(_("row {n}").format(n=int(index) + 1))
        else:
            parts.append(_(FIELD_NAMES[name]) if name in FIELD_NAMES else name)
    return ", ".join(parts) or path


def run_box(box: QMessageBox) -> Any:
    """Show a box modally and return the clicked standard button."""
    return box.exec()


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
    detailed: str = "",
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    # Messages quote names, addresses and file names: never read them as markup.
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
        label = box.findChild(QLabel, "qt_msgbox_informativelabel")
        if label is not None:
            label.setTextFormat(Qt.TextFormat.PlainText)
    if detailed:
        box.setDetailedText(detailed)
    return box


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    box = _box(parent, QMessageBox.Icon.Warning, title, message)
    box.addButton(QMessageBox.StandardButton.Ok)
    run_box(box)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    box = _box(parent, QMessageBox.Icon.Information, title, message)
    box.addButton(QMessageBox.StandardButton.Ok)
    run_box(box)


def show_problems(parent: QWidget | None, title: str, intro: str, problems: Iterable[Any]) -> None:
    """A list of problems (InvalidDocument's Problem(path, message), or plain strings)."""
    lines = []
    for problem in problems:
        if hasattr(problem, "path"):
            lines.append(f"{describe_path(problem.path)}: {problem.message}")
        else:
            lines.append(str(problem))
    shown = "\n".join(f"• {line}" for line in lines[:MAX_LISTED])
    if len(lines) > MAX_LISTED:
        shown += "\n" + _("… and {n} more").format(n=len(lines) - MAX_LISTED)
    box = _box(
        parent,
        QMessageBox.Icon.Warning,
        title,
        intro,
        shown,
        "\n".join(lines) if len(lines) > MAX_LISTED else "",
    )
    box.addButton(QMessageBox.StandardButton.Ok)
    run_box(box)


def confirm(parent: QWidget | None, title: str, message: str, yes: str) -> bool:
    """OK (labelled `yes`) or Cancel, Cancel being the default for Enter."""
    box = _box(parent, QMessageBox.Icon.Question, title, message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).setText(yes)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return run_box(box) == QMessageBox.StandardButton.Ok


SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def ask_unsaved(parent: QWidget | None, what: str) -> str:
    """Save / Discard / Cancel for an editor with changes; returns one of the three."""
    box = _box(
        parent,
        QMessageBox.Icon.Question,
        _("Unsaved changes"),
        _("{what} has unsaved changes. Save them?").format(what=what),
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    result = run_box(box)
    if result == QMessageBox.StandardButton.Save:
        return SAVE
    if result == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def unexpected_message(exc: BaseException, where: str = "window") -> str:
    """For an exception of unknown kind: a crash report of code locations, and a message
    naming only its type (its own text may quote personal data)."""
    from .. import crash_report

    path = crash_report.write(exc, where=where)
    kind = type(exc).__name__
    if path is None:
        return _(
            "Unexpected error ({kind}). Its details are not shown, as they may contain "
            "personal data."
        ).format(kind=kind)
    return _(
        "Unexpected error ({kind}). Its details are not shown, as they may contain "
        "personal data; a report without data (the code locations only) was written "
        "to {log}. Please send it to the application's maintainers."
    ).format(kind=kind, log=path)


def ask_lock_with_drafts(parent: QWidget | None, count: int) -> str:
    """Lock with open editors: keep them as drafts until unlock, discard, or cancel."""
    box = _box(
        parent,
        QMessageBox.Icon.Question,
        _("Lock"),
        _(
            "{n} windows are open and may have unsaved changes. Keep them in memory until "
            "you unlock, or discard them?"
        ).format(n=count),
    )
    keep = box.addButton(_("Keep until unlock"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_("Discard and lock"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    run_box(box)
    clicked = box.clickedButton()
    if clicked is keep:
        return SAVE
    if clicked is discard:
        return DISCARD
    return CANCEL
