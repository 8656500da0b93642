"""accounts, sign-in throttling (local) and the audit log (synced, append-only)

Revision ID: 0101
Revises: 0003
Create Date: 2026-11-23

A branch of its own (the app upgrades every head): the sync tables are 0004+.
"""

import sqlalchemy as sa
from alembic import op

from gezond_desktop.store.changes import changelog_trigger_drop_sql, changelog_trigger_sql

revision = "0101"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen copies: the triggers as they are at this revision.
AUDIT_CONTENT_COLUMNS = (
    "id", "seq", "at", "action", "actor_id", "username", "target_entity", "target_id",
    "detail", "prev_hash", "hash", "device_id", "created_by", "created_at", "deleted_at",
)
AUDIT_TRIGGER_SQL = [
    "CREATE TRIGGER trg_audit_entry_no_update BEFORE UPDATE ON audit_entry WHEN "
    + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in AUDIT_CONTENT_COLUMNS)
    + " BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END",
    "CREATE TRIGGER trg_audit_entry_no_remove BEFORE DELETE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END",
]


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("worker_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("password_hash", sa.String(length=400), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["worker_id"], ["worker.id"],
                                name=op.f("fk_account_worker_id_worker")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account")),
        sa.UniqueConstraint("username", name=op.f("uq_account_username")),
    )
    op.create_table(
        "login_throttle",
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("next_allowed_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_login_throttle")),
    )
    op.create_table(
        "audit_entry",
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("actor_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("target_entity", sa.String(length=40), nullable=False),
        sa.Column("target_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
        sa.UniqueConstraint("device_id", "seq", name="uq_audit_entry_device_seq"),
    )
    op.create_index("ix_audit_entry_at", "audit_entry", ["at"])
    for sql in changelog_trigger_sql("audit_entry"):
        op.execute(sql)
    for sql in AUDIT_TRIGGER_SQL:
        op.execute(sql)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS trg_audit_entry_no_update")
    op.execute("DROP TRIGGER IF EXISTS trg_audit_entry_no_remove")
    for sql in changelog_trigger_drop_sql("audit_entry"):
        op.execute(sql)
    op.drop_index("ix_audit_entry_at", table_name="audit_entry")
    op.drop_table("audit_entry")
    op.drop_table("login_throttle")
    op.drop_table("account")
