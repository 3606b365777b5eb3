"""Writing output files safely: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rolecmp.errors import RolecmpError


class OutputExists(RolecmpError):
    """The output file exists and replacing it was not asked for."""


def write_new(path: Path, text: str, replace: bool = False) -> None:
    """Write ``text`` to ``path`` in one step: readers see the old file or the new one, never
    half of it. An existing file is kept unless ``replace``."""
    if not replace and (path.exists() or path.is_symlink()):
        raise OutputExists(f"{path} already exists; add --force to replace it")
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            if replace:
                os.replace(tmp, path)
            else:
                os.link(tmp, path)  # fails if the file appeared meanwhile
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except FileExistsError:
        raise OutputExists(f"{path} already exists; add --force to replace it") from None
    except OSError as exc:
        raise RolecmpError(f"cannot write {path}: {exc.strerror or exc}") from None
