"""Property-based tests: random and mutated role files and random arguments never produce a
traceback, only exit status 0, 1 or 2, and a message naming the problem (issue 6).

Hypothesis runs derandomized (a fixed seed) with a bounded number of examples, so CI is
repeatable and quick.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import role_text
from rolecmp import catalog
from rolecmp.cli import app

SETTINGS = settings(max_examples=60, derandomize=True, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
BASE_LINES = role_text().splitlines()
runner = CliRunner()


def _invoke(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    catalog.reset()
    try:
        result = runner.invoke(app, args, prog_name="rolecmp")
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        catalog.reset()
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args}: {result.exception!r}") from result.exception
    return result.exit_code, result.stdout, result.stderr


def _check(code: int, out: str, err: str) -> None:
    assert code in (0, 1, 2), (code, out, err)
    assert "Traceback" not in out + err
    if code != 0:
        assert (err or out).strip(), "a failure must say what went wrong"


mutation = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, len(BASE_LINES) - 1)),
    st.tuples(st.just("duplicate"), st.integers(0, len(BASE_LINES) - 1)),
    st.tuples(st.just("insert"), st.integers(0, len(BASE_LINES)), st.text(max_size=40)),
    st.tuples(st.just("truncate"), st.integers(0, len(BASE_LINES) - 1), st.integers(0, 80)),
    st.tuples(st.just("indent"), st.integers(0, len(BASE_LINES) - 1), st.integers(0, 5)),
)


def _mutate(lines: list[str], step: tuple[object, ...]) -> list[str]:
    kind, at = step[0], int(step[1])  # type: ignore[call-overload]
    lines = list(lines)
    if kind == "delete" and lines:
        del lines[min(at, len(lines) - 1)]
    elif kind == "duplicate" and lines:
        at = min(at, len(lines) - 1)
        lines.insert(at, lines[at])
    elif kind == "insert":
        lines.insert(min(at, len(lines)), str(step[2]))
    elif kind == "truncate" and lines:
        at = min(at, len(lines) - 1)
        lines[at] = lines[at][: int(step[2])]  # type: ignore[call-overload]
    elif kind == "indent" and lines:
        at = min(at, len(lines) - 1)
        lines[at] = " " * int(step[2]) + lines[at]  # type: ignore[call-overload]
    return lines


def _role_dir(content: str | bytes) -> tuple[Path, dict[str, str]]:
    top = Path(tempfile.mkdtemp(prefix="rolecmp-fuzz-"))
    roles = top / "roles"
    roles.mkdir()
    path = roles / "fuzz-role.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
    env = {"ROLECMP_DATA_DIR": str(roles), "ROLECMP_CACHE_DIR": str(top / "cache"),
           "XDG_DATA_HOME": str(top / "data")}
    return path, env


@SETTINGS
@given(st.lists(mutation, min_size=1, max_size=4))
def test_mutated_role_files(steps):
    lines = BASE_LINES
    for step in steps:
        lines = _mutate(lines, step)
    text = "\n".join(lines).replace("id: medical-assistant", "id: fuzz-role", 1)
    text = text.replace("aliases: [ma, assistant, medical-assistants, cma, rma, ccma, cma-aama, "
                        "rma-amt]", "aliases: []")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return  # lone surrogates cannot be written as text; bytes are fuzzed below
    path, env = _role_dir(text)
    for args in (["show", "fuzz-role"], ["list"], ["compare", "fuzz-role", "ma"],
                 ["validate", str(path)], ["search", "blood"]):
        code, out, err = _invoke(args, env)
        _check(code, out, err)
        if code == 1 and args[0] != "validate":
            assert "fuzz-role.yaml" in err  # the message names the file


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_as_a_role_file(content):
    path, env = _role_dir(content)
    for args in (["show", "fuzz-role"], ["validate", str(path)]):
        code, out, err = _invoke(args, env)
        _check(code, out, err)
        if args[0] == "show":
            assert code == 1 and "fuzz-role.yaml" in err


TOKENS = ["compare", "show", "list", "pay", "sources", "search", "validate", "schema",
          "specialties", "roles", "ma", "mlt", "technician", "rad-tech", "--format", "json",
          "csv", "markdown", "table", "yaml", "--state", "CA", "zz", "--only", "pay",
          "--sort", "median", "--family", "assistant", "--contact", "low", "--education",
          "--help", "--version", "-f", "--origin", "--data-dir", "/nonexistent", ""]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=6))
def test_random_arguments(args):
    top = Path(tempfile.mkdtemp(prefix="rolecmp-args-"))
    env = {"ROLECMP_CACHE_DIR": str(top / "cache"), "XDG_DATA_HOME": str(top / "data")}
    code, out, err = _invoke(args, env)
    _check(code, out, err)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8),
                                                                      children, max_size=4),
    max_leaves=20)


@settings(max_examples=25, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(json_values, st.sampled_from(["data", "entries", "whole"]))
def test_any_json_in_the_cache_is_rebuilt_never_trusted(value, where):
    """Whatever a cache file holds, answers equal those of a fresh catalog (issue 15)."""
    import json

    from conftest import BUNDLED
    from rolecmp.catalog import Catalog

    top = Path(tempfile.mkdtemp(prefix="rolecmp-cache-fuzz-"))
    fresh = Catalog([BUNDLED], cache_dir=top / "fresh")
    expected = [fresh.get(e.id) for e in fresh.entries()]
    cache = top / "cache"
    Catalog([BUNDLED], cache_dir=cache).all()
    for entry in list((cache / "role-cache").glob("*.json")) + \
            list((cache / "index-cache").glob("index-*.json")):
        stored = json.loads(entry.read_text())
        if where == "whole":
            stored = value
        elif where == "data" and "data" in stored:
            stored["data"] = value
        elif where == "entries" and "entries" in stored:
            stored["entries"] = [value, *stored["entries"][1:]]
        entry.write_text(json.dumps(stored))
    again = Catalog([BUNDLED], cache_dir=cache)
    try:
        assert [again.get(e.id) for e in again.entries()] == expected
    finally:
        shutil.rmtree(top, ignore_errors=True)
