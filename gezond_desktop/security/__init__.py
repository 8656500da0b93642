"""Access and audit: local accounts, sign-in throttling, role rules and the
append-only, hash-chained audit log. No Qt here.

* :mod:`.passwords` - memory-hard password hashes (argon2id, else scrypt).
* :mod:`.accounts` - :class:`~.accounts.AccountService` (``services.accounts``).
* :mod:`.permissions` - who may do what; :func:`~.permissions.require`.
* :mod:`.audit` - :class:`~.audit.AuditService` (``services.audit``).

Acting without a worker (``worker_id=None``: the CLI and scripts opened without
a login) is the local system and has every right; the GUI always signs in.
"""

from . import models

__all__ = ["models"]
