"""canonical video links: every stored video link is rebuilt in its canonical form, or removed

Before this, a video link was stored as pasted once Python's urlsplit liked it, so a link that a
browser reads as another host (``https://evil.example\\@www.tiktok.com/...``) could be stored and
linked. New links are stored in canonical form (core/text/videolinks.py); this rewrites the
ones already stored the same way, and removes those that are not acceptable (the moment stays).

Revision ID: 0010_canonical_video_links
Revises: 0009_session_version
Create Date: 2026-12-04 19:50:00.000000

"""

import sqlalchemy as sa
from alembic import op

from kindness_challenge.core.text.videolinks import VideoLinkProblem, canonical_video_link

# revision identifiers, used by Alembic.
revision = "0010_canonical_video_links"
down_revision = "0009_session_version"
branch_labels = None
depends_on = None

submission = sa.table("submission", sa.column("id", sa.Integer), sa.column("video_url", sa.String))


def upgrade():
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(submission.c.id, submission.c.video_url).where(
            submission.c.video_url.is_not(None)
        )
    ).all()
    for row in rows:
        try:
            canonical = canonical_video_link(row.video_url).url
        except VideoLinkProblem:
            canonical = None
        if canonical != row.video_url:
            connection.execute(
                sa.update(submission).where(submission.c.id == row.id).values(video_url=canonical)
            )


def downgrade():
    pass  # the links as pasted are not kept; the canonical ones work with the old code too
