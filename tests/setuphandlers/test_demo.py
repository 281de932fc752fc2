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
