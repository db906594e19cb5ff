"""The read-only JSON API and its OpenAPI document: every documented path answers as described,
every response validates against its schema, and nothing unpublished ever leaves."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

import pytest
from jsonschema import Draft202012Validator

from kindness_challenge.extensions import db
from kindness_challenge.models import State

from conftest import make_app
from helpers import add_moment

SECRETS = {
    State.pending: "SECRET pending words",
    State.needs_review: "SECRET words in review",
    State.rejected: "SECRET rejected words",
}


@pytest.fixture
def wall(app):
    """Five published moments (two categories, one with everything set) and hidden ones."""
    ids = [
        add_moment(
            app, f"Published {i}", minutes_ago=10 - i, category="gave" if i % 2 else "inspiring"
        )
        for i in range(4)
    ]
    ids.append(
        add_moment(
            app,
            "Everything set",
            for_whom="my mum",
            category="received",
            video_url="https://www.tiktok.com/@a/video/7234567890",
            hearts=4,
        )
    )
    hidden = {state: add_moment(app, text, state=state) for state, text in SECRETS.items()}
    return {"published": ids, "hidden": hidden}


@pytest.fixture
def document(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def validate(document: dict, path: str, status: int, body) -> None:
    """``body`` is valid against the schema the document gives for ``path``'s ``status``."""
    media = document["paths"][path]["get"]["responses"][str(status)]["content"]
    schema = media["application/json"]["schema"]
    Draft202012Validator(
        {**schema, "components": document["components"]},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    ).validate(body)


def test_document_is_openapi_3_1_with_valid_schemas(document):
    assert document["openapi"] == "3.1.0"
    assert document["info"]["title"] and document["info"]["version"]
    for schema in document["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)
    assert set(document["paths"]) == {
        "/api/v1/moments",
        "/api/v1/moments/{id}",
        "/api/v1/counts",
        "/api/v1/campaign",
        "/api/openapi.json",
    }


def test_every_api_route_is_documented(app, document):
    routes = {
        re.sub(r"<(?:int:)?(\w+)>", r"{\1}", rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.")
    }
    assert routes == set(document["paths"])
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("api."):
            assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule  # read-only


def test_every_documented_answer(client, document, wall):
    """Each (path, status) the document describes, asked for and checked against its schema."""
    published, hidden = wall["published"][0], wall["hidden"][State.needs_review]
    cases = {
        ("/api/v1/moments", 200): "/api/v1/moments",
        ("/api/v1/moments", 400): "/api/v1/moments?limit=0",
        ("/api/v1/moments/{id}", 200): f"/api/v1/moments/{published}",
        ("/api/v1/moments/{id}", 404): f"/api/v1/moments/{hidden}",
        ("/api/v1/counts", 200): "/api/v1/counts",
        ("/api/v1/campaign", 200): "/api/v1/campaign",
        ("/api/openapi.json", 200): "/api/openapi.json",
    }
    documented = {
        (path, int(status))
        for path, item in document["paths"].items()
        for status in item["get"]["responses"]
        if status != "429"  # checked with the limiter on, below
    }
    assert documented == set(cases)
    for (path, status), url in cases.items():
        response = client.get(url)
        assert response.status_code == status, url
        assert response.mimetype == "application/json", url
        validate(document, path, status, response.get_json())


def test_pages_follow_next_until_the_end_newest_first(client, document, wall):
    seen, url = [], "/api/v1/moments?limit=2"
    while url:
        body = client.get(url).get_json()
        validate(document, "/api/v1/moments", 200, body)
        assert len(body["moments"]) <= 2
        seen += [m["id"] for m in body["moments"]]
        url = body["next_url"]
        if url:
            assert url.startswith("http://kind.test/api/v1/moments?after=")
            assert body["next"] in url
    assert seen == list(reversed(wall["published"]))


def test_category_filter_and_limits(client, wall):
    gave = client.get("/api/v1/moments?category=gave").get_json()
    assert [m["category"] for m in gave["moments"]] == ["gave", "gave"]
    assert gave["next"] is None
    assert len(client.get("/api/v1/moments?limit=100").get_json()["moments"]) == 5
    first = client.get("/api/v1/moments?limit=1&category=gave").get_json()
    assert "category=gave" in first["next_url"] and "limit=1" in first["next_url"]


@pytest.mark.parametrize(
    "query, message",
    [
        ("limit=0", "'limit' must be a whole number from 1 to 100."),
        ("limit=101", "'limit' must be a whole number from 1 to 100."),
        ("limit=-1", "'limit' must be a whole number"),
        ("limit=ten", "'limit' must be a whole number"),
        ("category=nope", "'category' must be one of: received, gave, inspiring."),
        ("after=garbage", "'after' is not a cursor this API gave out."),
        ("after=1-99999999999999999999", "'after' is not a cursor"),
    ],
)
def test_bad_parameters_are_400_json(client, document, query, message):
    response = client.get(f"/api/v1/moments?{query}")
    assert response.status_code == 400
    body = response.get_json()
    validate(document, "/api/v1/moments", 400, body)
    assert body["error"]["message"] == message or body["error"]["message"].startswith(message)


def test_one_moment_has_only_public_fields(client, wall):
    moment_id = wall["published"][-1]
    body = client.get(f"/api/v1/moments/{moment_id}").get_json()
    assert body == {
        "id": moment_id,
        "text": "Everything set",
        "display_name": "@sam",
        "for_whom": "my mum",
        "category": "received",
        "video_url": "https://www.tiktok.com/@a/video/7234567890",
        "published_at": body["published_at"],
        "heart_count": 4,
        "url": f"http://kind.test/moment/{moment_id}",
        "imported_from": None,
    }
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:.]+\+00:00", body["published_at"])


@pytest.mark.parametrize(
    "path",
    ["/api/v1/moments/0", "/api/v1/moments/abc", f"/api/v1/moments/{2**63}", "/api/v1/nothing"],
)
def test_unknown_ids_and_paths_are_404_json(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == 404


def test_post_is_405_json_with_allow(client):
    response = client.post("/api/v1/moments")
    assert response.status_code == 405
    assert set(response.headers["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}
    error = response.get_json()["error"]
    assert error["code"] == 405 and error["type"] == "method_not_allowed"
    assert error["title"] == "Method Not Allowed"
    assert error["message"].startswith("This resource supports only ")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/api/v1/nothing", "There is no API resource at this path."),
        ("/api/v1/moments/0", "There is no published moment with that id."),
    ],
)
def test_api_errors_speak_api_not_web_pages(client, path, message):
    response = client.get(path)
    body = response.get_json()
    assert body["error"] == {
        "code": 404,
        "type": "not_found",
        "title": "Not Found",
        "message": message,
    }
    text = response.get_data(as_text=True)
    assert "page" not in text and "couldn" not in text  # not the web pages' wording


def test_web_pages_answer_405_with_allow_too(client):
    response = client.get("/moderate/logout")
    assert response.status_code == 405 and "POST" in response.headers["Allow"]
    assert "text/html" in response.headers["Content-Type"]


def test_counts(app, client, wall):
    assert client.get("/api/v1/counts").get_json() == {"published": 5, "hearts": 4}


def test_api_is_rate_limited_in_json(tmp_path):
    app = make_app(tmp_path, RATELIMIT_ENABLED=True, API_RATE_LIMIT="3 per minute")
    client = app.test_client()
    document = client.get("/api/openapi.json").get_json()
    codes = [client.get("/api/v1/counts").status_code for _ in range(3)]
    assert codes == [200, 200, 429]  # the document itself counted as one
    limited = client.get("/api/v1/moments")
    assert limited.status_code == 429
    validate(document, "/api/v1/moments", 429, limited.get_json())
    error = limited.get_json()["error"]
    assert error["title"] == "Too Many Requests" and error["type"] == "rate_limited"
    assert "3 per 1 minute" in error["message"] and "Slow down" not in error["message"]
    with app.app_context():
        db.engine.dispose()


def test_nothing_unpublished_is_reachable_by_api_feed_display_or_wall(app, client, wall):
    urls = [
        "/",
        "/?category=gave",
        "/wall/more?after=" + "9" * 17 + "-1",
        "/feed.atom",
        "/display",
        "/api/v1/moments?limit=100",
        "/api/v1/counts",
    ]
    urls += [f"/display?at={i}" for i in range(6)]
    urls += [f"/api/v1/moments/{i}" for i in wall["hidden"].values()]
    urls += [f"/moment/{i}" for i in wall["hidden"].values()]
    for url in urls:
        body = client.get(url).get_data(as_text=True)
        for secret in SECRETS.values():
            assert secret not in body, url
    for moment_id in wall["hidden"].values():
        assert client.get(f"/api/v1/moments/{moment_id}").status_code == 404
    feed = ET.fromstring(client.get("/feed.atom").data)
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) == 5
    # Internal fields never appear in the API.
    listing = client.get("/api/v1/moments?limit=100").get_data(as_text=True)
    for internal in (
        "state",
        "receipt",
        "hash",
        "score",
        "severity",
        "claim",
        "reason",
        "flagged",
        "review",
        "appeal",
        "client",
        "featured",
        "consent",
    ):
        assert f'"{internal}' not in listing, internal
