"""Bad data files and hostile text: one line on stderr, the right exit code, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import copy_role, role_text


def test_malformed_yaml_names_file_and_line(run, data_dir):
    path = data_dir / "broken-role.yaml"
    path.write_text("id: broken-role\nname: [unclosed\nkind: role\n", encoding="utf-8")
    result = run("show", "broken-role", code=1)
    assert result.stdout == ""
    line = result.stderr.strip()
    assert "\n" not in line
    assert line.startswith(f"rolecmp: error: {path}:3:")
    assert "is not valid YAML" in line


def test_missing_field_names_file_line_and_field(run, data_dir):
    text = role_text().replace("id: medical-assistant", "id: no-summary")
    start = text.index("summary: >-")
    end = text.index("education:")
    path = data_dir / "no-summary.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run("show", "no-summary", code=1)
    assert result.stderr == f"rolecmp: error: {path}:2:1: summary: is required but missing\n"


def test_wrong_type_names_the_field(run, data_dir):
    path = copy_role(data_dir, "medical-assistant", "bad-level",
                     **{"level: high": "level: very-high"})
    result = run("show", "bad-level", code=1)
    line_no = path.read_text().splitlines().index("  level: very-high") + 1
    assert result.stderr == (f"rolecmp: error: {path}:{line_no}:3: patient_contact.level: "
                             "'very-high' is not one of: low, moderate, high\n")


def test_bad_file_of_the_users_own_is_skipped_by_list_and_fails_show(run, data_dir):
    (data_dir / "empty.yaml").write_text("", encoding="utf-8")
    result = run("list")
    assert result.stderr.startswith("rolecmp: warning: ")
    assert "empty.yaml:1:1: is empty" in result.stderr
    result = run("show", "empty", code=1)
    assert result.stderr.startswith("rolecmp: error: ")
    assert "empty.yaml:1:1: is empty" in result.stderr


def test_id_must_match_file_name(run, data_dir):
    copy_role(data_dir, "medical-assistant", "right-id")
    os.rename(data_dir / "right-id.yaml", data_dir / "wrong-name.yaml")
    result = run("show", "wrong-name", code=1)
    assert "id: is 'right-id' but the file is named 'wrong-name'" in result.stderr


def test_rich_markup_is_shown_literally_and_control_characters_refused(run, data_dir):
    copy_role(data_dir, "medical-assistant", "hostile",
              **{"name: Medical assistant": 'name: "[red]Boom[/red] red"'})
    out = run("show", "hostile").stdout
    assert "[red]Boom[/red]" in out
    compared = run("compare", "hostile", "ma").stdout
    assert "[red]Boom[/red]" in compared
    copy_role(data_dir, "medical-assistant", "escapes",
              **{"name: Medical assistant": 'name: "\\e[31mred\\e]0;title\\a"'})
    result = run("show", "escapes", code=1)
    assert "control character U+001B" in result.stderr and "\x1b" not in result.stderr


def test_json_escapes_control_and_bidi_characters():
    from rolecmp.render.text import render_json

    class Result:
        def to_dict(self) -> dict[str, str]:
            return {"name": "a\x9bb\x1bc\u202ed"}

        def render_with(self, renderer):  # as a report does: plain data from to_dict
            return renderer.report(self)

    text = render_json(Result())
    assert "\x9b" not in text and "\x1b" not in text and "\u202e" not in text
    assert '"name": "a\\u009bb\\u001bc\\u202ed"' in text


def test_closed_pipe_ends_quietly(tmp_path):
    env = {**os.environ, "ROLECMP_CACHE_DIR": str(tmp_path)}
    proc = subprocess.run(
        f"'{sys.executable}' -m rolecmp list | head -n 1", shell=True, capture_output=True,
        text=True, env=env, check=False)
    assert proc.returncode == 0
    assert proc.stderr == ""
    assert len(proc.stdout.splitlines()) == 1


def test_python_dash_m_runs(tmp_path):
    env = {**os.environ, "ROLECMP_CACHE_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "rolecmp", "show", "nope-nope"],
                          capture_output=True, text=True, env=env, check=False, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("rolecmp: error: unknown role 'nope-nope'")
    assert "Traceback" not in proc.stderr
