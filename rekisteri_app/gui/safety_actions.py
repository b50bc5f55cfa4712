"""The File menu's safety actions: lock, change the passphrase, check the file's integrity,
restore a backup, purge closed cases past their retention; and emptying the window's
views before the lock screen shows.

Kept out of main_window.py so that the window only adds the menu entries (one line).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
)

from ..i18n import _, ngettext
from . import dialogs

LOCK_SHORTCUT = "Ctrl+Shift+L"


def add_to_file_menu(window: Any, menu: QMenu) -> None:
    menu.addSeparator()
    lock = QAction(_("Lock"), window)
    lock.setShortcut(QKeySequence(LOCK_SHORTCUT))
    lock.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    lock.setStatusTip(_("Close the database until the passphrase is entered again"))
    lock.triggered.connect(window.lock_requested)
    window.lock_action = lock
    menu.addAction(lock)
    for text, slot in (
        (_("Change passphrase…"), change_passphrase),
        (_("Check integrity…"), check_integrity),
        (_("Restore from backup…"), restore_backup),
        (_("Purge closed cases…"), purge_cases),
    ):
        action = QAction(text, window)
        action.triggered.connect(lambda _c=False, f=slot: f(window))
        menu.addAction(action)


def clear_views(window: Any) -> None:
    """Empty every table model and read-only text of the window (not the editors: they
    are drafts, hidden until unlock)."""
    from .pages import LoadsWhenShown
    from .table_models import RowsModel

    for model in window.findChildren(RowsModel):
        model.set_rows([])  # a paged model also stops fetching more
    for page in getattr(window, "pages", {}).values():
        if isinstance(page, LoadsWhenShown):
            page.stale = True  # reloaded when shown after the unlock
    for text in window.findChildren(QPlainTextEdit) + window.findChildren(QTextEdit):
        if text.isReadOnly():
            text.clear()
    panel = getattr(window, "findings_panel", None)
    if panel is not None:
        panel.set_findings([], available=True, error=None)


def change_passphrase(window: Any) -> Any:
    from .passphrase_dialog import PassphraseDialog

    dialog = PassphraseDialog(window.ctx, window)
    if dialog.exec():
        window.audit_page.refresh()
        dialogs.show_info(
            window,
            _("Change passphrase"),
            _(
                "The passphrase was changed. Backups made before keep the old passphrase; "
                "make a new backup now (File → Backup…)."
            ),
        )
    return dialog


def check_integrity(window: Any) -> Any:
    from ..services.security import check_integrity as check

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = check(window.ctx)
    finally:
        QApplication.restoreOverrideCursor()
    if result.ok:
        dialogs.show_info(
            window,
            _("Check integrity"),
            _(
                "The database is intact: every page, the structure and the audit trail "
                "({n} events) were checked."
            ).format(n=result.chain.checked if result.chain else 0),
        )
        return result
    problems = list(result.pages.lines())
    if result.chain is not None and not result.chain.ok:
        problems.append(
            _("Audit trail: broken ({reason}) at event #{id}.").format(
                reason=result.chain.reason, id=result.chain.broken_id
            )
        )
    for name, lines in result.other.items():
        problems += [_(name) + ": " + line for line in lines]
    dialogs.show_problems(
        window,
        _("Check integrity"),
        _("The database has problems. Restore the newest backup (File → Restore from backup…)."),
        problems,
    )
    return result


def restore_backup(window: Any, backup: Path | None = None, passphrase: str | None = None) -> bool:
    """Replace the open database by a backup: proved first, asked (Cancel is the default),
    the replaced file kept as `<db>.replaced-<stamp>`, then the restored file opens."""
    from datetime import UTC, datetime

    from ..storage.backups import default_backup_folder, prove_backup, restore
    from ..storage.database import Database
    from ..storage.errors import StorageError

    path = Path(window.database.path)
    if backup is None:
        chosen, _filter = QFileDialog.getOpenFileName(
            window,
            _("Restore from backup"),
            str(default_backup_folder(path)),
            "Rekisteri (*.db *.rekisteri *.bak);;*",
        )
        if not chosen:
            return False
        backup = Path(chosen)
    if passphrase is None:
        passphrase, ok = QInputDialog.getText(
            window,
            _("Restore from backup"),
            _("Passphrase of the backup {name}:").format(name=backup.name),
            QLineEdit.EchoMode.Password,
        )
        if not ok or not passphrase:
            return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        _report, events = prove_backup(backup, passphrase)
    except StorageError as exc:
        QApplication.restoreOverrideCursor()
        dialogs.show_error(window, _("Restore from backup"), exc.message)
        return False
    QApplication.restoreOverrideCursor()
    if not dialogs.confirm(
        window,
        _("Restore from backup"),
        _(
            "Replace {db} with the backup {backup}? The backup opened and passed the "
            "integrity check ({n} audit events). Changes made after the backup are lost from "
            "the database; the current file is kept beside it as {db}.replaced-…"
        ).format(db=path.name, backup=backup.name, n=events),
        _("Restore"),
    ):
        return False
    if not window.close_editors():
        return False
    window.database.close()
    try:
        done = restore(backup, passphrase, path, now=datetime.now(UTC))
        database = Database.open(path, passphrase)
    except StorageError as exc:
        dialogs.show_error(window, _("Restore from backup"), exc.message)
        window.closing_for_switch = True
        if window.close():
            window.switch_requested.emit(0)
        window.closing_for_switch = False
        return False
    kept = done.kept.name if done.kept else "—"
    window.closing_for_switch = True
    if window.close():
        window.replace_requested.emit(database)
    window.closing_for_switch = False
    dialogs.show_info(
        None,
        _("Restore from backup"),
        _("The backup was restored to {db}; the replaced file is kept as {kept}.").format(
            db=path.name, kept=kept
        ),
    )
    return True


def purge_cases(window: Any) -> int:
    """List the closed cases past the retention period, and purge them when confirmed."""
    from ..services.requests import retention

    plan = retention.purge_plan(window.ctx)
    if not plan.cases:
        dialogs.show_info(
            window,
            _("Purge closed cases"),
            _(
                "No closed case is older than {years} years (closed before {cutoff}); "
                "nothing would be purged. {held}"
            ).format(years=plan.years, cutoff=plan.cutoff.isoformat(), held=_held(plan)),
        )
        return 0
    lines = [
        _("{case}, closed on {closed}: {letters} letters, {attachments} attachments").format(
            case=c.case_number,
            closed=c.closed_on.isoformat(),
            letters=c.letters,
            attachments=c.attachments,
        )
        for c in plan.cases
    ]
    dialogs.show_problems(
        window,
        _("Purge closed cases"),
        ngettext(
            "{n} closed case is older than {years} years and would be purged:",
            "{n} closed cases are older than {years} years and would be purged:",
            len(plan.cases),
        ).format(n=len(plan.cases), years=plan.years)
        + " "
        + _held(plan),
        lines,
    )
    if not dialogs.confirm(
        window,
        _("Purge closed cases"),
        _(
            "Purge these {n} cases? Their attachments, identity evidence, letters' PDFs and "
            "the requesters' personal data are deleted for good; a pseudonymous row for "
            "statistics stays. Backups keep them until they are pruned."
        ).format(n=len(plan.cases)),
        _("Purge"),
    ):
        return 0
    done = retention.purge(window.ctx)
    window.refresh()
    dialogs.show_info(
        window,
        _("Purge closed cases"),
        _("{n} cases were purged.").format(n=len(done.cases)),
    )
    return len(done.cases)


def _held(plan: Any) -> str:
    if not plan.held:
        return ""
    return ngettext(
        "{n} case under a legal hold is kept.", "{n} cases under a legal hold are kept.", plan.held
    ).format(n=plan.held)
