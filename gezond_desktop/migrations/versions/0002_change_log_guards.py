"""change log guards: no synced row without its change entry; the log is append-only

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from alembic import op

from gezond_desktop.store.changes import (
    APPEND_ONLY_LOG_SQL,
    changelog_trigger_drop_sql,
    changelog_trigger_sql,
)

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Frozen list: the synced tables as they were at this revision.
TABLES = [
    "device", "neighbourhood", "organisation", "organisation_service", "target_group",
    "topic", "track", "programme_line", "venue", "worker", "resident", "resident_consent",
    "activity", "session", "attendance", "encounter", "referral", "referral_event",
    "positive_health_score",
]


def upgrade() -> None:
    for table in TABLES:
        for sql in changelog_trigger_sql(table):
            op.execute(sql)
    for sql in APPEND_ONLY_LOG_SQL:
        op.execute(sql)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS trg_change_log_no_update")
    op.execute("DROP TRIGGER IF EXISTS trg_change_log_no_delete")
    for table in TABLES:
        for sql in changelog_trigger_drop_sql(table):
            op.execute(sql)
