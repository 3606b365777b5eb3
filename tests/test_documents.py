"""Pages and documents to send (issue 16 items 3 and 4): HTML a counselor can print, Markdown a
person reads. The Chromium checks of the pages' layout are in test_formats.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from rolecmp import catalog


class _Page(HTMLParser):
    """What a page shows and what it would load."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[tuple[str, str]] = []  # (href, link text)
        self.loads: list[str] = []  # src, srcset, data, poster, rel=stylesheet...
        self.text: list[str] = []
        self.style = ""
        self.title = ""
        self.h1 = ""
        self._in: list[str] = []
        self._href: str | None = None
        self._link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in.append(tag)
        for key, value in attrs:
            if key in ("src", "srcset", "data", "poster", "background", "action", "formaction"):
                self.loads.append(value or "")
            if key == "href" and tag != "a":
                self.loads.append(value or "")
            if key.startswith("on"):
                self.loads.append(f"{key} handler")
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self._link_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._link_text)))
            self._href = None
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        where = self._in[-1] if self._in else ""
        if where == "style":
            self.style += data
            return
        if where == "title":
            self.title += data
        elif where == "h1" or "h1" in self._in:
            self.h1 += data
        if self._href is not None:
            self._link_text.append(data)
        self.text.append(data)


def page_of(run, *args: str) -> _Page:
    page = _Page()
    page.feed(run(*args, "-f", "html").stdout)
    return page


PAGES = {
    "show": (["show", "pharmacy-technician", "--state", "CA"], ["Pharmacy technician"]),
    "show-dataset": (["show", "athletic-trainers"], ["Athletic Trainers"]),
    "compare": (["compare", "ma", "phlebotomist", "rad-tech"],
                ["Medical assistant", "Phlebotomist", "Radiologic technologist"]),
    "pay": (["pay", "pharmacy-technician"],
            ["Pharmacy technician: median annual pay by state"]),
    "pay-group": (["pay", "ekg-technician"], ["EKG technician: median annual pay by state"]),
    "licensure": (["licensure", "radiologic-technologist"],
                  ["Radiologic technologist: state licensure"]),
    "path": (["path", "ma", "mlt"],
             ["From Medical assistant to Medical laboratory technician"]),
    "similar": (["similar", "ma", "-n", "3"], ["Medical assistant"]),
}


@pytest.mark.parametrize("name", PAGES)
def test_titles_and_headings_name_the_roles(run, name):
    args, names = PAGES[name]
    page = page_of(run, *args)
    for role_name in names:
        assert role_name in page.title and role_name in page.h1, (page.title, page.h1)
    assert page.title.strip() == page.h1.strip()


RAW_FIELD = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")


@pytest.mark.parametrize("args", [v[0] for v in PAGES.values()] + [
    ["list"], ["search", "draw blood"], ["sources"], ["validate"]], ids=lambda a: " ".join(a))
def test_pages_show_no_raw_field_names(run, args):
    page = page_of(run, *args)
    # File names in a release's note (scripts/refresh_figures.py) are not field names.
    text = re.sub(r"\S*/\S*", "", " ".join(page.text))
    assert RAW_FIELD.findall(text) == []
    for raw in ("median_annual", "p10_annual", "soc_code", "employment_change_pct",
                "bls_typical_entry", "state_name", "source_url"):
        assert raw not in text


@pytest.mark.parametrize("args", [v[0] for v in PAGES.values()] + [
    ["list"], ["search", "draw blood"], ["sources"], ["validate"], ["compare", "ma", "mlt"]],
    ids=lambda a: " ".join(a))
def test_pages_are_standalone(run, args):
    page = page_of(run, *args)
    assert not {"script", "noscript", "link", "img", "iframe", "object", "embed", "video",
                "audio", "source", "base", "form"} & set(page.tags)
    assert page.loads == []
    assert "url(" not in page.style and "@import" not in page.style
    assert all(re.match(r"https?://", href) for href, _ in page.links), page.links


def test_every_page_has_one_sources_heading_and_a_print_stylesheet(run):
    for args, _ in PAGES.values():
        html = run(*args, "-f", "html").stdout
        assert html.count("<h2>Sources</h2>") == 1, args
        style = html[html.index("<style>"):html.index("</style>")]
        # The print stylesheet: no background colours, rows kept whole, addresses printed.
        assert "@media print" in style
        printed = style[style.index("@media print"):]
        assert "background:none" in printed
        assert "break-inside:avoid" in printed and "page-break-inside:avoid" in printed
        assert 'a[href]::after{content:" (" attr(href) ")"' in printed
        # Nothing wider than the window: fixed-layout tables, long words and addresses broken.
        assert "table-layout:fixed" in style and "width:100%" in style
        assert "overflow-wrap:anywhere" in style
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html


def _curated_roles() -> list[str]:
    catalog.reset()
    ids = [e.id for e in catalog.default_catalog().entries()]
    catalog.reset()
    return ids


def test_every_credential_and_source_is_a_link_on_show(run):
    for role_id in _curated_roles():
        data = run.json("show", role_id)
        page = page_of(run, "show", role_id)
        hrefs = {href for href, _ in page.links}
        for cred in (data["certification"] or {}).get("credentials", []):
            assert cred["source"] in hrefs, (role_id, cred["abbreviation"])
            assert any(text.startswith(cred["abbreviation"]) for href, text in page.links
                       if href == cred["source"]), (role_id, cred["abbreviation"])
        for source in data["sources"]:
            assert source["url"] in hrefs, (role_id, source["url"])


def test_compare_and_path_link_every_credential(run):
    compared = page_of(run, "compare", "assistant", "technician")
    for role in ("medical-assistant", "medical-technician"):
        for cred in run.json("show", role)["certification"]["credentials"]:
            assert cred["source"] in {href for href, _ in compared.links}
    path = page_of(run, "path", "ma", "mlt")
    for cred in run.json("show", "mlt")["certification"]["credentials"]:
        assert any(href == cred["source"] and text.startswith(cred["abbreviation"])
                   for href, text in path.links)


def test_show_says_the_tier_and_not_curated(run):
    curated = " ".join(page_of(run, "show", "ma").text)
    assert "Tier: curated" in curated
    dataset = " ".join(page_of(run, "show", "athletic-trainers").text)
    assert "Tier: dataset" in dataset
    assert "Not curated" in dataset
    assert "scope of practice, workplaces, certification" in dataset
    compare = " ".join(page_of(run, "compare", "ma", "athletic-trainers").text)
    assert "not curated" in compare


def test_show_with_a_state_shows_its_licensure_and_source(run):
    data = run.json("show", "radiologic-technologist", "--state", "CA")["licensure"]["state"]
    page = page_of(run, "show", "radiologic-technologist", "--state", "CA")
    text = " ".join(page.text)
    assert "California: state certification required" in text
    assert data["source"]["url"] in {href for href, _ in page.links}
    assert "Licensure in California" in text  # its heading under Sources


def test_group_figures_are_labelled_beside_the_number(run):
    html = run("pay", "ekg-technician", "-f", "html").stdout
    national = html[html.index(">National<"):]
    national = national[:national.index("</tr>")]
    assert re.search(r"\$[0-9,]+<span class=\"tag\">group figures</span>", national)
    show = run("show", "ekg-technician", "-f", "html").stdout
    assert re.search(r"\$[0-9,]+<span class=\"tag\">group figure: BLS 29-2031", show)


def test_licensure_page_lists_every_state_with_links(run):
    data = run.json("licensure", "radiologic-technologist")
    page = page_of(run, "licensure", "radiologic-technologist", "--state", "CA")
    text = " ".join(page.text)
    hrefs = {href for href, _ in page.links}
    assert len(data["states"]) == 52
    for state in data["states"]:
        assert state["state_name"] in text
        if state["source"]:
            assert state["source"]["url"] in hrefs
    assert "▶ California" in text


def test_path_page_has_every_step_heading(run):
    from rolecmp.render.words import move_lines  # noqa: F401 (the headings' one source)

    move = run.json("path", "ma", "mlt", "--state", "TX")
    html = run("path", "ma", "mlt", "--state", "TX", "-f", "html").stdout
    headings = re.findall(r"<h2>([^<]+)</h2>", html)
    assert headings[:3] == ["Training", "BLS entry level (group 29-2010)", "Credential (preferred)"]
    assert "Licensure in Texas" in headings and "Median pay" in headings
    assert headings[-1] == "Sources"
    assert len(headings) == len(move["steps"]) + 1


# -- Markdown -------------------------------------------------------------------------------

def test_show_markdown_is_a_document(run):
    text = run("show", "pharmacy-technician", "--state", "CA", "-f", "markdown").stdout
    lines = text.splitlines()
    assert lines[0] == "# Pharmacy technician"
    for heading in ("## Education", "## Certification", "## Licensure", "## Pay (annual)",
                    "## Duties", "## Sources", "### Figures", "### Licensure in California"):
        assert heading in lines, heading
    assert "| Area | Median | 10th percentile | 25th percentile | 75th percentile | " \
           "90th percentile | Employed |" in lines
    assert "| **California** | $55,110 |" in text
    assert "- Preferred" in lines
    assert "  - [CPhT (PTCB)](<https://ptcb.zendesk.com/" in text
    assert "certification.credentials" not in text and "median_annual" not in text
    for source in run.json("show", "pharmacy-technician")["sources"]:
        assert f"](<{source['url']}>)" in text


def test_show_markdown_of_a_dataset_occupation_says_not_curated(run):
    text = run("show", "athletic-trainers", "-f", "markdown").stdout
    assert text.startswith("# Athletic Trainers\n")
    assert "Tier: dataset" in text and "> Not curated:" in text
    assert "## Not curated" in text and "## Certification" not in text


def test_path_markdown_is_a_document(run):
    text = run("path", "ma", "mlt", "-f", "markdown").stdout
    lines = text.splitlines()
    assert lines[0] == "# From Medical assistant to Medical laboratory technician"
    for heading in ("## Training", "## Credential (preferred)", "## Carries over",
                    "## Median pay", "## Outlook", "## Sources"):
        assert heading in lines, heading
    assert "- [MLT(ASCP) (ASCP BOC)](<https://www.ascp.org/" in text


def test_compare_markdown_is_a_table_with_empty_differs_for_rows_not_compared(run):
    text = run("compare", "ma", "mlt", "-f", "markdown").stdout
    lines = text.splitlines()
    assert "| Dimension | Differs | Medical assistant | Medical laboratory technician |" in lines
    assert any(line.startswith("| Education | yes |") for line in lines)
    assert any(line.startswith("| Duties |   |") for line in lines)
    assert "## Sources" in lines


def test_pay_and_licensure_markdown_have_readable_headers(run):
    pay = run("pay", "rad-tech", "-f", "markdown").stdout.splitlines()
    assert pay[0] == "# Radiologic technologist: median annual pay by state"
    assert "| # | Area | Median | 10th percentile | 25th percentile | 75th percentile | " \
           "90th percentile | Employed |" in pay
    assert any(line.startswith("|   | **National** | $80,110 |") for line in pay)
    lic = run("licensure", "rad-tech", "-f", "markdown").stdout.splitlines()
    assert lic[0] == "# Radiologic technologist: state licensure"
    assert "| State | Status | Credential | Authority | Compacts | Note | Source |" in lic
    assert sum(1 for line in lic if line.startswith("| ")) == 52 + 2


def test_markdown_escapes_data(run, data_dir):
    from conftest import copy_role

    copy_role(data_dir, "medical-assistant", "evil-role",
              **{"name: Medical assistant": 'name: "# Boss [x](https://evil.example) | *y*"'})
    text = run("show", "evil-role", "-f", "markdown").stdout
    assert text.splitlines()[0] == r"# \# Boss \[x\](https://evil.example) \| \*y\*"
    assert "](https://evil.example)" not in text.replace(r"\]", "")


def test_html_links_only_http_addresses():
    from rolecmp.render.html import link

    assert link("a", 'https://x.org/"><script>') == \
        '<a href="https://x.org/&quot;&gt;&lt;script&gt;">a</a>'
    assert link("a", "javascript:alert(1)") == "a (javascript:alert(1))"


def test_markdown_link_targets_cannot_break_out():
    from rolecmp.render.markdown import link, md

    assert link("a", "https://x.org/a|b<c>(d)") == "[a](<https://x.org/a%7Cb%3Cc%3E(d)>)"
    assert link("a", "javascript:alert(1)") == "a (javascript:alert(1))"
    assert md("- item") == r"\- item" and md("1. x") == r"1\. x" and md("30.1") == "30.1"


def test_fit_markdown_is_a_document(run):
    text = run("fit", "--contact", "high", "--setting", "lab", "--no-admin", "--max-months",
               "24", "--pay", "medium", "-n", "3", "-f", "markdown").stdout
    lines = text.splitlines()
    assert lines[0] == "# Roles that fit your answers"
    for heading in ("## Your answers", "## Ranking", "## How the score is made", "## Sources"):
        assert heading in lines, heading
    assert "- Patient contact: high" in lines and "- Administrative work: no" in lines
    ranked = [line for line in lines if re.match(r"[0-9]+\. \*\*", line)]
    assert len(ranked) == 3 and all(re.search(r": [0-9]+ of 100$", line) for line in ranked)
    assert "max_months" not in text and "Reason(" not in text
