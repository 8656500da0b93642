"""Declarative base, column types and the columns every synced record carries."""

import datetime as dt
import uuid
from typing import Any, ClassVar

from sqlalchemy import BigInteger, DateTime, LargeBinary, MetaData, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UUIDBytes(TypeDecorator[uuid.UUID]):
    """A UUID stored as 16 bytes: half the size of text, and it sorts by time for UUIDv7."""

    impl = LargeBinary(16)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        if isinstance(value, uuid.UUID):
            return value.bytes
        if isinstance(value, bytes):
            return value
        return uuid.UUID(str(value)).bytes

    def process_result_value(self, value: Any, dialect: Dialect) -> uuid.UUID | None:
        if value is None:
            return None
        return uuid.UUID(bytes=bytes(value))


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        uuid.UUID: UUIDBytes(),
        dt.datetime: DateTime(),
        str: String(),
    }


class Synced:
    """Columns of every record that travels through the change log.

    ``hlc`` is the hybrid-logical-clock time of the record's latest change; the
    database refuses a row whose (id, hlc) has no entry in ``change_log``.
    """

    __entity__: ClassVar[str]
    # Names of list-valued fields kept in association tables; they travel in the
    # change log as sorted lists of ids. Maps field name -> relationship attribute.
    __list_fields__: ClassVar[dict[str, str]] = {}
    # Fields never written to the change log (derived or local only).
    __local_fields__: ClassVar[frozenset[str]] = frozenset()

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[uuid.UUID | None] = mapped_column(default=None)
    device_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    hlc: Mapped[int] = mapped_column(BigInteger, default=0)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class Retirable:
    """Reference data is retired, never removed: old records keep pointing at it."""

    retired_at: Mapped[dt.datetime | None] = mapped_column(default=None)
