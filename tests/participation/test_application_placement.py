# ruff: noqa: F811 - the fixtures of test_application_roads are imported
"""An application stays in its group and is never copied (issue 9): REST
@copy/@move, folder contents and the paste action, for who may and who may
not. Renaming it inside its group, and moving the whole group, still work.
"""

from .conftest import make_group
from .test_application_roads import as_user  # noqa: F401 - a fixture
from .test_application_roads import fresh
from .test_application_roads import MANAGER
from .test_application_roads import rel
from .test_application_roads import roads  # noqa: F401 - a fixture
from .test_application_roads import roster_user_ids
from plone import api
from threeb.opgavegrupper.participation import seats
from urllib.parse import quote

import json
import pytest
import re
import transaction


STAYS = "stays in the group it was made for"


@pytest.fixture
def two_groups(roads):  # noqa: F811
    """``roads`` and a second recruiting group, Cykelkælderen."""
    group_b = make_group(roads["portal"])
    with api.env.adopt_roles(["Manager"]):
        group_b.title = "Cykelkælderen"
    transaction.commit()
    return {**roads, "group_b": group_b.getPhysicalPath()}


def group_b(roads):
    transaction.begin()
    return roads["portal"].unrestrictedTraverse(roads["group_b"])


def url(roads, key):
    if key == "group_b":
        return group_b(roads).absolute_url()
    if key == "group":
        return roads["group"].absolute_url()
    return fresh(roads, key).absolute_url()


def rel_b(roads):
    portal_path = len(roads["portal"].getPhysicalPath())
    return "/" + "/".join(roads["group_b"][portal_path:])


def assert_unchanged(roads):
    transaction.begin()
    group = roads["group"]
    assert sorted(group.objectIds()) == sorted(
        roads[key][-1] for key in ("resident1", "dept1", "resident2", "resident3")
    )
    assert seats.filled(group)["resident"] == 2
    assert "TaskGroupMember" in group.get_local_roles_for_userid("resident2")
    assert roster_user_ids(roads) == ["resident2", "resident3"]
    other = group_b(roads)
    assert other.objectIds() == []
    assert sum(seats.filled(other).values()) == 0
    assert "TaskGroupMember" not in other.get_local_roles_for_userid("resident2")


# REST -----------------------------------------------------------------------------


@pytest.mark.parametrize("user_id", ["admin1", MANAGER, "staff1"])
@pytest.mark.parametrize("verb", ["@move", "@copy"])
def test_an_application_does_not_leave_its_group_over_rest(
    two_groups, as_user, user_id, verb
):
    response = as_user(user_id).post(
        rel_b(two_groups) + "/" + verb,
        json={"source": url(two_groups, "resident2")},
    )
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["field"] == "source"
    assert STAYS in error["message"]
    assert_unchanged(two_groups)


@pytest.mark.parametrize("user_id", ["admin1", "staff1"])
def test_an_application_is_not_copied_into_its_own_group(two_groups, as_user, user_id):
    response = as_user(user_id).post(
        rel(two_groups, "group") + "/@copy",
        json={"source": [url(two_groups, "resident1")]},
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "source"
    assert_unchanged(two_groups)


@pytest.mark.parametrize(
    "user_id,status",
    # The chair may add in both groups: refused for the rule, not the role.
    [("resident2", 403), (None, 401), ("chair1", 400)],
)
def test_who_may_not_move_it_is_refused(two_groups, as_user, user_id, status):
    response = as_user(user_id).post(
        rel_b(two_groups) + "/@move", json={"source": url(two_groups, "resident2")}
    )
    assert response.status_code == status, response.text
    assert_unchanged(two_groups)


def test_a_group_is_not_copied_with_its_applications(two_groups, as_user):
    response = as_user(MANAGER).post(
        "/grupper/@copy", json={"source": url(two_groups, "group")}
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "source"
    transaction.begin()
    assert len(two_groups["portal"]["grupper"].objectIds()) == 2


def test_other_content_is_still_copied(two_groups, as_user):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(two_groups["portal"], "Document", id="side", title="Side")
    transaction.commit()
    response = as_user(MANAGER).post("/@copy", json={"source": "/side"})
    assert response.status_code == 200, response.text
    transaction.begin()
    assert "copy_of_side" in two_groups["portal"].objectIds()


# Renaming inside the group, moving the group ----------------------------------------


def test_renaming_an_application_inside_its_group_works(two_groups):
    transaction.begin()
    group = two_groups["group"]
    old_id = two_groups["resident2"][-1]
    application = group[old_id]
    uid = application.UID()
    with api.env.adopt_roles(["Manager"]):
        group.manage_renameObject(old_id, "renamed")
    assert group["renamed"].UID() == uid
    assert seats.all_holders(group)[uid] == "resident"
    transaction.abort()


def test_the_model_refuses_whatever_the_road(two_groups):
    transaction.begin()
    application = fresh(two_groups, "resident2")
    other = group_b(two_groups)
    with api.env.adopt_roles(["Manager"]):
        with pytest.raises(Exception, match="Move Error|Copy Error|Not Supported"):
            api.content.move(source=application, target=other)
        with pytest.raises(Exception, match="Copy Error|Not Supported"):
            api.content.copy(source=application, target=application.__parent__)
    transaction.abort()
    assert_unchanged(two_groups)


def test_moving_a_group_takes_its_applications_along(two_groups):
    transaction.begin()
    portal = two_groups["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.content.create(portal, "TaskGroupFolder", id="arkiv")
        moved = api.content.move(source=two_groups["group"], target=portal["arkiv"])
    assert len(moved.objectIds()) == 4
    assert seats.filled(moved)["resident"] == 2
    transaction.abort()


# Classic UI -----------------------------------------------------------------------


def authenticator(session, path):
    page = session.get(path)
    assert page.status_code == 200, page.status_code
    return re.search(r"_authenticator=([0-9a-f]+)", page.text)[1]


def clipboard(roads, op):
    transaction.begin()
    group = roads["group"]
    ids = [roads["resident2"][-1]]
    with api.env.adopt_roles(["Manager"]):
        if op == "cut":
            return group.manage_cutObjects(ids).decode()
        # What Zope's copy would write if it let an application be copied.
        from OFS.CopySupport import _cb_encode
        from OFS.Moniker import Moniker

        return _cb_encode((0, [Moniker(group[ids[0]]).dump()])).decode()


@pytest.mark.parametrize("user_id", ["admin1", "staff1"])
def test_folder_contents_does_not_copy_an_application(two_groups, as_user, user_id):
    session = as_user(user_id, api=False)
    token = authenticator(session, rel(two_groups, "group") + "/folder_contents")
    response = session.post(
        rel(two_groups, "group") + "/@@fc-copy",
        data={
            "_authenticator": token,
            "selection": json.dumps([fresh(two_groups, "resident2").UID()]),
            "folder": rel(two_groups, "group"),
        },
    )
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "warning"
    from OFS.CopySupport import _cb_decode
    from urllib.parse import unquote

    cp = response.cookies.get("__cp")
    assert cp is None or _cb_decode(unquote(cp))[1] == []


@pytest.mark.parametrize("user_id", ["admin1", "staff1", MANAGER])
@pytest.mark.parametrize("op", ["cut", "copy"])
def test_folder_contents_paste_elsewhere_is_refused(two_groups, as_user, user_id, op):
    cp = clipboard(two_groups, op)
    session = as_user(user_id, api=False)
    token = authenticator(session, rel_b(two_groups) + "/folder_contents")
    session.cookies.set("__cp", quote(cp))
    response = session.post(
        rel_b(two_groups) + "/@@fc-paste",
        data={"_authenticator": token, "folder": rel_b(two_groups)},
    )
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["status"] == "warning"
    assert STAYS in answer["msg"]
    assert_unchanged(two_groups)


@pytest.mark.parametrize("user_id", ["admin1", MANAGER])
def test_paste_action_elsewhere_is_refused_with_a_message(two_groups, as_user, user_id):
    cp = clipboard(two_groups, "cut")
    session = as_user(user_id, api=False)
    token = authenticator(session, rel_b(two_groups) + "/folder_contents")
    session.cookies.set("__cp", quote(cp))
    response = session.get(
        rel_b(two_groups) + "/object_paste",
        params={"_authenticator": token},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text
    page = session.get(response.headers["Location"], headers={"Accept": "text/html"})
    assert STAYS in page.text
    assert "Item(s) pasted" not in page.text
    assert_unchanged(two_groups)


def test_the_refusal_speaks_danish(integration):
    from threeb.opgavegrupper.participation import placement
    from zope.i18n import translate

    assert "bliver i den gruppe" in translate(placement.STAYS, target_language="da")
