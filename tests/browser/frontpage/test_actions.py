"""The way in: personal-menu actions by permission, the overview as a tab."""

from .conftest import build
from .conftest import make_people
from .conftest import PASSWORD
from plone import api
from plone.app.testing import logout
from zope.i18n import translate

import pytest
import transaction


OWN = "mine-opgavegrupper"
BOARD = ("board-desk", "participation-dashboard")
STAFF = ("anonymise-applications", "erase-person")
# user, the add-on's actions in their personal menu
EXPECTED = [
    (None, set()),
    ("resident1", {OWN}),
    ("staff1", {OWN, *BOARD, *STAFF}),
    ("board1", {OWN, *BOARD}),
]
OURS = {OWN, *BOARD, *STAFF}


def user_actions(portal):
    tool = api.portal.get_tool("portal_actions")
    return {
        info["id"]: info
        for info in tool.listActionInfos(object=portal, categories=["user"])
    }


@pytest.mark.parametrize("user_id,expected", EXPECTED)
def test_personal_menu(portal, user_id, expected):
    make_people()
    if user_id is None:
        logout()
        actions = user_actions(portal)
    else:
        with api.env.adopt_user(username=user_id):
            actions = user_actions(portal)
    assert set(actions) & OURS == expected


def test_actions_lead_to_the_pages(portal):
    make_people()
    with api.env.adopt_user(username="staff1"):
        actions = user_actions(portal)
    url = portal.absolute_url()
    # Each action's id is the name of the page it opens.
    assert {action_id: actions[action_id]["url"] for action_id in OURS} == {
        action_id: f"{url}/@@{action_id}" for action_id in OURS
    }


def test_actions_before_logout(portal):
    category = api.portal.get_tool("portal_actions")["user"]
    ids = category.objectIds()
    assert ids.index(OWN) < ids.index("logout")


@pytest.mark.parametrize(
    "action_id,danish",
    [
        (OWN, "Mine opgavegrupper"),
        ("board-desk", "Til beslutning"),
        ("participation-dashboard", "Deltagelse"),
        ("anonymise-applications", "Anonymisér tilmeldinger"),
        ("erase-person", "Slet en persons data"),
    ],
)
def test_titles_in_danish(portal, action_id, danish):
    make_people()
    with api.env.adopt_user(username="staff1"):
        title = user_actions(portal)[action_id]["title"]
    assert translate(title, target_language="da") == danish


@pytest.fixture
def session_as(functional_portal, request_factory):
    make_people()
    build(functional_portal)
    transaction.commit()

    def session(user_id=None):
        auth = (user_id, PASSWORD) if user_id else None
        return request_factory(basic_auth=auth, api=True)

    return session


@pytest.mark.parametrize("user_id,expected", EXPECTED)
def test_rest_actions(session_as, user_id, expected):
    response = session_as(user_id).get("/@actions")
    assert response.status_code == 200
    ids = {action["id"] for action in response.json()["user"]}
    assert ids & OURS == expected


def test_overview_is_a_main_navigation_tab(session_as, functional_portal):
    response = session_as().get("/@navigation")
    assert response.status_code == 200
    items = {item["title"]: item["@id"] for item in response.json()["items"]}
    assert items["Opgavegrupper"] == functional_portal["grupper"].absolute_url()
    # The groups are found on the overview, not in a menu under the tab.
    groups = [
        child for item in response.json()["items"] for child in item.get("items", ())
    ]
    assert groups == []
