"""record the language detected when scoring

Revision ID: 0006_language
Revises: 0005_created_index
Create Date: 2026-11-24 07:05:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0006_language"
down_revision = "0005_created_index"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=8), nullable=True))


def downgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_column("language")
