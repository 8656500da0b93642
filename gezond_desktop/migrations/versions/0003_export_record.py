"""export record

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

from gezond_desktop.store.changes import changelog_trigger_drop_sql, changelog_trigger_sql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "export_record",
        sa.Column("report", sa.String(length=30), nullable=False),
        sa.Column("file_format", sa.String(length=10), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("date_from", sa.Date(), nullable=True),
        sa.Column("date_to", sa.Date(), nullable=True),
        sa.Column("filters", sa.Text(), nullable=False),
        sa.Column("suppressed", sa.Boolean(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_record")),
    )
    for sql in changelog_trigger_sql("export_record"):
        op.execute(sql)


def downgrade() -> None:
    for sql in changelog_trigger_drop_sql("export_record"):
        op.execute(sql)
    op.drop_table("export_record")
