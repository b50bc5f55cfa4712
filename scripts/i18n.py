"""Extract, update and compile the gettext catalogues (fi, sv, en).

    python scripts/i18n.py          # extract + update + compile
    python scripts/i18n.py compile  # compile only

The compiled .mo files are committed so that an editable install works without a
build step; tests/test_translations.py fails when they drift from the .po files.
"""

from __future__ import annotations

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


def compile_all() -> None:
    run("compile", "-d", str(ROOT / "translations"), "-D", DOMAIN, "--use-fuzzy")


if __name__ == "__main__":
    if sys.argv[1:] != ["compile"]:
        extract()
        update()
    compile_all()
