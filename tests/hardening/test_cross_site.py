"""A cross-site page cannot make a logged-in browser change anything over REST.

Every road that changes something is tried three ways: with the login cookie
alone as a cross-site form sends it (refused, nothing changed), with the
cookie from a page of the site (works), and with a Bearer token (works).
"""

from ..helpers import REQUEST_TIMEOUT
from .conftest import EVIL
from .conftest import fresh
from collections.abc import Callable
from dataclasses import dataclass
from plone import api
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation import following
from threeb.opgavegrupper.participation.applications import application_id

import json
import pytest
import requests
import transaction


def _apply(group, user_id):
    applications.apply(
        group, api.user.get(username=user_id), {"constituency": "resident"}
    )


def _add_meeting(group):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(group, "Meeting", id="moede", title="Møde")


@dataclass
class Road:
    name: str
    user: str
    method: str
    # What the road answers when it is allowed.
    status: int
    path: Callable
    body: dict
    done: Callable
    prepare: Callable = lambda group: None


ROADS = [
    Road(
        "apply",
        "resident1",
        "POST",
        201,
        lambda group: "@apply",
        {"constituency": "resident"},
        lambda group: application_id(group, "resident1") in group.objectIds(),
    ),
    Road(
        "follow",
        "resident2",
        "POST",
        200,
        lambda group: "@follow",
        None,
        lambda group: following.is_following(group, "resident2"),
    ),
    Road(
        "unfollow",
        "resident3",
        "DELETE",
        200,
        lambda group: "@follow",
        None,
        lambda group: not following.is_following(group, "resident3"),
        lambda group: following.follow(group, "resident3"),
    ),
    Road(
        "decline application",
        "staff1",
        "POST",
        200,
        lambda group: f"{application_id(group, 'resident1')}/@workflow/decline",
        {"comment": "Desværre"},
        lambda group: (
            api.content.get_state(group[application_id(group, "resident1")])
            == "declined"
        ),
        lambda group: _apply(group, "resident1"),
    ),
    Road(
        "group workflow",
        "staff1",
        "POST",
        200,
        lambda group: "@workflow/start_work",
        None,
        lambda group: api.content.get_state(group) == "active",
    ),
    Road(
        "edit content",
        "staff1",
        "PATCH",
        204,
        lambda group: "",
        {"title": "Nyt navn"},
        lambda group: group.title == "Nyt navn",
    ),
    Road(
        "add content",
        "staff1",
        "POST",
        201,
        lambda group: "",
        {
            "@type": "Meeting",
            "id": "moede",
            "title": "Møde",
            "start": "2026-03-01T17:00:00+00:00",
            "end": "2026-03-01T19:00:00+00:00",
        },
        lambda group: "moede" in group.objectIds(),
    ),
    Road(
        "delete content",
        "admin1",
        "DELETE",
        204,
        lambda group: "moede",
        None,
        lambda group: "moede" not in group.objectIds(),
        _add_meeting,
    ),
    Road(
        "erase a person",
        "staff1",
        "POST",
        200,
        lambda group: "/@erase-person",
        {"user_id": "resident3"},
        lambda group: not following.is_following(group, "resident3"),
        lambda group: following.follow(group, "resident3"),
    ),
    Road(
        "sharing",
        "staff1",
        "POST",
        204,
        lambda group: "@sharing",
        {
            "entries": [
                {"id": "resident2", "type": "user", "roles": {"TaskGroupChair": True}}
            ]
        },
        lambda group: (
            "TaskGroupChair" in api.user.get_roles(username="resident2", obj=group)
        ),
    ),
]


@pytest.fixture(params=ROADS, ids=[road.name for road in ROADS])
def road(request, group):
    road = request.param
    road.prepare(group)
    transaction.commit()
    return road


def url(portal_url, group, road):
    path = road.path(group)
    if path.startswith("/"):  # on the site
        return f"{portal_url}/++api++{path}"
    group_url = f"{portal_url}/++api++/grupper/{group.getId()}"
    return f"{group_url}/{path}" if path else group_url


def body(road):
    return json.dumps(road.body) if road.body is not None else None


def test_cookie_from_another_site_is_refused(road, group, cookie, portal_url):
    # What a form on another site sends: text/plain, no Accept, its Origin.
    # Only scripts send PATCH and DELETE; they may set Accept (and must, as
    # ZPublisher takes those methods without it for WebDAV).
    accept = None if road.method == "POST" else "application/json"
    response = cookie(road.user).request(
        road.method,
        url(portal_url, group, road),
        data=body(road),
        headers={"Content-Type": "text/plain", "Origin": EVIL, "Accept": accept},
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 403, response.text
    error = response.json()["error"]
    assert error["type"] == "Forbidden"
    assert "another web site" in error["message"]
    assert not road.done(fresh(group))


def test_cookie_with_json_from_this_site_works(
    road, group, cookie, portal_url, own_origin
):
    response = cookie(road.user).request(
        road.method,
        url(portal_url, group, road),
        data=body(road),
        headers={
            "Content-Type": "application/json",
            "Origin": own_origin,
            "Accept": "application/json",
        },
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == road.status, response.text
    assert road.done(fresh(group))


def test_bearer_token_works(road, group, bearer, portal_url):
    response = requests.request(
        road.method,
        url(portal_url, group, road),
        data=body(road),
        headers={"Content-Type": "application/json", **bearer(road.user)},
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == road.status, response.text
    assert road.done(fresh(group))
