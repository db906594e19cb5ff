"""scores the share form's nudge already computed, for the worker to reuse

Revision ID: 0007_prescores
Revises: 0006_language
Create Date: 2026-11-24 10:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0007_prescores"
down_revision = "0006_language"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prescores", sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_column("prescores")
