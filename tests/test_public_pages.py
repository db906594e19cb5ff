"""Nothing pending, in review or rejected is reachable from any public page."""

import re

from sqlalchemy import select

from kindness_challenge.extensions import db
from kindness_challenge.models import State, Submission
from kindness_challenge.scoring.worker import RetryPolicy
from kindness_challenge.services import get_scorer

from conftest import score_all, submit

PUBLIC_PATHS = ["/", "/share", "/moderate/login", "/does-not-exist"]


def public_pages(app, client) -> str:
    """Every public page, including every permalink id that exists or might."""
    with app.app_context():
        max_id = db.session.scalar(select(Submission.id).order_by(Submission.id.desc())) or 0
    bodies = [client.get(path).get_data(as_text=True) for path in PUBLIC_PATHS]
    bodies += [client.get(f"/moment/{i}").get_data(as_text=True) for i in range(max_id + 2)]
    url = "/"
    while url:
        page = client.get(url).get_data(as_text=True)
        bodies.append(page)
        match = re.search(r'rel="next" href="([^"]+)"', page)
        url = match.group(1).replace("&amp;", "&") if match else None
    return "\n".join(bodies)


def test_only_published_text_is_public(app, client, moderator):
    app.config["WALL_PAGE_SIZE"] = 2
    submit(client, text="SECRET-PENDING never scored")
    with app.app_context():
        pending_id = db.session.scalar(select(Submission.id))
    # Score the rest, but leave the first one pending by claiming it for a dead worker.
    from kindness_challenge.scoring.worker import claim_pending_batch

    with app.app_context():
        claim_pending_batch(db.session, batch_size=1, lease_seconds=3600)
    submit(client, text="PUBLIC-ONE you are wonderful")
    submit(client, text="SECRET-REVIEW you stupid fucking idiot")
    submit(client, text="SECRET-REJECTED shut up you dumb bitch")
    submit(client, text="PUBLIC-TWO thanks for the kind words")
    score_all(app)
    with app.app_context():
        by_text = dict(db.session.execute(select(Submission.text, Submission.id)).all())
    client.post(
        f"/moderate/submission/{by_text['SECRET-REJECTED shut up you dumb bitch']}/reject",
        data={"reason": "unkind"},
    )
    client.post("/moderate/logout")
    with app.app_context():
        states = dict(db.session.execute(select(Submission.text, Submission.state)).all())
    assert states["SECRET-PENDING never scored"] is State.pending
    assert states["SECRET-REVIEW you stupid fucking idiot"] is State.needs_review
    assert states["SECRET-REJECTED shut up you dumb bitch"] is State.rejected

    everything = public_pages(app, client)
    assert "PUBLIC-ONE" in everything and "PUBLIC-TWO" in everything
    assert "SECRET-" not in everything
    assert client.get(f"/moment/{pending_id}").status_code == 404


def test_classifier_outage_publishes_nothing(app, client):
    class Down:
        name, version, description = "down", "0", "down"

        def score_batch(self, texts):
            raise ConnectionError("model server unreachable")

    get_scorer(app).classifier = Down()
    get_scorer(app).retry = RetryPolicy(max_attempts=1)  # to review at the first failure
    for i in range(3):
        submit(client, text=f"SECRET-UNSCORED kind moment {i}")
    score_all(app)
    assert "SECRET-" not in public_pages(app, client)
    with app.app_context():
        states = set(db.session.scalars(select(Submission.state)))
    assert states == {State.needs_review}
