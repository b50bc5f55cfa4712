"""Extract, update and compile the gettext catalogues (fi, sv, en).

    python scripts/i18n.py          # extract + update + compile
    python scripts/i18n.py compile  # compile only

The compiled .mo files are committed so that an editable install works without a
build step; tests/test_translations.py fails when they drift from the .po files.

The catalogues' POT-Creation-Date is pinned: Babel stamps the time of every extraction,
so two branches that each ran this script conflicted on that one header line.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = "rekisteri"
POT = ROOT / "translations" / f"{DOMAIN}.pot"
LANGS = ("fi", "sv", "en")


def run(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract() -> None:
    run(
        "extract",
        "-F",
        str(ROOT / "babel.cfg"),
        "-k",
        "_",
        "-k",
        "N_",
        "-k",
        "ngettext:1,2",
        "--no-location",
        "--sort-output",
        "--project",
        "Rekisteri",
        "-o",
        str(POT),
        str(ROOT),
    )


def update() -> None:
    for lang in LANGS:
        po = ROOT / "translations" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po.exists():
            run(
                "update",
                "-i",
                str(POT),
                "-d",
                str(ROOT / "translations"),
                "-D",
                DOMAIN,
                "-l",
                lang,
                "--no-fuzzy-matching",
                "--ignore-obsolete",
            )
        else:
            run("init", "-i", str(POT), "-d", str(ROOT / "translations"), "-D", DOMAIN, "-l", lang)


PINNED_DATE = "2026-01-01 00:00+0000"


def pin_creation_date() -> None:
    for path in [POT, *(ROOT / "translations").glob(f"*/LC_MESSAGES/{DOMAIN}.po")]:
        text = path.read_text(encoding="utf-8")
        pinned = re.sub(
            r'"POT-Creation-Date: [^"\\]*\\n"',
            lambda _match: f'"POT-Creation-Date: {PINNED_DATE}\\n"',
            text,
        )
        if pinned != text:
            path.write_text(pinned, encoding="utf-8")


def compile_all() -> None:
    run("compile", "-d", str(ROOT / "translations"), "-D", DOMAIN, "--use-fuzzy")


if __name__ == "__main__":
    if sys.argv[1:] != ["compile"]:
        extract()
        update()
        pin_creation_date()
    compile_all()
