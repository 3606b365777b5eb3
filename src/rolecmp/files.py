"""Reading and writing files safely.

Reading: only regular files. A named pipe, a terminal or another device (or a symlink to one)
placed where a role or cache file is expected would block a read forever or act on the device;
such a file is refused before it is opened for reading, and checked again on the open descriptor.

Writing: a new file appears whole (atomically) with the mode a shell redirect would give it (the
umask decides); an existing file is kept unless replacing it was asked for, and then it is
written in place, so a hard link keeps sharing it and a symlink's target is what changes. Devices,
pipes and folders are never written to or replaced.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from rolecmp.errors import RolecmpError

_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_BINARY", 0))
_WRITE_FLAGS = (os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                | getattr(os, "O_BINARY", 0))


class OutputExists(RolecmpError):
    """The output file exists and replacing it was not asked for."""


class NotRegularFile(OSError):
    """The path names a folder, a named pipe, a device or a socket, not a regular file."""

    def __init__(self, path: str, mode: int) -> None:
        super().__init__(errno.EINVAL, f"is {kind_of(mode)}", path)


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular(path: str, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes of the regular file at ``path`` (a symlink is followed), so a
    caller can tell an oversize file. Raises :class:`NotRegularFile` for anything else, never
    having opened it for reading, and :class:`OSError` when it cannot be read."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(path, st.st_mode)
    # O_NONBLOCK: if the file was swapped for a pipe since the stat, open does not wait for a
    # writer, and the check below refuses it.
    fd = os.open(path, _READ_FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(path, st.st_mode)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def write_new(path: Path, text: str, replace: bool = False) -> None:
    """Write ``text`` to ``path``. A new file appears in one step (readers see it whole or not
    at all). An existing file is kept unless ``replace``; then a regular file (or the regular
    file a symlink points to) is rewritten in place, and anything else is refused."""
    data = text.encode("utf-8", "surrogateescape")
    try:
        target = os.stat(path)
    except FileNotFoundError:
        target = None
        if os.path.islink(path):
            if not replace:
                raise OutputExists(f"{path} already exists; add --force to replace it") from None
            raise RolecmpError(f"cannot write {path}: it is a symbolic link to a missing "
                               "file") from None
    except OSError as exc:
        raise RolecmpError(f"cannot write {path}: {exc.strerror or exc}") from None
    if target is not None:
        if not replace:
            raise OutputExists(f"{path} already exists; add --force to replace it")
        if not stat.S_ISREG(target.st_mode):
            raise RolecmpError(f"cannot write {path}: it is {kind_of(target.st_mode)}; rolecmp "
                               "writes only regular files")
        _overwrite(path, data, target)
        return
    try:
        _create(path, data)
    except FileExistsError:
        raise OutputExists(f"{path} already exists; add --force to replace it") from None


def create_new(path: Path, text: str) -> None:
    """Write ``text`` to a new file at ``path``; :class:`OutputExists` if there is one."""
    try:
        _create(path, text.encode("utf-8", "surrogateescape"))
    except FileExistsError:
        raise OutputExists(f"{path} already exists") from None


def _overwrite(path: Path, data: bytes, expected: os.stat_result) -> None:
    try:
        fd = os.open(path, _WRITE_FLAGS)
    except OSError as exc:
        raise RolecmpError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) != (expected.st_dev,
                                                                     expected.st_ino):
            raise RolecmpError(f"cannot write {path}: it changed while being written; try again")
        os.ftruncate(fd, 0)
        _write_all(fd, data)
    except OSError as exc:
        raise RolecmpError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _create(path: Path, data: bytes) -> None:
    """Write a new file at ``path`` atomically; FileExistsError if one appears meanwhile."""
    import tempfile

    directory = path.parent if str(path.parent) else Path(".")
    try:
        # A short fixed prefix: a name near the file system's limit still leaves room for it.
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".rolecmp-", suffix=".tmp")
    except OSError as exc:
        raise RolecmpError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        try:
            # mkstemp makes the file private (0600); output files get what a shell redirect gives
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o666 & ~_umask())
            _write_all(fd, data)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)  # fails if the file appeared meanwhile
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                                 errno.EMLINK, errno.ENOSYS):
                raise
            _create_exclusive(path, data)  # a file system without hard links
    except FileExistsError:
        raise
    except OSError as exc:
        raise RolecmpError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _create_exclusive(path: Path, data: bytes) -> None:
    fd = os.open(path, _WRITE_FLAGS | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


__all__ = ["NotRegularFile", "OutputExists", "create_new", "read_regular", "write_new"]
