"""The README stays true: its examples match real output, its test command is what CI runs, and
every command has help with an example."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT
from rolecmp.cli import app

sys.path.insert(0, str(ROOT / "scripts"))
import readme_examples

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_has_the_two_setup_commands():
    assert ("python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/rolecmp compare "
            "assistant technician") in README
    assert ('python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && '
            '.venv/bin/pytest') in README


def test_ci_runs_the_readme_test_command():
    proc = subprocess.run(
        ["awk", "/<!-- test-command/{getline; getline; print; exit}", "README.md"],
        cwd=ROOT, capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ('python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && '
                                   ".venv/bin/pytest")
    assert "test_command=$(awk" in (ROOT / ".ci" / "run").read_text()


@pytest.mark.parametrize("command, shown", readme_examples.examples(README),
                         ids=[c for c, _ in readme_examples.examples(README)])
def test_readme_example_output_is_current(command, shown):
    assert readme_examples.run_example(command) == shown, (
        "run: python scripts/readme_examples.py --write")


def test_readme_examples_cover_the_three_first_uses():
    commands = [c for c, _ in readme_examples.examples(README)]
    for wanted in ["rolecmp compare assistant technician", "rolecmp list specialties",
                   "rolecmp show radiologic-technologist"]:
        assert wanted in commands


def test_every_command_is_documented_with_an_example():
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, name
        assert re.search(r"Example: rolecmp " + name, command.help), name
        assert f"rolecmp {name}" in README, name


def test_the_tests_run_against_the_source_tree():
    # The README's test command installs rolecmp editable and pytest puts src/ first on the
    # path, so an edit to src/ is what the tests see, never a stale installed copy.
    import rolecmp

    assert rolecmp.__file__ == str(ROOT / "src" / "rolecmp" / "__init__.py")


def test_help_has_no_markup_escapes_and_full_summaries():
    from typer.testing import CliRunner

    runner = CliRunner()
    top = runner.invoke(app, ["--help"]).stdout
    assert "..." not in top.split("Commands:")[1]  # summaries are not cut short
    for name in ("compare", "list", "show", "pay", "fit", "search", "similar", "licensure"):
        text = runner.invoke(app, [name, "--help"]).stdout
        assert "\\[" not in text, name
        assert "Example: rolecmp " + name in text, name
