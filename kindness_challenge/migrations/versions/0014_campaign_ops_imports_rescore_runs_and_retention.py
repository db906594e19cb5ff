"""campaign ops: imported moments, rescore runs, retention

Submissions imported from a platform export record their source, original id (unique together:
importing the same export twice adds nothing), link and original time; ``purged_at`` marks a
row whose text retention deleted. ``rescore_run`` keeps each rescore's progress and report.
Audit rows outlive a deleted (withdrawn) submission: their foreign key sets NULL, no cascade.

Revision ID: 0014_campaign_ops
Revises: 0013_submission_locale
Create Date: 2026-12-05 05:20:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0014_campaign_ops"
down_revision = "0013_submission_locale"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("source_id", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("source_url", sa.String(length=500), nullable=True))
        batch_op.add_column(
            sa.Column("source_created_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("purged_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_submission_source"), ["source", "source_id"]
        )
    op.create_table(
        "rescore_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("apply", sa.Boolean(), nullable=False),
        sa.Column("include_decided", sa.Boolean(), nullable=False),
        sa.Column("states", sa.JSON(), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("classifier_name", sa.String(length=80), nullable=False),
        sa.Column("classifier_version", sa.String(length=80), nullable=False),
        sa.Column("policy", sa.JSON(), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("checked", sa.Integer(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("held", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rescore_run")),
    )
    _audit_submission_key("SET NULL")


def _audit_submission_key(ondelete: str) -> None:
    name = "fk_audit_event_submission_id_submission"
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_constraint(name, type_="foreignkey")
        batch_op.create_foreign_key(
            name, "submission", ["submission_id"], ["id"], ondelete=ondelete
        )


def downgrade():
    _audit_submission_key("CASCADE")
    op.drop_table("rescore_run")
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_submission_source"), type_="unique")
        batch_op.drop_column("purged_at")
        batch_op.drop_column("source_created_at")
        batch_op.drop_column("source_url")
        batch_op.drop_column("source_id")
        batch_op.drop_column("source")
