"""Personal columns: stored encrypted, seen as plain text by the app.

A column made with :func:`personal` has the :class:`Sealed` type and
``info={"personal": True}``; :func:`personal_fields` lists them per entity (the
one list of what is encrypted). The database holds tokens (see
:mod:`gezond_desktop.security.crypto`); the keyring of the database the
statement runs on (``engine.dialect.gezond_keyring``, set by
:func:`gezond_desktop.store.database.make_engine`) encrypts bound values and
decrypts results, so two databases open in one process each use their own key.

Searching with LIKE/contains on a sealed column compares the decrypted text (a
SQL function ``gz_plain`` registered on every connection). Without the key a
token reads as None (nullable column) or "" and nothing can be written but empty
values (:class:`~gezond_desktop.security.crypto.DataLocked`, raised by the
change log hook before anything is flushed).
"""

from typing import Any

from sqlalchemy import String, Text, func, inspect
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import MappedColumn, mapped_column
from sqlalchemy.sql import operators
from sqlalchemy.types import TypeDecorator, TypeEngine

PERSONAL = "personal"
TOKEN_PREFIX = "gz1:"  # = security.crypto.TOKEN_PREFIX (models cannot import security)
_TEXT_OPS = frozenset({
    operators.like_op, operators.not_like_op, operators.ilike_op, operators.not_ilike_op,
    operators.contains_op, operators.not_contains_op, operators.startswith_op,
    operators.not_startswith_op, operators.endswith_op, operators.not_endswith_op,
})


def keyring_of(dialect: Dialect) -> Any:
    return getattr(dialect, "gezond_keyring", None)


class Sealed(TypeDecorator[str]):
    """Text stored as an encryption token (see the module documentation)."""

    impl = Text
    cache_ok = True

    def __init__(self, length: int | None = None, nullable: bool = True) -> None:
        super().__init__()
        self.length = length
        self.nullable = nullable

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        return dialect.type_descriptor(String(self.length) if self.length else Text())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if not value:
            return value
        ring = keyring_of(dialect)
        return ring.encrypt(value) if ring is not None else value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if not value or not isinstance(value, str) or not value.startswith(TOKEN_PREFIX):
            return value
        ring = keyring_of(dialect)
        text = ring.decrypt(value) if ring is not None else None
        if text is None:
            return None if self.nullable else ""
        return text

    class comparator_factory(TypeDecorator.Comparator[str]):
        def operate(self, op: Any, *other: Any, **kwargs: Any) -> Any:
            if op in _TEXT_OPS:
                return op(func.gz_plain(self.expr, type_=Text()), *other, **kwargs)
            return super().operate(op, *other, **kwargs)


def personal(length: int | None = None, *, nullable: bool = False, **kw: Any) -> MappedColumn[Any]:
    """A personal (encrypted) text column."""
    return mapped_column(Sealed(length, nullable), info={PERSONAL: True}, **kw)


_FIELDS: dict[type, frozenset[str]] = {}


def personal_fields(model: type) -> frozenset[str]:
    """Attribute keys of the personal columns of a model."""
    got = _FIELDS.get(model)
    if got is None:
        attrs: Any = inspect(model).column_attrs
        got = _FIELDS[model] = frozenset(
            a.key for a in attrs if a.columns[0].info.get(PERSONAL))
    return got
