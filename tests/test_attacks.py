"""Every attack of issue 15, run against the installed console script as a separate process.

Each run must end within seconds with exit status 0, 1 or 2, print no traceback and no escape or
bidirectional-control byte that came from data, and leave every file it was not asked to write
as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from conftest import BUNDLED, ROOT, copy_role, role_text

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files and streams")

SCRIPT = ROOT / ".venv" / "bin" / "rolecmp"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "rolecmp"]
TIMEOUT = 20  # far above any honest run; a hang fails the test instead of the suite
BIDI = [chr(c) for c in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F),
                         *range(0x2066, 0x206A))]


class Ran:
    def __init__(self, code: int, out: bytes, err: bytes, seconds: float) -> None:
        self.code, self.out, self.err, self.seconds = code, out, err, seconds

    @property
    def stdout(self) -> str:
        return self.out.decode("utf-8", "replace")

    @property
    def stderr(self) -> str:
        return self.err.decode("utf-8", "replace")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


def base_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ROLECMP_", "XDG_", "_ROLECMP")) and k not in ("COLUMNS",)}
    env.update(HOME=str(home), COLUMNS="100", LANG="C.UTF-8")
    env.update(extra)
    return env


def attack(args: Sequence[str], env: dict[str, str], *, stdin: Any = subprocess.DEVNULL,
           stdout: Any = subprocess.PIPE, cwd: Path | None = None, user: str | None = None,
           shell_redirect: str = "") -> Ran:
    """Run rolecmp and check what holds for every attack."""
    argv = [*COMMAND, *args]
    if shell_redirect:
        argv = ["sh", "-c", f'exec "$@" {shell_redirect}', "sh", *argv]
    start = time.monotonic()
    proc = subprocess.run(argv, env=env, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE,
                          cwd=cwd, timeout=TIMEOUT, user=user, check=False)
    ran = Ran(proc.returncode, proc.stdout or b"", proc.stderr, time.monotonic() - start)
    assert ran.code in (0, 1, 2), (args, ran.code, ran.stdout, ran.stderr)
    assert b"Traceback" not in ran.out + ran.err, ran.stderr
    assert b"Exception ignored" not in ran.err, ran.stderr
    assert ran.seconds < TIMEOUT / 2, (args, ran.seconds)
    text = ran.out + ran.err
    assert b"\x1b" not in text and b"\x07" not in text and b"\xc2\x9b" not in text
    for char in BIDI:
        assert char.encode() not in text, (args, char)
    if ran.code != 0:
        assert ran.err.strip(), "a failure says why"
        assert len(ran.err.decode("utf-8", "replace").strip().splitlines()) <= 3, ran.stderr
    return ran


def snapshot(*folders: Path) -> dict[str, tuple[str, int, str]]:
    """Every entry under ``folders``: kind, inode and content hash (regular files)."""
    out: dict[str, tuple[str, int, str]] = {}
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            for name in dirnames + filenames:
                path = os.path.join(dirpath, name)
                st = os.lstat(path)
                digest = ""
                if stat.S_ISREG(st.st_mode):
                    with open(path, "rb") as handle:
                        digest = hashlib.sha256(handle.read()).hexdigest()
                kind = ("link:" + os.readlink(path)) if stat.S_ISLNK(st.st_mode) else \
                    oct(stat.S_IFMT(st.st_mode))
                out[path] = (kind, st.st_ino, digest)
    return out


def role_dir(tmp_path: Path, name: str = "layer") -> Path:
    path = tmp_path / name
    path.mkdir()
    return path


# -- files that block ------------------------------------------------------------------------
@pytest.mark.parametrize("make", ["fifo", "link-to-fifo", "link-to-tty", "link-to-zero"])
def test_fifo_and_devices_as_role_files_never_block(tmp_path, home, make):
    layer = role_dir(tmp_path)
    target = layer / "pipe-role.yaml"
    if make == "fifo":
        os.mkfifo(target)
    elif make == "link-to-fifo":
        os.mkfifo(tmp_path / "fifo")
        os.symlink(tmp_path / "fifo", target)
    else:
        os.symlink("/dev/tty" if make == "link-to-tty" else "/dev/zero", target)
    env = base_env(home, ROLECMP_DATA_DIR=str(layer))
    for args in (["list"], ["search", "blood"], ["show", "ma"], ["compare", "ma", "pt"]):
        ran = attack(args, env)
        assert ran.code == 0 and "pipe-role.yaml" in ran.stderr  # warned once, skipped
        assert ran.stderr.count("pipe-role.yaml") == 1
    ran = attack(["show", "pipe-role"], env)
    assert ran.code == 1 and "not a role file" in ran.stderr
    ran = attack(["validate"], env)
    assert ran.code == 1 and "pipe-role.yaml" in ran.stdout + ran.stderr
    ran = attack(["validate", str(target)], env)
    assert ran.code == 1
    completion = {**env, "_ROLECMP_COMPLETE": "complete_bash", "COMP_WORDS": "rolecmp show ph",
                  "COMP_CWORD": "2"}
    ran = attack([], completion)
    assert "phlebotomist" in ran.stdout


# -- stale answers ---------------------------------------------------------------------------
def test_an_edit_keeping_size_and_time_is_seen(tmp_path, home):
    layer = role_dir(tmp_path)
    path = copy_role(layer, "medical-assistant", "stale-role",
                     **{"name: Medical assistant": "name: Stale helper AAAA"})
    env = base_env(home, ROLECMP_DATA_DIR=str(layer))
    assert "Stale helper AAAA" in attack(["show", "stale-role"], env).stdout
    assert "Stale helper AAAA" in attack(["list"], env).stdout
    before = path.stat()
    path.write_text(path.read_text().replace("AAAA", "BBBB"))  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # same time, as cp -p leaves
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert "Stale helper BBBB" in attack(["show", "stale-role"], env).stdout
    listed = attack(["list"], env).stdout
    assert "Stale helper BBBB" in listed and "AAAA" not in listed
    assert "stale-role" in attack(["show", "stale helper bbbb"], env).stdout


# -- the cache folder ------------------------------------------------------------------------
@pytest.mark.parametrize("where", ["folder", "cwd"])
def test_foreign_files_in_the_cache_folder_are_never_removed(tmp_path, home, where):
    mine = tmp_path / "mine"
    mine.mkdir()
    month_ago = time.time() - 90 * 24 * 3600
    for name in ("index-0000.json", "index-0123456789abcdef.json", "notes.txt", "roles",
                 "index-cache"):
        path = mine / name
        if name in ("roles", "index-cache"):
            path.mkdir()
            inner = path / "index-0123456789abcdef0123.json"
            inner.write_text("{}")
            os.utime(inner, (month_ago, month_ago))
        else:
            path.write_text("mine")
            os.utime(path, (month_ago, month_ago))
    before = snapshot(mine)
    cache = "." if where == "cwd" else str(mine)
    env = base_env(home, ROLECMP_CACHE_DIR=cache)
    for args in (["list"], ["--data-dir", str(tmp_path), "list"], ["show", "ma"]):
        attack(args, env, cwd=mine)
    after = snapshot(mine)
    assert {k: v for k, v in after.items() if k in before} == before


def test_old_index_files_of_rolecmp_are_pruned(tmp_path, home):
    cache = tmp_path / "cache"
    env = base_env(home, ROLECMP_CACHE_DIR=str(cache))
    attack(["list"], env)
    folder = cache / "index-cache"
    assert (folder / "CACHEDIR.TAG").is_file()
    old = folder / "index-00000000000000000a.json"
    old.write_text("{}")
    month_ago = time.time() - 40 * 24 * 3600
    os.utime(old, (month_ago, month_ago))
    attack(["--data-dir", str(role_dir(tmp_path)), "list"], env)
    assert not old.exists()
    assert len(list(folder.glob("index-*.json"))) == 2


BAD_JSON = ["[]", "{}", "null", "0", '"x"', "[" * 100_000 + "]" * 100_000, "{" * 3,
            '{"stamp": [], "data": []}', "\xff\xfe"]


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "role-cache").glob("*.json")) + \
        sorted((cache / "index-cache").glob("index-*.json"))


@pytest.mark.parametrize("bad", BAD_JSON)
def test_a_cache_of_the_wrong_shape_is_rebuilt(tmp_path, home, bad):
    cache = tmp_path / "cache"
    env = base_env(home, ROLECMP_CACHE_DIR=str(cache))
    good_list = attack(["list"], env).stdout
    good_show = attack(["show", "ma"], env).stdout
    entries = _entries(cache)
    assert entries
    for entry in entries:
        entry.write_bytes(bad.encode("utf-8", "surrogateescape"))
    assert attack(["list"], env).stdout == good_list
    assert attack(["show", "ma"], env).stdout == good_show
    assert attack(["show", "ma"], env).stdout == good_show


@pytest.mark.parametrize("kind", ["fifo", "link-to-zero", "directory"])
def test_a_cache_file_that_is_not_a_regular_file_never_blocks(tmp_path, home, kind):
    cache = tmp_path / "cache"
    env = base_env(home, ROLECMP_CACHE_DIR=str(cache))
    good_list = attack(["list"], env).stdout
    good_show = attack(["show", "ma"], env).stdout
    for entry in _entries(cache):
        entry.unlink()
        if kind == "fifo":
            os.mkfifo(entry)
        elif kind == "directory":
            entry.mkdir()
        else:
            entry.symlink_to("/dev/zero")
    assert attack(["list"], env).stdout == good_list
    assert attack(["show", "ma"], env).stdout == good_show


def _retype(value: Any, path: Sequence[str | int], new: Any) -> None:
    for key in path[:-1]:
        value = value[key]
    value[path[-1]] = new


@pytest.mark.parametrize(("path", "new"), [
    (("name",), 5), (("aliases",), "ma"), (("education", "program_months", "min"), "6"),
    (("education", "program_months"), None), (("scope", "duties", "clinical"), [1, 2]),
    (("sources",), [[]]), (("id",), "someone-else"), (("less_common",), "yes"),
    (("certification", "credentials"), [{"abbreviation": 1}]),
])
def test_wrong_types_under_a_matching_stamp_are_not_trusted(tmp_path, home, path, new):
    cache = tmp_path / "cache"
    env = base_env(home, ROLECMP_CACHE_DIR=str(cache))
    good = attack(["show", "medical-assistant", "-f", "json"], env).stdout
    (entry,) = [e for e in (cache / "role-cache").glob("*.json")
                if "medical-assistant" in e.read_text()]
    stored = json.loads(entry.read_text())
    _retype(stored["data"], path, new)
    entry.write_text(json.dumps(stored))
    assert attack(["show", "medical-assistant", "-f", "json"], env).stdout == good


def test_wrong_types_in_the_index_are_not_trusted(tmp_path, home):
    cache = tmp_path / "cache"
    env = base_env(home, ROLECMP_CACHE_DIR=str(cache))
    good = attack(["list", "-f", "json"], env).stdout
    (index,) = (cache / "index-cache").glob("index-*.json")
    stored = json.loads(index.read_text())
    for change in ({"id": 5}, {"aliases": "x"}, {"soc_group": "no"}, {"extra": 1}):
        copy = json.loads(json.dumps(stored))
        copy["entries"][0].update(change)
        index.write_text(json.dumps(copy))
        assert attack(["list", "-f", "json"], env).stdout == good
        assert attack(["show", "ma"], env).code == 0


# -- writing files ---------------------------------------------------------------------------
def test_force_writes_through_a_hard_link(tmp_path, home):
    out = tmp_path / "out.txt"
    out.write_text("old")
    twin = tmp_path / "twin.txt"
    os.link(out, twin)
    inode = out.stat().st_ino
    attack(["show", "ma", "-o", str(out), "--force"], base_env(home))
    assert out.stat().st_ino == inode and twin.stat().st_ino == inode
    assert "Medical assistant" in twin.read_text()


def test_force_writes_a_symlinks_target(tmp_path, home):
    target = tmp_path / "target.txt"
    target.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    attack(["show", "ma", "-o", str(link), "--force"], base_env(home))
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "Medical assistant" in target.read_text()


@pytest.mark.parametrize("target", ["/dev/null", "/dev/full", "fifo", "dir", "dangling"])
@pytest.mark.parametrize("command", [["show", "ma"], ["list"], ["compare", "ma", "pt"]])
def test_force_refuses_what_is_not_a_regular_file(tmp_path, home, target, command):
    if target == "fifo":
        path = tmp_path / "fifo"
        os.mkfifo(path)
    elif target == "dir":
        path = tmp_path / "dir"
        path.mkdir()
    elif target == "dangling":
        path = tmp_path / "dangling"
        path.symlink_to(tmp_path / "nowhere")
    else:
        path = Path(target)
    before = os.lstat(path)
    ran = attack([*command, "-o", str(path), "--force"], base_env(home))
    assert ran.code in (1, 2) and str(path) in ran.stderr
    after = os.lstat(path)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert not (tmp_path / "nowhere").exists()


def test_new_files_get_the_mode_of_a_shell_redirect(tmp_path, home):
    out = tmp_path / "out.txt"
    env = base_env(home)
    attack(["show", "ma", "-o", str(out)], env)
    old = os.umask(0o022)
    os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~old
    attack(["--data-dir", str(tmp_path), "new", "fresh-role"], env)
    assert stat.S_IMODE((tmp_path / "fresh-role.yaml").stat().st_mode) == 0o666 & ~old


# -- names -----------------------------------------------------------------------------------
def test_names_too_long_for_the_file_system(tmp_path, home):
    env = base_env(home)
    long = "a" * 300
    assert attack(["show", long], env).code == 2
    assert attack(["compare", long, "ma"], env).code == 2
    ran = attack(["show", "ma", "-o", str(tmp_path / (long + ".txt"))], env)
    assert ran.code in (1, 2) and "too long" in ran.stderr
    ran = attack(["--data-dir", str(tmp_path), "new", long], env)
    assert ran.code == 2 and not list(tmp_path.glob("a*.yaml"))


def test_a_huge_unknown_name_is_answered_at_once(home):
    # Suggestions use rapidfuzz on a name cut to 60 characters: bounded for any input length
    # and catalog size (difflib over every name once took seconds here).
    env = base_env(home)
    for name in ("x" * 80_000, "radiologic-" * 8_000, "é" * 40_000):
        ran = attack(["show", name], env)
        assert ran.code == 2 and "unknown role" in ran.stderr
        assert ran.seconds < 10


@pytest.mark.parametrize("role_id", ["bad\nid", "bad-id\n", "Bad", "../x", "x" * 121, "-", ""])
def test_new_refuses_an_id_that_is_not_an_id(tmp_path, home, role_id):
    folder = role_dir(tmp_path)
    ran = attack(["--data-dir", str(folder), "new", "--", role_id], base_env(home))
    assert ran.code == 2
    assert list(folder.iterdir()) == []


def test_file_names_that_are_not_utf8(tmp_path, home):
    folder = tmp_path / os.fsdecode(b"caf\xe9")
    folder.mkdir()
    copy_role(folder, "medical-assistant", "latin-role")
    (folder / os.fsdecode(b"\xff\xfe.yaml")).write_text("id: x\n")
    env = base_env(home)
    for args in (["list", "--origin"], ["list", "-f", "json"], ["list", "-f", "csv"],
                 ["show", "latin-role", "-f", "json"], ["validate", str(folder)],
                 ["show", "latin-role"]):
        ran = attack(["--data-dir", str(folder), *args], env)
        assert ran.code in (0, 1)
    ran = attack(["--data-dir", str(folder), "list", "-f", "json"], env)
    json.loads(ran.stdout)


# -- streams ---------------------------------------------------------------------------------
@pytest.mark.parametrize("args", [["list"], ["show", "ma"], ["show", "ma", "-f", "json"],
                                  ["compare", "ma", "pt"], ["schema"], ["sources"],
                                  ["--help"], ["list", "--format", "csv"]])
@pytest.mark.parametrize("how", ["closed", "full"])
@pytest.mark.parametrize("path", ["fast", "typer"])
def test_closed_or_full_stdout(tmp_path, home, args, how, path):
    env = base_env(home, **({"ROLECMP_NO_FAST_PATH": "1"} if path == "typer" else {}))
    if how == "closed":
        ran = attack(args, env, shell_redirect=">&-", stdout=None)
    else:
        with open("/dev/full", "w") as full:
            ran = attack(args, env, stdout=full)
    if args != ["--help"]:
        assert ran.code == 1 and "cannot write the output" in ran.stderr
    assert len(ran.stderr.splitlines()) <= 1


def test_closed_stdout_with_output_file_still_works(tmp_path, home):
    out = tmp_path / "out.txt"
    ran = attack(["show", "ma", "-o", str(out)], base_env(home), shell_redirect=">&-",
                 stdout=None)
    assert ran.code == 0 and "Medical assistant" in out.read_text()


@pytest.mark.parametrize("locale", [{"LANG": "C"}, {"LC_ALL": "POSIX"}, {"LC_ALL": "C"},
                                    {"LANG": "C", "PYTHONIOENCODING": "ascii"},
                                    {"LANG": "C", "PYTHONIOENCODING": "latin-1"}])
def test_locales_that_are_not_utf8(tmp_path, home, locale):
    env = base_env(home)
    env.pop("LANG", None)
    env.pop("LC_ALL", None)
    env.pop("PYTHONIOENCODING", None)
    env.update(locale)
    for args in (["show", "ma"], ["list"], ["compare", "ma", "pt"], ["show", "ma", "-f", "csv"],
                 ["path", "ma", "rn"], ["search", "blood"]):
        ran = attack(args, env)
        assert ran.code == 0, ran.stderr
        assert ran.stdout.strip()


@pytest.mark.parametrize("columns", ["1", "5", "12", "19", "0", "-3", "abc"])
def test_tiny_terminal_width_still_shows_values(home, columns):
    env = base_env(home, COLUMNS=columns)
    shown = attack(["show", "medical-assistant"], env).stdout
    assert "Medical assistant" in shown.replace("\n", " ") or "Medical" in shown
    assert "31-9092" in shown
    listed = attack(["list"], env).stdout
    assert "phlebotomist" in listed
    compared = attack(["compare", "ma", "phlebotomist"], env).stdout
    assert "Education" in compared and "Certificate" in compared


@pytest.mark.parametrize("stdin", ["closed", "devnull"])
def test_fit_without_stdin_never_waits(home, stdin):
    env = base_env(home)
    ran = attack(["fit"], env, shell_redirect="<&-" if stdin == "closed" else "")
    assert ran.code == 2
    ran = attack(["fit", "--contact", "high", "--setting", "lab", "--no-admin",
                  "--max-months", "24", "--pay", "medium"], env, shell_redirect="<&-")
    assert ran.code == 0


# -- text that acts --------------------------------------------------------------------------
def test_bidi_controls_and_escapes_from_data_never_reach_output(tmp_path, home):
    # Role files holding them are refused (the schema forbids control characters); names of
    # files and folders are shown escaped wherever they appear.
    import yaml

    folder = tmp_path / "evil\u202eoot"
    folder.mkdir()
    copy_role(folder, "medical-assistant", "fine-role")
    data = yaml.safe_load(role_text())
    data.update(id="bidi-role", aliases=[], name="Nurse \u202eesruN\u2066x\u2069 \x1b[31m")
    (folder / "bidi-role.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    env = base_env(home)
    for args in (["list", "--origin"], ["list", "-f", "json"], ["list", "-f", "csv"],
                 ["list", "-f", "markdown"], ["list", "-f", "html"], ["show", "bidi-role"],
                 ["validate", str(folder)], ["show", "fine-role", "-f", "json"],
                 ["validate", str(folder), "-f", "json"]):
        ran = attack(["--data-dir", str(folder), *args], env)
        assert "\\u202e" in ran.stdout + ran.stderr or "fine-role" in ran.stdout


def test_note_on_stderr_escapes_the_name(home):
    ran = attack(["show", "phleb\u202e"], base_env(home))
    assert ran.code in (0, 2)


def test_csv_cells_from_data_never_run_as_formulas(tmp_path, home):
    layer = role_dir(tmp_path)
    copy_role(layer, "medical-assistant", "formula-role",
              **{"name: Medical assistant": "name: '=HYPERLINK(\"http://x\",\"y\")'"})
    env = base_env(home, ROLECMP_DATA_DIR=str(layer))
    for args in (["list", "-f", "csv"], ["show", "formula-role", "-f", "csv"]):
        out = attack(args, env).stdout
        assert "'=HYPERLINK" in out
        import csv
        import io

        for row in csv.reader(io.StringIO(out)):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell


# -- environment -----------------------------------------------------------------------------
@pytest.mark.parametrize("home_value", ["", "/", "relative"])
def test_home_empty_or_root_writes_nothing_outside(tmp_path, home_value):
    before = {p: os.path.exists(p) for p in ("/.cache/rolecmp", "/.local/share/rolecmp")}
    env = base_env(tmp_path, HOME=home_value)
    assert attack(["list"], env, cwd=tmp_path).code == 0
    assert attack(["show", "ma"], env, cwd=tmp_path).code == 0
    ran = attack(["new", "some-role"], env, cwd=tmp_path)
    assert ran.code == 2 and "--data-dir" in ran.stderr
    assert {p: os.path.exists(p) for p in before} == before
    assert list(tmp_path.iterdir()) == []


def test_home_unset_uses_the_account_home(tmp_path):
    env = base_env(tmp_path)
    del env["HOME"]
    assert attack(["list"], env, cwd=tmp_path).code == 0


def test_relative_xdg_paths_are_ignored(tmp_path, home):
    work = tmp_path / "work"
    work.mkdir()
    env = base_env(home, XDG_CACHE_HOME="relcache", XDG_DATA_HOME="reldata")
    attack(["list"], env, cwd=work)
    attack(["new", "xdg-role"], env, cwd=work)
    assert list(work.iterdir()) == []
    assert (home / ".local" / "share" / "rolecmp" / "roles" / "xdg-role.yaml").is_file()
    assert (home / ".cache" / "rolecmp").is_dir()


# -- permissions (as a user without privileges) ------------------------------------------------
def _in_child_as(user: str | None, runs: list[list[str]], env: dict[str, str]
                 ) -> list[tuple[int, str, str]]:
    """Run rolecmp in-process in a forked child that gave up root (the interpreter itself may
    live where an unprivileged user cannot read, so no new process is started): (exit status,
    stdout, stderr, or the repr of an uncaught exception) per run."""
    from typer.testing import CliRunner

    from rolecmp import catalog
    from rolecmp.cli import app

    def run_all() -> list[tuple[int, str, str]]:
        out = []
        old = dict(os.environ)
        os.environ.clear()
        os.environ.update(env)
        try:
            for args in runs:
                catalog.reset()
                result = CliRunner().invoke(app, args, prog_name="rolecmp")
                error = result.exception
                if error is not None and not isinstance(error, SystemExit):
                    out.append((99, result.stdout, f"uncaught {error!r}"))
                else:
                    out.append((result.exit_code, result.stdout, result.stderr))
        finally:
            os.environ.clear()
            os.environ.update(old)
            catalog.reset()
        return out

    run_all()  # as root first: every module the runs need is imported before the fork
    if user is None:
        return run_all()
    import pwd

    entry = pwd.getpwnam(user)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop privileges, run, report, and leave without cleanup
        try:
            os.close(read)
            os.setgroups([])
            os.setgid(entry.pw_gid)
            os.setuid(entry.pw_uid)
            payload = json.dumps(run_all()).encode()
        except BaseException as exc:  # reported to the parent
            payload = json.dumps([[98, "", f"child failed: {exc!r}"]]).encode()
        with os.fdopen(write, "wb") as handle:
            handle.write(payload)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as handle:
        data = handle.read()
    os.waitpid(pid, 0)
    return [tuple(item) for item in json.loads(data)]  # type: ignore[misc]


def _unprivileged() -> str | None:
    if os.getuid() != 0:
        return None
    try:
        import pwd

        pwd.getpwnam("nobody")
    except (ImportError, KeyError):
        pytest.skip("no user 'nobody' to drop privileges to")
    return "nobody"


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder an unprivileged user can use (pytest's own tmp folders are private to root)."""
    path = Path(tempfile.mkdtemp(prefix="rolecmp-perm-"))
    os.chmod(path, 0o777)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _give(path: Path, user: str | None) -> None:
    if user is not None:
        import pwd

        entry = pwd.getpwnam(user)
        for dirpath, _, filenames in os.walk(path):
            os.chown(dirpath, entry.pw_uid, entry.pw_gid)
            for name in filenames:
                os.chown(os.path.join(dirpath, name), entry.pw_uid, entry.pw_gid)


@pytest.mark.parametrize("locked", ["data-dir", "user-roles", "cache", "cache-stale",
                                    "data-dir-roles", "role-file"])
def test_unreadable_folders_and_files(shared_tmp, locked):
    user = _unprivileged()
    home = shared_tmp / "home"
    layer = shared_tmp / "layer"
    user_roles = home / ".local" / "share" / "rolecmp" / "roles"
    cache = home / ".cache" / "rolecmp"
    for folder in (layer, user_roles, cache):
        folder.mkdir(parents=True)
    copy_role(layer, "medical-assistant", "layer-role")
    copy_role(user_roles, "medical-assistant", "user-role")
    if locked == "data-dir-roles":
        (layer / "roles").mkdir()
    _give(shared_tmp, user)
    env = base_env(home, ROLECMP_DATA_DIR=str(layer))
    if locked == "cache-stale":
        env["ROLECMP_TODAY"] = "2099-01-01"
    target = {"data-dir": layer, "user-roles": user_roles, "cache": cache,
              "cache-stale": cache, "data-dir-roles": layer / "roles",
              "role-file": layer / "layer-role.yaml"}[locked]
    runs = [["list"], ["show", "ma"], ["compare", "ma", "pt"], ["show", "user-role"],
            ["show", "layer-role"], ["validate"], ["show", "ma", "-f", "json"], ["search", "x"]]
    os.chmod(target, 0)
    try:
        results = _in_child_as(user, runs, env)
    finally:
        os.chmod(target, 0o755)
    assert len(results) == len(runs), results
    for args, (code, out, err) in zip(runs, results, strict=True):
        assert code in (0, 1, 2), (args, code, out, err)
        assert "Traceback" not in out + err
        if code != 0:
            errors = [line for line in err.splitlines() if line.startswith("rolecmp: error")]
            assert len(errors) == 1, (args, err)
            assert "Permission denied" in err or "unknown role" in err, (args, err)


# -- numbers, patterns and other silent wrong answers --------------------------------------------
@pytest.mark.parametrize(("old", "new", "says"), [
    ("min: 12", "min: 012", "plain"), ("min: 12", "min: 0x1F", "plain"),
    ("min: 12", "min: 0b1", "plain"), ("min: 12", "min: 1:30", "plain"),
    ("min: 12", "min: 1_0", "plain"), ("min: 12", "min: 99999999999999999999999", "digits"),
    ("min: 12", "min: 0x" + "F" * 400, "plain"), ("min: 12", "min: 4.0", "integer"),
    ("min: 12", "min: 30", "more than max"), ("min: 12", "min: 1000", "at most"),
    ('soc_code: "31-9092"', 'soc_code: "31-9092\\n"', "control character"),
    ('soc_code: "31-9092"', 'soc_code: "\u0663\u0661-9092"', "expected form"),
    ("parent: null", "parent: bad-numbers", "parent"),
])
def test_numbers_and_patterns_are_exact(tmp_path, home, old, new, says):
    layer = role_dir(tmp_path)
    text = role_text().replace("id: medical-assistant", "id: bad-numbers", 1)
    text = "\n".join(line for line in text.splitlines() if not line.startswith("aliases:"))
    text += "\naliases: []\n"
    assert old in text, old
    (layer / "bad-numbers.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    env = base_env(home, ROLECMP_DATA_DIR=str(layer))
    ran = attack(["validate", str(layer / "bad-numbers.yaml")], env)
    assert ran.code == 1 and says in ran.stdout + ran.stderr, ran.stdout
    assert attack(["show", "bad-numbers"], env).code == 1
    listed = attack(["list"], env)
    assert listed.code == 0 and "bad-numbers.yaml" in listed.stderr
    assert "bad-numbers" not in listed.stdout


# -- one broken file of the user's own ----------------------------------------------------------
def test_a_broken_user_file_is_skipped_by_everything_else(tmp_path, home):
    user_roles = home / ".local" / "share" / "rolecmp" / "roles"
    user_roles.mkdir(parents=True)
    (user_roles / "medical-assistant.yaml").write_text("id: medical-assistant\nname: [\n")
    copy_role(user_roles, "phlebotomist", "my-role")
    env = base_env(home)
    for args in (["list"], ["search", "blood"], ["compare", "phlebotomist", "pt"],
                 ["show", "my-role"], ["similar", "phlebotomist"], ["list", "-f", "json"]):
        ran = attack(args, env)
        assert ran.code == 0, (args, ran.stderr)
        # warned once by every command that reads the index (show by id reads one file only)
        assert ran.stderr.count("medical-assistant.yaml") <= 1, ran.stderr
        if args[0] in ("list", "search", "similar"):
            assert "medical-assistant.yaml:3:1:" in ran.stderr  # file:line:column
    assert attack(["show", "medical-assistant"], env).code == 1
    assert attack(["validate"], env).code == 1


def test_bundled_data_errors_stay_fatal(tmp_path):
    from rolecmp.catalog import Catalog
    from rolecmp.errors import InvalidRoleFile

    bundled = tmp_path / "bundled"
    shutil.copytree(BUNDLED, bundled)
    (bundled / "medical-assistant.yaml").write_text("id: medical-assistant\nname: [\n")
    with pytest.raises(InvalidRoleFile, match=r"medical-assistant\.yaml:3"):
        Catalog([bundled], cache_dir=tmp_path / "c").index()
