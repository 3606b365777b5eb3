"""The per-user folders rolecmp reads and writes, by the platform's rules.

Windows and macOS folders come from platformdirs. On Linux and other XDG systems the two folders
rolecmp needs are computed here by the same rules, because importing platformdirs there costs
about 14 ms a run (median of 25, this machine), as much as a third of a warm ``show``.

On Linux and other XDG systems: ``$XDG_DATA_HOME`` and ``$XDG_CACHE_HOME`` when they are absolute
paths (the XDG spec says to ignore relative ones), else ``~/.local/share`` and ``~/.cache``. A
home folder that is empty, relative or the root (``HOME=""`` or ``HOME=/``, as in some service
accounts) gives no per-user folder at all, rather than one under ``/.cache`` or
``/.local/share``: rolecmp then keeps no cache, reads no user layer, and ``rolecmp new`` asks for
``--data-dir``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "rolecmp"


def _usable(path: str) -> Path | None:
    return Path(path) if os.path.isabs(path) else None


def _home() -> Path | None:
    """$HOME if it is absolute and not the root; if it is unset, the account's home folder from
    the password database on the same terms."""
    home = os.environ.get("HOME")
    if home is None:
        try:
            import pwd

            home = pwd.getpwuid(os.getuid()).pw_dir
        except (ImportError, KeyError):
            return None
    if not os.path.isabs(home) or Path(home) == Path(Path(home).anchor):
        return None
    return Path(home)


def _xdg(variable: str) -> str | None:
    value = os.environ.get(variable, "")
    return value if os.path.isabs(value) else None


def user_data_dir() -> Path | None:
    """The per-user data directory (its ``roles/`` folder is the user's own role layer), or None
    when there is no home folder to put it in."""
    return _folder("user_data_dir", "XDG_DATA_HOME")


def user_cache_dir() -> Path | None:
    """The platform's per-user cache directory for rolecmp, or None (keep no cache) when there
    is no home folder to put it in."""
    return _folder("user_cache_dir", "XDG_CACHE_HOME")


_XDG_DEFAULTS = {"XDG_DATA_HOME": ".local/share", "XDG_CACHE_HOME": ".cache"}


def _folder(kind: str, variable: str) -> Path | None:
    if sys.platform not in ("win32", "darwin"):
        explicit = _xdg(variable)
        if explicit:
            return Path(explicit) / APP
        home = _home()
        return home / _XDG_DEFAULTS[variable] / APP if home is not None else None
    import platformdirs

    try:
        path = getattr(platformdirs, kind)(APP, appauthor=False)
    except (RuntimeError, KeyError, OSError):
        return None
    return _usable(path)
