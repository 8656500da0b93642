"""sync bookkeeping tables; merge-aware update guard

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

The update guard of every synced table now also lets a row keep its clock
(NEW.hlc = OLD.hlc) while the sync engine applies received changes: only for
records listed in ``sync_apply_note``, which the engine fills (after inserting
the explaining change entries) and empties inside the same transaction.
"""

import sqlalchemy as sa
from alembic import op

from gezond_desktop.store.changes import changelog_trigger_sql, update_guard_sql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen list: the synced tables as they were at this revision.
TABLES = [
    "device", "neighbourhood", "organisation", "organisation_service", "target_group",
    "topic", "track", "programme_line", "venue", "worker", "resident", "resident_consent",
    "activity", "session", "attendance", "encounter", "referral", "referral_event",
    "positive_health_score", "export_record",
]

def upgrade() -> None:
    op.create_table(
        "change_prev",
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("prev", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "seq", name=op.f("pk_change_prev")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("record_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("winner_value", sa.Text(), nullable=False),
        sa.Column("winner_device", sa.LargeBinary(length=16), nullable=True),
        sa.Column("winner_worker", sa.LargeBinary(length=16), nullable=True),
        sa.Column("winner_hlc", sa.BigInteger(), nullable=False),
        sa.Column("loser_value", sa.Text(), nullable=False),
        sa.Column("loser_device", sa.LargeBinary(length=16), nullable=False),
        sa.Column("loser_worker", sa.LargeBinary(length=16), nullable=True),
        sa.Column("loser_hlc", sa.BigInteger(), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    op.create_index("ix_sync_conflict_open", "sync_conflict", ["resolved_at", "record_id"])
    op.create_table(
        "sync_peer",
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("public_key", sa.String(length=100), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=True),
        sa.Column("clock_offset_ms", sa.BigInteger(), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("last_bundle_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_bundle_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_sync_peer")),
    )
    op.create_table(
        "sync_bundle",
        sa.Column("source", sa.String(length=400), nullable=False),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(length=80), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("source", name=op.f("pk_sync_bundle")),
    )
    op.create_table(
        "sync_apply_note",
        sa.Column("record_id", sa.LargeBinary(length=16), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_sync_apply_note")),
    )
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_update_needs_change")
        op.execute(update_guard_sql(table))


def downgrade() -> None:
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_update_needs_change")
        op.execute(changelog_trigger_sql(table)[1])
    for name in ("sync_apply_note", "sync_bundle", "sync_peer", "sync_conflict",
                 "change_prev"):
        op.drop_table(name)
