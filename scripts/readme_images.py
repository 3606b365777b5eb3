"""Render what a user sees for a few commands to SVG, for the README (docs/images/).

    python scripts/readme_images.py          # rewrite the images
    python scripts/readme_images.py --check  # exit 1 if an image is out of date

Each command runs for real (``python -m rolecmp``) as in a 100-column colour terminal; its
output, escape codes and all, is drawn by Rich's SVG export. So the pictures show exactly what a
user sees, and change only when the output does. tests/test_docs.py runs the check.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images"
IMAGES = {
    "compare.svg": ["compare", "assistant", "technician", "--only",
                    "education,scope,workplaces,certification,patient_contact,pay,outlook"],
    "show.svg": ["show", "radiologic-technologist"],
    "pay.svg": ["pay", "pharmacy-technician"],
}
WIDTH = 100


def render(args: list[str]) -> str:
    """The SVG of ``rolecmp ARGS`` as a 100-column colour terminal shows it."""
    from rich.console import Console
    from rich.text import Text

    env = {**os.environ, "COLUMNS": str(WIDTH), "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    proc = subprocess.run([sys.executable, "-m", "rolecmp", *args], capture_output=True,
                          text=True, env=env, check=True)
    console = Console(record=True, width=WIDTH, file=open(os.devnull, "w"),  # noqa: SIM115
                      force_terminal=True, color_system="truecolor")
    console.print(Text.from_ansi(proc.stdout), end="")
    return console.export_svg(title="rolecmp " + " ".join(args))


def main(argv: list[str]) -> int:
    stale = []
    for name, args in IMAGES.items():
        svg = render(args)
        path = OUT / name
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != svg:
                stale.append(name)
        else:
            OUT.mkdir(parents=True, exist_ok=True)
            path.write_text(svg, encoding="utf-8")
    for name in stale:
        print(f"out of date: docs/images/{name} (run python scripts/readme_images.py)",
              file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
