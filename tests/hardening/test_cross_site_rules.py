"""What counts as proof that a cookie-borne REST write comes from this site."""

from ..helpers import REQUEST_TIMEOUT
from .conftest import EVIL
from .conftest import fresh
from .conftest import PASSWORD
from plone import api
from plone.protect.authenticator import createToken
from threeb.opgavegrupper.participation import following
from threeb.opgavegrupper.participation.applications import application_id

import pytest
import requests
import transaction


@pytest.fixture
def follow_url(portal_url, group):
    return f"{portal_url}/++api++/grupper/{group.getId()}/@follow"


def follows(group, user_id="resident1"):
    return following.is_following(fresh(group), user_id)


def token_for(user_id):
    with api.env.adopt_user(username=user_id):
        return createToken()


@pytest.mark.parametrize(
    "headers",
    [
        {"Content-Type": "application/json"},
        {"Content-Type": "text/plain", "Origin": "{own}"},
        {"Content-Type": "application/json", "Origin": EVIL},
        {"Content-Type": "application/json", "Origin": "null"},
        {"Content-Type": "application/json", "Origin": "{own}.evil.example"},
        {"Content-Type": "application/json", "Origin": "http://localhost:1"},
        {"Content-Type": "application/json", "Origin": "https://{host}"},
        {"Content-Type": "application/json", "Referer": f"{EVIL}/grupper"},
        {"Content-Type": "application/json", "X-CSRF-TOKEN": "forged"},
    ],
    ids=[
        "json-without-origin",
        "own-origin-without-json",
        "other-origin",
        "null-origin",
        "lookalike-origin",
        "other-port",
        "other-scheme",
        "other-referer",
        "forged-token",
    ],
)
def test_refused(cookie, group, follow_url, own_origin, headers):
    host = own_origin.split("://")[1]
    headers = {k: v.format(own=own_origin, host=host) for k, v in headers.items()}
    response = cookie("resident1").post(follow_url, data="{}", headers=headers)
    assert response.status_code == 403, response.text
    assert response.json()["error"]["type"] == "Forbidden"
    assert not follows(group)


def test_json_with_own_referer_but_no_origin_works(
    cookie, group, follow_url, portal_url
):
    response = cookie("resident1").post(
        follow_url,
        data="{}",
        headers={
            "Content-Type": "application/json",
            "Referer": f"{portal_url}/grupper",
        },
    )
    assert response.status_code == 200, response.text
    assert follows(group)


def test_form_token_header_works(cookie, group, follow_url):
    response = cookie("resident1").post(
        follow_url,
        data="{}",
        headers={
            "Content-Type": "text/plain",
            "Origin": EVIL,
            "X-CSRF-TOKEN": token_for("resident1"),
        },
    )
    assert response.status_code == 200, response.text
    assert follows(group)


def test_form_token_field_works(cookie, group, follow_url):
    response = cookie("resident1").post(
        follow_url,
        data={"_authenticator": token_for("resident1")},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert follows(group)


def test_another_users_token_is_refused(cookie, group, follow_url):
    response = cookie("resident1").post(
        follow_url,
        data="{}",
        headers={"Content-Type": "text/plain", "X-CSRF-TOKEN": token_for("resident2")},
    )
    assert response.status_code == 403
    assert not follows(group)


def test_basic_auth_is_not_cookie_borne(group, follow_url):
    response = requests.post(
        follow_url,
        data="{}",
        auth=("resident1", PASSWORD),
        headers={"Content-Type": "text/plain", "Origin": EVIL},
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 200, response.text
    assert follows(group)


def test_anonymous_is_asked_to_log_in_as_before(group, follow_url):
    response = requests.post(
        follow_url,
        data="{}",
        headers={"Content-Type": "text/plain", "Origin": EVIL},
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 401


def test_reading_with_the_cookie_from_anywhere_is_unaffected(cookie, group, portal_url):
    response = cookie("resident1").get(
        f"{portal_url}/++api++/@my-taskgroups",
        headers={"Origin": EVIL, "Accept": "application/json"},
    )
    assert response.status_code == 200, response.text


def test_without_the_api_marker_nothing_is_applied(cookie, group, portal_url):
    # A plain form post, as browsers send it, to the service's URL without
    # ++api++: plone.rest does not dispatch to the service at all.
    response = cookie("resident1").post(
        f"{portal_url}/grupper/{group.getId()}/@apply",
        data="constituency=resident",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": EVIL,
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
        },
    )
    assert response.status_code == 404, response.status_code
    transaction.begin()
    assert application_id(group, "resident1") not in group.objectIds()
