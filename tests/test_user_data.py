"""Users' own roles: layers, validate, schema and new (issue 6)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import BUNDLED, copy_role, role_text
from rolecmp.catalog import user_data_dir
from rolecmp.schema import json_schema, validate

# -- layers ------------------------------------------------------------------------------------


def test_data_dir_adds_a_role(run, tmp_path):
    copy_role(tmp_path, "medical-assistant", "clinic-scribe",
              **{"name: Medical assistant": "name: Clinic scribe"})
    assert run.json("--data-dir", str(tmp_path), "show", "clinic-scribe")["name"] == \
        "Clinic scribe"
    run("show", "clinic-scribe", code=2)  # not without the layer


def test_later_layers_override_by_id_in_order(run, tmp_path, monkeypatch):
    user = user_data_dir() / "roles"
    user.mkdir(parents=True)
    copy_role(user, "medical-assistant", "medical-assistant",
              **{"name: Medical assistant": "name: MA (user)"})
    assert run.json("show", "medical-assistant")["name"] == "MA (user)"
    env = tmp_path / "env"
    env.mkdir()
    copy_role(env, "medical-assistant", "medical-assistant",
              **{"name: Medical assistant": "name: MA (env)"})
    monkeypatch.setenv("ROLECMP_DATA_DIR", str(env))
    from rolecmp import catalog

    catalog.reset()
    assert run.json("show", "medical-assistant")["name"] == "MA (env)"
    flag = tmp_path / "flag"
    flag.mkdir()
    copy_role(flag, "medical-assistant", "medical-assistant",
              **{"name: Medical assistant": "name: MA (flag)"})
    assert run.json("--data-dir", str(flag), "show", "medical-assistant")["name"] == "MA (flag)"
    rows = {r["id"]: r for r in run.json("--data-dir", str(flag), "list")}
    assert rows["medical-assistant"]["origin"] == "--data-dir"
    assert rows["radiologic-technologist"]["origin"] == "bundled"
    out = run("--data-dir", str(flag), "list", "--origin").stdout
    assert "--data-dir" in out and "bundled" in out


def test_user_layer_origin(run):
    user = user_data_dir() / "roles"
    user.mkdir(parents=True)
    copy_role(user, "medical-assistant", "home-aide")
    rows = {r["id"]: r for r in run.json("list")}
    assert rows["home-aide"]["origin"] == "user"


def test_missing_data_dir_is_a_usage_error(run, tmp_path, monkeypatch):
    # the same clear error however the folder is named (issue 16)
    missing = str(tmp_path / "nope")
    result = run("--data-dir", missing, "list", code=2)
    assert result.stderr == (f"rolecmp: error: data folder '{missing}' (from --data-dir) is not "
                             "a folder\n")
    monkeypatch.setenv("ROLECMP_DATA_DIR", missing)
    assert run("list", code=2).stderr == (f"rolecmp: error: data folder '{missing}' (from "
                                          "ROLECMP_DATA_DIR) is not a folder\n")


# -- validate ----------------------------------------------------------------------------------


def test_validate_bundled_catalog_is_clean(run):
    result = run("validate")
    assert result.stdout.strip().endswith("files checked: no problems.")


def test_validate_reports_every_problem_at_once(run, tmp_path):
    text = role_text().replace("id: medical-assistant", "id: many-problems")
    text = text.replace("kind: role", "kind: rol").replace("family: assistant", "famly: assistant")
    text = text.replace("  level: high", "  level: 3")
    path = tmp_path / "many-problems.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("validate", str(path), code=1)
    lines = result.stdout.splitlines()
    lines_of = {i + 1: line for i, line in enumerate(text.splitlines())}
    kind_line = next(n for n, text_ in lines_of.items() if text_.startswith("kind:"))
    assert f"{path}:{kind_line}:1: kind: 'rol' is not one of: role, specialty" in lines
    famly_line = next(n for n, text_ in lines_of.items() if text_.startswith("famly:"))
    assert f"{path}:{famly_line}:1: famly: unknown field; did you mean 'family'?" in lines
    assert any(": family: is required but missing" in line for line in lines)
    assert any("patient_contact.level: must be a string, not an integer" in line
               for line in lines)
    assert lines[-1] == "4 problems in 1 file checked."


def test_validate_catches_duplicate_ids_and_alias_collisions(run, tmp_path):
    a = tmp_path / "a"
    b = tmp_path / "b"
    a.mkdir()
    b.mkdir()
    copy_role(a, "medical-assistant", "same-role")
    copy_role(b, "medical-assistant", "same-role")
    clash = role_text().replace("id: medical-assistant", "id: clash-role")
    clash = clash.replace("aliases: [", "aliases: [phlebotomist, ", 1)
    (a / "clash-role.yaml").write_text(clash, encoding="utf-8")
    out = run("validate", str(a), str(b), code=1).stdout
    assert "duplicate id 'same-role'" in out
    assert "aliases: alias 'phlebotomist' is the id of role 'phlebotomist'" in out


def test_validate_catches_missing_sources(run, tmp_path):
    text = role_text().replace("id: medical-assistant", "id: unsourced")
    text = text.replace("    supports: [licensure]", "    supports: [soc_code]")
    path = tmp_path / "unsourced.yaml"
    path.write_text(text, encoding="utf-8")
    out = run("validate", str(path), code=1).stdout
    assert "sources: no source supports 'licensure'" in out


def test_validate_json_and_missing_path(run, tmp_path):
    data = json.loads(run("validate", str(tmp_path / "nope.yaml"), "-f", "json",
                          code=1).stdout)
    assert data["ok"] is False
    assert data["problems"][0]["message"] == "no such file or directory"


# -- schema ------------------------------------------------------------------------------------


def test_schema_command_prints_the_schema(run):
    printed = json.loads(run("schema").stdout)
    assert printed == json_schema()
    jsonschema.Draft202012Validator.check_schema(printed)


@pytest.mark.parametrize("path", sorted(BUNDLED.glob("*.yaml")), ids=lambda p: p.stem)
def test_schema_accepts_every_bundled_file(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, json_schema())
    assert validate(data) == []


BROKEN = {
    "unknown field": lambda d: d.update(famly="assistant"),
    "missing field": lambda d: d.pop("summary"),
    "bad enum": lambda d: d.update(kind="rol"),
    "wrong type": lambda d: d["patient_contact"].update(level=3),
    "bad id": lambda d: d.update(id="Not An Id"),
    "blank": lambda d: d.update(name="   "),
    "negative months": lambda d: d["education"]["program_months"].update(min=-1),
    "no sources": lambda d: d.update(sources=[]),
    "bad url": lambda d: d["sources"][0].update(url="ftp:/x"),
    "list not mapping": lambda d: d.update(scope=["broad"]),
    "unsourced licensure": lambda d: [s.update(supports=["soc_code"]) for s in d["sources"]],
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_schema_and_validator_agree_on_broken_files(name):
    data = yaml.safe_load(role_text())
    BROKEN[name](data)
    schema_ok = jsonschema.Draft202012Validator(json_schema()).is_valid(data)
    from rolecmp.catalog import checked_data

    path = Path(__file__).parent / "_tmp_agree.yaml"
    try:
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        ours = checked_data(str(path))
    finally:
        path.unlink()
    assert schema_ok is False
    assert isinstance(ours, list) and ours


# -- new ---------------------------------------------------------------------------------------


def test_new_writes_a_template_that_parses(run, tmp_path):
    result = run("--data-dir", str(tmp_path), "new", "clinic-scribe")
    path = tmp_path / "clinic-scribe.yaml"
    assert result.stdout.startswith(f"Wrote {path}\n")
    text = path.read_text()
    assert text.startswith("# A rolecmp role file.")
    data = yaml.safe_load(text)
    assert data["id"] == "clinic-scribe"
    assert validate(data) == []  # valid in shape...
    out = run("validate", str(path), code=1).stdout  # ...but its TODOs must be filled
    assert "still holds a placeholder from 'rolecmp new'" in out
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_new_never_overwrites(run, tmp_path):
    path = tmp_path / "clinic-scribe.yaml"
    path.write_text("mine", encoding="utf-8")
    result = run("--data-dir", str(tmp_path), "new", "clinic-scribe", code=2)
    assert "already exists; rolecmp new never overwrites a file" in result.stderr
    assert path.read_text() == "mine"


def test_new_defaults_to_user_data_dir(run):
    run("new", "home-scribe")
    assert (user_data_dir() / "roles" / "home-scribe.yaml").is_file()


def test_new_rejects_bad_id(run, tmp_path):
    assert "is not a valid role id" in run("--data-dir", str(tmp_path), "new", "Bad Id",
                                           code=2).stderr
