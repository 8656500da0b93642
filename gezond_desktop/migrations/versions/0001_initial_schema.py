"""initial schema

Revision ID: 0001
Revises: -
Create Date: 2026-11-23 10:55:09.855067
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "change_log",
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.LargeBinary(length=16), nullable=True),
        sa.PrimaryKeyConstraint("device_id", "seq", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index("ix_change_log_record", ["record_id", "hlc"], unique=False)

    op.create_table(
        "device",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("replaces_device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device")),
    )
    op.create_table(
        "device_clock",
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_hlc", sa.BigInteger(), nullable=False),
        sa.Column("acked_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_device_clock")),
    )
    op.create_table(
        "local_setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_local_setting")),
    )
    op.create_table(
        "neighbourhood",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("municipality", sa.String(length=120), nullable=False),
        sa.Column("is_focus", sa.Boolean(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_neighbourhood")),
        sa.UniqueConstraint("code", name=op.f("uq_neighbourhood_code")),
    )
    op.create_table(
        "organisation",
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
        sa.UniqueConstraint("name", name=op.f("uq_organisation_name")),
    )
    op.create_table(
        "programme_line",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_line")),
        sa.UniqueConstraint("code", name=op.f("uq_programme_line_code")),
    )
    op.create_table(
        "target_group",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_group")),
        sa.UniqueConstraint("code", name=op.f("uq_target_group_code")),
    )
    op.create_table(
        "topic",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic")),
        sa.UniqueConstraint("code", name=op.f("uq_topic_code")),
    )
    op.create_table(
        "track",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_track")),
        sa.UniqueConstraint("code", name=op.f("uq_track_code")),
    )
    op.create_table(
        "organisation_service",
        sa.Column("organisation_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_organisation_service_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation_service")),
    )
    op.create_table(
        "resident",
        sa.Column("alias", sa.String(length=80), nullable=False),
        sa.Column("full_name", sa.String(length=160), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=160), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("gender", sa.String(length=20), nullable=False),
        sa.Column("neighbourhood_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("alias_key", sa.String(length=80), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["neighbourhood_id"],
            ["neighbourhood.id"],
            name=op.f("fk_resident_neighbourhood_id_neighbourhood"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident")),
    )
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.create_index("ix_resident_alias_key", ["alias_key"], unique=False)

    op.create_table(
        "venue",
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("neighbourhood_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["neighbourhood_id"],
            ["neighbourhood.id"],
            name=op.f("fk_venue_neighbourhood_id_neighbourhood"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_venue")),
    )
    with op.batch_alter_table("venue", schema=None) as batch_op:
        batch_op.create_index("ix_venue_name", ["name"], unique=False)

    op.create_table(
        "worker",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("organisation_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_worker_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worker")),
    )
    op.create_table(
        "activity",
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("organisation_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("neighbourhood_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("venue_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("programme_line_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("schedule_kind", sa.String(length=20), nullable=False),
        sa.Column("weekday", sa.SmallInteger(), nullable=True),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["neighbourhood_id"],
            ["neighbourhood.id"],
            name=op.f("fk_activity_neighbourhood_id_neighbourhood"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_activity_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["programme_line_id"],
            ["programme_line.id"],
            name=op.f("fk_activity_programme_line_id_programme_line"),
        ),
        sa.ForeignKeyConstraint(
            ["venue_id"], ["venue.id"], name=op.f("fk_activity_venue_id_venue")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    op.create_table(
        "encounter",
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("worker_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("neighbourhood_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("venue_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("head_count", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("follow_up_done_on", sa.Date(), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["neighbourhood_id"],
            ["neighbourhood.id"],
            name=op.f("fk_encounter_neighbourhood_id_neighbourhood"),
        ),
        sa.ForeignKeyConstraint(
            ["venue_id"], ["venue.id"], name=op.f("fk_encounter_venue_id_venue")
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_encounter_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_encounter")),
    )
    with op.batch_alter_table("encounter", schema=None) as batch_op:
        batch_op.create_index(
            "ix_encounter_follow_up",
            ["follow_up_on"],
            unique=False,
            sqlite_where=sa.text("follow_up_on IS NOT NULL AND follow_up_done_on IS NULL"),
        )
        batch_op.create_index(
            "ix_encounter_list",
            ["occurred_at", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_encounter_neighbourhood", ["neighbourhood_id", "occurred_at"], unique=False
        )
        batch_op.create_index("ix_encounter_venue", ["venue_id", "occurred_at"], unique=False)
        batch_op.create_index("ix_encounter_worker", ["worker_id", "occurred_at"], unique=False)

    op.create_table(
        "referral",
        sa.Column("resident_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("pathway", sa.String(length=30), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("source_venue_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("referring_organisation_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("coach_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=30), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["coach_id"], ["worker.id"], name=op.f("fk_referral_coach_id_worker")
        ),
        sa.ForeignKeyConstraint(
            ["referring_organisation_id"],
            ["organisation.id"],
            name=op.f("fk_referral_referring_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_referral_resident_id_resident")
        ),
        sa.ForeignKeyConstraint(
            ["source_venue_id"], ["venue.id"], name=op.f("fk_referral_source_venue_id_venue")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index("ix_referral_coach", ["coach_id", "status"], unique=False)
        batch_op.create_index("ix_referral_resident", ["resident_id"], unique=False)
        batch_op.create_index("ix_referral_status", ["status", "follow_up_on"], unique=False)

    op.create_table(
        "resident_consent",
        sa.Column("resident_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("purpose", sa.String(length=40), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["worker.id"], name=op.f("fk_resident_consent_recorded_by_worker")
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_resident_consent_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident_consent")),
    )
    with op.batch_alter_table("resident_consent", schema=None) as batch_op:
        batch_op.create_index("ix_resident_consent_resident", ["resident_id"], unique=False)

    op.create_table(
        "resident_target_group",
        sa.Column("resident_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("target_group_id", sa.LargeBinary(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
            name=op.f("fk_resident_target_group_resident_id_resident"),
        ),
        sa.ForeignKeyConstraint(
            ["target_group_id"],
            ["target_group.id"],
            name=op.f("fk_resident_target_group_target_group_id_target_group"),
        ),
        sa.PrimaryKeyConstraint(
            "resident_id", "target_group_id", name=op.f("pk_resident_target_group")
        ),
    )
    with op.batch_alter_table("resident_target_group", schema=None) as batch_op:
        batch_op.create_index(
            "ix_resident_target_group_target_group",
            ["target_group_id", "resident_id"],
            unique=False,
        )

    op.create_table(
        "activity_target_group",
        sa.Column("activity_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("target_group_id", sa.LargeBinary(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_activity_target_group_activity_id_activity"),
        ),
        sa.ForeignKeyConstraint(
            ["target_group_id"],
            ["target_group.id"],
            name=op.f("fk_activity_target_group_target_group_id_target_group"),
        ),
        sa.PrimaryKeyConstraint(
            "activity_id", "target_group_id", name=op.f("pk_activity_target_group")
        ),
    )
    with op.batch_alter_table("activity_target_group", schema=None) as batch_op:
        batch_op.create_index(
            "ix_activity_target_group_target_group",
            ["target_group_id", "activity_id"],
            unique=False,
        )

    op.create_table(
        "activity_track",
        sa.Column("activity_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("track_id", sa.LargeBinary(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_activity_track_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["track_id"], ["track.id"], name=op.f("fk_activity_track_track_id_track")
        ),
        sa.PrimaryKeyConstraint("activity_id", "track_id", name=op.f("pk_activity_track")),
    )
    with op.batch_alter_table("activity_track", schema=None) as batch_op:
        batch_op.create_index("ix_activity_track_track", ["track_id", "activity_id"], unique=False)

    op.create_table(
        "encounter_resident",
        sa.Column("encounter_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("resident_id", sa.LargeBinary(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["encounter_id"],
            ["encounter.id"],
            name=op.f("fk_encounter_resident_encounter_id_encounter"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
            name=op.f("fk_encounter_resident_resident_id_resident"),
        ),
        sa.PrimaryKeyConstraint("encounter_id", "resident_id", name=op.f("pk_encounter_resident")),
    )
    with op.batch_alter_table("encounter_resident", schema=None) as batch_op:
        batch_op.create_index(
            "ix_encounter_resident_resident", ["resident_id", "encounter_id"], unique=False
        )

    op.create_table(
        "encounter_topic",
        sa.Column("encounter_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("topic_id", sa.LargeBinary(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["encounter_id"],
            ["encounter.id"],
            name=op.f("fk_encounter_topic_encounter_id_encounter"),
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"], ["topic.id"], name=op.f("fk_encounter_topic_topic_id_topic")
        ),
        sa.PrimaryKeyConstraint("encounter_id", "topic_id", name=op.f("pk_encounter_topic")),
    )
    with op.batch_alter_table("encounter_topic", schema=None) as batch_op:
        batch_op.create_index(
            "ix_encounter_topic_topic", ["topic_id", "encounter_id"], unique=False
        )

    op.create_table(
        "encounter_track",
        sa.Column("encounter_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("track_id", sa.LargeBinary(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["encounter_id"],
            ["encounter.id"],
            name=op.f("fk_encounter_track_encounter_id_encounter"),
        ),
        sa.ForeignKeyConstraint(
            ["track_id"], ["track.id"], name=op.f("fk_encounter_track_track_id_track")
        ),
        sa.PrimaryKeyConstraint("encounter_id", "track_id", name=op.f("pk_encounter_track")),
    )
    with op.batch_alter_table("encounter_track", schema=None) as batch_op:
        batch_op.create_index(
            "ix_encounter_track_track", ["track_id", "encounter_id"], unique=False
        )

    op.create_table(
        "positive_health_score",
        sa.Column("referral_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("moment", sa.String(length=10), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("body", sa.SmallInteger(), nullable=False),
        sa.Column("mental", sa.SmallInteger(), nullable=False),
        sa.Column("meaning", sa.SmallInteger(), nullable=False),
        sa.Column("quality_of_life", sa.SmallInteger(), nullable=False),
        sa.Column("participation", sa.SmallInteger(), nullable=False),
        sa.Column("daily_functioning", sa.SmallInteger(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referral.id"],
            name=op.f("fk_positive_health_score_referral_id_referral"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_positive_health_score")),
    )
    with op.batch_alter_table("positive_health_score", schema=None) as batch_op:
        batch_op.create_index("ix_phs_referral", ["referral_id", "moment"], unique=False)

    op.create_table(
        "referral_activity",
        sa.Column("referral_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("activity_id", sa.LargeBinary(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_referral_activity_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referral.id"], name=op.f("fk_referral_activity_referral_id_referral")
        ),
        sa.PrimaryKeyConstraint("referral_id", "activity_id", name=op.f("pk_referral_activity")),
    )
    with op.batch_alter_table("referral_activity", schema=None) as batch_op:
        batch_op.create_index(
            "ix_referral_activity_activity", ["activity_id", "referral_id"], unique=False
        )

    op.create_table(
        "referral_event",
        sa.Column("referral_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("worker_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referral.id"], name=op.f("fk_referral_event_referral_id_referral")
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_referral_event_worker_id_worker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_event")),
    )
    with op.batch_alter_table("referral_event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_referral_event_referral", ["referral_id", "occurred_on"], unique=False
        )

    op.create_table(
        "referral_organisation",
        sa.Column("referral_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("organisation_id", sa.LargeBinary(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_referral_organisation_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referral.id"],
            name=op.f("fk_referral_organisation_referral_id_referral"),
        ),
        sa.PrimaryKeyConstraint(
            "referral_id", "organisation_id", name=op.f("pk_referral_organisation")
        ),
    )
    with op.batch_alter_table("referral_organisation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_referral_organisation_organisation",
            ["organisation_id", "referral_id"],
            unique=False,
        )

    op.create_table(
        "session",
        sa.Column("activity_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("anonymous_guests", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_session_activity_id_activity")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session")),
    )
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.create_index("ix_session_activity", ["activity_id", "held_on"], unique=False)
        batch_op.create_index("ix_session_held_on", ["held_on"], unique=False)

    op.create_table(
        "attendance",
        sa.Column("session_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("resident_id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("id", sa.LargeBinary(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.LargeBinary(length=16), nullable=True),
        sa.Column("device_id", sa.LargeBinary(length=16), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_attendance_resident_id_resident")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["session.id"], name=op.f("fk_attendance_session_id_session")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index("ix_attendance_resident", ["resident_id"], unique=False)
        batch_op.create_index(
            "uq_attendance_session_resident",
            ["session_id", "resident_id"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )


def downgrade() -> None:

    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_attendance_session_resident",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index("ix_attendance_resident")

    op.drop_table("attendance")
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.drop_index("ix_session_held_on")
        batch_op.drop_index("ix_session_activity")

    op.drop_table("session")
    with op.batch_alter_table("referral_organisation", schema=None) as batch_op:
        batch_op.drop_index("ix_referral_organisation_organisation")

    op.drop_table("referral_organisation")
    with op.batch_alter_table("referral_event", schema=None) as batch_op:
        batch_op.drop_index("ix_referral_event_referral")

    op.drop_table("referral_event")
    with op.batch_alter_table("referral_activity", schema=None) as batch_op:
        batch_op.drop_index("ix_referral_activity_activity")

    op.drop_table("referral_activity")
    with op.batch_alter_table("positive_health_score", schema=None) as batch_op:
        batch_op.drop_index("ix_phs_referral")

    op.drop_table("positive_health_score")
    with op.batch_alter_table("encounter_track", schema=None) as batch_op:
        batch_op.drop_index("ix_encounter_track_track")

    op.drop_table("encounter_track")
    with op.batch_alter_table("encounter_topic", schema=None) as batch_op:
        batch_op.drop_index("ix_encounter_topic_topic")

    op.drop_table("encounter_topic")
    with op.batch_alter_table("encounter_resident", schema=None) as batch_op:
        batch_op.drop_index("ix_encounter_resident_resident")

    op.drop_table("encounter_resident")
    with op.batch_alter_table("activity_track", schema=None) as batch_op:
        batch_op.drop_index("ix_activity_track_track")

    op.drop_table("activity_track")
    with op.batch_alter_table("activity_target_group", schema=None) as batch_op:
        batch_op.drop_index("ix_activity_target_group_target_group")

    op.drop_table("activity_target_group")
    with op.batch_alter_table("resident_target_group", schema=None) as batch_op:
        batch_op.drop_index("ix_resident_target_group_target_group")

    op.drop_table("resident_target_group")
    with op.batch_alter_table("resident_consent", schema=None) as batch_op:
        batch_op.drop_index("ix_resident_consent_resident")

    op.drop_table("resident_consent")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index("ix_referral_status")
        batch_op.drop_index("ix_referral_resident")
        batch_op.drop_index("ix_referral_coach")

    op.drop_table("referral")
    with op.batch_alter_table("encounter", schema=None) as batch_op:
        batch_op.drop_index("ix_encounter_worker")
        batch_op.drop_index("ix_encounter_venue")
        batch_op.drop_index("ix_encounter_neighbourhood")
        batch_op.drop_index("ix_encounter_list", sqlite_where=sa.text("deleted_at IS NULL"))
        batch_op.drop_index(
            "ix_encounter_follow_up",
            sqlite_where=sa.text("follow_up_on IS NOT NULL AND follow_up_done_on IS NULL"),
        )

    op.drop_table("encounter")
    op.drop_table("activity")
    op.drop_table("worker")
    with op.batch_alter_table("venue", schema=None) as batch_op:
        batch_op.drop_index("ix_venue_name")

    op.drop_table("venue")
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.drop_index("ix_resident_alias_key")

    op.drop_table("resident")
    op.drop_table("organisation_service")
    op.drop_table("track")
    op.drop_table("topic")
    op.drop_table("target_group")
    op.drop_table("programme_line")
    op.drop_table("organisation")
    op.drop_table("neighbourhood")
    op.drop_table("local_setting")
    op.drop_table("device_clock")
    op.drop_table("device")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_record")

    op.drop_table("change_log")
