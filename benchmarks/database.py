"""A fresh, throw-away database for a benchmark run, chosen before django.setup()."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from typing import Any


def fresh_database(postgres: bool, server: str, name: str, prefix: str
                   ) -> tuple[str, Callable[[], None]]:
    """Point the settings at a new SQLite file, or at PostgreSQL database ``name`` on
    ``server`` (dropped and created); return a label for the report and the clean-up."""
    folder = tempfile.TemporaryDirectory(prefix=prefix)
    os.environ["NGHIQUYET_DATA_DIR"] = folder.name
    os.environ.setdefault("MPLCONFIGDIR", folder.name)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nghiquyet.settings")
    if not postgres:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder.name}/bench.sqlite3"
        return "SQLite", folder.cleanup

    import psycopg

    def admin(sql: str) -> None:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(sql)

    admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin(f"CREATE DATABASE {name}")
    os.environ["DATABASE_URL"] = f"{server}/{name}"

    def drop() -> None:
        from django.db import connections

        connections.close_all()
        admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        folder.cleanup()

    with psycopg.connect(f"{server}/postgres") as conn:
        version = conn.execute("SHOW server_version").fetchone()
    return f"PostgreSQL {version[0].split()[0] if version else '?'}", drop


def add_database_arguments(parser: Any, pg_database: str, pg_server: str) -> None:
    """The options every benchmark over a synthetic province takes."""
    parser.add_argument("--postgres", action="store_true",
                        help=f"use PostgreSQL (database {pg_database}, created and dropped)")
    parser.add_argument("--pg-server", default=pg_server)
    parser.add_argument("--pg-database", default=pg_database,
                        help="the PostgreSQL database to create and drop (your own)")
    parser.add_argument("--communes", type=int, default=75)
    parser.add_argument("--villages", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
