"""What the PyInstaller recipe leaves out of the bundle, kept apart so the test can check it.

packaging/rekisteri.spec imports this module; tests/test_bundle.py checks that no file the
bundle keeps links to a library these rules drop. Sizes: packaging/README.md.
"""

from __future__ import annotations

import re

LANGUAGES = ("fi", "sv", "en")  # = rekisteri_app.i18n.LANGUAGES

# Never used by Rekisteri (it needs QtCore, QtGui, QtWidgets, QtUiTools, QtPdf,
# QtPdfWidgets, QtPrintSupport and QtSvg); excluded so that no hook drags them in.
QT_UNUSED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtDataVisualization", "QtDesigner", "QtGraphs",
    "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtPositioning", "QtQml", "QtQuick",
    "QtQuick3D", "QtQuickControls2", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine",
    "QtTest", "QtTextToSpeech", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)  # fmt: skip
EXCLUDES = (
    *(f"PySide6.{name}" for name in QT_UNUSED),
    # tools of the build environment that optional imports would pull in
    "tkinter", "pytest", "_pytest", "hypothesis", "pytestqt", "pygments", "IPython", "numpy",
)  # fmt: skip

# Libraries and plugins the hooks collect that Rekisteri never loads.
DROPPED_BINARY = re.compile(
    r"(^|/)("
    # the virtual keyboard input context: the only thing that pulled in Qt Quick and QML
    r"libqtvirtualkeyboardplugin|libQt6VirtualKeyboard\w*|libQt6Quick\w*|libQt6Qml\w*"
    r"|Qt6VirtualKeyboard\w*|Qt6Quick\w*|Qt6Qml\w*"
    # the GTK 3 platform theme and the GTK stack only it links (built against the build
    # machine's GTK; without it Qt draws its own dialogs or uses the desktop portal's)
    r"|libqgtk3|libgdk_pixbuf-2\.0|libpango-1\.0|libpangocairo-1\.0|libpangoft2-1\.0"
    r"|libcairo|libcairo-gobject|libatk-1\.0|libpixman-1|libthai|libdatrie|libfribidi"
    r"|libgraphite2|libharfbuzz(?=\.so)|libXrender|libXext|libjpeg(?=\.so)"
    r")[.\w-]*$"
)


QT_CATALOGUE = re.compile(r"PySide6/(Qt/)?translations/[^/]+\.qm$")  # Linux, Windows


def keep_binary(dest: str) -> bool:
    return not DROPPED_BINARY.search(dest.replace("\\", "/"))


def keep_data(dest: str) -> bool:
    """Babel's CLDR data and Qt's own catalogues only for fi, sv and en (and CLDR's root)."""
    dest = dest.replace("\\", "/")
    if dest.startswith("babel/locale-data/") and dest.endswith(".dat"):
        locale = dest.rsplit("/", 1)[-1].removesuffix(".dat")
        return locale == "root" or locale.split("_")[0] in LANGUAGES
    if QT_CATALOGUE.search(dest):
        return dest.removesuffix(".qm").rsplit("_", 1)[-1] in LANGUAGES
    return True
