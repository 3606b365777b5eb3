"""The catalog: every bundled role file validates, ids and aliases are unique, lookups are lazy."""

from __future__ import annotations

import pytest

from conftest import BUNDLED, copy_role
from rolecmp import catalog
from rolecmp.catalog import Catalog, check_file, normalize
from rolecmp.errors import AmbiguousRole, RoleNotFound
from rolecmp.model import Role

FILES = sorted(BUNDLED.glob("*.yaml"))


def test_there_are_bundled_roles():
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_bundled_role_validates(path):
    result = check_file(path)
    assert isinstance(result, Role), [str(e) for e in result]  # type: ignore[union-attr]
    assert result.id == path.stem
    assert result.certification.credentials or result.certification.status == "optional"
    for credential in result.certification.credentials:
        assert credential.body.strip()
    supported = {field for source in result.sources for field in source.supports}
    for fact in ("education", "certification", "licensure", "workplaces"):
        assert fact in supported, f"{path.name}: no source supports {fact}"


#: Names the field really uses for several bundled roles: each must resolve to a list of them.
#: Any other alias shared by two role files is a mistake.
SHARED_NAMES = {"rt": {"radiologic-technologist", "respiratory-therapist", "radiation-therapist"},
                "rvt": {"cardiovascular-technologist", "veterinary-technician"},
                "med-tech": {"medical-laboratory-scientist", "medical-laboratory-technician",
                             "nursing-assistant"}}


def test_catalog_integrity():
    cat = Catalog([BUNDLED])
    index = cat.index()
    names: dict[str, set[str]] = {}
    for entry in index.values():
        assert not set(entry.aliases) & set(index), entry.id
        for name in (entry.id, *entry.aliases):
            names.setdefault(name, set()).add(entry.id)
    shared = {name: ids for name, ids in names.items() if len(ids) > 1}
    for name, ids in shared.items():
        assert name in SHARED_NAMES and ids <= SHARED_NAMES[name], (name, ids)
        with pytest.raises(AmbiguousRole):
            cat.resolve(name)
    for entry in index.values():
        if entry.parent:
            assert entry.parent in index
        for step in cat.get(entry.id).next_steps:
            assert step.role in index, (entry.id, step.role)


def test_resolving_an_id_reads_only_that_file(tmp_path):
    cat = Catalog([BUNDLED], cache_dir=tmp_path)
    role = cat.resolve("radiologic-technologist")
    assert role.id == "radiologic-technologist"
    assert cat._index is None
    assert list(cat._roles) == ["radiologic-technologist"]


def test_alias_uses_index_cached_on_disk(tmp_path):
    first = Catalog([BUNDLED], cache_dir=tmp_path)
    assert first.resolve("rad-tech").id == "radiologic-technologist"
    assert list(tmp_path.glob("index-cache/index-*.json"))
    second = Catalog([BUNDLED], cache_dir=tmp_path)
    assert second.resolve_id("rad-tech") == "radiologic-technologist"
    assert second._roles == {}  # answered from the cached index, no role file parsed


def test_index_is_rebuilt_when_a_file_changes(tmp_path):
    roles = tmp_path / "roles"
    roles.mkdir()
    path = copy_role(roles, "medical-assistant", "local-role")
    cache = tmp_path / "cache"
    assert Catalog([roles], cache_dir=cache).entries()[0].name == "Medical assistant"
    path.write_text(path.read_text().replace("name: Medical assistant", "name: Local helper"))
    assert Catalog([roles], cache_dir=cache).entries()[0].name == "Local helper"


def test_later_directory_overrides_by_id(tmp_path):
    copy_role(tmp_path, "medical-assistant", "medical-assistant",
              **{"name: Medical assistant": "name: Clinic assistant (local)"})
    cat = Catalog([BUNDLED, tmp_path], cache_dir=tmp_path / "c")
    assert cat.get("medical-assistant").name == "Clinic assistant (local)"


def test_a_shared_alias_is_ambiguous_and_an_alias_that_is_an_id_is_a_data_error(tmp_path):
    text = (BUNDLED / "medical-assistant.yaml").read_text()
    (tmp_path / "other-role.yaml").write_text(
        text.replace("id: medical-assistant", "id: other-role"))
    cat = Catalog([BUNDLED, tmp_path], cache_dir=tmp_path / "c")
    with pytest.raises(AmbiguousRole) as err:
        cat.resolve("ma")
    assert err.value.candidates == ["medical-assistant", "other-role"]
    (tmp_path / "other-role.yaml").write_text(
        text.replace("id: medical-assistant", "id: other-role")
            .replace("aliases: [ma,", "aliases: [phlebotomist,"))
    cat = Catalog([BUNDLED, tmp_path], cache_dir=tmp_path / "d")
    # In a user's own layer the broken file is left out (with a warning), not fatal.
    assert "other-role" not in cat.index()
    assert cat.resolve("phlebotomist").id == "phlebotomist"


def test_lookup_errors():
    cat = catalog.default_catalog()
    with pytest.raises(RoleNotFound) as err:
        cat.resolve("phlebotomst")
    assert err.value.suggestions[0] == "phlebotomist"
    with pytest.raises(AmbiguousRole) as amb:
        cat.resolve("lab")
    # Role files first, then dataset occupations, each in id order: a stable list.
    files = [c for c in amb.value.candidates if c in cat.index()]
    assert amb.value.candidates[:len(files)] == sorted(files)
    assert amb.value.candidates[len(files):] == sorted(amb.value.candidates[len(files):])
    assert "medical-laboratory-technician" in amb.value.candidates
    with pytest.raises(RoleNotFound):
        cat.resolve("   ")
    with pytest.raises(RoleNotFound):
        cat.resolve("../../etc/passwd")


def test_normalize():
    assert normalize("  Radiologic  Technologist ") == "radiologic-technologist"
    assert normalize("rad_tech") == "rad-tech"
    assert normalize("X/Ray") == "x-ray"


def test_old_index_files_are_pruned(tmp_path):
    import os
    import time

    Catalog([BUNDLED], cache_dir=tmp_path).index()  # makes rolecmp's own, marked folder
    folder = tmp_path / "index-cache"
    stale = folder / "index-00000000000000000.json"
    stale.write_text("{}")
    month_ago = time.time() - 31 * 24 * 3600
    os.utime(stale, (month_ago, month_ago))
    fresh = folder / "index-11111111111111111.json"
    fresh.write_text("{}")
    foreign = tmp_path / "index-22222222222222222.json"  # not in rolecmp's folder: never pruned
    foreign.write_text("{}")
    os.utime(foreign, (month_ago, month_ago))
    Catalog([BUNDLED, tmp_path / "other"], cache_dir=tmp_path).index()
    assert not stale.exists() and fresh.exists() and foreign.exists()
