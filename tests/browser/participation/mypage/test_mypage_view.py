"""Classic UI over the real server: my page, my data download, following."""

from .conftest import BJARNES
from plone import api
from threeb.opgavegrupper.participation import following

import pytest
import re
import transaction


PAGE = "/@@mine-opgavegrupper"
DOWNLOAD = "/@@mine-opgavegrupper/data.json"


def text(response):
    return " ".join(response.text.split())


@pytest.mark.parametrize("path", [PAGE, DOWNLOAD, "/grupper/haver/@@follow"])
def test_anonymous_is_sent_to_log_in(browser_as, path):
    response = browser_as().get(path, allow_redirects=False)
    assert response.status_code == 302
    assert "login" in response.headers["Location"]


def test_my_page_shows_my_groups_applications_and_follows(browser_as):
    response = browser_as("anna").get(PAGE)
    assert response.status_code == 200
    html = text(response)
    assert '/plone/grupper/cykler"' in html
    for title in ("Vaskeriet", "Cykler", "Haver", "Chair", "Member"):
        assert title in html
    # A group that went back to draft is not shown, though still followed.
    assert "Udkast" not in html
    assert "@@mine-opgavegrupper/data.json" in html
    for secret in BJARNES:
        assert secret not in html


def test_download_holds_my_data_only(browser_as):
    response = browser_as("anna").get(DOWNLOAD)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    assert "attachment" in response.headers["Content-Disposition"]
    assert "no-store" in response.headers["Cache-Control"]
    data = response.json()
    assert data["user_id"] == "anna"
    assert [a["motivation"] for a in data["applications"]] == ["Annas grund"]
    for secret in BJARNES:
        assert secret not in response.text


def test_each_person_downloads_their_own(browser_as):
    response = browser_as("bjarne").get(DOWNLOAD, params={"user_id": "anna"})
    data = response.json()
    assert data["user_id"] == "bjarne"
    assert [a["motivation"] for a in data["applications"]] == ["Bjarnes grund"]
    assert "Annas grund" not in response.text
    assert "12 34 56 78" not in response.text


def test_other_subpaths_are_not_found(browser_as):
    assert browser_as("anna").get(f"{PAGE}/other.json").status_code == 404


def token_of(response):
    return re.search(r'name="_authenticator"[^>]*value="([0-9a-f]+)"', response.text)[1]


def followers(group_id):
    transaction.begin()  # see what the server committed
    return following.followers(api.portal.get()["grupper"][group_id])


def test_follow_with_the_form_and_back_with_a_message(browser_as):
    session = browser_as("bjarne")
    form = session.get("/grupper/haver/@@follow")
    assert form.status_code == 200
    assert "Follow the group" in form.text
    response = session.post(
        "/grupper/haver/@@follow",
        data={"_authenticator": token_of(form), "came_from": form.url},
        allow_redirects=False,
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/grupper/haver/@@follow")
    assert followers("haver") == ("anna", "bjarne")
    page = session.get(response.headers["Location"])
    assert "You now follow this group." in page.text
    assert "Stop following" in page.text


def test_unfollow_from_my_page(browser_as):
    session = browser_as("anna")
    page = session.get(PAGE)
    response = session.post(
        "/grupper/haver/@@follow",
        data={
            "_authenticator": token_of(page),
            "action": "unfollow",
            "came_from": page.url,
        },
    )
    assert response.url.endswith(PAGE)
    assert "You no longer follow this group." in response.text
    assert followers("haver") == ()


def test_follow_without_the_token_is_refused(browser_as):
    response = browser_as("bjarne").post(
        "/grupper/haver/@@follow", data={}, allow_redirects=False
    )
    assert response.status_code == 403
    assert followers("haver") == ("anna",)


def test_follow_does_not_send_people_off_the_site(browser_as):
    session = browser_as("bjarne")
    form = session.get("/grupper/haver/@@follow")
    response = session.post(
        "/grupper/haver/@@follow",
        data={"_authenticator": token_of(form), "came_from": "https://evil.example/"},
        allow_redirects=False,
    )
    assert response.headers["Location"].endswith("/grupper/haver")
