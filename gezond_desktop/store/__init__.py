"""The local SQLite store. No Qt here."""

from .changes import WriteContext
from .database import DB_FILENAME, Database, GezondSession

__all__ = ["DB_FILENAME", "Database", "GezondSession", "WriteContext"]
