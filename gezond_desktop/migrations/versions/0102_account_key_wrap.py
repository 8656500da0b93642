"""field-level encryption: the master key wrapped per account; shared data keys

Revision ID: 0102
Revises: 0101
Create Date: 2026-11-23

Personal columns stay the same type (text); their values become tokens from the
next write on (old values are read as they are). ``data_key_share`` is a synced,
write-once table (like the audit log: the plain change-log guards). See
docs/encryption.md.
"""

import sqlalchemy as sa
from alembic import op

from gezond_desktop.store.changes import changelog_trigger_drop_sql, changelog_trigger_sql

revision = "0102"
down_revision = "0101"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("account", sa.Column("key_wrap", sa.Text(), nullable=True))
    op.create_table(
        "data_key_share",
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("sealed_with", sa.String(length=16), nullable=False),
        sa.Column("sealed", sa.Text(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_key_share")),
    )
    for sql in changelog_trigger_sql("data_key_share"):
        op.execute(sql)


def downgrade() -> None:
    for sql in changelog_trigger_drop_sql("data_key_share"):
        op.execute(sql)
    op.drop_table("data_key_share")
    with op.batch_alter_table("account") as batch:
        batch.drop_column("key_wrap")
