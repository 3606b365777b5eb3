from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rolecmp import catalog
from rolecmp.cli import app

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "roles"


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory,
              monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test gets its own index cache and no user data directories."""
    monkeypatch.setenv("ROLECMP_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("ROLECMP_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("ROLECMP_TODAY", raising=False)
    catalog.reset()
    yield
    catalog.reset()


class Run:
    """Run the CLI in-process and keep stdout, stderr and the exit code apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, code: int | None = 0) -> Any:
        result = self.runner.invoke(app, list(args), prog_name="rolecmp")
        if code is not None:
            assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
        return result

    def json(self, *args: str) -> Any:
        return json.loads(self(*args, "--format", "json").stdout)


@pytest.fixture
def run() -> Run:
    return Run()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An extra role directory layered over the bundled roles through $ROLECMP_DATA_DIR."""
    path = tmp_path / "roles"
    path.mkdir()
    monkeypatch.setenv("ROLECMP_DATA_DIR", str(path))
    catalog.reset()
    return path


def role_text(role_id: str = "medical-assistant") -> str:
    """The text of a bundled role file, to copy and change in tests."""
    return (BUNDLED / f"{role_id}.yaml").read_text(encoding="utf-8")


def copy_role(dest: Path, role_id: str, new_id: str, **replace: str) -> Path:
    """Write a copy of a bundled role under a new id, with textual replacements applied."""
    text = role_text(role_id).replace(f"id: {role_id}", f"id: {new_id}", 1)
    text = "\n".join(line for line in text.splitlines() if not line.startswith("aliases:"))
    text += "\naliases: []\n"
    for old, new in replace.items():
        assert old.replace("_", " ") in text or old in text
        text = text.replace(old, new)
    path = dest / f"{new_id}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


__all__ = ["BUNDLED", "ROOT", "Run", "copy_role", "role_text", "shutil"]
