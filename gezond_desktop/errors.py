"""Typed, expected errors. Every message is plain Dutch (B1) and says what to do.

Anything that is not a :class:`GezondError` is a bug: the UI shows a short apology
with copyable details and writes the traceback to the log file.
"""

from __future__ import annotations

from dataclasses import dataclass


class GezondError(Exception):
    """An expected problem with a message a user can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ValidationError(GezondError):
    """Input that cannot be saved. Nothing was written."""

    def __init__(self, errors: list[FieldError] | FieldError | str, field: str = "") -> None:
        if isinstance(errors, str):
            errors = [FieldError(field, errors)]
        elif isinstance(errors, FieldError):
            errors = [errors]
        self.errors: list[FieldError] = list(errors)
        super().__init__(" ".join(e.message for e in self.errors))

    def for_field(self, field: str) -> str | None:
        for e in self.errors:
            if e.field == field:
                return e.message
        return None


class NotFoundError(GezondError):
    pass


class PermissionDenied(GezondError):
    pass


class SchemaTooNewError(GezondError):
    pass


class IntegrityProblem(GezondError):
    pass


class StorageError(GezondError):
    """Disk full, read-only folder, locked database and the like."""
