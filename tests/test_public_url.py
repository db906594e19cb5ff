"""The site's address comes from KINDNESS_PUBLIC_URL, never the request's Host; other hosts are
refused; shared caches are told what they may keep (issue 14, finding 9)."""

import re

import pytest

from kindness_challenge.extensions import db
from kindness_challenge.participate.submit import create_submission

from conftest import ModeratorActions, make_app, submit
from helpers import add_moment

PUBLIC = "https://kind.example"


@pytest.fixture
def public_app(tmp_path):
    app = make_app(tmp_path, SERVER_NAME=None, PUBLIC_URL=PUBLIC)
    add_moment(app, "Thank you for the soup when I was ill.", name="@ivy")
    add_moment(app, "My neighbour fixed my bike for free.", name="@max")
    return app


def absolute_urls(client, host: str, **headers) -> list[str]:
    """Every absolute URL the public pages, the feed and the API give out, asked as ``host``."""
    base = f"http://{host}"
    with client.application.app_context():
        _, token = create_submission(db.session, "Thanks, coach", "@al", None, True)
        db.session.commit()
    bodies = [
        client.get(f"{base}/moment/1", headers=headers).get_data(as_text=True),
        client.get(f"{base}/feed.atom", headers=headers).get_data(as_text=True),
        client.get(f"{base}/api/v1/moments?limit=1", headers=headers).get_data(as_text=True),
        client.get(f"{base}/display", headers=headers).get_data(as_text=True),
        client.get(f"{base}/receipt/{token}", headers=headers).get_data(as_text=True),
    ]
    text = "\n".join(bodies)
    urls = re.findall(r"https?://[^\s\"'<>]+", text)
    urls += ["//" + s for s in re.findall(r"Share yours:(?:<br>)?\s*<strong[^>]*>([^<]+)<", text)]
    return urls


def site_urls(urls: list[str]) -> list[str]:
    """Leave out the Atom and XML namespaces, which are not this site's URLs."""
    return [u for u in urls if "w3.org" not in u and "purl.org" not in u]


def test_absolute_urls_come_from_the_public_url_not_the_host(public_app):
    client = public_app.test_client()
    urls = site_urls(absolute_urls(client, "localhost"))
    assert any(u.startswith(f"{PUBLIC}/moment/1") for u in urls), urls
    assert any(u.startswith(f"{PUBLIC}/feed.atom") for u in urls), urls
    assert any(u.startswith(f"{PUBLIC}/api/v1/moments?") for u in urls), urls  # next link
    assert "//kind.example/share" in urls
    strays = [u for u in urls if not u.startswith((PUBLIC + "/", "//kind.example/"))]
    assert strays == []


def test_a_forwarded_host_from_the_trusted_proxy_changes_nothing(tmp_path):
    app = make_app(tmp_path, SERVER_NAME=None, PUBLIC_URL=PUBLIC, PROXY_FIX_X_HOST=1)
    add_moment(app, "Thank you for the soup when I was ill.", name="@ivy")
    client = app.test_client()
    urls = site_urls(absolute_urls(client, "localhost", **{"X-Forwarded-Host": "127.0.0.1"}))
    assert urls and all(u.startswith((PUBLIC + "/", "//kind.example/")) for u in urls), urls
    assert client.get("/", headers={"X-Forwarded-Host": "evil.example"}).status_code == 400


@pytest.mark.parametrize("host", ["evil.example", "kind.example.evil.example", "evil:80"])
def test_other_hosts_are_refused(public_app, host):
    client = public_app.test_client()
    for path in ("/", "/moment/1", "/feed.atom", "/api/v1/moments", "/nothing-here"):
        response = client.get(path, headers={"Host": host})
        assert response.status_code == 400, (host, path)
        assert "evil" not in response.get_data(as_text=True)
        # Refused early, with the usual headers still on.
        assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "host", ["kind.example", "kind.example:443", "localhost", "127.0.0.1:8000"]
)
def test_the_public_host_and_loopback_are_served(public_app, host):
    assert public_app.test_client().get("/healthz", headers={"Host": host}).status_code == 200


def test_trusted_hosts_can_be_set(tmp_path):
    app = make_app(
        tmp_path, SERVER_NAME=None, PUBLIC_URL=PUBLIC, TRUSTED_HOSTS=["kind.example", "pod-7"]
    )
    client = app.test_client()
    assert client.get("/healthz", headers={"Host": "pod-7:8000"}).status_code == 200
    assert client.get("/healthz", headers={"Host": "localhost"}).status_code == 400


def test_an_https_public_url_makes_cookies_secure(public_app):
    ModeratorActions(public_app, None).create()
    client = public_app.test_client()
    login = ModeratorActions(public_app, client).login()
    assert "; Secure" in login.headers["Set-Cookie"]
    assert login.headers["Strict-Transport-Security"].startswith("max-age=")


@pytest.mark.parametrize(
    "url", ["kind.example", "ftp://kind.example", "https://kind.example/wall", "https://u@kind.x"]
)
def test_a_bad_public_url_stops_the_app_at_start(tmp_path, url):
    with pytest.raises(ValueError, match="PUBLIC_URL"):
        make_app(tmp_path, PUBLIC_URL=url)


# Cache-Control ------------------------------------------------------------------------------


def test_pages_with_a_form_token_or_a_cookie_are_never_shared(app, client):
    moment = add_moment(app, "Thank you for the soup when I was ill.", name="@ivy")
    pages = {
        "wall": client.get("/"),
        "share": client.get("/share"),
        "permalink": client.get(f"/moment/{moment}"),
        "login": client.get("/moderate/login"),
        "heart": client.post(f"/moment/{moment}/heart"),
        "submit": submit(client, text="Thank you, lollipop lady!"),
    }
    for name, response in pages.items():
        assert response.headers["Cache-Control"] == "private, no-store", name


def test_a_moderators_pages_are_never_shared(app, client, moderator):
    for path in ("/", "/moderate/", "/moderate/stats", "/moderate/audit"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "private, no-store", path


def test_the_same_for_everyone_reads_may_be_shared_briefly(app, client):
    add_moment(app, "Thank you for the soup when I was ill.", name="@ivy")
    moderator = app.test_client()
    ModeratorActions(app, moderator).create()
    ModeratorActions(app, moderator).login()
    for path in ("/feed.atom", "/display", "/api/v1/moments", "/api/v1/moments/1",
                 "/api/v1/counts", "/api/openapi.json"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "public, max-age=30", path
        assert "Set-Cookie" not in response.headers, path
        if path != "/display":
            # Nothing of a logged-in moderator's in them either; the display is a page, and
            # every page rendered for a moderator is private (the nav may name them).
            assert moderator.get(path).headers["Cache-Control"] == "public, max-age=30", path
    assert moderator.get("/display").headers["Cache-Control"] == "private, no-store"


def test_whatever_sets_a_cookie_is_private(app, client):
    moment = add_moment(app, "Thank you for the soup when I was ill.", name="@ivy")
    paths = ["/", "/share", f"/moment/{moment}", "/display", "/feed.atom", "/api/v1/moments",
             "/healthz", "/readyz", "/nothing-here", "/api/v1/nothing"]  # fmt: skip
    for path in paths:
        response = client.get(path)
        assert response.headers.get("Cache-Control"), path
        if "Set-Cookie" in response.headers:
            assert response.headers["Cache-Control"] == "private, no-store", path


def test_probes_and_errors_are_not_kept(client):
    assert client.get("/healthz").headers["Cache-Control"] == "no-cache"
    assert client.get("/nothing-here").headers["Cache-Control"] == "no-cache"
    assert client.get("/api/v1/moments/999").headers["Cache-Control"] == "no-cache"
