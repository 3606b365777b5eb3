"""The per-user folders rolecmp reads and writes, by the platform's rules."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def user_data_dir() -> Path:
    """The per-user data directory: its ``roles/`` folder is the user's own role layer."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / "rolecmp"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "rolecmp"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "rolecmp"


def user_cache_dir() -> Path:
    """The platform's per-user cache directory for rolecmp."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "rolecmp" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "rolecmp"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rolecmp"
