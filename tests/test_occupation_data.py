"""The bundled occupational map (data/occupations/, built by scripts/build_occupations.py) against
its releases: EP 2024-34 figures for every detailed occupation, names that resolve, what O*NET
has and has not rated, and no copied sentences."""

from __future__ import annotations

import csv
import importlib.util
import json
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from rolecmp.names import normalize

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "occupations"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
EP_CSV = REFERENCE / "bls_ep_2024_34_occupations.csv"


@cache
def occupations() -> dict[str, Any]:
    return json.loads((DATA / "occupations.json").read_text(encoding="utf-8"))["occupations"]


@cache
def names() -> dict[str, list[tuple[str, str, str]]]:
    """key -> [(title, code, kind), ...] from names.tsv."""
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    with open(DATA / "names.tsv", encoding="utf-8") as handle:
        for line in handle:
            key, title, code, kind = line.rstrip("\n").split("\t")
            out[key].append((title, code, kind))
    return out


def onet(code: str) -> dict[str, Any]:
    return json.loads((DATA / "onet" / f"{code}.json").read_text(encoding="utf-8"))


def codes_for(name: str) -> set[str]:
    return {code for _, code, _ in names().get(normalize(name), [])}


@pytest.mark.skipif(not EP_CSV.exists(), reason="reference files are not beside the checkout")
def test_every_ep_row_matches_its_release() -> None:
    with open(EP_CSV, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 832
    for row in rows:
        outlook = occupations()[row["soc_code"]]["outlook"]
        assert outlook["change_pct"] == float(row["employment_change_pct"]), row["soc_code"]
        assert outlook["annual_openings"] == round(
            float(row["annual_openings_thousands"]) * 1000), row["soc_code"]
        assert outlook["employment_2024"] == round(
            float(row["employment_2024_thousands"]) * 1000), row["soc_code"]
        assert outlook["entry_education"] == row["typical_entry_education"], row["soc_code"]


def test_map_covers_ep_and_oews() -> None:
    occ = occupations()
    assert len(occ) == 832
    assert sum(o["in_ep"] for o in occ.values()) == 832
    assert sum(o["in_oews"] for o in occ.values()) == 830
    assert len({o["id"] for o in occ.values()}) == 832
    lab = occ["29-2010"]  # OEWS/EP aggregate: O*NET keeps technologists and technicians apart
    assert {c[:7] for c, _ in lab["onet"]} == {"29-2011", "29-2012"}
    assert occ["29-1141"]["major_group_title"] == (
        "Healthcare Practitioners and Technical Occupations")
    for soc, entry in occ.items():
        for code, _ in entry["onet"]:
            assert (DATA / "onet" / f"{code}.json").exists(), (soc, code)


@pytest.mark.parametrize(("name", "expected"), [
    ("RN", "29-1141."),
    ("scrub tech", "29-2055.00"),
    ("cashier", "41-2011.00"),
    ("software developer", "15-1252.00"),
])
def test_names_resolve(name: str, expected: str) -> None:
    found = codes_for(name)
    assert found, name
    if expected.endswith("."):
        assert all(code.startswith(expected) for code in found), found
    else:
        assert expected in found, found


def test_names_sorted_by_key_bytes() -> None:
    """rolecmp.dataset.titles() finds a key by binary search over the file's bytes."""
    keys = [line.split(b"\t", 1)[0] for line in (DATA / "names.tsv").read_bytes().splitlines()]
    assert all(k for k in keys)
    assert keys == sorted(keys)


def test_name_keys_follow_normalize() -> None:
    """Every key is normalize() of its title or of one of the variants the build adds, so a change
    to rolecmp.names.normalize without a rebuild fails here."""
    spec = importlib.util.spec_from_file_location(
        "build_occupations", ROOT / "scripts" / "build_occupations.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for key, entries in names().items():
        for title, code, _ in entries:
            assert key == normalize(title) or key in build.name_keys(title), (key, title, code)


def test_emts_say_what_onet_has_not_rated() -> None:
    emt = onet("29-2042.00")
    assert isinstance(emt["job_zone"], int)
    assert emt["interests"] and emt["interests"]["high_point"]
    assert emt["technology"]
    assert emt["skills"] is None
    assert emt["knowledge"] is None


def test_neurodiagnostic_technologists_have_their_own_skills() -> None:
    eeg = onet("29-2099.01")
    assert eeg["code"] == "29-2099.01"
    assert eeg["skills"] and len(eeg["skills"]) == 35
    assert eeg["skills"] != onet("29-2099.05")["skills"]


def test_elements_name_every_element_used() -> None:
    elements = json.loads((DATA / "elements.json").read_text(encoding="utf-8"))
    activities = json.loads((DATA / "activities.json").read_text(encoding="utf-8"))
    ids = [i for i, _ in activities["elements"]]
    assert len(ids) == 76 and all(i.startswith("4.A") for i in ids[:41])
    assert all(elements[i]["kind"] == ("activity" if i.startswith("4.A") else "skill")
               for i in ids)
    for profile in activities["profiles"].values():
        # hundredths of the 1-5 importance ratings, one string per profile
        ratings = [int(x) for x in profile["ratings"].split()]
        assert len(ratings) == 76 and all(100 <= r <= 500 for r in ratings)
    assert len(activities["mean"]) == 76
    rn = onet("29-1141.00")
    for section, kind in (("skills", "skill"), ("knowledge", "knowledge"),
                          ("work_styles", "work_style")):
        for element in rn[section]:
            assert elements[element]["kind"] == kind


def test_no_sentences_bundled() -> None:
    """No string in the O*NET files is long enough to be a copied task or description."""
    def strings(value: Any) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    files = sorted((DATA / "onet").glob("*.json"))
    assert len(files) == 1016
    for path in files:
        longest = max(strings(json.loads(path.read_text(encoding="utf-8"))), key=len)
        assert len(longest) <= 120, (path.name, longest)
