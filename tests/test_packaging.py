"""The wheel installs exactly what the program reads at run time; the sdist keeps the rest."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from rekisteri_app import __version__

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-t", "sdist", "-d", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture(scope="module")
def wheel_names(built: Path) -> list[str]:
    (wheel,) = built.glob("rekisteri-*.whl")
    return zipfile.ZipFile(wheel).namelist()


def test_the_wheel_carries_ui_resources_catalogues_migrations_and_fonts(wheel_names):
    for required in (
        "rekisteri_app/translations/fi/LC_MESSAGES/rekisteri.mo",
        "rekisteri_app/translations/sv/LC_MESSAGES/rekisteri.mo",
        "rekisteri_app/translations/en/LC_MESSAGES/rekisteri.mo",
        "rekisteri_app/resources/fonts/DejaVuSans.ttf",
        "rekisteri_app/resources/fonts/LICENSE-DejaVu.txt",
        "rekisteri_app/resources/schema/rekisteri-export-v1.schema.json",
        "rekisteri_app/resources/icons/rekisteri-256.png",
        "rekisteri_app/resources/licences/components.json",
        "rekisteri_app/resources/licences/LGPL-3.0.txt",
        "rekisteri_app/resources/breaches/sv.toml",
        "rekisteri_app/storage/migrations/env.py",
        "rekisteri_app/storage/migrations/script.py.mako",
    ):
        assert required in wheel_names, required
    assert any(n.startswith("rekisteri_app/ui/") and n.endswith(".ui") for n in wheel_names)
    revisions = ROOT.glob("rekisteri_app/storage/migrations/versions/*.py")
    for revision in revisions:
        assert f"rekisteri_app/storage/migrations/versions/{revision.name}" in wheel_names


def test_the_wheel_carries_no_tests_packaging_or_catalogue_sources(wheel_names):
    top_levels = {name.split("/")[0] for name in wheel_names}
    assert top_levels == {"rekisteri_app", f"rekisteri-{__version__}.dist-info"}
    for name in wheel_names:
        assert not name.startswith(("rekisteri_app/tests/", "rekisteri_app/packaging/")), name
        assert not name.endswith((".po", ".pot")), name
        assert "__pycache__" not in name, name
    assert not any("samples" in name for name in wheel_names)


def test_the_wheel_names_both_programs_and_its_version(built, wheel_names):
    (wheel,) = built.glob("rekisteri-*.whl")
    assert wheel.name.startswith(f"rekisteri-{__version__}-")
    entry = next(n for n in wheel_names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry).decode()
    assert "rekisteri = rekisteri_app.cli.main:main" in text
    assert "rekisteri-app = rekisteri_app.gui.app:main" in text


def test_the_sdist_keeps_tests_packaging_and_catalogue_sources(built):
    (sdist,) = built.glob("rekisteri-*.tar.gz")
    prefix = f"rekisteri-{__version__}/"
    with tarfile.open(sdist) as archive:
        names = {name.removeprefix(prefix) for name in archive.getnames()}
    for required in (
        "tests/conftest.py",
        "tests/test_bundle.py",
        "tests/letter_samples.py",
        "packaging/rekisteri.spec",
        "packaging/bundle_rules.py",
        "packaging/build-linux.sh",
        "packaging/windows/rekisteri.iss",
        "packaging/linux/fi.rekisteri.Rekisteri.desktop",
        "translations/fi/LC_MESSAGES/rekisteri.po",
        "resources/icons/rekisteri.svg",
        "scripts/make_icons.py",
    ):
        assert required in names, required


def _requirement_name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0]


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_help_about_lists_every_runtime_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = json.loads((ROOT / "resources/licences/components.json").read_text("utf-8"))
    distributions = {
        _normalise(entry["distribution"])
        for entry in listed["components"]
        if entry.get("distribution")
    }
    wanted = {_normalise(_requirement_name(r)) for r in project["dependencies"]}
    wanted = {"pyside6-essentials" if name == "pyside6" else name for name in wanted}
    assert wanted <= distributions, wanted - distributions
    for entry in listed["components"]:
        assert entry["licence"], entry
        for source in entry.get("texts", []):
            if source.startswith("resource:"):
                assert (ROOT / "resources" / source.removeprefix("resource:")).is_file(), source
