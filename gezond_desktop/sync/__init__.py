"""Sync: change exchange through a hub (shared folder by default), conflicts kept.

Importing this package only registers the sync tables with ``Base.metadata``;
the engine, hubs and service are imported from their own modules:
:mod:`.service` (what the UI uses), :mod:`.engine`, :mod:`.folder_hub`, :mod:`.hub`.
"""

from . import tables as tables

__all__ = ["tables"]
