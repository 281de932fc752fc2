"""@workflow on the add-on's types: impossible dates are a 400 naming the
field, valid ones are set, and a refused transition changes nothing."""

from ..conftest import set_state
from .roads import as_user_fixture  # noqa: F401
from .roads import fresh
from .roads import site_fixture  # noqa: F401
from DateTime import DateTime
from plone import api

import pytest
import transaction


# A transition staff may make from where the fixture leaves each type.
TRANSITIONS = [
    ("TaskGroup", "open_signup"),
    ("Mandate", "submit_for_approval"),
    ("Meeting", "publish"),
    ("Recommendation", "submit"),
]
BAD_DATES = ["2027-02-30", "x", 123, "2027-13-01", "2027-02-01T25:00", "0999-01-01"]


def state_and_dates(path):
    obj = fresh(path)
    return api.content.get_state(obj), obj.effective(), obj.expires()


@pytest.mark.parametrize("field", ["effective", "expires"])
@pytest.mark.parametrize("value", BAD_DATES)
@pytest.mark.parametrize("portal_type,transition", TRANSITIONS)
def test_impossible_date_is_refused(
    site, as_user, portal_type, transition, value, field
):
    before = state_and_dates(site[portal_type])
    response = as_user("staff1").post(
        f"{site[portal_type]}/@workflow/{transition}", json={field: value}
    )
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["field"] == field
    assert state_and_dates(site[portal_type]) == before


@pytest.mark.parametrize("portal_type,transition", TRANSITIONS)
def test_valid_dates_are_set(site, as_user, portal_type, transition):
    if portal_type == "Recommendation":
        # Recommendations go to the board once the mandate is approved.
        set_state(fresh(site["Mandate"]), "approved")
        transaction.commit()
    response = as_user("staff1").post(
        f"{site[portal_type]}/@workflow/{transition}",
        json={"effective": "2027-02-01T10:00:00+01:00", "expires": "2028-02-29"},
    )
    assert response.status_code == 200, response.text
    state, effective, expires = state_and_dates(site[portal_type])
    assert state != "draft"
    assert effective == DateTime("2027-02-01T10:00:00+01:00")
    assert expires.Date() == "2028/02/29"


def test_expires_before_effective_is_refused(site, as_user):
    before = state_and_dates(site["TaskGroup"])
    response = as_user("staff1").post(
        f"{site['TaskGroup']}/@workflow/open_signup",
        json={"effective": "2027-02-01", "expires": "2027-01-01"},
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "expires"
    assert state_and_dates(site["TaskGroup"]) == before


@pytest.mark.parametrize(
    "body,field",
    [({"comment": 5}, "comment"), ({"include_children": "yes"}, "include_children")],
)
def test_wrong_types_are_refused(site, as_user, body, field):
    response = as_user("staff1").post(
        f"{site['TaskGroup']}/@workflow/open_signup", json=body
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field
    assert api.content.get_state(fresh(site["TaskGroup"])) == "draft"


def test_refused_transition_does_not_keep_the_dates(site, as_user):
    before = state_and_dates(site["TaskGroup"])
    response = as_user("staff1").post(
        f"{site['TaskGroup']}/@workflow/conclude", json={"effective": "2027-02-01"}
    )
    assert response.status_code == 400, response.text
    assert state_and_dates(site["TaskGroup"]) == before


def test_who_may_not_edit_is_told_instead_of_dropping_the_dates(site, as_user):
    # The board approves a mandate, but does not edit it.
    set_state(fresh(site["Mandate"]), "pending_approval")
    transaction.commit()
    before = state_and_dates(site["Mandate"])
    board = as_user("board1")
    response = board.post(
        f"{site['Mandate']}/@workflow/approve", json={"effective": "2027-02-01"}
    )
    assert response.status_code == 403, response.text
    assert response.json()["error"]["field"] == "effective"
    assert state_and_dates(site["Mandate"]) == before

    response = board.post(f"{site['Mandate']}/@workflow/approve")
    assert response.status_code == 200, response.text
    assert api.content.get_state(fresh(site["Mandate"])) == "approved"


def test_include_children_refused_by_a_child_says_which_action(site, as_user):
    # The group's mandate, meeting and recommendation have no open_signup:
    # Plone refuses, and the message names the action instead of showing
    # the untranslated placeholder "${action_id}".
    response = as_user("staff1").post(
        site["TaskGroup"] + "/@workflow/open_signup",
        json={"include_children": True},
    )
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert "${" not in message
    assert "open_signup" in message
    assert api.content.get_state(fresh(site["TaskGroup"])) == "draft"
