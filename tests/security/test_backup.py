"""Backup and restore (issue 10, item 9): a round trip into an empty database gives every
table the same checksum and the same uploaded files, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEED_REGISTRY

POPULATE = f"""
from decimal import Decimal
from django.core.files.base import ContentFile
from django.contrib.auth import get_user_model
from nghiquyet.accounts.models import RoleAssignment
from nghiquyet.orgunits.services import orgunit_create
from nghiquyet.resolutions.services import registry_import
from nghiquyet.figures import services
from nghiquyet.figures.periods import parse_period
from nghiquyet.resolutions.models import DataSeries
import json
province = orgunit_create(code="SL", name="Sơn La", type="province")
commune = orgunit_create(code="SL-PK", name="Phiêng Khoài", type="commune", parent=province)
village = orgunit_create(code="SL-PK-B01", name="Bản Nà Sàng", type="village", parent=commune)
user = get_user_model().objects.create_user("bob", password="pw-bob-Xy7-long", first_name="Lò")
RoleAssignment.objects.create(user=user, role="reporter", orgunit=village)
resolution = registry_import(doc=json.loads(open({str(SEED_REGISTRY)!r}, encoding="utf-8").read()),
                             issuer=commune)
series = DataSeries.objects.get(resolution=resolution, code="2.1")
series.reporting_unit_type = "village"
series.save()
services.value_save(actor=user, series=series, orgunit=village, period=parse_period("2026"),
                    value=Decimal("12.5"), note="Sổ của bản",
                    evidence=ContentFile(b"%PDF-1.4 minh chung", name="minh-chung.pdf"))
"""


def _nghiquyet(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DEBUG")}
    full.update(env)
    return subprocess.run([sys.executable, "-m", "nghiquyet", *args], env=full,  # noqa: S603
                          capture_output=True, text=True, timeout=300, check=False)


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _round_trip(src: dict[str, str], dst: dict[str, str], archive: Path) -> None:
    _ok(_nghiquyet(src, "migrate", "-v0"))
    _ok(_nghiquyet(src, "shell", "-c", POPULATE))
    _ok(_nghiquyet(src, "backup", "-o", str(archive)))
    before = json.loads(_ok(_nghiquyet(src, "backup", "--checksums")))
    assert before["media"], "the evidence file is part of the backup"
    _ok(_nghiquyet(dst, "restore", str(archive)))
    after = json.loads(_ok(_nghiquyet(dst, "backup", "--checksums")))
    assert after == before
    # a database that holds data is not overwritten by mistake
    again = _nghiquyet(dst, "restore", str(archive))
    assert again.returncode != 0 and "đã có dữ liệu" in again.stderr
    _ok(_nghiquyet(dst, "restore", "--replace", str(archive)))


@pytest.mark.slow
def test_round_trip_on_sqlite(tmp_path: Path) -> None:
    src = {"DATABASE_URL": f"sqlite:///{tmp_path / 'src.sqlite3'}",
           "NGHIQUYET_DATA_DIR": str(tmp_path / "src")}
    dst = {"DATABASE_URL": f"sqlite:///{tmp_path / 'dst.sqlite3'}",
           "NGHIQUYET_DATA_DIR": str(tmp_path / "dst")}
    _round_trip(src, dst, tmp_path / "backup.tar.gz")


def _psql(*sql: str) -> bool:
    for statement in sql:
        result = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres",  # noqa: S603,S607
                                 "-v", "ON_ERROR_STOP=1", "-qc", statement],
                                capture_output=True, text=True, timeout=60, check=False)
        if result.returncode != 0:
            return False
    return True


@pytest.mark.slow
@pytest.mark.postgres
def test_round_trip_on_postgresql(tmp_path: Path) -> None:
    names = ("nq_backup_src", "nq_backup_dst")
    drop = [f"DROP DATABASE IF EXISTS {n}" for n in names]
    try:
        if not _psql(*drop, *[f"CREATE DATABASE {n}" for n in names]):
            pytest.skip("PostgreSQL is not available on 127.0.0.1")
        base = "postgres://postgres@127.0.0.1:5432/"
        src = {"DATABASE_URL": base + names[0], "NGHIQUYET_DATA_DIR": str(tmp_path / "src")}
        dst = {"DATABASE_URL": base + names[1], "NGHIQUYET_DATA_DIR": str(tmp_path / "dst")}
        _round_trip(src, dst, tmp_path / "backup.tar.gz")
    finally:
        _psql(*drop)


def test_an_archive_of_another_engine_or_damaged_is_refused(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
           "NGHIQUYET_DATA_DIR": str(tmp_path / "data")}
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(b"not a backup")
    result = _nghiquyet(env, "restore", str(bad))
    assert result.returncode != 0 and "Không đọc được tệp sao lưu" in result.stderr


def test_member_paths_outside_the_archive_are_refused(tmp_path: Path, settings: Any) -> None:
    import io
    import tarfile

    from nghiquyet.web.backup import BackupError, restore

    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as archive:
        info = tarfile.TarInfo("../../etc/x")
        info.size = 1
        archive.addfile(info, io.BytesIO(b"x"))
    with pytest.raises(BackupError, match="đường dẫn"):
        restore(evil)
