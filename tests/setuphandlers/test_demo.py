from plone import api
from threeb.opgavegrupper.setuphandlers.demo import DEMO_USERS

import pytest


@pytest.fixture
def demo_portal(acceptance):
    return acceptance["portal"]


@pytest.mark.parametrize("user_id,group", [(user[0], user[3]) for user in DEMO_USERS])
def test_demo_user_in_group(demo_portal, user_id, group):
    user = api.user.get(username=user_id)
    assert user is not None
    groups = api.group.get_groups(username=user_id)
    if group:
        assert group in [g.getId() for g in groups]
    else:
        assert not {g.getId() for g in groups} & {
            "organisationsbestyrelse",
            "afdelingsbestyrelser",
            "beboere",
            "medarbejdere",
        }


def test_demo_roles(demo_portal):
    assert "Staff" in api.user.get_roles(username="mette")
    assert "BoardMember" in api.user.get_roles(username="ole")
    assert "Resident" in api.user.get_roles(username="jens")
    assert "Staff" not in api.user.get_roles(username="karin")


def test_demo_profile_runs_twice_without_change(demo_portal):
    setup = api.portal.get_tool("portal_setup")
    users_before = {user.getId() for user in api.user.get_users()}
    setup.runAllImportStepsFromProfile("profile-threeb.opgavegrupper:demo")
    assert {user.getId() for user in api.user.get_users()} == users_before


def _states(portal_type):
    catalog = api.portal.get_tool("portal_catalog")
    return {
        brain.review_state
        for brain in catalog.unrestrictedSearchResults(portal_type=portal_type)
    }


def test_demo_folder(demo_portal):
    assert demo_portal["opgavegrupper"].portal_type == "TaskGroupFolder"


def test_demo_groups_in_every_state(demo_portal):
    groups = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="TaskGroup"
    )
    assert 6 <= len(groups) <= 8
    assert _states("TaskGroup") == {
        "draft",
        "recruiting",
        "active",
        "concluded",
        "cancelled",
    }


def test_demo_recommendations_in_every_state(demo_portal):
    assert _states("Recommendation") == {
        "draft",
        "submitted",
        "adopted",
        "rejected",
        "implemented",
    }
    assert _states("Mandate") == {"draft", "pending_approval", "approved"}
    assert _states("Meeting") == {"internal", "published"}


def test_demo_adopted_recommendation_being_implemented(demo_portal):
    group = demo_portal["opgavegrupper"]["groenne-gaarde"]
    adopted = [
        obj
        for obj in group.objectValues()
        if obj.portal_type == "Recommendation"
        and api.content.get_state(obj) == "adopted"
    ]
    assert len(adopted) == 1
    recommendation = adopted[0]
    assert recommendation.implementation_status == "in_progress"
    assert 0 < recommendation.progress < 100
    assert recommendation.minority_statement.output
    assert recommendation.decision_text
    assert recommendation.decision_date is not None


def test_demo_meetings_have_minutes(demo_portal):
    group = demo_portal["opgavegrupper"]["udlejningshjul"]
    meeting = group["moede-1"]
    assert "Referat" in meeting.minutes.output
    assert meeting.start.tzinfo is not None


def test_demo_local_roles(demo_portal):
    group = demo_portal["opgavegrupper"]["groenne-gaarde"]
    assert "TaskGroupChair" in api.user.get_roles(username="ole", obj=group)
    assert "TaskGroupMember" in api.user.get_roles(username="karin", obj=group)
    assert "TaskGroupMember" not in api.user.get_roles(username="aisha", obj=group)


def test_demo_anonymous_sees_public_groups_only(demo_portal):
    from plone.app.testing import logout

    logout()
    titles = {brain.getId for brain in api.content.find(portal_type="TaskGroup")}
    assert "udlejningshjul" in titles
    assert "huslejen-forklaret" not in titles  # still a draft


def test_demo_members_hold_seats(demo_portal):
    from threeb.opgavegrupper.participation import seats

    group = demo_portal["opgavegrupper"]["groenne-gaarde"]
    assert seats.filled(group) == {
        "org_board": 1,
        "department_board": 1,
        "resident": 1,
        "staff": 0,
        "external": 1,
    }
    assert _states("Application") == {"pending", "waitlisted", "accepted"}
