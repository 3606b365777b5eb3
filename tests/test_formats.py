"""Every format on every command, --output, completion and the README images (issue 8)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT

COMMANDS = [
    ["compare", "ma", "mlt"],
    ["compare", "ma", "phlebotomist", "rad-tech"],
    ["list"],
    ["list", "specialties", "--sort", "median"],
    ["show", "radiologic-technologist"],
    ["pay", "pharmacy-technician"],
    ["search", "draw blood"],
    ["similar", "ma", "-n", "4"],
    ["path", "ma", "mlt"],
    ["fit", "--contact", "high", "--setting", "lab", "--no-admin", "--max-months", "24",
     "--pay", "medium", "-n", "5"],
    ["sources"],
    ["validate"],
]
IDS = [" ".join(c[:2]) for c in COMMANDS]


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.loads: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k == "href" and tag == "a"]
        self.loads += [v or "" for k, v in attrs if k == "src" or (k == "href" and tag != "a")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_json_parses(run, command):
    assert json.loads(run(*command, "-f", "json").stdout) is not None


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_csv_parses_into_a_rectangle(run, command):
    rows = list(csv.reader(io.StringIO(run(*command, "-f", "csv").stdout)))
    assert len(rows) >= (1 if command == ["validate"] else 2)  # a clean validate: header only
    assert len({len(r) for r in rows}) == 1


#: Commands whose Markdown is a document with headings (tests/test_documents.py), not a table.
DOCUMENTS = ("show", "path", "fit")


@pytest.mark.parametrize("command", [c for c in COMMANDS if c[0] not in DOCUMENTS],
                         ids=[i for c, i in zip(COMMANDS, IDS, strict=True)
                              if c[0] not in DOCUMENTS])
def test_markdown_is_a_table(run, command):
    lines = [line for line in run(*command, "-f", "markdown").stdout.splitlines()
             if line.startswith("|")]
    assert len(lines) >= (2 if command == ["validate"] else 3)
    assert re.fullmatch(r"\|( -{3}:? \|)+", lines[1])
    cells = {len(re.findall(r"(?<!\\)\|", line)) for line in lines}
    assert len(cells) == 1


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_html_is_a_standalone_page(run, command):
    page = run(*command, "-f", "html").stdout
    assert page.startswith("<!DOCTYPE html>")
    parser = _Collect()
    parser.feed(page)
    assert "table" in parser.tags or "dl" in parser.tags or "ol" in parser.tags  # path: steps
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    # Nothing fetched: no src at all; links (<a href>) to http(s) pages, followed only when
    # clicked.
    assert parser.loads == []
    assert all(re.match(r"https?://", url) for url in parser.urls)


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_table_format_prints(run, command):
    assert run(*command, "-f", "table").stdout.strip()


def test_figures_round_trip_through_every_format(run):
    # The national median of radiologic technologists, as BLS publishes it: $80,110.
    table = run("show", "rad-tech").stdout
    assert "$80,110 median (National)" in table
    assert run.json("show", "rad-tech")["pay"]["median_annual"] == 80110
    rows = dict(csv.reader(io.StringIO(run("show", "rad-tech", "-f", "csv").stdout)))
    assert rows["pay.median_annual"] == "80110"
    assert "| **National** | $80,110 |" in run("show", "rad-tech", "-f", "markdown").stdout
    assert '<td class="num">$80,110</td>' in run("show", "rad-tech", "-f", "html").stdout
    ranked = list(csv.DictReader(io.StringIO(run("pay", "rad-tech", "-f", "csv").stdout)))
    assert ranked[0]["area"] == "National" and ranked[0]["median_annual"] == "80110"
    assert "$80,110" in run("pay", "rad-tech").stdout


def test_compare_html_marks_differences_and_escapes_data(run, data_dir):
    from conftest import copy_role

    copy_role(data_dir, "medical-assistant", "evil-role",
              **{"name: Medical assistant": 'name: "<script>alert(1)</script> [red]x"'})
    page = run("compare", "evil-role", "mlt", "-f", "html").stdout
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'class="differs"' in page
    assert ("Sources" in page and "BLS OEWS" not in page) or "Occupational Employment" in page


def test_output_writes_a_file_and_refuses_to_overwrite(run, tmp_path):
    target = tmp_path / "compare.html"
    assert run("compare", "ma", "mlt", "-f", "html", "-o", str(target)).stdout == ""
    assert target.read_text().startswith("<!DOCTYPE html>")
    result = run("compare", "ma", "mlt", "-o", str(target), code=2)
    assert result.stderr == f"rolecmp: error: {target} already exists; add --force to replace it\n"
    assert target.read_text().startswith("<!DOCTYPE html>")  # untouched
    # the format follows the file's extension unless --format says otherwise
    run("compare", "ma", "mlt", "-o", str(target), "--force")
    assert target.read_text().startswith("<!DOCTYPE html>")
    run("compare", "ma", "mlt", "-o", str(target), "--force", "-f", "table")
    text = target.read_text()
    assert "Medical assistant" in text and "\x1b" not in text  # a table as plain text
    assert max(len(line) for line in text.splitlines()) <= 100
    assert [p.name for p in tmp_path.iterdir()] == ["compare.html"]  # no temporary files left
    data = tmp_path / "compare.json"
    run("compare", "ma", "mlt", "-o", str(data))
    assert data.read_text().startswith("{")
    data.unlink()
    # -o - is standard output
    assert run("compare", "ma", "mlt", "-o", "-", "-f", "json").stdout.startswith("{")


def test_output_into_a_missing_folder_is_an_error(run, tmp_path):
    result = run("list", "-o", str(tmp_path / "no" / "such.csv"), "-f", "csv", code=2)
    assert result.stderr.startswith("rolecmp: error: cannot write")


def test_version(run):
    from rolecmp import __version__

    assert run("--version").stdout == f"rolecmp {__version__}\n"


def _complete(env_extra: dict[str, str], tmp_path: Path) -> str:
    env = {**os.environ, "_ROLECMP_COMPLETE": "", "ROLECMP_CACHE_DIR": str(tmp_path),
           **env_extra}
    proc = subprocess.run([sys.executable, "-m", "rolecmp"], capture_output=True, text=True,
                          env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_bash_completion_offers_role_ids(tmp_path):
    out = _complete({"_ROLECMP_COMPLETE": "complete_bash", "COMP_WORDS": "rolecmp show rad",
                     "COMP_CWORD": "2"}, tmp_path)
    assert out.split() == ["radiation-therapist", "radiologic-technologist"]
    out = _complete({"_ROLECMP_COMPLETE": "complete_bash", "COMP_WORDS": "rolecmp compare ma ph",
                     "COMP_CWORD": "3"}, tmp_path)
    assert "phlebotomist" in out.split() and "pharmacy-technician" in out.split()


def test_zsh_and_fish_completion_offer_role_ids(tmp_path):
    zsh = _complete({"_ROLECMP_COMPLETE": "complete_zsh",
                     "_TYPER_COMPLETE_ARGS": "rolecmp path mlt medical-labo"}, tmp_path)
    assert '"medical-laboratory-scientist"' in zsh and '"medical-laboratory-technician"' in zsh
    fish = _complete({"_ROLECMP_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION":
                      "get-args", "_TYPER_COMPLETE_ARGS": "rolecmp show eeg"}, tmp_path)
    assert fish.split() == ["eeg-technologist"]


def test_completion_scripts_are_printed_for_each_shell(run, monkeypatch):
    # Typer detects the user's shell; with detection off it takes the shell's name instead.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    for shell, marker in (("bash", "complete -o default -F _rolecmp_completion rolecmp"),
                          ("zsh", "compdef _rolecmp_completion rolecmp"),
                          ("fish", "complete --command rolecmp")):
        result = run("--show-completion", shell)
        assert marker in result.stdout, shell


def test_readme_images_are_current():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "readme_images.py"),
                           "--check"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    for name in ("compare.svg", "show.svg", "pay.svg"):
        assert f"docs/images/{name}" in (ROOT / "README.md").read_text()


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None and not os.environ.get("ROLECMP_REQUIRE_CHROMIUM"),
                    reason="Chromium is not installed (CI installs it and requires this test)")
def test_html_page_renders_in_headless_chromium(run, tmp_path):
    chromium = _chromium()
    assert chromium, "ROLECMP_REQUIRE_CHROMIUM is set but chromium is missing"
    page = tmp_path / "compare.html"
    run("compare", "assistant", "technician", "-f", "html", "-o", str(page))
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([chromium, *flags, "--dump-dom", page.as_uri()], capture_output=True,
                         text=True, timeout=120, check=True).stdout
    assert "Compare: Medical assistant / Medical technician" in dom
    assert "Not the same role" in dom
    shot = tmp_path / "shot.png"
    subprocess.run([chromium, *flags, f"--screenshot={shot}", "--window-size=1200,900",
                    page.as_uri()], capture_output=True, timeout=120, check=True)
    assert _png_is_not_blank(shot.read_bytes())


def _png_is_not_blank(data: bytes) -> bool:
    """True when the PNG's pixels are not all one colour (decoded with zlib only)."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, colour_bytes = 8, b"", 0, 0, 4
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            colour_bytes = {2: 3, 6: 4, 0: 1, 4: 2}[colour] * depth // 8
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * colour_bytes + 1
    rows = [raw[i * stride + 1:(i + 1) * stride] for i in range(height)]
    # Filtered rows differ from raw pixels, but a single-colour image gives at most a few
    # distinct rows (first row, then all-zero "up"-filtered rows).
    return len(set(rows)) > 10


#: Pages whose layout is checked in Chromium, at a 1200-pixel window and at a phone's width.
LAYOUT_PAGES = {
    "compare": ["compare", "assistant", "technician"],
    "compare-three": ["compare", "ma", "phlebotomist", "rad-tech"],
    "show": ["show", "pharmacy-technician", "--state", "CA"],
    "show-dataset": ["show", "athletic-trainers"],
    "show-group": ["show", "ekg-technician"],
    "pay": ["pay", "pharmacy-technician", "--state", "WA"],
    "pay-group": ["pay", "ekg-technician"],
    "licensure": ["licensure", "radiologic-technologist", "--state", "CA"],
    "path": ["path", "ma", "mlt", "--state", "TX"],
    "list": ["list"],
    "sources": ["sources"],
}
WIDTHS = (1200, 390)


def _chromium_flags(tmp_path: Path) -> list[str]:
    return ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}"]


@pytest.mark.skipif(_chromium() is None and not os.environ.get("ROLECMP_REQUIRE_CHROMIUM"),
                    reason="Chromium is not installed (CI installs it and requires this test)")
def test_pages_fit_the_window_in_headless_chromium(run, tmp_path):
    import html

    chromium = _chromium()
    assert chromium, "ROLECMP_REQUIRE_CHROMIUM is set but chromium is missing"
    pages = {name: run(*args, "-f", "html").stdout for name, args in LAYOUT_PAGES.items()}
    # The pages have no scripts. A harness of the test's own holds each page in a frame of
    # each width (srcdoc frames share the harness's origin) and measures, once laid out, how
    # wide each page's content is against its window.
    frames = "".join(f'<iframe id="{name}@{width}" style="width:{width}px;height:700px;'
                     f'border:0" srcdoc="{html.escape(page, quote=True)}"></iframe>'
                     for name, page in pages.items() for width in WIDTHS)
    measure = ("<script>onload=()=>{document.body.dataset.widths=[...document.querySelectorAll("
               "'iframe')].map(f=>{const e=f.contentDocument.documentElement;return f.id+'='+"
               "e.scrollWidth+'/'+e.clientWidth}).join(' ')}</script>")
    harness = tmp_path / "harness.html"
    harness.write_text(f"<!DOCTYPE html><html><body>{frames}{measure}</body></html>")
    dom = subprocess.run([chromium, *_chromium_flags(tmp_path), "--virtual-time-budget=20000",
                          "--window-size=1700,900", "--dump-dom", harness.as_uri()],
                         capture_output=True, text=True, timeout=180, check=True).stdout
    found = re.search(r'data-widths="([^"]*)"', dom)
    assert found, "the harness did not measure the pages"
    widths = dict(item.split("=") for item in found.group(1).split())
    assert set(widths) == {f"{name}@{width}" for name in pages for width in WIDTHS}
    for frame, ratio in widths.items():
        content, window = map(int, ratio.split("/"))
        assert content <= window, f"{frame}: content {content} px wide in a {window} px window"
    # And as a person sees them: the right-most pixel columns of a screenshot are blank (the
    # page's margin), so nothing runs off the right edge.
    # (Decoding a PNG in Python is slow: the phone layouts, and the pay table at 1200 px.)
    for name, width in (("pay", 1200), ("pay", 390), ("compare-three", 390),
                        ("licensure", 390), ("list", 390)):
        page = tmp_path / f"{name}.html"
        page.write_text(pages[name], encoding="utf-8")
        shot = tmp_path / f"{name}-{width}.png"
        subprocess.run([chromium, *_chromium_flags(tmp_path), f"--screenshot={shot}",
                        f"--window-size={width},800", page.as_uri()], capture_output=True,
                       timeout=120, check=True)
        png_width, edge = _png_right_edge(shot.read_bytes(), 6)
        assert png_width == width
        assert _png_is_not_blank(shot.read_bytes())
        assert edge == {(255, 255, 255)}, f"{name} at {width} px: ink at the right edge"


def _png_right_edge(data: bytes, columns: int) -> tuple[int, set[tuple[int, ...]]]:
    """The width of an 8-bit RGB or RGBA PNG and the RGB colours in its ``columns`` right-most
    pixel columns (decoded with zlib only)."""
    import struct
    import zlib

    pos, idat, width, height, channels = 8, b"", 0, 0, 4
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    colours: set[tuple[int, ...]] = set()
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                if kind == 1:
                    line[i] = (line[i] + left) & 0xFF
                    continue
                up = previous[i]
                if kind == 3:
                    line[i] = (line[i] + (left + up) // 2) & 0xFF
                    continue
                corner = previous[i - channels] if i >= channels else 0
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else
                                      up if pb <= pc else corner)) & 0xFF
        colours.update(tuple(line[x * channels:x * channels + 3])
                       for x in range(width - columns, width))
        previous = line
    return width, colours


def test_compare_csv_has_figures_as_numbers(run):
    import csv as csv_module
    import io as io_module

    rows = {r["dimension"]: r for r in csv_module.DictReader(io_module.StringIO(
        run("compare", "ma", "eeg-tech", "-f", "csv").stdout))}
    assert rows["pay.median_annual"]["medical-assistant"] == "45690"
    assert rows["pay.group"]["eeg-technologist"] == "true"  # BLS 29-2099, a group figure
    assert rows["outlook.employment_change_pct"]["medical-assistant"] == "12.5"
    assert rows["licensure"]["differs"] == ""  # shown side by side, not compared
    # no cell a spreadsheet would need guarding: prose starts with a word
    assert not any(v.startswith("'") for r in rows.values() for v in r.values())


def test_long_output_goes_through_the_pager_only_when_wanted(monkeypatch):
    import pydoc

    from rich.console import Console

    from rolecmp import commands

    paged: list[str] = []
    monkeypatch.setattr(pydoc, "pager", paged.append)
    monkeypatch.delenv("PAGER", raising=False)
    console = Console(force_terminal=True, height=5, width=60, highlight=False)
    long_text = "\n".join(f"line {i}" for i in range(20))
    monkeypatch.setitem(commands.PAGER, "off", False)
    assert commands.page(console, long_text) and len(paged) == 1
    assert "line 19" in paged[0]
    monkeypatch.setenv("PAGER", "cat")  # PAGER=cat: no pager
    assert not commands.page(console, long_text)
    monkeypatch.delenv("PAGER")
    monkeypatch.setitem(commands.PAGER, "off", True)  # --no-pager
    assert not commands.page(console, long_text)
    assert len(paged) == 1
