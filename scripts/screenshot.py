"""Take the README screenshot of the main window (and, on request, of every editor).

    python scripts/screenshot.py                      # docs/screenshot-main-window.png
    python scripts/screenshot.py --lang en --editors /tmp/editors
    python scripts/screenshot.py --case /tmp/case     # also each tab of a case dialog
    python scripts/screenshot.py --correction /tmp/fix --size 1366x768
                                 # the intake edit form and a timeline with a correction
    python scripts/screenshot.py --page breaches --breach /tmp/breach   # editor, draft

Runs on the demo database (services.demo) in a temporary folder, or on the test
fixture document when the demo is not available. Uses Qt's offscreen platform unless a
display is set (e.g. under `xvfb-run`), and a temporary settings folder, so it never
touches the user's recent databases or window geometry.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "screenshot-passphrase"
PAGES = (
    "dashboard",
    "registers",
    "processors",
    "controllers",
    "transfers",
    "requests",
    "breaches",
    "letters",
    "audit",
)


def make_database(folder: Path):
    """An open Database with demo (or fixture) content."""
    from rekisteri_app.storage.database import Database

    path = folder / "rekisteri-demo.db"
    try:
        from rekisteri_app.services.demo import create_demo
    except ImportError:
        create_demo = None
    if create_demo is not None:
        create_demo(path, PASSPHRASE)
        return Database.open(path, PASSPHRASE)
    sys.path.insert(0, str(ROOT))
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.services.exchange import import_document
    from tests.exchange_samples import full_document

    database = Database.create(path, PASSPHRASE)
    import_document(ServiceContext(database, actor="screenshot"), full_document())
    return database


def grab_lock_screen(app, path: Path, out: Path) -> None:
    from rekisteri_app.gui.lock_screen import LockScreen
    from rekisteri_app.i18n import _

    screen = LockScreen(path, drafts=1, reason=_("Locked after a time without use."))
    screen.show()
    screen.passphrase.setText("not the passphrase")
    screen.unlock()  # shows the wrong-passphrase message
    settle(app)
    out.parent.mkdir(parents=True, exist_ok=True)
    screen.grab().save(str(out))
    screen.close()
    print(out)


def settle(app, rounds: int = 5) -> None:
    for _round in range(rounds):
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="fi", choices=("fi", "sv", "en"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot-main-window.png"))
    parser.add_argument("--editors", metavar="DIR", help="also grab each editor into DIR")
    parser.add_argument(
        "--case", metavar="DIR", help="also grab each tab of the first listed case into DIR"
    )
    parser.add_argument(
        "--correction",
        metavar="DIR",
        help="also grab the intake edit form of the first case and its timeline after a "
        "correction into DIR",
    )
    parser.add_argument(
        "--lock-screen", metavar="PNG", help="also grab the lock screen (a wrong passphrase tried)"
    )
    parser.add_argument(
        "--breach",
        metavar="DIR",
        help="also grab the editor tabs and the notification draft of the most urgent breach",
    )
    parser.add_argument("--size", default="1366x768")  # a common laptop screen
    parser.add_argument(
        "--page", default="registers", choices=PAGES, help="the page shown in the main screenshot"
    )
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from rekisteri_app.gui.app import install_qt_translations
    from rekisteri_app.i18n import set_language

    with tempfile.TemporaryDirectory(prefix="rekisteri-shot-") as temp:
        folder = Path(temp)
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings")
        )
        app = QApplication.instance() or QApplication([sys.argv[0]])
        set_language(args.lang)
        install_qt_translations(app, args.lang)
        from rekisteri_app.gui.main_window import MainWindow

        database = make_database(folder)
        window = MainWindow(database)
        width, height = (int(n) for n in args.size.split("x"))
        window.resize(width, height)
        window.show()
        window.show_page(args.page)
        page = window.registers_page
        if args.page == "registers" and page.proxy.rowCount():
            page.table.selectRow(0)
        settle(app)
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out)):
            print(f"could not write {out}", file=sys.stderr)
            return 1
        print(out)

        if args.editors:
            grab_editors(app, window, Path(args.editors))
        if args.case:
            grab_case(app, window, Path(args.case))
        if args.correction:
            grab_correction(app, window, Path(args.correction), (width, height))
        if args.breach:
            grab_breach(app, window, Path(args.breach))
        if args.lock_screen:
            database.close()  # as the lock does; the window is not used afterwards
            grab_lock_screen(app, database.path, Path(args.lock_screen))
        for editor in list(window.editors.values()):
            editor.baseline = editor.collect_raw()
            editor.close()
        window.close()
    return 0


def grab_case(app, window, folder: Path) -> None:
    """One PNG per tab of the case dialog of the first case on the Requests page."""
    page = window.requests_page
    if not page.proxy.rowCount():
        print("no case to show", file=sys.stderr)
        return
    folder.mkdir(parents=True, exist_ok=True)
    page.table.selectRow(0)
    dialog = page.open_case(page.current_case())
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        settle(app)
        target = folder / f"case-tab-{index + 1}.png"
        dialog.grab().save(str(target))
        print(target)
    dialog.close()


def grab_correction(app, window, folder: Path, size: tuple[int, int]) -> None:
    """The intake edit form (Ctrl+E) filled in from the first case with a reason typed,
    then the case's Timeline tab after that correction was stored."""
    from datetime import timedelta

    from rekisteri_app.gui.requests.intake_edit import EditIntakeDialog

    page = window.requests_page
    window.show_page("requests")
    if not page.proxy.rowCount():
        print("no case to correct", file=sys.stderr)
        return
    folder.mkdir(parents=True, exist_ok=True)
    page.table.selectRow(0)
    dialog = page.open_case(page.current_case())
    dialog.resize(min(size[0], 1000), min(size[1] - 40, 720))
    dialog.edit_button.click()
    settle(app)
    form = dialog.findChild(EditIntakeDialog)
    form.resize(min(size[0], 1200), size[1] - 40)
    form.received_on.set_value(form.received_on.value() - timedelta(days=2))
    form.reason.setPlainText("Kirjekuoren leiman mukaan pyyntö saapui kaksi päivää aiemmin.")
    settle(app)
    target = folder / "edit-intake.png"
    form.grab().save(str(target))
    print(target)
    form.buttons.button(form.buttons.StandardButton.Ok).click()
    settle(app)
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    settle(app)
    target = folder / "timeline-with-correction.png"
    dialog.grab().save(str(target))
    print(target)
    dialog.tabs.setCurrentIndex(2)  # the deadline tab explains the move
    settle(app)
    target = folder / "deadline-after-correction.png"
    dialog.grab().save(str(target))
    print(target)
    dialog.close()


def grab_breach(app, window, folder: Path) -> None:
    """The breach editor's tabs, the notification draft dialog and the draft's PDF."""
    window.show_page("breaches")
    page = window.breaches_page
    settle(app)
    if not page.proxy.rowCount():
        print("no breach to show", file=sys.stderr)
        return
    folder.mkdir(parents=True, exist_ok=True)
    reference = page.current_reference()
    editor = page.open_breach(reference)
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        settle(app)
        target = folder / f"breach-tab-{index + 1}.png"
        editor.grab().save(str(target))
        print(target)
    editor.close()
    draft = page.open_draft()
    settle(app, 10)
    target = folder / "breach-draft-dialog.png"
    draft.grab().save(str(target))
    print(target)
    if draft.draft is not None:
        (folder / "breach-draft.pdf").write_bytes(draft.draft.pdf)
        print(folder / "breach-draft.pdf")
    draft.close()


def grab_editors(app, window, folder: Path) -> None:
    """One PNG per editor, and one per register-editor tab, for a look at each form."""
    from PySide6.QtWidgets import QTabWidget

    folder.mkdir(parents=True, exist_ok=True)
    shots = []
    for page_name in PAGES:
        window.show_page(page_name)
        settle(app)
        shots.append((f"page-{page_name}", window))
    for name, shot in shots:
        window.show_page(name.removeprefix("page-"))
        settle(app)
        shot.grab().save(str(folder / f"{name}.png"))
        print(folder / f"{name}.png")
    registers = window.registers_page.model.rows
    processors = window.processors_page.model.rows
    controllers = window.controllers_page.model.rows
    transfers = window.transfers_page.model.rows
    editors = []
    if registers:
        editors.append(("register", window.open_register(registers[0].id)))
    if processors:
        editors.append(("processor", window.open_processor(processors[0].id)))
    if controllers:
        editors.append(("controller", window.open_controller(controllers[0].id)))
    if transfers:
        editors.append(
            ("transfer", window.open_transfer(transfers[0].register_id, transfers[0].index))
        )
    for name, editor in editors:
        settle(app)
        tabs = editor.form.findChild(QTabWidget, "tabs")
        if tabs is None:
            editor.grab().save(str(folder / f"editor-{name}.png"))
            print(folder / f"editor-{name}.png")
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle(app)
            target = folder / f"editor-{name}-{index + 1}.png"
            editor.grab().save(str(target))
            print(target)


if __name__ == "__main__":
    sys.exit(main())
