"""Backup and restore of a whole deployment: the database and the uploaded files.

One archive (``.tar.gz``) holds ``manifest.json``, the database and ``media/``:

- SQLite: a consistent copy made with SQLite's online backup API while the product runs;
  restored with the same API into the configured database file.
- PostgreSQL: ``pg_dump --format=custom`` (consistent: one snapshot), restored with
  ``pg_restore --clean --if-exists --no-owner --single-transaction``.
- Uploads (``MEDIA_ROOT``: evidence files, resolution sources) with their SHA-256.

``restore`` refuses an archive of another database engine, a damaged archive (checksums),
a member path outside its folder, and a database that already holds data unless
``replace=True``. docs/deploy.md describes the daily backup with rotation.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump/pg_restore, with fixed arguments
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.db import connections
from django.utils import timezone

from nghiquyet.lib.i18n import gettext as _

FORMAT = "nghiquyet.backup/1"
_DB_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
# Tables that hold a deployment's data: any row in one means the database is not empty.
_DATA_TABLES = ("auth_user", "orgunits_orgunit", "audit_auditevent")


class BackupError(Exception):
    """A backup or restore refused or failed; ``str(exc)`` is for the user."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    engine: str
    media_files: int
    size: int


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _engine(alias: str = "default") -> str:
    vendor = connections[alias].vendor
    if vendor not in _DB_FILES:
        raise BackupError(_("Chưa hỗ trợ sao lưu cơ sở dữ liệu loại %(v)s.") % {"v": vendor})
    return vendor


def _pg_env(alias: str = "default") -> dict[str, str]:
    db = settings.DATABASES[alias]
    env = dict(os.environ)
    for value, name in ((db.get("HOST"), "PGHOST"), (db.get("PORT"), "PGPORT"),
                        (db.get("USER"), "PGUSER"), (db.get("PASSWORD"), "PGPASSWORD"),
                        (db.get("NAME"), "PGDATABASE")):
        if value:
            env[name] = str(value)
    return env


def _run(args: list[str], env: dict[str, str]) -> None:
    tool = shutil.which(args[0])
    if tool is None:
        raise BackupError(_("Không tìm thấy lệnh %(tool)s (gói postgresql-client).")
                          % {"tool": args[0]})
    result = subprocess.run([tool, *args[1:]], env=env, capture_output=True, text=True,  # noqa: S603
                            check=False)
    if result.returncode != 0:
        raise BackupError(_("%(tool)s thất bại: %(err)s")
                          % {"tool": args[0], "err": result.stderr.strip()[-2000:]})


def _media_files() -> list[tuple[str, Path]]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted((p.relative_to(root).as_posix(), p) for p in root.rglob("*") if p.is_file())


def _applied_migrations(alias: str = "default") -> list[str]:
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connections[alias])
    if not recorder.has_table():
        return []
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def backup(output: Path, alias: str = "default") -> BackupSummary:
    """Write the archive to ``output`` (atomically: a partial file is never left there)."""
    engine = _engine(alias)
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nghiquyet-backup-") as tmp:
        dbfile = Path(tmp) / _DB_FILES[engine]
        if engine == "sqlite":
            connection = connections[alias]
            connection.ensure_connection()
            target = sqlite3.connect(dbfile)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        else:
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                  f"--file={dbfile}"], _pg_env(alias))
        media = _media_files()
        manifest = {
            "format": FORMAT,
            "engine": engine,
            "created_at": timezone.now().isoformat(),
            "migrations": _applied_migrations(alias),
            "database": {"file": dbfile.name, "sha256": _sha256_file(dbfile),
                         "size": dbfile.stat().st_size},
            "media": [{"path": rel, "sha256": _sha256_file(p), "size": p.stat().st_size}
                      for rel, p in media],
        }
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mtime = len(data), int(timezone.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.add(dbfile, arcname=dbfile.name)
            for rel, path in media:
                archive.add(path, arcname=f"media/{rel}")
        os.replace(partial, output)
    return BackupSummary(output, engine, len(media), output.stat().st_size)


def _safe_member(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(_("Tệp sao lưu có đường dẫn không hợp lệ: %(name)s") % {"name": name})
    return path


def _has_data(alias: str = "default") -> bool:
    connection = connections[alias]
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in _DATA_TABLES:
            if table in tables:
                cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")  # noqa: S608
                if cursor.fetchone():
                    return True
    return False


def restore(archive_path: Path, *, replace: bool = False, alias: str = "default") -> dict[str, Any]:
    """Restore an archive made by ``backup`` into the configured database and MEDIA_ROOT."""
    engine = _engine(alias)
    try:
        archive = tarfile.open(archive_path, "r:gz")  # noqa: SIM115 - closed below
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(_("Không đọc được tệp sao lưu %(file)s.") % {"file": archive_path}) \
            from exc
    with archive, tempfile.TemporaryDirectory(prefix="nghiquyet-restore-") as tmp:
        members = {m.name: m for m in archive.getmembers()}
        for name, member in members.items():
            _safe_member(name)
            if not (member.isfile() or member.isdir()):
                raise BackupError(_("Tệp sao lưu chứa mục không phải tệp: %(name)s")
                                  % {"name": name})
        try:
            manifest = json.load(archive.extractfile(members["manifest.json"]))  # type: ignore[arg-type]  # a regular file, checked above
        except (KeyError, ValueError) as exc:
            raise BackupError(_("Tệp sao lưu thiếu hoặc hỏng manifest.json.")) from exc
        if manifest.get("format") != FORMAT:
            raise BackupError(_("Không phải tệp sao lưu nghiquyet (%(f)s).") % {"f": FORMAT})
        if manifest.get("engine") != engine:
            raise BackupError(_("Bản sao lưu của %(src)s không khôi phục được vào %(dst)s.")
                              % {"src": manifest.get("engine"), "dst": engine})
        if _has_data(alias) and not replace:
            raise BackupError(_("Cơ sở dữ liệu đích đã có dữ liệu. Khôi phục vào một cơ sở dữ "
                                "liệu trống, hoặc dùng --replace để thay toàn bộ."))
        extracted: dict[str, Path] = {}
        wanted = [(manifest["database"]["file"], manifest["database"]["sha256"])] + [
            (f"media/{m['path']}", m["sha256"]) for m in manifest.get("media", [])]
        for name, digest in wanted:
            found = members.get(name)
            if found is None or not found.isfile():
                raise BackupError(_("Tệp sao lưu thiếu %(name)s.") % {"name": name})
            target = Path(tmp) / "x" / _safe_member(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.extractfile(found) as src, target.open("wb") as dst:  # type: ignore[union-attr]  # a regular file
                shutil.copyfileobj(src, dst)
            if _sha256_file(target) != digest:
                raise BackupError(_("Tệp sao lưu bị hỏng: %(name)s sai mã kiểm tra.")
                                  % {"name": name})
            extracted[name] = target
        dbfile = extracted[manifest["database"]["file"]]
        connections[alias].close()
        if engine == "sqlite":
            source = sqlite3.connect(dbfile)
            destination = sqlite3.connect(settings.DATABASES[alias]["NAME"])
            try:
                source.backup(destination)
            finally:
                source.close()
                destination.close()
        else:
            _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
                  "--single-transaction", "--exit-on-error",
                  f"--dbname={settings.DATABASES[alias]['NAME']}", str(dbfile)], _pg_env(alias))
        media_root = Path(settings.MEDIA_ROOT)
        for m in manifest.get("media", []):
            target = media_root / _safe_member(m["path"])
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(extracted[f"media/{m['path']}"], target)
    return manifest


def table_checksums(alias: str = "default") -> dict[str, str]:
    """SHA-256 of every table's rows (sorted, so row order does not matter)."""
    connection = connections[alias]
    out = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows = sorted(repr(tuple(row)) for row in cursor.fetchall())
            out[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return out


def media_checksums() -> dict[str, str]:
    return {rel: _sha256_file(path) for rel, path in _media_files()}
