"""A body that is not a JSON object: a 400 naming the body, nothing stored.

On content creation (in the folder and in a group), PATCH and @workflow of
the add-on's types, for staff, who may do each of them.
"""

from .roads import as_user_fixture  # noqa: F401
from .roads import fresh
from .roads import site_fixture  # noqa: F401
from plone import api

import pytest
import transaction


BAD_BODIES = [b"{not json", b"[1]", b"null", b'"text"', b"\xff\xfe{}"]
JSON = {"Content-Type": "application/json", "Accept": "application/json"}
TYPES = ["TaskGroup", "Mandate", "Meeting", "Recommendation"]


def assert_bad_body(response):
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["field"] == "body"
    assert "JSON object" in error["message"]
    assert "traceback" not in response.json()


@pytest.mark.parametrize("body", BAD_BODIES)
@pytest.mark.parametrize("where", ["folder", "TaskGroup"])
def test_create_with_bad_body(site, as_user, where, body):
    before = sorted(fresh(site[where]).objectIds())
    response = as_user("staff1").post(site[where], data=body, headers=JSON)
    assert_bad_body(response)
    assert sorted(fresh(site[where]).objectIds()) == before


@pytest.mark.parametrize("where", ["folder", "TaskGroup"])
def test_create_with_good_body_works(site, as_user, where):
    body = {
        "folder": {
            "@type": "TaskGroup",
            "title": "Cykler",
            "summary": "Flere stativer",
            "theme": "Udlejning",
            "start": "2026-03-01",
            "deadline": "2026-09-01",
        },
        "TaskGroup": {
            "@type": "Meeting",
            "title": "Andet møde",
            "start": "2026-03-17T17:00:00+01:00",
            "end": "2026-03-17T19:00:00+01:00",
        },
    }[where]
    response = as_user("staff1").post(site[where], json=body)
    assert response.status_code == 201, response.text
    assert response.json()["id"] in fresh(site[where]).objectIds()


@pytest.mark.parametrize("body", BAD_BODIES)
@pytest.mark.parametrize("portal_type", TYPES)
def test_patch_with_bad_body(site, as_user, portal_type, body):
    before = fresh(site[portal_type]).modified()
    response = as_user("staff1").patch(site[portal_type], data=body, headers=JSON)
    assert_bad_body(response)
    assert fresh(site[portal_type]).modified() == before


@pytest.mark.parametrize("portal_type", TYPES)
def test_patch_with_good_body_works(site, as_user, portal_type):
    response = as_user("staff1").patch(site[portal_type], json={"title": "Nyt navn"})
    assert response.status_code == 204, response.text
    assert fresh(site[portal_type]).title == "Nyt navn"


@pytest.mark.parametrize("body", BAD_BODIES)
@pytest.mark.parametrize(
    "portal_type,transition",
    [
        ("TaskGroup", "open_signup"),
        ("Mandate", "submit_for_approval"),
        ("Meeting", "publish"),
        ("Recommendation", "submit"),
    ],
)
def test_workflow_with_bad_body(site, as_user, portal_type, transition, body):
    before = api.content.get_state(fresh(site[portal_type]))
    response = as_user("staff1").post(
        f"{site[portal_type]}/@workflow/{transition}", data=body, headers=JSON
    )
    assert_bad_body(response)
    assert api.content.get_state(fresh(site[portal_type])) == before


def test_workflow_with_empty_body_works(site, as_user):
    response = as_user("staff1").post(
        f"{site['TaskGroup']}/@workflow/open_signup",
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert api.content.get_state(fresh(site["TaskGroup"])) == "recruiting"


def test_bad_body_in_danish(site, as_user):
    api.portal.set_registry_record("plone.available_languages", ["da", "en"])
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    response = as_user("staff1").post(site["folder"], data=b"[1]", headers=JSON)
    assert response.status_code == 400
    assert "JSON-objekt" in response.json()["error"]["message"]
