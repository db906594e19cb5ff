"""Issue 14, finding 10: odd input never answers 500.

Numbers in URLs and query strings are read as ASCII digits only, ids are bounded (an id the
database cannot hold is a 404, not an overflow), and an action on a missing object is a 404.
The property test walks every route in ``app.url_map`` (logged in as an admin, so the
moderators' routes run their code, not the login redirect) with generated path values, query
strings and form fields, and finds no 500.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from conftest import ModeratorActions, score_all, submit

ODD_NUMBERS = [
    "²",  # SUPERSCRIPT TWO: str.isdigit() says yes, int() says no
    "١٢",  # Arabic-Indic digits: int() reads them as 12
    "１",  # FULLWIDTH DIGIT ONE
    "𝟗",  # MATHEMATICAL BOLD DIGIT NINE
    "0",
    "-1",
    "+1",
    " 1",
    "1_000",
    "1e3",
    "0x10",
    "nan",
    "inf",
    str(2**31),
    str(2**62),
    str(2**63 - 1),
    str(2**63),
    str(2**64),
    "9" * 40,
    "9" * 5000,  # longer than int() converts by default
    "",
]
FORM_KEYS = [
    "ids",
    "reason",
    "note",
    "hearted",
    "back",
    "on",
    "feature",
    "action",
    "text",
    "display_name",
    "consent",
    "video_url",
    "username",
    "password",
    "role",
    "active",
    "phrase",
    "kind",
    "next",
    "confirm",
    "mode",
    "toxicity",
    "kindness_threshold",
]
QUERY_KEYS = [
    "limit",
    "after",
    "before",
    "category",
    "reason",
    "label",
    "older_than",
    "sort",
    "language",
    "queue",
    "days",
    "at",
    "moderator",
    "action",
    "next",
]
# Logging out would end the admin's session for the rest of the run; everything else is fair.
SKIP = {"static", "moderate.logout"}

values = st.one_of(
    st.sampled_from(ODD_NUMBERS),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.integers(min_value=0, max_value=4).map(str),  # ids that exist
    st.text(max_size=30),
)


def _path(rule, draw) -> str:
    def value(match: re.Match) -> str:
        return quote(draw(values), safe="")

    return re.sub(r"<[^>]+>", value, rule.rule)


@pytest.fixture
def seeded(app, client):
    """An admin logged in, and moments in every state (ids 1-4)."""
    actions = ModeratorActions(app, client)
    actions.create("admin", role="admin")
    submit(client, "Thank you for the lovely picnic!")
    submit(client, "you stupid worthless idiot")
    submit(client, "Thanks for holding the door")
    score_all(app)
    submit(client, "Still waiting to be scored")
    assert actions.login("admin").status_code == 302
    return client


@pytest.mark.slow
@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_route_answers_500_to_odd_input(app, seeded, data):
    rules = [r for r in app.url_map.iter_rules() if r.endpoint not in SKIP]
    rule = data.draw(st.sampled_from(rules), label="rule")
    path = _path(rule, data.draw)
    query = data.draw(
        st.lists(st.tuples(st.sampled_from(QUERY_KEYS), values), max_size=4), label="query"
    )
    url = path + ("?" + urlencode(query) if query else "")
    methods = sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})
    method = data.draw(st.sampled_from(methods), label="method")
    form = data.draw(
        st.lists(st.tuples(st.sampled_from(FORM_KEYS), values), max_size=6), label="form"
    )
    if method == "GET":
        response = seeded.get(url)
    else:
        response = seeded.open(url, method=method, data=MultiDict(form))
    response.get_data()  # streamed bodies (the CSV exports) run their code here
    assert response.status_code < 500, (method, url, form, response.status_code)


@pytest.mark.parametrize("limit", ["²", "١٢", "１", "9" * 5000, "-1", "0", "101", "1e3"])
def test_api_limit_is_ascii_digits_only(client, limit):
    """Fails on the old code for "²" (a 500: isdigit() is true, int() raises)."""
    response = client.get("/api/v1/moments", query_string={"limit": limit})
    assert response.status_code == 400
    assert "limit" in response.get_json()["error"]["message"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/moderate/submission/{id}"),
        ("POST", "/moderate/submission/{id}/approve"),
        ("POST", "/moderate/submission/{id}/reject"),
        ("POST", "/moderate/submission/{id}/undo"),
        ("POST", "/moderate/submission/{id}/feature"),
        ("POST", "/moderate/submission/{id}/take-down"),
        ("POST", "/moderate/submission/{id}/dismiss-reports"),
        ("POST", "/moderate/words/{id}/remove"),
        ("POST", "/moderate/accounts/{id}"),
        ("GET", "/moment/{id}"),
        ("POST", "/moment/{id}/heart"),
        ("GET", "/api/v1/moments/{id}"),
    ],
)
@pytest.mark.parametrize("big", [2**63, 2**64, 10**30])
def test_ids_too_large_for_the_database_are_404(app, client, method, path, big):
    """Fails on the old code for the moderators' routes (an overflow in the database driver)."""
    ModeratorActions(app, client).create("admin", role="admin")
    ModeratorActions(app, client).login("admin")
    response = client.open(path.format(id=big), method=method, data={"reason": "other"})
    assert response.status_code == 404


@pytest.mark.parametrize("query", ["before=" + str(2**64), "before=²", "before=١٢"])
def test_audit_paging_reads_bounded_ascii_numbers(app, client, query):
    ModeratorActions(app, client).create("admin", role="admin")
    ModeratorActions(app, client).login("admin")
    response = client.get("/moderate/audit?" + query)
    assert response.status_code in (200, 400)


def test_bulk_with_an_id_too_large_is_refused(app, client):
    ModeratorActions(app, client).create("admin", role="admin")
    ModeratorActions(app, client).login("admin")
    response = client.post("/moderate/bulk", data={"ids": [str(2**64)], "action": "approve"})
    assert response.status_code in (302, 400)


def test_dismissing_reports_of_a_missing_moment_is_404(app, client):
    """Fails on the old code: the audit row pointed at no submission (a foreign key error)."""
    ModeratorActions(app, client).create()
    ModeratorActions(app, client).login()
    response = client.post("/moderate/submission/999/dismiss-reports")
    assert response.status_code == 404
