"""The file's layout version: migrations are code, and a newer file is left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tinydb import TinyDB

from course.progress import SCHEMA_VERSION, ProgressStore, StoreFromNewerVersion, migrations
from tests.unit.progress.progress_samples import an_attempt


def _meta(data_dir: Path) -> dict:
    return json.loads((data_dir / "progress.json").read_text())["meta"]["1"]


def test_a_new_store_is_at_the_current_version_with_every_table(store: ProgressStore, data_dir: Path) -> None:
    data = json.loads((data_dir / "progress.json").read_text())
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION == len(migrations.MIGRATIONS)
    assert set(data) == set(migrations.TABLES)
    assert all(data[name] == {} for name in migrations.TABLES if name != "meta")


def test_a_store_from_a_newer_listen_is_refused_and_left_untouched(data_dir: Path) -> None:
    ProgressStore(data_dir).record_attempt("Dana", an_attempt())
    path = data_dir / "progress.json"
    data = json.loads(path.read_text())
    data["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    path.write_text(json.dumps(data))
    before = path.read_bytes()

    with pytest.raises(StoreFromNewerVersion, match="newer version of listen") as raised:
        ProgressStore(data_dir)
    assert "Update listen" in str(raised.value)
    assert path.read_bytes() == before
    assert not list(data_dir.glob("*.damaged-*"))


def test_a_newer_listen_writing_while_we_run_stops_us_without_harm(data_dir: Path) -> None:
    store = ProgressStore(data_dir)
    path = data_dir / "progress.json"
    data = json.loads(path.read_text())
    data["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(StoreFromNewerVersion):
        store.record_attempt("Dana", an_attempt())
    assert path.read_bytes() == before


def test_a_plain_tinydb_file_is_migrated_after_a_backup(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    plain = TinyDB(data_dir / "progress.json")
    plain.table("learners").insert({"name": "Ana", "created": "2025-12-01T08:00:00+00:00", "last_seen": ""})
    plain.close()

    store = ProgressStore(data_dir)

    assert [learner.name for learner in store.learners()] == ["Ana"]
    assert _meta(data_dir)["schema_version"] == SCHEMA_VERSION
    [backup] = (data_dir / "backups").glob("*before-update-from-0*")
    assert "meta" not in json.loads(backup.read_text())
    assert store.notices == []


def test_each_missing_step_runs_once_in_order(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ProgressStore(data_dir).add_learner("Dana")
    ran: list[str] = []

    def add_nicknames(tables: dict) -> dict:
        ran.append("nicknames")
        for row in tables["learners"].values():
            row["nickname"] = row["name"].lower()
        return tables

    def add_streaks(tables: dict) -> dict:
        ran.append("streaks")
        tables["streaks"] = {}
        return tables

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, add_nicknames, add_streaks])
    ProgressStore(data_dir).close()
    ProgressStore(data_dir).close()

    assert ran == ["nicknames", "streaks"]
    data = json.loads((data_dir / "progress.json").read_text())
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION + 2
    assert data["learners"]["1"]["nickname"] == "dana" and data["streaks"] == {}
    assert len(list((data_dir / "backups").glob(f"*before-update-from-{SCHEMA_VERSION}*"))) == 1


def test_migrate_and_version_of_as_functions() -> None:
    assert migrations.version_of({}) == 0
    assert migrations.version_of({"meta": {"1": {"schema_version": "x"}}}) == 0
    migrated = migrations.migrate({"learners": {"1": {"name": "Ana"}}, "extra": {}})
    assert migrations.version_of(migrated) == SCHEMA_VERSION
    assert migrated["learners"] == {"1": {"name": "Ana"}} and migrated["extra"] == {}
    assert set(migrations.TABLES) <= set(migrated)
    assert migrations.migrate(migrations.fresh()) == migrations.fresh()
