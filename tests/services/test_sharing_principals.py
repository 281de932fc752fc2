"""@sharing on the add-on's types: a role for a principal that does not
exist is a 400 naming ``entries``; real users and groups still get theirs."""

from .roads import as_user_fixture  # noqa: F401
from .roads import fresh
from .roads import site_fixture  # noqa: F401

import pytest
import transaction


TYPES = ["TaskGroup", "Mandate", "Meeting", "Recommendation"]
CHAIR = "TaskGroupChair"


def entry(principal_id, kind="user", wanted=True):
    return {"entries": [{"id": principal_id, "type": kind, "roles": {CHAIR: wanted}}]}


def local_roles(path):
    return dict(fresh(path).get_local_roles())


@pytest.mark.parametrize("kind", ["user", "group"])
@pytest.mark.parametrize("portal_type", TYPES)
def test_unknown_principal_is_refused(site, as_user, portal_type, kind):
    before = local_roles(site[portal_type])
    response = as_user("staff1").post(
        f"{site[portal_type]}/@sharing", json=entry("no-such-person", kind)
    )
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["field"] == "entries"
    assert "no-such-person" in error["message"]
    assert local_roles(site[portal_type]) == before


@pytest.mark.parametrize(
    "principal_id,kind",
    [("resident2", "user"), ("beboere", "group"), ("AuthenticatedUsers", "group")],
)
@pytest.mark.parametrize("portal_type", TYPES)
def test_real_principal_gets_the_role(site, as_user, portal_type, principal_id, kind):
    response = as_user("staff1").post(
        f"{site[portal_type]}/@sharing", json=entry(principal_id, kind)
    )
    assert response.status_code == 204, response.text
    assert CHAIR in local_roles(site[portal_type])[principal_id]


def test_a_role_of_a_principal_that_is_gone_can_be_taken_away(site, as_user):
    group = fresh(site["Mandate"])
    group.manage_setLocalRoles("gone-user", [CHAIR])
    transaction.commit()
    response = as_user("staff1").post(
        f"{site['Mandate']}/@sharing", json=entry("gone-user", wanted=False)
    )
    assert response.status_code == 204, response.text
    assert "gone-user" not in local_roles(site["Mandate"])


@pytest.mark.parametrize(
    "body",
    [{"entries": "x"}, {"entries": [{"roles": {CHAIR: True}}]}, {"entries": [1]}],
)
@pytest.mark.parametrize("portal_type", TYPES)
def test_malformed_entries_are_refused(site, as_user, portal_type, body):
    before = local_roles(site[portal_type])
    response = as_user("staff1").post(f"{site[portal_type]}/@sharing", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "entries"
    assert local_roles(site[portal_type]) == before
