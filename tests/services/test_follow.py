"""POST and DELETE @follow on a group, over the real server."""

from datetime import date
from plone import api
from threeb.opgavegrupper.participation import following

import pytest
import transaction


PASSWORD = "secret-pw-1"
GROUP = "/grupper/vaskeriet"


@pytest.fixture
def group(functional_portal):
    for user_id, plone_group in (("resident1", "beboere"), ("outsider1", None)):
        api.user.create(
            email=f"{user_id}@example.org", username=user_id, password=PASSWORD
        )
        if plone_group:
            api.group.add_user(groupname=plone_group, username=user_id)
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(functional_portal, "TaskGroupFolder", id="grupper")
        group = api.content.create(
            folder,
            "TaskGroup",
            id="vaskeriet",
            title="Vaskeriet",
            summary="Nye regler i vaskeriet",
            theme="Udlejning",
            start=date(2026, 1, 1),
            deadline=date(2026, 6, 1),
        )
        api.content.transition(group, transition="open_signup")
    transaction.commit()
    return group


@pytest.fixture
def resident(request_factory, group):
    return request_factory(basic_auth=("resident1", PASSWORD))


def followers(group):
    transaction.begin()  # see what the server committed
    return following.followers(group)


def test_follow_and_unfollow(resident, group):
    response = resident.post(f"{GROUP}/@follow")
    assert response.status_code == 200, response.text
    assert response.json()["following"] is True
    assert followers(group) == ("resident1",)

    # Following twice is the same as once.
    assert resident.post(f"{GROUP}/@follow").json()["following"] is True
    assert followers(group) == ("resident1",)

    response = resident.delete(f"{GROUP}/@follow")
    assert response.status_code == 200, response.text
    assert response.json() == {
        "@id": group.absolute_url() + "/@follow",
        "following": False,
    }
    assert followers(group) == ()


def test_someone_without_a_role_may_follow(request_factory, group):
    session = request_factory(basic_auth=("outsider1", PASSWORD))
    assert session.post(f"{GROUP}/@follow").json()["following"] is True
    assert followers(group) == ("outsider1",)


@pytest.mark.parametrize("method", ["post", "delete"])
def test_anonymous_gets_401(anon_request, group, method):
    response = getattr(anon_request, method)(f"{GROUP}/@follow")
    assert response.status_code == 401
    assert followers(group) == ()


def test_cannot_follow_a_group_one_cannot_see(resident, group):
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(group, transition="back_to_draft")
    transaction.commit()
    response = resident.post(f"{GROUP}/@follow")
    assert response.status_code == 403
    assert followers(group) == ()


def test_my_taskgroups_lists_what_i_follow(resident, group):
    resident.post(f"{GROUP}/@follow")
    data = resident.get("/@my-taskgroups").json()
    assert [item["title"] for item in data["following"]] == ["Vaskeriet"]
