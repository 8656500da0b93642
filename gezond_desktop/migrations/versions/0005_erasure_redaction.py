"""right to erasure: erased marker, redaction register, guarded change-log redaction

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

* ``resident.erased_at``: set (and synced) when a resident's personal details
  are erased.
* ``change_redaction``: one row per change entry whose personal fields were
  blanked (device, seq, when, and whether this device still has to rewrite its
  copy on the hub). Written by :mod:`gezond_desktop.store.redaction` only.
* The change log stays append-only, with ONE exception: an entry listed in
  ``change_redaction`` may have its ``fields`` rewritten when every other column
  stays the same, the set of field names stays the same, and every field that
  changes is a personal field that becomes blank (NULL or '') or, for the alias,
  the neutral alias. Anything else is still refused by the trigger, also in raw
  SQL. Deletes stay refused.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Frozen copies: the personal fields and the trigger as they are at this revision.
PERSONAL_KEYS = ("full_name", "phone", "email", "notes", "alias", "alias_key", "reason",
                 "outcome_note", "note")
ALIAS_KEYS = ("alias", "alias_key")
ENTITIES = ("resident", "encounter", "referral", "referral_event")


def _quoted(names: tuple[str, ...]) -> str:
    return ", ".join(f"'{n}'" for n in names)


SAME_COLUMNS = " AND ".join(
    f"NEW.{c} IS OLD.{c}" for c in ("device_id", "seq", "hlc", "entity", "record_id", "op",
                                    "schema_version", "worker_id"))
REDACTION_ALLOWED = (
    "EXISTS (SELECT 1 FROM change_redaction r WHERE r.device_id = OLD.device_id "
    "AND r.seq = OLD.seq) "
    f"AND OLD.entity IN ({_quoted(ENTITIES)}) AND {SAME_COLUMNS} "
    "AND json_valid(NEW.fields) "
    "AND (SELECT COUNT(*) FROM json_each(NEW.fields)) = "
    "(SELECT COUNT(*) FROM json_each(OLD.fields)) "
    "AND NOT EXISTS (SELECT 1 FROM json_each(OLD.fields) o "
    "LEFT JOIN json_each(NEW.fields) n ON n.key = o.key "
    "WHERE n.key IS NULL OR ((n.type IS NOT o.type OR n.value IS NOT o.value) AND ("
    f"o.key NOT IN ({_quoted(PERSONAL_KEYS)}) OR NOT (n.type = 'null' OR (n.type = 'text' "
    f"AND (n.value = '' OR o.key IN ({_quoted(ALIAS_KEYS)})))))))"
)
GUARDED_UPDATE_SQL = (
    "CREATE TRIGGER trg_change_log_no_update BEFORE UPDATE ON change_log "
    f"WHEN NOT ({REDACTION_ALLOWED}) "
    "BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END"
)
PLAIN_UPDATE_SQL = (
    "CREATE TRIGGER trg_change_log_no_update BEFORE UPDATE ON change_log "
    "BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END"
)


def upgrade() -> None:
    with op.batch_alter_table("resident", recreate="never") as batch:
        batch.add_column(sa.Column("erased_at", sa.DateTime(), nullable=True))
    op.create_index("ix_resident_erased", "resident", ["erased_at"],
                    sqlite_where=sa.text("erased_at IS NOT NULL"))
    op.create_table(
        "change_redaction",
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("redacted_at", sa.DateTime(), nullable=False),
        sa.Column("hub_pending", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "seq", name=op.f("pk_change_redaction")),
    )
    op.create_index("ix_change_redaction_pending", "change_redaction",
                    ["hub_pending", "device_id"])
    op.execute("DROP TRIGGER IF EXISTS trg_change_log_no_update")
    op.execute(GUARDED_UPDATE_SQL)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS trg_change_log_no_update")
    op.execute(PLAIN_UPDATE_SQL)
    op.drop_index("ix_change_redaction_pending", "change_redaction")
    op.drop_table("change_redaction")
    op.drop_index("ix_resident_erased", "resident")
    with op.batch_alter_table("resident", recreate="never") as batch:
        batch.drop_column("erased_at")
