"""The icon, the Linux menu entry and metainfo, and the Windows installer script agree with
the program they describe (names, version, files) and pass their validators."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from rekisteri_app import __version__

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "fi.rekisteri.Rekisteri"
DESKTOP = ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"
INNO = ROOT / "packaging" / "windows" / "rekisteri.iss"
ICONS = ROOT / "resources" / "icons"


def gui_program() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (name,) = project["gui-scripts"]
    return name


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_icon_is_rendered_at_every_size_from_its_svg():
    assert (ICONS / "rekisteri.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(ICONS / f"rekisteri-{size}.png") as png:
            assert png.size == (size, size)
            assert png.mode == "RGBA"
    with Image.open(ICONS / "rekisteri.ico") as ico:
        assert {16, 24, 32, 48, 64, 128, 256} <= {w for w, _h in ico.info["sizes"]}


def test_the_menu_entry_starts_the_window_with_its_icon():
    entry = desktop_entry()
    assert entry["Exec"].split()[0] == gui_program()
    assert entry["Icon"] == APP_ID
    assert entry["Name"] == "Rekisteri"
    for lang in ("fi", "sv"):
        assert entry[f"Comment[{lang}]"] and entry[f"GenericName[{lang}]"]


def test_the_window_tells_the_desktop_which_entry_it_belongs_to():
    from rekisteri_app.gui.app import DESKTOP_ID

    assert DESKTOP_ID == APP_ID == DESKTOP.stem == METAINFO.name.removesuffix(".metainfo.xml")


def test_the_metainfo_describes_this_version_and_launches_the_entry():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    releases = [r.get("version") for r in root.iter("release")]
    assert releases and releases[0] == __version__, "add a <release> for the new version"
    binaries = {b.text for b in root.iter("binary")}
    assert gui_program() in binaries and "rekisteri" in binaries


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="needs desktop-file-utils")
def test_the_menu_entry_validates():
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="needs appstream (appstreamcli)")
def test_the_metainfo_validates():
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--strict", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_windows_installer_installs_the_built_bundle_per_user():
    script = INNO.read_text(encoding="utf-8")
    spec = (ROOT / "packaging" / "rekisteri.spec").read_text(encoding="utf-8")
    exe = re.search(r'#define AppExe "(.+?)"', script).group(1)
    assert f'name="{exe.removesuffix(".exe")}"' in spec  # the window's EXE in the spec
    assert re.search(r"^PrivilegesRequired=lowest$", script, re.M)
    assert "GetStringFileInfo(" in script  # the version comes from the built exe
    assert __version__ not in script
    assert "{autoprograms}" in script  # a Start-menu entry
    assert "rekisteri.ico" in script and (ICONS / "rekisteri.ico").is_file()
    assert not re.search(r"^Uninstallable=(no|false)", script, re.M)
