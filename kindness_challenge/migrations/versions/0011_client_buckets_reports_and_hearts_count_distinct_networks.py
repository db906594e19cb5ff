"""client buckets: reports and hearts record a keyed hash of the client's network

Reports hide a moment only when they come from distinct networks (and visitor cookies old
enough: report.counted), hearts count once per network. Index (submission_id, client_hash) on
heart for the per-network check.

Revision ID: 0011_client_buckets
Revises: 0010_canonical_video_links
Create Date: 2026-12-04 20:05:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0011_client_buckets"
down_revision = "0010_canonical_video_links"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.add_column(sa.Column("client_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column("counted", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    with op.batch_alter_table("heart", schema=None) as batch_op:
        batch_op.add_column(sa.Column("client_hash", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_heart_submission_client", ["submission_id", "client_hash"])


def downgrade():
    with op.batch_alter_table("heart", schema=None) as batch_op:
        batch_op.drop_index("ix_heart_submission_client")
        batch_op.drop_column("client_hash")
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_column("counted")
        batch_op.drop_column("client_hash")
