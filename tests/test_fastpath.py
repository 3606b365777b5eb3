"""The start-up fast path is taken for the plain runs it is meant for, and gives exactly what the
Typer app gives: the same stdout, stderr, exit status and files. Both ways run as real processes
(``python -m rolecmp``), with ``ROLECMP_NO_FAST_PATH=1`` forcing the Typer app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rolecmp import fastpath, interface

#: Runs the fast path must take.
FAST = [
    ["compare", "assistant", "technician"],
    ["compare", "ma", "mlt", "--format", "json"],
    ["compare", "ma", "mlt", "-f", "CSV"],
    ["compare", "ma", "mlt", "--format=markdown", "--only", "pay,outlook"],
    ["compare", "ma", "rad-tech", "--state", "ca"],
    ["compare", "ma", "rad-tech", "-s", "Calfornia"],          # a did-you-mean error
    ["compare", "ma", "phlebotomist", "--area", "Los Angeles"],
    ["compare", "ma", "nope-nope"],                            # unknown role
    ["compare", "ma", "technologist"],                         # ambiguous name
    ["compare", "ma"],                                         # too few roles
    ["compare", "ma", "mlt", "--only", "salary"],              # unknown dimension
    ["compare", "software developer", "cashier"],
    ["show", "radiologic-technologist"],
    ["show", "rad-tech", "-f", "json"],
    ["show", "ma", "--state=TX", "--format=html"],
    ["show", "cashier"],
    ["show", "rn", "-a", "31080", "-f", "json"],
    ["show", "ma", "-o", "out.json"],                          # format from the extension
    ["show", "ma", "-o", "-", "-f", "csv"],                    # - is standard output
    ["list"],
    ["list", "specialties"],
    ["list", "SPECIALTIES", "--sort", "median"],
    ["list", "--all", "--group", "41", "-f", "csv"],
    ["list", "--family", "nurse", "--contact", "HIGH", "-f", "json"],
    ["list", "--education", "doctorate", "--family", "aide"],  # nothing matches: exit 1
    ["list", "-f", "json", "-o", "roles.json"],
]

#: Runs the fast path must leave to Typer (help, errors only Typer can word, other commands).
TYPER = [
    ["compare", "ma", "mlt", "--help"],
    ["compare", "ma", "mlt", "--bogus"],
    ["compare", "ma", "mlt", "--format", "yaml"],
    ["list", "--sort", "salary"],
    ["list", "everything"],
    ["show"],
    ["show", "ma", "--state"],
    ["search", "draw blood"],
    ["--version"],
]

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list[str], folder: Path, typer: bool) -> tuple[int, str, str, dict[str, bytes]]:
    env = {k: v for k, v in os.environ.items() if k not in ("ROLECMP_NO_FAST_PATH", "PAGER")}
    env["ROLECMP_CACHE_DIR"] = str(folder.parent / "cache")
    env["COLUMNS"] = "100"
    env["PYTHONPATH"] = str(ROOT / "src")
    if typer:
        env["ROLECMP_NO_FAST_PATH"] = "1"
    folder.mkdir()
    proc = subprocess.run([sys.executable, "-m", "rolecmp", *args], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=60)
    files = {p.name: p.read_bytes() for p in folder.iterdir()}
    return proc.returncode, proc.stdout, proc.stderr, files


@pytest.mark.parametrize("args", FAST, ids=" ".join)
def test_fast_path_is_taken_and_matches_typer(args, tmp_path):
    assert fastpath.parse(list(args)) is not None, "the fast path must take this run"
    assert _run(args, tmp_path / "fast", False) == _run(args, tmp_path / "typer", True)


@pytest.mark.parametrize("args", TYPER, ids=" ".join)
def test_other_runs_go_to_typer_with_the_same_result(args, tmp_path):
    assert fastpath.parse(list(args)) is None
    assert _run(args, tmp_path / "a", False) == _run(args, tmp_path / "b", True)


def test_the_fast_commands_are_those_the_declaration_marks():
    fast = {c.name for c in interface.COMMANDS if c.fast}
    assert fast == {"compare", "show", "list"}
    assert {case[0] for case in FAST} == fast


def test_an_unreadable_existing_output_file_is_treated_alike(tmp_path):
    # Issue 11: the fast path used to overwrite a writable but unreadable file that the Typer
    # path refused. Both now hand the path to the same writer.
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    results = []
    for name, typer in (("fast", False), ("typer", True)):
        folder = tmp_path / f"{name}-pre"
        folder.mkdir()
        target = folder / "out.txt"
        target.write_text("old\n")
        target.chmod(0o200)
        results.append(_run(["show", "ma", "-o", str(target), "--force"], tmp_path / name,
                            typer)[:3])
    assert results[0] == results[1]
