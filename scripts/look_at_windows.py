"""Open every dialog and page of the window on the demo database, in each language, at
a laptop's screen size, list what is cut and (with --out) save a screenshot of each.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/look_at_windows.py \\
        --lang fi sv en --out /tmp/look
    python scripts/look_at_windows.py --scale 1.25      # 125 %: 1093×614 logical pixels

The checks are tests/clipping.py's (the same as tests/test_gui_fits_the_screen.py).
Exit code 1 when something is cut.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", nargs="+", default=["fi", "sv", "en"])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", nargs="*", default=None, help="names of windows")
    parser.add_argument("--out", type=Path, help="folder for screenshots")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="rekisteri-look-"))
    from PySide6.QtCore import QSettings, QSize
    from PySide6.QtWidgets import QApplication

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app = QApplication.instance() or QApplication([])
    from rekisteri_app.gui.app import install_qt_translations
    from rekisteri_app.i18n import set_language
    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.services.demo import create_demo
    from rekisteri_app.storage.database import Database
    from tests import clipping

    create_demo(folder / "demo.db", "look-passphrase")
    db = Database.open(folder / "demo.db", "look-passphrase")
    ctx = ServiceContext(db, actor="look")
    screen = QSize(round(1366 / args.scale), round(768 / args.scale))
    failed = 0
    for lang in args.lang:
        set_language(lang)
        install_qt_translations(app, lang)
        for name, factory in clipping.windows(ctx):
            if args.only and name not in args.only:
                continue
            window = factory()
            clipping.place(window, screen)
            problems = clipping.cut_widgets(window, screen)
            for problem in problems:
                print(f"{lang} {name}: {problem}")
            failed += bool(problems)
            if args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                window.grab().save(str(args.out / f"{lang}-{name}.png"))
            if name.startswith("page-"):
                window.hide()  # the one main window: closing it closes the database
                continue
            window.close()
            window.deleteLater()
            clipping.settle()
    db.close()
    print(f"{failed} windows with something cut")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
