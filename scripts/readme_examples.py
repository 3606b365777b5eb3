"""Keep the README's example outputs true: each ```console block that starts with
``$ rolecmp ...`` is re-run and its output compared (``--check``) or rewritten (``--write``).

Run from the repository root: ``python scripts/readme_examples.py --write``.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"```console\n\$ (rolecmp [^\n]*)\n(.*?)```", re.S)
WIDTH = "100"


def run_example(command: str) -> str:
    """The output of one README command, as a person sees it in a 100-column terminal."""
    env = {**os.environ, "COLUMNS": WIDTH, "NO_COLOR": "1", "TERM": "dumb"}
    argv = [sys.executable, "-m", "rolecmp", *shlex.split(command)[1:]]
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          env=env, check=False)
    return "\n".join(line.rstrip() for line in proc.stdout.splitlines()) + "\n"


def examples(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(text)]


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    if "--write" in argv:
        text = BLOCK.sub(lambda m: f"```console\n$ {m.group(1)}\n{run_example(m.group(1))}```",
                         text)
        README.write_text(text, encoding="utf-8")
        return 0
    stale = [cmd for cmd, shown in examples(text) if run_example(cmd) != shown]
    for cmd in stale:
        print(f"README example is out of date: {cmd}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
