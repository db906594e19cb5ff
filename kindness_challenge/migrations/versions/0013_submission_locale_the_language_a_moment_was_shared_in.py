"""submission locale: the language a moment was shared in; rejection reasons as codes

submission.locale: the page language the participant used (their receipt and the reasons
they are given follow it). transition.public_reason: the code of the reason a participant is
told (core.reasons), translated when shown; public_note keeps only a moderator's own words.
Existing rows whose public_note starts with a known reason sentence are split into the two.

Revision ID: 0013_submission_locale
Revises: 0012_password_change
Create Date: 2026-12-05 05:40:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0013_submission_locale"
down_revision = "0012_password_change"
branch_labels = None
depends_on = None

# The sentences as they were stored before this revision (core.reasons at the time).
OLD_SENTENCES = {
    "unkind": "It is unkind or hurtful towards someone.",
    "harassment": "It targets or harasses a person or group.",
    "hate": "It attacks people for who they are.",
    "explicit": "It contains sexual or graphic content.",
    "spam": "It is spam, advertising or off-topic for the campaign.",
    "personal_info": "It shares someone's private information.",
    "other": "It does not fit the campaign's guidelines.",
    "banned_language": "It contains language that is not allowed on the kindness wall.",
}

transition = sa.table(
    "transition",
    sa.column("id", sa.Integer),
    sa.column("public_note", sa.Text),
    sa.column("public_reason", sa.String),
)


def upgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("locale", sa.String(length=16), nullable=True))
    with op.batch_alter_table("transition", schema=None) as batch_op:
        batch_op.add_column(sa.Column("public_reason", sa.String(length=30), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(transition.c.id, transition.c.public_note).where(
            transition.c.public_note.is_not(None)
        )
    ).all()
    for row_id, note in rows:
        for code, sentence in OLD_SENTENCES.items():
            if note == sentence or note.startswith(sentence + " "):
                rest = note[len(sentence) :].strip() or None
                bind.execute(
                    transition.update()
                    .where(transition.c.id == row_id)
                    .values(public_reason=code, public_note=rest)
                )
                break


def downgrade():
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(transition.c.id, transition.c.public_reason, transition.c.public_note).where(
            transition.c.public_reason.is_not(None)
        )
    ).all()
    for row_id, code, note in rows:
        sentence = OLD_SENTENCES.get(code)
        if sentence:
            bind.execute(
                transition.update()
                .where(transition.c.id == row_id)
                .values(public_note=sentence + (f" {note}" if note else ""))
            )
    # A plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not batch mode's copy of the table:
    # dropping the old submission table would cascade to every transition, foreign keys on.
    with op.batch_alter_table("transition", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("public_reason")
    with op.batch_alter_table("submission", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("locale")
