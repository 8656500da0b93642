"""The local SQLite store. No Qt here."""

from ..peek import DB_FILENAME
from .changes import WriteContext
from .database import Database, GezondSession

__all__ = ["DB_FILENAME", "Database", "GezondSession", "WriteContext"]
