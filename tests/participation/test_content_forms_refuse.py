# ruff: noqa: F811 - the fixtures of test_application_roads are imported
"""Classic UI add, edit and sharing forms of the add-on's types (issue 9): a
refused request never says it succeeded. Without the CSRF token, a 403 and
nothing stored; on a task group's sharing page, giving or taking
TaskGroupMember is refused with a message naming the applications."""

from .test_application_roads import as_user  # noqa: F401 - a fixture
from .test_application_roads import form_of
from .test_application_roads import fresh
from .test_application_roads import MANAGER
from .test_application_roads import rel
from .test_application_roads import roads  # noqa: F401 - a fixture
from .test_application_roads import roster_user_ids

import pytest
import re
import transaction


STALE = "Nothing was saved"
SAVED = "Changes saved"


def post_edit(roads, session, key, changes, token=True):
    url = rel(roads, key) + "/@@edit"
    data = dict(form_of(session.get(url)).form_values())
    if not token:
        data.pop("_authenticator", None)
    data.update(changes)
    data["form.buttons.save"] = "Save"
    return session.post(url, data=data, allow_redirects=False)


@pytest.mark.parametrize("user_id", ["staff1", "admin1", MANAGER])
def test_group_edit_without_token_is_403_and_stores_nothing(roads, as_user, user_id):
    session = as_user(user_id, api=False)
    response = post_edit(
        roads, session, "group", {"form.widgets.title": "Ny"}, token=False
    )
    assert response.status_code == 403, response.text[:500]
    assert STALE in response.text
    assert SAVED not in response.text
    transaction.begin()
    assert roads["group"].title == "Vaskeriet"


def test_group_edit_with_token_saves(roads, as_user):
    session = as_user("staff1", api=False)
    response = post_edit(roads, session, "group", {"form.widgets.title": "Ny"})
    assert response.status_code == 302, response.text[:500]
    transaction.begin()
    assert roads["group"].title == "Ny"


def test_application_edit_without_token_is_403(roads, as_user):
    session = as_user("resident1", api=False)
    response = post_edit(
        roads,
        session,
        "resident1",
        {"form.widgets.motivation": "Ny grund"},
        token=False,
    )
    assert response.status_code == 403, response.text[:500]
    assert STALE in response.text
    assert fresh(roads, "resident1").motivation == "Gammel grund"


def test_application_edit_with_token_saves(roads, as_user):
    session = as_user("resident1", api=False)
    response = post_edit(
        roads, session, "resident1", {"form.widgets.motivation": "Ny grund"}
    )
    assert response.status_code == 302, response.text[:500]
    assert fresh(roads, "resident1").motivation == "Ny grund"


def test_the_edit_form_is_still_refused_to_who_may_not_edit(roads, as_user):
    session = as_user("resident2", api=False)
    response = session.get(rel(roads, "resident1") + "/@@edit", allow_redirects=False)
    # Another resident's application is hidden from them, not refused.
    assert response.status_code == 404
    assert fresh(roads, "resident1").motivation == "Gammel grund"


@pytest.mark.parametrize("token", [False, True])
def test_add_form_without_token_creates_nothing(roads, as_user, token):
    session = as_user("staff1", api=False)
    session.headers["Accept"] = "text/html"
    url = rel(roads, "group") + "/++add++Meeting"
    page = session.get(url)
    assert page.status_code == 200, page.status_code
    form = form_of(page, "++add++Meeting")
    data = dict(form.form_values())
    if not token:
        data.pop("_authenticator", None)
    data.update(
        {
            "form.widgets.title": "Første møde",
            "form.buttons.save": "Save",
        }
    )
    transaction.begin()
    before = set(roads["group"].objectIds())
    response = session.post(url, data=data, allow_redirects=False)
    transaction.begin()
    created = set(roads["group"].objectIds()) - before
    if token:
        # With the token the form runs as Plone's: the meeting's times are
        # required, so the form comes back with its errors and stores nothing.
        assert response.status_code == 200, response.text[:500]
        assert created == set()
        assert STALE not in response.text
    else:
        assert response.status_code == 403, response.text[:500]
        assert STALE in response.text
        assert created == set()


# The sharing page -----------------------------------------------------------------


def sharing_post(roads, session, entries):
    url = rel(roads, "group") + "/@@sharing"
    page = session.get(url)
    assert page.status_code == 200, page.status_code
    token = re.search(r'name="_authenticator" value="([0-9a-f]+)"', page.text)[1]
    data = [
        ("_authenticator", token),
        ("form.submitted", "1"),
        ("form.button.Save", "Save"),
    ]
    for entry in entries:
        for key, value in entry.items():
            data.append((f"entries.{key}:records", value))
    return session.post(url, data=data, headers={"Accept": "text/html"})


@pytest.mark.parametrize("user_id", ["admin1", MANAGER])
@pytest.mark.parametrize("member,value", [("resident1", "True"), ("resident2", "")])
def test_sharing_page_may_not_give_or_take_membership(
    roads, as_user, user_id, member, value
):
    session = as_user(user_id, api=False)
    response = sharing_post(
        roads,
        session,
        [
            {
                "id": member,
                "type": "user",
                "role_TaskGroupMember": value,
                "role_Reader": "True",
            }
        ],
    )
    assert response.status_code == 400, response.text[:500]
    text = " ".join(response.text.split())
    assert "come from its applications" in text
    assert SAVED not in text
    transaction.begin()
    roles = roads["group"].get_local_roles_for_userid(member)
    assert "Reader" not in roles
    assert ("TaskGroupMember" in roles) is (member == "resident2")
    assert roster_user_ids(roads) == ["resident2", "resident3"]


def test_sharing_page_still_saves_other_roles(roads, as_user):
    session = as_user("admin1", api=False)
    response = sharing_post(
        roads,
        session,
        [{"id": "resident2", "type": "user", "role_Reader": "True"}],
    )
    assert response.status_code == 200, response.text[:500]
    assert SAVED in response.text
    transaction.begin()
    roles = roads["group"].get_local_roles_for_userid("resident2")
    assert "Reader" in roles
    assert "TaskGroupMember" in roles
