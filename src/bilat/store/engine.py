"""Opening the database: URL resolution, SQLite settings, migrations on open."""

from __future__ import annotations

import os

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from ..errors import StoreError
from .migrations import migrate

DEFAULT_DB_URL = "sqlite:///bilat.db"
DB_ENV_VAR = "BILAT_DB"
SQLITE_BUSY_TIMEOUT_MS = 10_000
SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def resolve_db_url(db: str | None = None) -> str:
    """``--db`` if given, else ``$BILAT_DB``, else ``sqlite:///bilat.db``."""
    url = db or os.environ.get(DB_ENV_VAR) or DEFAULT_DB_URL
    # plain postgres URLs get the psycopg 3 driver
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_settings(engine: Engine) -> None:
    """WAL, foreign keys, busy timeout; transactions begun explicitly by SQLAlchemy."""

    @sa.event.listens_for(engine, "connect")
    def on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # let BEGIN below control transactions
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def on_begin(conn) -> None:
        conn.exec_driver_sql("BEGIN")


def open_engine(db: str | None = None, *, migrate_schema: bool = True) -> Engine:
    """An engine for ``db`` (see :func:`resolve_db_url`), schema migrated to the latest version."""
    url_text = resolve_db_url(db)
    try:
        url = make_url(url_text)
    except sa.exc.ArgumentError as err:
        raise StoreError(f"bad database URL {url_text!r}: {err}") from err
    backend = url.get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        raise StoreError(
            f"bad database URL {url_text!r}: backend {backend!r} is not supported "
            "(use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB)"
        )
    if backend == "sqlite" and url.database and url.database != ":memory:":
        folder = os.path.dirname(os.path.abspath(url.database))
        if not os.path.isdir(folder):
            raise StoreError(f"bad database URL {url_text!r}: folder {folder} does not exist")
    try:
        engine = sa.create_engine(url)
    except (sa.exc.ArgumentError, ImportError) as err:
        raise StoreError(f"bad database URL {url_text!r}: {err}") from err
    if backend == "sqlite":
        _sqlite_settings(engine)
    if migrate_schema:
        try:
            migrate(engine)
        except sa.exc.OperationalError as err:
            engine.dispose()
            raise StoreError(f"cannot open database {url.render_as_string()}: {err.orig}") from err
    return engine


def describe(engine: Engine) -> str:
    """The URL for messages, password hidden."""
    return engine.url.render_as_string(hide_password=True)
