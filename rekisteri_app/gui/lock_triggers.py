"""What locks the window besides the menu: idle time, the screen locking, suspend.

- `IdleWatcher` restarts a timer on every key press, click, wheel or touch in any window
  of the application; when it runs out the window locks. The minutes come from the
  database setting `lock.idle_minutes` (default 10), re-read when the timer runs out, so
  a changed setting applies at once.
- `ScreenWatcher` locks where the platform tells Qt or the desktop bus: Qt's
  ApplicationSuspended state; on Linux the freedesktop and GNOME screen savers'
  `ActiveChanged(true)`, logind's `Session.Lock` and `PrepareForSleep(true)`; on Windows
  WM_WTSSESSION_CHANGE (session locked) and WM_POWERBROADCAST (suspend). A desktop that
  reports none of them still has the idle lock.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.MouseMove,
}


class IdleWatcher(QObject):
    """Calls `on_idle` after `minutes()` without input (re-read when the time is up)."""

    def __init__(self, minutes: Callable[[], float | None], on_idle: Callable[[], None]) -> None:
        super().__init__()
        self.minutes = minutes
        self.on_idle = on_idle
        self.override_ms: int | None = None  # tests: a short timeout instead of minutes
        self.last_activity = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._expired)
        self.running = False

    def start(self) -> None:
        self.running = True
        self.last_activity = time.monotonic()
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._arm(self._limit_ms())

    def stop(self) -> None:
        self.running = False
        self.timer.stop()
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _limit_ms(self) -> int:
        if self.override_ms is not None:
            return self.override_ms
        try:
            minutes = self.minutes()
        except Exception:  # the database is closing: try again later
            minutes = None
        return int((minutes or 10) * 60_000)

    def _arm(self, ms: int) -> None:
        self.timer.start(max(50, ms))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.running and event.type() in ACTIVITY:
            self.last_activity = time.monotonic()
            if not self.timer.isActive():
                self._arm(self._limit_ms())
        return False

    def _expired(self) -> None:
        if not self.running:
            return
        limit = self._limit_ms()
        idle = int((time.monotonic() - self.last_activity) * 1000)
        if idle + 20 < limit:
            self._arm(limit - idle)  # input arrived meanwhile
            return
        self.on_idle()


class _WindowsSessionFilter(QAbstractNativeEventFilter):  # pragma: no cover - Windows
    WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK = 0x02B1, 0x7
    WM_POWERBROADCAST, PBT_APMSUSPEND = 0x0218, 0x4

    def __init__(self, on_lock: Callable[[str], None]) -> None:
        super().__init__()
        self.on_lock = on_lock

    def nativeEventFilter(self, event_type: Any, message: Any) -> tuple[bool, int]:
        if bytes(event_type) not in (b"windows_generic_MSG", b"windows_dispatcher_MSG"):
            return False, 0
        import ctypes.wintypes

        msg = ctypes.wintypes.MSG.from_address(int(message))
        if msg.message == self.WM_WTSSESSION_CHANGE and msg.wParam == self.WTS_SESSION_LOCK:
            self.on_lock("screen")
        elif msg.message == self.WM_POWERBROADCAST and msg.wParam == self.PBT_APMSUSPEND:
            self.on_lock("suspend")
        return False, 0


class ScreenWatcher(QObject):
    """Calls `on_lock(reason)` when the screen locks or the machine suspends."""

    def __init__(self, on_lock: Callable[[str], None]) -> None:
        super().__init__()
        self.on_lock = on_lock
        self.connected: list[str] = []
        self._native: Any = None

    def start(self, window: Any = None) -> None:
        app = QGuiApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._state_changed)
        if sys.platform.startswith("linux"):
            self._connect_dbus()
        elif sys.platform == "win32":  # pragma: no cover - Windows
            self._connect_windows(app, window)

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.on_lock("suspend")

    def _connect_dbus(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a bundle without QtDBus: the idle lock remains
            return
        session, system = QDBusConnection.sessionBus(), QDBusConnection.systemBus()
        wanted = [
            (session, "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
             "org.freedesktop.ScreenSaver", "ActiveChanged", "screensaver(bool)"),
            (session, "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver",
             "org.gnome.ScreenSaver", "ActiveChanged", "screensaver(bool)"),
            (system, "org.freedesktop.login1", "/org/freedesktop/login1",
             "org.freedesktop.login1.Manager", "PrepareForSleep", "sleeping(bool)"),
            (system, "org.freedesktop.login1", "", "org.freedesktop.login1.Session",
             "Lock", "session_locked()"),
        ]  # fmt: skip
        for bus, service, path, interface, name, slot in wanted:
            if not bus.isConnected():
                continue
            if bus.connect(service, path, interface, name, self, f"1{slot}"):
                self.connected.append(f"{interface}.{name}")

    def _connect_windows(self, app: Any, window: Any) -> None:  # pragma: no cover
        import ctypes

        self._native = _WindowsSessionFilter(self.on_lock)
        app.installNativeEventFilter(self._native)
        if window is not None:
            with contextlib.suppress(AttributeError, OSError):
                ctypes.windll.wtsapi32.WTSRegisterSessionNotification(int(window.winId()), 0)

    @Slot(bool)
    def screensaver(self, active: bool) -> None:
        if active:
            self.on_lock("screen")

    @Slot(bool)
    def sleeping(self, going: bool) -> None:
        if going:
            self.on_lock("suspend")

    @Slot()
    def session_locked(self) -> None:
        self.on_lock("screen")
