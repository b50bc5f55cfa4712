"""The built wheel carries the data folders the program reads at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_contains_ui_resources_translations_and_migrations(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("rekisteri-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for required in (
        "rekisteri_app/translations/fi/LC_MESSAGES/rekisteri.mo",
        "rekisteri_app/translations/sv/LC_MESSAGES/rekisteri.mo",
        "rekisteri_app/resources/fonts/DejaVuSans.ttf",
        "rekisteri_app/resources/fonts/LICENSE-DejaVu.txt",
        "rekisteri_app/resources/schema/rekisteri-export-v1.schema.json",
        "rekisteri_app/storage/migrations/env.py",
        "rekisteri_app/packaging/rekisteri.spec",
        "rekisteri_app/tests/conftest.py",
    ):
        assert required in names, required
    assert any(n.startswith("rekisteri_app/ui/") and n.endswith(".ui") for n in names)
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry).decode()
    assert "rekisteri = rekisteri_app.cli.main:main" in text
    assert "rekisteri-app = rekisteri_app.gui.app:main" in text
