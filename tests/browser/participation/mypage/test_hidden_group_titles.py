"""A group that went back to draft (issue 9): the person's page and
@my-taskgroups give it as data.json does, by UID only, to whoever may no
longer see it; members and chairs, who still see it, keep its title."""

from plone import api

import json
import pytest
import transaction


SECRET = "Hemmelig ny plan"


@pytest.fixture
def drafted(functional_groups):
    """Vaskeriet goes back to draft and gets a new title."""
    vaskeriet = functional_groups["vaskeriet"]
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(vaskeriet, transition="back_to_draft")
        vaskeriet.title = SECRET
        vaskeriet.reindexObject()
    transaction.commit()
    return functional_groups


def test_rest_hides_the_group_from_the_applicant(drafted, rest_as):
    """Bjarne's application is pending: he may no longer see the group."""
    response = rest_as("bjarne").get("/@my-taskgroups")
    assert response.status_code == 200, response.text
    assert SECRET not in response.text
    assert drafted["vaskeriet"].absolute_url() + '"' not in response.text
    (application,) = response.json()["applications"]
    assert application["group"] == {
        "UID": drafted["vaskeriet"].UID(),
        "visible": False,
    }
    assert application["review_state"] == "pending"


def test_rest_keeps_the_title_for_a_member_who_sees_it(drafted, rest_as):
    """Anna is a member: members see a group in draft."""
    data = rest_as("anna").get("/@my-taskgroups").json()
    groups = {group["UID"]: group for group in data["groups"]}
    mine = groups[drafted["vaskeriet"].UID()]
    assert mine["title"] == SECRET
    assert mine["visible"] is True
    assert mine["roles"] == ["member"]
    assert data["applications"][0]["group"]["title"] == SECRET


def test_the_page_hides_the_group_from_the_applicant(drafted, browser_as):
    page = browser_as("bjarne").get("/@@mine-opgavegrupper")
    assert page.status_code == 200
    assert SECRET not in page.text
    assert "A group you can no longer see" in page.text


def test_the_page_and_the_download_agree(drafted, browser_as):
    session = browser_as("bjarne")
    data = json.loads(session.get("/@@mine-opgavegrupper/data.json").text)
    (application,) = data["applications"]
    assert application["group"] == {
        "UID": drafted["vaskeriet"].UID(),
        "visible": False,
    }


def test_a_hidden_membership_is_given_by_uid(drafted):
    """An accepted application without the member role (the rules would put
    it right; here straight in the roles) leaves a group the person may not
    see: listed by UID, with the person's own roles and seat."""
    from threeb.opgavegrupper.participation import roster

    transaction.begin()
    vaskeriet = drafted["vaskeriet"]
    vaskeriet.manage_delLocalRoles(["anna"])
    vaskeriet.reindexObjectSecurity()
    groups = {group["UID"]: group for group in roster.memberships("anna")}
    assert groups[vaskeriet.UID()] == {
        "UID": vaskeriet.UID(),
        "roles": ["member"],
        "constituency": "resident",
        "visible": False,
    }
    assert groups[drafted["cykler"].UID()]["title"] == "Cykler"
    transaction.abort()
