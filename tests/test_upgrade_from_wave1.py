"""A database made by the last wave-1 release migrates forward without loss.

Wave 2 renamed the packages (reporting → figures, dashboards → assessment, ...)
and kept the database labels. This test proves it the way an operator would
meet it: the wave-1 code (taken from git) builds the demo database, then the
current code migrates that same file and must find every figure and every audit
row, and be able to assess the resolution from it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from io import BytesIO
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
WAVE1_COMMIT = "b4840d49833ac4a7d50b04df913c1ff5226682ab"  # last commit before the rename

pytestmark = pytest.mark.slow


def _wave1_source(dest: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    archive = subprocess.run(  # noqa: S603 - fixed arguments
        ["git", "-C", str(REPO), "archive", "--format=tar", WAVE1_COMMIT, "src"],  # noqa: S607
        capture_output=True, check=False,
    )
    if archive.returncode != 0:
        pytest.skip("the wave-1 commit is not in this clone's history")
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")
    return dest / "src"


def _run(args: list[str], *, data_dir: Path, pythonpath: Path | None) -> str:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "PYTHONPATH"}}
    env["NGHIQUYET_DATA_DIR"] = str(data_dir)
    env["DJANGO_SETTINGS_MODULE"] = "nghiquyet.settings"
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)  # comes before the editable install
    result = subprocess.run(  # noqa: S603 - our own interpreter and command
        [sys.executable, "-c", "from nghiquyet.manage import main; main()", *args],
        env=env, capture_output=True, text=True, check=False, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def _snapshot(db: Path) -> dict[str, str]:
    """A checksum of the rows that must survive: figures, audit trail, registry."""
    tables = ["reporting_datavalue", "audit_auditevent", "resolutions_target",
              "orgunits_orgunit", "accounts_roleassignment"]
    out = {}
    with sqlite3.connect(db) as conn:
        for table in tables:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]  # noqa: S608
            wave1_cols = sorted(c for c in cols if c != "id")
            rows = conn.execute(
                f"SELECT id, {', '.join(wave1_cols)} FROM {table} ORDER BY id"  # noqa: S608
            ).fetchall()
            out[table] = f"{len(rows)}:" + hashlib.sha256(
                json.dumps(rows, default=str).encode()).hexdigest()
    return out


def _wave1_columns(db: Path) -> dict[str, list[str]]:
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: [r[1] for r in conn.execute(f"PRAGMA table_info({n})")] for n in names}  # noqa: S608


def test_a_wave1_database_migrates_forward_keeping_figures_and_audit(tmp_path: Path) -> None:
    old_src = _wave1_source(tmp_path / "wave1")
    data = tmp_path / "data"
    data.mkdir()
    _run(["migrate", "-v0"], data_dir=data, pythonpath=old_src)
    _run(["load_demo"], data_dir=data, pythonpath=old_src)
    db = data / "nghiquyet.sqlite3"
    before_cols = _wave1_columns(db)
    before = _snapshot(db)
    assert int(before["reporting_datavalue"].split(":")[0]) > 100

    _run(["migrate", "-v0"], data_dir=data, pythonpath=None)

    # Same rows, compared on the columns wave 1 had (wave 2 may add columns).
    with sqlite3.connect(db) as conn:
        for table, text in before.items():
            cols = sorted(c for c in before_cols[table] if c != "id")
            rows = conn.execute(
                f"SELECT id, {', '.join(cols)} FROM {table} ORDER BY id"  # noqa: S608
            ).fetchall()
            now = f"{len(rows)}:" + hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest()
            assert now == text, table
    # And the current code reads it: the demo resolution is assessed from those figures.
    out = _run(["assess", "1", "--year", "2026", "--json"], data_dir=data, pythonpath=None)
    assert json.loads(out)
