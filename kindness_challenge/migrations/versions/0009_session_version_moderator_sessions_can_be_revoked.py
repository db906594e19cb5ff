"""moderator.session_version: a moderator's sessions end when it changes

Revision ID: 0009_session_version
Revises: 0008_review_data
Create Date: 2026-12-04 19:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0009_session_version"
down_revision = "0008_review_data"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("moderator", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_version", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade():
    with op.batch_alter_table("moderator", schema=None) as batch_op:
        batch_op.drop_column("session_version")
