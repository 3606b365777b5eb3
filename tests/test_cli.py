"""The three core commands through Typer's CliRunner: content, formats and exit codes."""

from __future__ import annotations

import csv
import io

import pytest

from rolecmp.cli import app

SEED_ROLES = [
    "medical-assistant", "medical-technician", "medical-laboratory-technician",
    "radiologic-technologist", "surgical-technologist", "pharmacy-technician",
    "respiratory-therapist", "cardiovascular-technologist", "eeg-technologist",
    "polysomnographic-technologist",
]
CORE_DIMENSIONS = ["education", "scope", "workplaces", "industries", "certification",
                   "licensure"]


def test_compare_assistant_technician_table(run):
    out = run("compare", "assistant", "technician").stdout
    assert "Medical assistant" in out and "Medical technician" in out
    for label in ["Education", "Scope of practice", "Workplaces", "Certification",
                  "Patient contact"]:
        assert f"≠ {label}" in out
    # The medical assistant's median lies within the range of the technician specialties'
    # medians (pharmacy technicians earn about the same), and so does its projected growth.
    for label in ["Pay (annual)", "Outlook"]:
        assert f"  {label}" in out and f"≠ {label}" not in out
    for label in ["Licensure", "Duties", "Qualities", "Next steps"]:  # free text: not marked
        assert f"  {label}" in out and f"≠ {label}" not in out
    assert "Not the same role: Medical assistant and Medical technician are different roles;" \
        in out
    verdict = run.json("compare", "assistant", "technician")["verdict"]
    assert "they differ on 5 of the 7 dimensions that can be compared" in verdict
    assert "CMA (AAMA)" in out and "RMA (AMT)" in out


def test_compare_rows_in_order(run):
    out = run("compare", "assistant", "technician").stdout
    positions = [out.index(label) for label in
                 ["Education", "Scope of practice", "Workplaces", "Certification", "Licensure",
                  "Patient contact", "Duties"]]
    assert positions == sorted(positions)


def test_compare_json(run):
    data = run.json("compare", "assistant", "technician")
    assert [r["id"] for r in data["roles"]] == ["medical-assistant", "medical-technician"]
    assert data["same_role"] is False
    keys = [d["key"] for d in data["dimensions"]]
    assert keys[:6] == CORE_DIMENSIONS
    education = data["dimensions"][0]
    assert education["differs"] is True
    assert education["values"]["medical-assistant"] == [
        "Certificate or associate degree", "12-24 months",
        "BLS entry level: Postsecondary nondegree award", "O*NET job zone 3 of 5"]
    assert data["differing_dimensions"] == ["education", "scope", "workplaces", "certification",
                                            "patient_contact"]
    assert keys[6:] == ["patient_contact", "pay", "outlook", "duties", "technology",
                        "qualities", "paths"]
    # Free-text rows are shown but not compared: their "differs" is null, never false.
    assert {d["key"]: d["differs"] for d in data["dimensions"]}["licensure"] is None
    assert data["verdict"].startswith("Not the same role")


def test_compare_a_role_with_itself_differs_nowhere(run):
    data = run.json("compare", "ma", "medical-assistant")
    assert data["same_role"] is True
    assert data["differing_dimensions"] == []
    assert all(not d["differs"] for d in data["dimensions"])
    assert data["verdict"] == ("Same role: every name given resolves to Medical assistant "
                               "(medical-assistant).")


def test_compare_specialty_with_its_umbrella(run):
    data = run.json("compare", "mlt", "technician")
    assert data["verdict"].startswith("Not the same role: Medical laboratory technician is one "
                                      "specialty under the umbrella Medical technician")


def test_compare_needs_two_roles(run):
    result = run("compare", "ma", code=2)
    assert result.stdout == ""
    assert result.stderr == ("rolecmp: error: give at least two roles to compare (see 'rolecmp "
                             "compare --help')\n")


def test_list_json_has_every_seed_role(run):
    data = run.json("list")
    ids = [item["id"] for item in data]
    assert ids == sorted(ids)
    assert set(SEED_ROLES) <= set(ids)
    for item in data:
        assert {"id", "name", "kind", "family", "soc_code"} <= set(item)
    by_id = {item["id"]: item for item in data}
    assert by_id["medical-assistant"]["soc_code"] == "31-9092"
    assert by_id["medical-assistant"]["kind"] == "role"
    assert by_id["radiologic-technologist"]["kind"] == "specialty"


def test_list_specialties_marks_the_less_common(run):
    data = run.json("list", "specialties")
    assert all(item["kind"] == "specialty" for item in data)
    ids = [item["id"] for item in data]
    for role_id in SEED_ROLES[2:]:
        assert role_id in ids
    less = [item["id"] for item in data if item["less_common"]]
    assert set(less) >= {"cardiovascular-technologist", "eeg-technologist",
                         "polysomnographic-technologist"}
    # the less common ones come last
    assert ids[-len(less):] == less
    out = run("list", "specialties").stdout
    assert "EEG" in out or "eeg-technologist" in out
    assert "* a less common specialty" in out
    eeg_line = next(line for line in out.splitlines() if line.lstrip().startswith("eeg-techn"))
    assert " *" in eeg_line


def test_list_table_shows_id_name_family_summary(run):
    out = run("list").stdout
    assert "ID" in out and "Name" in out and "Family" in out and "Summary" in out
    ma_line = next(line for line in out.splitlines() if line.startswith("medical-assistant "))
    assert "Medical assistant" in ma_line and "assistant" in ma_line


def test_show_json_fields(run):
    data = run.json("show", "radiologic-technologist")
    assert data["id"] == "radiologic-technologist"
    assert data["soc_code"] == "29-2034"
    assert data["kind"] == "specialty" and data["parent"] == "medical-technician"
    for key in ["name", "aliases", "family", "summary", "education", "scope", "workplaces",
                "certification", "licensure", "patient_contact", "qualities", "sources"]:
        assert key in data
    bodies = [c["body"] for c in data["certification"]["credentials"]]
    assert any("ARRT" in body for body in bodies)
    assert data["scope"]["breadth"] == "specialized"


def test_show_table(run):
    out = run("show", "rad-tech").stdout
    assert out.startswith("Radiologic technologist  radiologic-technologist")
    assert "SOC code" in out and "29-2034" in out
    assert "R.T.(R)(ARRT)" in out
    assert "primary and" in out


@pytest.mark.parametrize("command", [["show", "ma"], ["list"], ["compare", "ma", "mlt"]])
def test_csv_parses(run, command):
    text = run(*command, "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) > 2
    assert len({len(r) for r in rows}) == 1


def test_csv_compare_values(run):
    rows = list(csv.DictReader(io.StringIO(run("compare", "ma", "mlt", "-f", "csv").stdout)))
    education = rows[0]
    assert education["dimension"] == "education"
    # same credential levels and program length in the role files, but BLS's entry level differs
    assert education["differs"] == "yes"
    assert "BLS entry level (group 29-2010): Bachelor's degree" in \
        education["medical-laboratory-technician"]
    assert education["medical-assistant"] == ("Certificate or associate degree; 12-24 months; "
                                              "BLS entry level: Postsecondary nondegree award; "
                                              "O*NET job zone 3 of 5")


@pytest.mark.parametrize("command", [["show", "ma"], ["list"], ["compare", "ma", "mlt"]])
def test_markdown_is_a_table(run, command):
    lines = run(*command, "--format", "markdown").stdout.splitlines()
    table = [line for line in lines if line.startswith("|")]
    assert set(table[1].replace(" ", "")) <= {"|", "-"}
    widths = {line.count(" | ") for line in table}
    assert len(widths) == 1


@pytest.mark.parametrize("alias, role_id", [
    ("assistant", "medical-assistant"), ("technician", "medical-technician"),
    ("ma", "medical-assistant"), ("MA", "medical-assistant"),
    ("mlt", "medical-laboratory-technician"),
    ("rad-tech", "radiologic-technologist"), ("cst", "surgical-technologist"),
    ("cpht", "pharmacy-technician"), ("rrt", "respiratory-therapist"),
    ("Medical Assistant", "medical-assistant"), ("radiologic", "radiologic-technologist"),
    ("radiologic_technologist", "radiologic-technologist"),
])
def test_aliases_resolve(run, alias, role_id):
    assert run.json("show", alias)["id"] == role_id


def test_unknown_role_suggests_nearest(run):
    result = run("show", "radiologic-tecnologist", code=2)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("rolecmp: error: unknown role 'radiologic-tecnologist'; "
                               "did you mean radiologic-technologist")


def test_unknown_role_in_compare(run):
    result = run("compare", "ma", "nonsense-role-xyz", code=2)
    assert result.stderr == ("rolecmp: error: unknown role 'nonsense-role-xyz'; see 'rolecmp "
                             "list' for the known roles\n")


def test_ambiguous_role_lists_candidates(run):
    result = run("show", "technologist", code=2)
    line = result.stderr.strip()
    assert "\n" not in line
    assert line.startswith("rolecmp: error: 'technologist' could mean ")
    assert "radiologic-technologist" in line and "surgical-technologist" in line
    assert line.endswith("; name one of them")


def test_bad_format_is_a_usage_error(run):
    result = run("show", "ma", "--format", "yaml", code=2)
    assert "'yaml' is not one of" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_no_arguments_prints_help(run):
    out = run().stdout
    assert "Usage: rolecmp" in out and "compare" in out


@pytest.mark.parametrize("command", ["compare", "list", "show", "pay", "sources"])
def test_help_has_purpose_and_example(run, command):
    out = run(command, "--help").stdout
    assert "Example: rolecmp " + command in out
    assert "--format" in out


def test_version(run):
    from rolecmp import __version__

    assert run("--version").stdout == f"rolecmp {__version__}\n"


def test_app_is_the_entry_point():
    from rolecmp import cli

    assert cli.main.__doc__ and app is cli.app
