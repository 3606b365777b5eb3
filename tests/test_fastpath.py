"""The start-up fast path gives exactly what the Typer app gives: same output, same errors, same
exit status, for the arguments it takes and for those it must leave to Typer."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolecmp import catalog, fastpath

runner = CliRunner()


def _via_fastpath(args: list[str]) -> tuple[int, str, str, bool]:
    taken = fastpath.parse(list(args)) is not None
    catalog.reset()
    with runner.isolation() as (out, err, _):
        import sys

        sys.argv = ["rolecmp", *args]
        try:
            fastpath.main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        sys.stdout.flush()
        sys.stderr.flush()
        stdout, stderr = out.getvalue().decode(), err.getvalue().decode()
    catalog.reset()
    return code, stdout, stderr, taken


def _via_typer(args: list[str]) -> tuple[int, str, str]:
    from rolecmp.cli import app

    catalog.reset()
    result = runner.invoke(app, list(args), prog_name="rolecmp")
    catalog.reset()
    return result.exit_code, result.stdout, result.stderr


CASES = [
    ["compare", "assistant", "technician"],
    ["compare", "ma", "mlt", "--format", "json"],
    ["compare", "ma", "mlt", "-f", "CSV"],
    ["compare", "ma", "mlt", "--format=markdown", "--only", "pay,outlook"],
    ["compare", "ma", "rt", "--state", "ca"],
    ["compare", "ma", "rt", "-s", "Calfornia"],
    ["compare", "ma", "nope-nope"],
    ["compare", "ma", "technologist"],
    ["compare", "ma"],
    ["compare", "ma", "mlt", "--only", "salary"],
    ["compare", "ma", "mlt", "--bogus"],
    ["compare", "ma", "mlt", "--format", "yaml"],
    ["compare", "ma", "mlt", "--help"],
    ["show", "radiologic-technologist"],
    ["show", "rad-tech", "-f", "json"],
    ["show", "ma", "--state=TX", "--format=html"],
    ["show", "ma", "mlt"],
    ["show"],
    ["show", "ma", "--state"],
    ["list"],
    ["list", "specialties"],
    ["list", "Specialties", "--sort", "median"],
    ["list", "--family", "assistant", "--family", "aide", "-f", "json"],
    ["list", "--education", "associate", "--contact", "high", "--origin"],
    ["list", "--family", "doctor"],
    ["list", "everything"],
    ["list", "--sort"],
    ["pay", "cpht"],
    ["--version"],
    [],
]


@pytest.mark.parametrize("args", CASES, ids=[" ".join(c) or "(none)" for c in CASES])
def test_fast_path_matches_typer(args):
    code, out, err, _ = _via_fastpath(args)
    assert (code, out, err) == _via_typer(args)


def test_fast_path_takes_the_plain_forms():
    for args in (["compare", "a", "b"], ["show", "a", "-f", "json"], ["list", "specialties"],
                 ["list", "--family", "aide", "--origin", "--force"]):
        assert fastpath.parse(args) is not None, args
    for args in (["compare", "a"], ["show", "a", "--help"], ["--data-dir", "x", "list"],
                 ["list", "--format"], ["show", "a", "-fjson"], ["pay", "a"],
                 ["compare", "a", "b", "--", "c"], ["show", "a", "--state", "-x"]):
        assert fastpath.parse(args) is None, args


def test_output_flags_match(tmp_path):
    target = tmp_path / "out.csv"
    code, out, _, taken = _via_fastpath(["list", "-f", "csv", "-o", str(target)])
    assert taken and code == 0 and out == "" and target.read_text().startswith("id,name")
    fast = _via_fastpath(["list", "-f", "csv", "-o", str(target)])
    slow = _via_typer(["list", "-f", "csv", "-o", str(target)])
    assert fast[:3] == slow == (2, "", f"rolecmp: error: {target} already exists; add --force "
                                       "to replace it\n")


TOKENS = ["compare", "show", "list", "ma", "mlt", "rad-tech", "technician", "specialties",
          "roles", "--format", "-f", "json", "csv", "table", "--state", "-s", "CA", "zz",
          "--only", "pay", "--sort", "median", "--family", "assistant", "--contact", "low",
          "--education", "associate", "--origin", "--force", "--format=json", "--state=ny",
          "-h", "--", "-x", "x"]


@settings(max_examples=80, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["compare", "show", "list"]),
       st.lists(st.sampled_from(TOKENS), max_size=5))
def test_random_arguments_agree(command, rest):
    args = [command, *rest]
    code, out, err, _ = _via_fastpath(args)
    assert (code, out, err) == _via_typer(args)
