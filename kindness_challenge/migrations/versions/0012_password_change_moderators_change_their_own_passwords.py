"""moderator.must_change_password: an admin's reset makes the account choose a new password

Revision ID: 0012_password_change
Revises: 0011_client_buckets
Create Date: 2026-12-05 05:10:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0012_password_change"
down_revision = "0011_client_buckets"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("moderator", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )


def downgrade():
    with op.batch_alter_table("moderator", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
