"""review kinds and matched phrases stored as data; the viewing marker named for what it is

Revision ID: 0008_review_data
Revises: 0007_prescores
Create Date: 2026-12-04 19:50:00.000000

Transitions into review keep their kind and the phrases (or links) that matched, so statistics
count by kind and the queue highlights from the stored phrases instead of reading them back out
of the reason's sentence. Existing rows are filled in once, here, from the sentences that the
routing code of revisions up to 0007 wrote (the only place those sentences are ever parsed).
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0008_review_data"
down_revision = "0007_prescores"
branch_labels = None
depends_on = None

_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"")


def _phrases(reason: str) -> list[str]:
    body = reason.split(":", 1)[1] if ":" in reason else ""
    return [a or b for a, b in _QUOTED.findall(body)]


def upgrade():
    with op.batch_alter_table("transition", schema=None) as batch_op:
        batch_op.add_column(sa.Column("review_kind", sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column("matched", sa.JSON(), nullable=True))
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("matched_phrases", sa.JSON(), nullable=True))
        batch_op.drop_constraint(
            "fk_submission_review_lock_moderator_id_moderator", type_="foreignkey"
        )
        batch_op.alter_column("review_lock_moderator_id", new_column_name="viewing_moderator_id")
        batch_op.alter_column("review_lock_until", new_column_name="viewing_until")
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f("fk_submission_viewing_moderator_id_moderator"),
            "moderator",
            ["viewing_moderator_id"],
            ["id"],
            ondelete="SET NULL",
        )

    bind = op.get_bind()
    transition = sa.table(
        "transition",
        sa.column("id", sa.Integer),
        sa.column("to_state", sa.String),
        sa.column("actor_kind", sa.String),
        sa.column("reason", sa.Text),
        sa.column("review_kind", sa.String),
        sa.column("matched", sa.JSON),
    )
    rows = bind.execute(
        sa.select(transition.c.id, transition.c.reason).where(
            transition.c.to_state == "needs_review", transition.c.actor_kind == "classifier"
        )
    ).all()
    prefixes = (
        ("flagged:", "threshold"),
        ("suspect phrase:", "suspect_word"),
        ("contains a link:", "link"),
        ("not clearly kind", "not_kind"),
        ("kindness could not be scored", "not_kind"),
        ("premoderation", "premoderate"),
        ("written in ", "language"),
        ("classifier unavailable", "classifier_unavailable"),
        ("no scores", "classifier_unavailable"),
        ("no thresholded label", "classifier_unavailable"),
    )
    for row_id, reason in rows:
        reason = reason or ""
        kind = next((k for prefix, k in prefixes if reason.startswith(prefix)), None)
        if kind is None and reason.endswith("score is not a number"):
            kind = "classifier_unavailable"
        matched = None
        if kind == "suspect_word":
            matched = _phrases(reason)
        elif kind == "link":
            matched = [part.strip() for part in reason.split(":", 1)[1].split(",")]
        bind.execute(
            transition.update()
            .where(transition.c.id == row_id)
            .values(review_kind=kind, matched=matched)
        )
    submission = sa.table(
        "submission",
        sa.column("id", sa.Integer),
        sa.column("state_reason", sa.Text),
        sa.column("review_kind", sa.String),
        sa.column("matched_phrases", sa.JSON),
    )
    for row_id, reason in bind.execute(
        sa.select(submission.c.id, submission.c.state_reason).where(
            submission.c.review_kind == "suspect_word"
        )
    ).all():
        bind.execute(
            submission.update()
            .where(submission.c.id == row_id)
            .values(matched_phrases=_phrases(reason or ""))
        )


def downgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_constraint("fk_submission_viewing_moderator_id_moderator", type_="foreignkey")
        batch_op.alter_column("viewing_moderator_id", new_column_name="review_lock_moderator_id")
        batch_op.alter_column("viewing_until", new_column_name="review_lock_until")
        batch_op.drop_column("matched_phrases")
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f("fk_submission_review_lock_moderator_id_moderator"),
            "moderator",
            ["review_lock_moderator_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("transition", schema=None) as batch_op:
        batch_op.drop_column("matched")
        batch_op.drop_column("review_kind")
