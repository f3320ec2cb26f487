"""Can a window be opened at all? Asked before Qt is started, because Qt cannot say it nicely.

Without a display, or with the X11 plugin's system libraries missing, QApplication() prints
Qt's raw plugin text and aborts the process (a core dump, no exit status a script can read).
This module imports no Qt: it looks at the environment and at the plugin file, and returns a
sentence that names what to do (the apt packages to install), or None when Qt may start.
"""
from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

from alsdesk.i18n import tr  # English here: no translator before Qt starts

__all__ = ["display_problem", "library_problem", "apt_package", "NO_DISPLAY_EXIT"]

NO_DISPLAY_EXIT = 4  # the exit status when no window can be opened

# Qt's X11 plugin opens this one itself (Qt >= 6.5) rather than linking it, so a linker check
# of the plugin does not see it missing.
_XCB_CURSOR = "libxcb-cursor.so.0"
# Debian/Ubuntu package names that the general rule below gets wrong.
_PACKAGES = {"libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
             "libgobject-2.0.so.0": "libglib2.0-0", "libOpenGL.so.0": "libopengl0"}


def apt_package(soname: str) -> str:
    """The Debian/Ubuntu package that usually holds a library: libxcb-cursor.so.0 -> libxcb-cursor0."""
    if soname in _PACKAGES:
        return _PACKAGES[soname]
    match = re.fullmatch(r"(lib[\w.+-]*?)\.so\.(\d+)(?:\.\d+)*", soname)
    if match is None:
        return soname
    base, major = match.group(1).lower(), match.group(2)
    return f"{base}-{major}" if base[-1].isdigit() else f"{base}{major}"


def display_problem(environ: dict[str, str] | None = None,
                    platform: str = sys.platform) -> str | None:
    """Why the window cannot open here (in words, with the fix), or None if it may."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux") and "bsd" not in platform:
        return None  # Windows and macOS always have their own platform plugin
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if chosen and chosen != "xcb":
        return None  # offscreen, wayland, vnc...: the user chose; Qt reports its own way
    has_x, has_wayland = bool(env.get("DISPLAY")), bool(env.get("WAYLAND_DISPLAY"))
    if not has_x and (chosen == "xcb" or not has_wayland):
        return tr("ALS Desk cannot open its window: no display was found (DISPLAY and "
                  "WAYLAND_DISPLAY are not set). Start it from the desktop of a logged-in "
                  "session (or over SSH with X forwarding: ssh -X). The command-line tools "
                  "work without a display: alsdesk --help.")
    if has_wayland and not chosen:
        if not has_x and not _wayland_answers(env):
            # Qt would try Wayland, fail, fall back to X11 without a display and abort with
            # text about xcb libraries that are not the cause.
            return tr("ALS Desk cannot open its window: no Wayland desktop answers at "
                      "WAYLAND_DISPLAY={display} and DISPLAY is not set. Start "
                      "ALS Desk from the desktop of a logged-in session. The command-line "
                      "tools work without a display: alsdesk --help.").format(
                          display=env["WAYLAND_DISPLAY"])
        return None  # Qt starts on Wayland, which needs none of the X11 libraries
    if not _x_server_answers(env["DISPLAY"]):
        return tr("ALS Desk cannot open its window: no X server answers at DISPLAY="
                  "{display}. Start ALS Desk from the desktop session (DISPLAY is set "
                  "there), or start the X server first.").format(display=env["DISPLAY"])
    missing = _missing_xcb_libraries()
    if not missing:
        return None
    packages = sorted({apt_package(name) for name in missing})
    return tr("ALS Desk cannot open its window: Qt's X11 support needs system libraries that "
              "are not installed ({libraries}). Install them with:\n"
              "    sudo apt-get install {packages}\n"
              "then start ALS Desk again.").format(libraries=", ".join(missing),
                                                   packages=" ".join(packages))


def _wayland_answers(env) -> bool:
    """Whether the Wayland socket named by WAYLAND_DISPLAY exists (a name is looked up in
    XDG_RUNTIME_DIR, as the Wayland client library does)."""
    name = env["WAYLAND_DISPLAY"]
    runtime = env.get("XDG_RUNTIME_DIR")
    if not name.startswith("/") and not runtime:
        return False  # the client library finds no socket without XDG_RUNTIME_DIR
    path = Path(name) if name.startswith("/") else Path(runtime) / name
    try:
        return path.is_socket()
    except OSError:
        return False


def _x_server_answers(display: str) -> bool:
    """Whether a local X server listens for `display` (":0", "unix:1.0"); remote ones pass."""
    match = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display.strip())
    if match is None:
        return True  # host:N goes over TCP (SSH forwarding): Qt tells if it fails
    path = f"/tmp/.X11-unix/X{match.group(1)}"
    for address in ("\0" + path, path):  # Linux servers listen on both names
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(2)
            try:
                probe.connect(address)
            except OSError:
                continue
            return True
    return False


def _xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.exists():
            return plugin
    return None


def _missing_xcb_libraries() -> list[str]:
    """Shared libraries the X11 plugin needs that the system cannot load, by file name."""
    missing: list[str] = []
    try:
        ctypes.CDLL(_XCB_CURSOR)
    except OSError:
        missing.append(_XCB_CURSOR)
    plugin = _xcb_plugin()
    if plugin is None:
        return missing
    try:
        ctypes.CDLL(str(plugin))  # Qt loads it next anyway; here a failure is only an error
    except OSError as exc:
        found = _not_found_by_ldd(plugin) or re.findall(r"(lib[\w.+-]+\.so[.\d]*)", str(exc))
        missing += found
    return list(dict.fromkeys(missing))  # each once, in the order found


def _not_found_by_ldd(plugin: Path) -> list[str]:
    """Every missing library at once (the loader's error names only the first)."""
    try:
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return re.findall(r"^\s*(\S+)\s*=>\s*not found", out, flags=re.MULTILINE)


def library_problem(exc: ImportError) -> str | None:
    """The sentence for Qt's modules failing to import for want of a system library, or None."""
    names = re.findall(r"(lib[\w.+-]+\.so[.\d]*): cannot open shared object file", str(exc))
    if not names:
        return None
    return tr("ALS Desk cannot start its window: a system library Qt needs is not installed "
              "({libraries}). Install it with:\n"
              "    sudo apt-get install {packages}\n"
              "then start ALS Desk again.").format(
                  libraries=", ".join(names),
                  packages=" ".join(sorted({apt_package(n) for n in names})))
