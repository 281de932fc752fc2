"""Right to erasure: staff erase a person (page and REST), and a deleted
account leaves nothing behind, not even for a new account with the same login.

Over real HTTP on the functional layer, with Basic auth.
"""

from .conftest import make_group
from .conftest import make_people
from plone import api
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation import following
from threeb.opgavegrupper.participation import roster
from threeb.opgavegrupper.participation import seats

import pytest
import re
import transaction


PASSWORD = "secret-pw-1"
PAGE = "/@@erase-person"
# What only resident1's data holds.
SECRETS = ("Resident1 Hansen", "resident1@example.org", "12 34 56 78", "Min grund")


@pytest.fixture
def scene(functional_portal):
    """resident1: accepted in Vaskeriet (and its chair), follows it, and a
    pending application to Haver. resident2: accepted in Vaskeriet too."""
    # The site speaks Danish, as 3B's does: the answers are checked in Danish.
    api.portal.set_registry_record("plone.default_language", "da")
    make_people()
    api.user.create(email="admin1@example.org", username="admin1", password=PASSWORD)
    api.user.grant_roles(username="admin1", roles=["Site Administrator"])
    vaskeriet = make_group(functional_portal)
    with api.env.adopt_roles(["Manager"]):
        haver = api.content.create(
            functional_portal["grupper"],
            "TaskGroup",
            id="haver",
            title="Haver",
            seats_resident=2,
        )
        api.content.transition(haver, transition="open_signup")
        resident1 = api.user.get(username="resident1")
        accepted = applications.apply(
            vaskeriet,
            resident1,
            {
                "constituency": "resident",
                "motivation": "Min grund",
                "phone": "12 34 56 78",
                "consent_public": True,
            },
        )
        api.content.transition(accepted, transition="accept", comment="Velkommen")
        other = applications.apply(
            vaskeriet, api.user.get(username="resident2"), {"constituency": "resident"}
        )
        api.content.transition(other, transition="accept")
        pending = applications.apply(
            haver, resident1, {"constituency": "resident", "motivation": "Min grund"}
        )
        api.user.grant_roles(
            username="resident1", obj=vaskeriet, roles=["TaskGroupChair"]
        )
    following.follow(vaskeriet, "resident1")
    transaction.commit()
    return {
        "portal": functional_portal,
        "group": vaskeriet,
        "haver": haver,
        # By UID: anonymising gives an application a new id.
        "accepted": accepted.UID(),
        "pending": pending.UID(),
    }


@pytest.fixture
def rest_as(request_factory):
    def session(user_id=None):
        if user_id is None:
            return request_factory()
        return request_factory(basic_auth=(user_id, PASSWORD))

    return session


@pytest.fixture
def page_as(request_factory):
    def session(user_id=None):
        kwargs = {"basic_auth": (user_id, PASSWORD)} if user_id else {}
        browser = request_factory(api=False, **kwargs)
        browser.headers["Accept"] = "text/html"
        return browser

    return session


def fresh(scene, key):
    transaction.begin()  # see what the server committed
    (brain,) = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        UID=scene[key]
    )
    return brain._unrestrictedGetObject()


def names_on_roster(group):
    with api.env.adopt_user(username="staff1"):
        data = roster.roster(group)
    return [
        (member["name"], member.get("user_id"))
        for section in data["constituencies"]
        for member in section["members"]
    ]


def assert_erased(scene):
    accepted, pending = fresh(scene, "accepted"), fresh(scene, "pending")
    group = scene["group"]
    for application in (accepted, pending):
        assert application.anonymised is True
        assert application.applicant is None
        for name in ("fullname", "email", "phone", "motivation"):
            assert getattr(application, name) is None, name
        assert api.content.get_state(application) in ("withdrawn", "accepted")
    assert api.content.get_state(accepted) == "withdrawn"
    assert api.content.get_state(pending) == "withdrawn"
    assert seats.filled(group)["resident"] == 1  # resident2's
    assert group.get_local_roles_for_userid("resident1") == ()
    assert not following.is_following(group, "resident1")
    assert names_on_roster(group) == [("Resident2 Hansen", "resident2")]
    assert roster.export("resident1") == {
        "user_id": "resident1",
        "applications": [],
        "memberships": [],
        "following": [],
    }


def assert_untouched(scene):
    accepted = fresh(scene, "accepted")
    group = scene["group"]
    assert accepted.applicant == "resident1"
    assert accepted.fullname == "Resident1 Hansen"
    assert api.content.get_state(accepted) == "accepted"
    assert seats.filled(group)["resident"] == 2
    assert set(group.get_local_roles_for_userid("resident1")) == {
        "TaskGroupChair",
        "TaskGroupMember",
    }
    assert following.is_following(group, "resident1")
    assert ("Resident1 Hansen", "resident1") in names_on_roster(group)


def token(session):
    page = session.get(PAGE)
    assert page.status_code == 200, page.status_code
    return re.search(r'name="_authenticator"[^>]*value="([0-9a-f]+)"', page.text)[1]


def post_page(session, **form):
    return session.post(
        PAGE, data={"form.buttons.erase": "erase", **form}, allow_redirects=False
    )


def text(response):
    return " ".join(response.text.split())


# The page ---------------------------------------------------------------------


@pytest.mark.parametrize("user_id", ["staff1", "admin1"])
def test_staff_erase_a_member_on_the_page(scene, page_as, user_id):
    session = page_as(user_id)
    response = post_page(
        session, user_id="resident1", confirm="1", _authenticator=token(session)
    )
    assert response.status_code == 200
    assert (
        "Data om resident1 er slettet. Tilmeldinger anonymiseret: 2. Pladser "
        "frigivet: 1. Grupper, hvor roller er fjernet: 1. Grupper, der ikke "
        "længere følges: 1."
    ) in text(response)
    assert_erased(scene)


def test_the_page_speaks_danish(scene, page_as):
    response = page_as("staff1").get(PAGE)
    assert response.status_code == 200
    for words in (
        "Slet en persons data",
        "Når en person beder om at blive glemt",
        "Brugernavn",
        "Jeg bekræfter, at denne persons data skal slettes.",
    ):
        assert words in text(response)


def test_the_page_without_the_token_erases_nothing(scene, page_as):
    response = post_page(page_as("staff1"), user_id="resident1", confirm="1")
    assert response.status_code == 403
    assert "Intet blev slettet" in text(response)
    assert "er slettet" not in text(response)
    assert_untouched(scene)


def test_the_page_without_the_confirmation_erases_nothing(scene, page_as):
    session = page_as("staff1")
    response = post_page(session, user_id="resident1", _authenticator=token(session))
    assert response.status_code == 200
    assert "Sæt flueben for at bekræfte" in text(response)
    assert "er slettet" not in text(response)
    assert_untouched(scene)


def test_the_page_names_an_unknown_user(scene, page_as):
    session = page_as("staff1")
    response = post_page(
        session, user_id="nobody", confirm="1", _authenticator=token(session)
    )
    assert response.status_code == 200
    assert "Der findes ingen bruger med det brugernavn" in text(response)
    assert 'aria-invalid="true"' in response.text
    assert_untouched(scene)


@pytest.mark.parametrize("user_id", ["resident2", "chair1", "resident1"])
def test_others_may_not_open_or_post_the_page(scene, page_as, user_id):
    """Plone's answer to a logged-in person without the permission: off to
    the login page, which tells them they lack the privileges."""
    session = page_as(user_id)
    for response in (
        session.get(PAGE, allow_redirects=False),
        post_page(session, user_id="resident1", confirm="1"),
    ):
        assert response.status_code == 302
        assert "require_login" in response.headers["Location"]
    followed = session.get(PAGE)
    assert 'name="user_id"' not in followed.text
    assert "er slettet" not in text(followed)
    assert_untouched(scene)


def test_anonymous_may_not_post_the_page(scene, page_as):
    response = post_page(page_as(), user_id="resident1", confirm="1")
    assert response.status_code == 302
    assert "require_login" in response.headers["Location"]
    assert_untouched(scene)


# REST -------------------------------------------------------------------------


def test_staff_erase_a_member_through_rest(scene, rest_as):
    response = rest_as("staff1").post("/@erase-person", json={"user_id": "resident1"})
    assert response.status_code == 200, response.text
    data = response.json()
    assert {key: data[key] for key in data if key not in ("@id", "message")} == {
        "user_id": "resident1",
        "applications": 2,
        "seats_freed": 1,
        "roles_removed": 1,
        "follows_removed": 1,
    }
    assert data["message"].startswith("Data om resident1 er slettet")
    assert_erased(scene)
    # Again: nothing is left, and it says so.
    again = rest_as("staff1").post("/@erase-person", json={"user_id": "resident1"})
    assert again.status_code == 200
    assert again.json()["applications"] == 0
    assert "intet gemt" in again.json()["message"]


@pytest.mark.parametrize(
    "body", [{}, {"user_id": ""}, {"user_id": "  "}, {"user_id": 7}, ["resident1"]]
)
def test_rest_without_a_user_name_is_400(scene, rest_as, body):
    response = rest_as("staff1").post("/@erase-person", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "user_id"
    assert response.json()["error"]["message"]
    assert_untouched(scene)


def test_rest_unknown_user_without_data_is_404(scene, rest_as):
    response = rest_as("staff1").post("/@erase-person", json={"user_id": "nobody"})
    assert response.status_code == 404, response.text
    assert response.json()["error"]["field"] == "user_id"
    assert response.json()["error"]["type"] == "NotFound"
    assert_untouched(scene)


def test_rest_erases_the_data_of_an_account_that_is_gone(scene, rest_as):
    # Removed straight from the user source: no event, so nothing erased yet.
    scene["portal"].acl_users.source_users.removeUser("resident1")
    transaction.commit()
    assert api.user.get(userid="resident1") is None
    response = rest_as("staff1").post("/@erase-person", json={"user_id": "resident1"})
    assert response.status_code == 200, response.text
    assert response.json()["applications"] == 2
    assert_erased(scene)


@pytest.mark.parametrize(
    "user_id,status", [(None, 401), ("resident2", 403), ("chair1", 403)]
)
def test_others_may_not_erase_through_rest(scene, rest_as, user_id, status):
    response = rest_as(user_id).post("/@erase-person", json={"user_id": "resident1"})
    assert response.status_code == status, response.text
    body = response.json()
    # 401 comes from plone.restapi before the service runs, 403 from it.
    assert body.get("error", body)["message"]
    if status == 403:
        assert body["error"]["type"] == "Forbidden"
    assert_untouched(scene)


# Account deletion ---------------------------------------------------------------


def test_deleting_the_account_erases_and_a_new_one_inherits_nothing(
    scene, rest_as, page_as
):
    admin = rest_as("admin1")
    response = admin.delete("/@users/resident1")
    assert response.status_code == 204, response.text
    assert_erased(scene)

    response = admin.post(
        "/@users",
        json={
            "username": "resident1",
            "email": "new1@example.org",
            "password": PASSWORD,
            "fullname": "Ny Beboer",
        },
    )
    assert response.status_code == 201, response.text
    transaction.begin()

    mine = rest_as("resident1").get("/@my-taskgroups")
    assert mine.status_code == 200, mine.text
    assert mine.json()["groups"] == []
    assert mine.json()["applications"] == []
    assert mine.json()["following"] == []
    data = page_as("resident1").get("/@@mine-opgavegrupper/data.json")
    assert data.status_code == 200
    assert data.json()["applications"] == []
    assert data.json()["memberships"] == []
    assert data.json()["following"] == []
    for secret in SECRETS:
        assert secret not in mine.text
        assert secret not in data.text

    group_path = "/grupper/" + scene["group"].getId()
    listed = rest_as("staff1").get(f"{group_path}/@roster").json()
    members = [
        member for section in listed["constituencies"] for member in section["members"]
    ]
    assert [member.get("user_id") for member in members] == ["resident2"]
    assert "Ny Beboer" not in str(listed)
    # The new account is no member: it cannot see the group's members' area.
    transaction.begin()
    assert "TaskGroupMember" not in api.user.get_roles(
        username="resident1", obj=scene["group"]
    )


def test_rest_refuses_a_name_it_does_not_read(scene, rest_as):
    response = rest_as("staff1").post(
        "/@erase-person", json={"user_id": "resident1", "extra": 1}
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "extra"
    assert_untouched(scene)
