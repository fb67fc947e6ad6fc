"""Reports by unguessable id, in SQLite by default or any database SQLAlchemy speaks.

The id is the only access control, so it carries 192 random bits. Deleting a
report removes its row and its idempotency keys; on SQLite, ``secure_delete``
overwrites the freed pages and a WAL checkpoint clears the log, so the CV-derived
text does not linger in the file. Old reports are purged by ``purge_before``,
which the web app calls with its retention setting.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from infraprep.errors import StorageError
from infraprep.models import Plan
from infraprep.store.tables import idempotency_keys, reports

TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def new_report_id() -> str:
    """A URL-safe id with 192 bits of randomness."""
    return secrets.token_urlsafe(24)


def utc_stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime(TIME_FORMAT)


@dataclass(frozen=True)
class StoredReport:
    id: str
    created_at: str
    plan_json: str
    html_body: str

    def plan(self) -> Plan:
        return Plan.model_validate_json(self.plan_json)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not wait for the writer
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: no corruption on a
    # crash, at worst the last reports before a power cut are lost (they can be remade).
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


class ReportStore:
    """The web app's reports. Open with a database URL; tables are migrated on open."""

    def __init__(self, url: str) -> None:
        self.url = url
        with _storage_errors("open"):
            self.engine = sa.create_engine(url)
            if self.engine.dialect.name == "sqlite":
                sa.event.listen(self.engine, "connect", _tune_sqlite)
            self._migrate()

    @classmethod
    def in_directory(cls, data_dir: Path) -> ReportStore:
        """SQLite in ``data_dir/reports.db``, readable by this user only."""
        data_dir = Path(data_dir)
        path = data_dir / "reports.db"
        try:
            data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not path.exists():
                path.touch(mode=0o600)
        except OSError as exc:
            raise StorageError(
                f"The data directory {str(data_dir)[:200]} cannot be used: {exc.strerror}.",
                "Pass --data-dir with a folder you can write to.",
            ) from exc
        return cls(sqlite_url(path))

    def _migrate(self) -> None:
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", "infraprep.store:migrations")
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def schema_revision(self) -> str | None:
        from alembic.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        self.engine.dispose()

    def create(
        self,
        report_id: str,
        plan_json: str,
        html_body: str,
        *,
        idempotency_key: str | None = None,
        now: dt.datetime | None = None,
    ) -> str:
        """Store a report and return its id.

        With an ``idempotency_key`` used before, nothing is stored and the id of
        the report first made with that key comes back.
        """
        stamp = utc_stamp(now or dt.datetime.now(dt.UTC))
        try:
            with self.engine.begin() as conn:
                if idempotency_key is not None:
                    existing = self._key_lookup(conn, idempotency_key)
                    if existing is not None:
                        return existing
                    conn.execute(
                        idempotency_keys.insert().values(
                            idem_key=idempotency_key, report_id=report_id, created_at=stamp
                        )
                    )
                conn.execute(
                    reports.insert().values(
                        id=report_id, created_at=stamp, plan_json=plan_json, html_body=html_body
                    )
                )
        except IntegrityError:
            # A concurrent request with the same key won the race: answer with its report.
            if idempotency_key is not None:
                existing = self.id_for_key(idempotency_key)
                if existing is not None:
                    return existing
            raise StorageError("The report could not be stored.") from None
        except SQLAlchemyError as exc:
            raise StorageError(f"The report could not be stored: {type(exc).__name__}.") from exc
        return report_id

    @staticmethod
    def _key_lookup(conn: sa.Connection, key: str) -> str | None:
        row = conn.execute(
            sa.select(idempotency_keys.c.report_id).where(idempotency_keys.c.idem_key == key)
        ).first()
        return row[0] if row else None

    def id_for_key(self, key: str) -> str | None:
        with self._reading() as conn:
            return self._key_lookup(conn, key)

    def get(self, report_id: str, *, not_before: dt.datetime | None = None) -> StoredReport | None:
        """The report, or None when there is none (or it is older than ``not_before``)."""
        query = sa.select(
            reports.c.id, reports.c.created_at, reports.c.plan_json, reports.c.html_body
        ).where(reports.c.id == report_id)
        if not_before is not None:
            query = query.where(reports.c.created_at >= utc_stamp(not_before))
        with self._reading() as conn:
            row = conn.execute(query).first()
        return StoredReport(*row) if row else None

    def delete(self, report_id: str) -> bool:
        """Remove a report and its idempotency keys for good; False when there was none."""
        with self._writing() as conn:
            gone = conn.execute(reports.delete().where(reports.c.id == report_id)).rowcount
            conn.execute(idempotency_keys.delete().where(idempotency_keys.c.report_id == report_id))
        if gone:
            self._checkpoint()
        return gone > 0

    def purge_before(self, cutoff: dt.datetime) -> int:
        """Delete every report made before ``cutoff``; returns how many went."""
        stamp = utc_stamp(cutoff)
        with self._writing() as conn:
            old = sa.select(reports.c.id).where(reports.c.created_at < stamp)
            conn.execute(idempotency_keys.delete().where(idempotency_keys.c.report_id.in_(old)))
            gone = conn.execute(reports.delete().where(reports.c.created_at < stamp)).rowcount
        if gone:
            self._checkpoint()
        return gone

    def count(self) -> int:
        with self._reading() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(reports)).scalar_one()

    def _checkpoint(self) -> None:
        """Fold the WAL back into the database so deleted text leaves the log file too."""
        if self.engine.dialect.name != "sqlite":
            return
        with self._writing() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        with _storage_errors("read"), self.engine.connect() as conn:
            yield conn

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        with _storage_errors("write"), self.engine.begin() as conn:
            yield conn


OPEN_HINT = (
    "Check --database-url (e.g. postgresql+psycopg://user@host/db, with the 'postgres' extra) "
    "or that the data directory is writable."
)


@contextlib.contextmanager
def _storage_errors(verb: str) -> Iterator[None]:
    """Database failures leave the store as ``StorageError``, never as a driver error."""
    try:
        yield
    except SQLAlchemyError as exc:
        detail = " ".join(str(exc).split())[:160]  # drivers' messages span lines
        raise StorageError(
            f"The report store could not {verb}: {type(exc).__name__}: {detail}.",
            OPEN_HINT if verb == "open" else None,
        ) from exc
