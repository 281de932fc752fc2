"""Every road to an application and its group (issue 9), for the person who
may and the one who may not: REST PATCH and DELETE, the Classic edit forms,
@sharing and a renamed account.

Over real HTTP on the functional layer, with Basic auth (a cookie-borne REST
write would need a same-site Origin).
"""

from .conftest import make_group
from .conftest import make_people
from plone import api
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation import roster
from threeb.opgavegrupper.participation import seats

import lxml.html
import pytest
import transaction


PASSWORD = "secret-pw-1"
MANAGER = "Manager"  # the site owner of the test layer
RECORD = ("applicant", "decision_message", "anonymised")


@pytest.fixture
def roads(functional_portal):
    """Vaskeriet with 3 resident seats: resident2 and resident3 accepted,
    resident1 (a resident) and dept1 (department board) pending."""
    make_people()
    api.user.create(email="admin1@example.org", username="admin1", password=PASSWORD)
    api.user.grant_roles(username="admin1", roles=["Site Administrator"])
    group = make_group(functional_portal, seats_resident=3)
    found = {}
    with api.env.adopt_roles(["Manager"]):
        for user_id, constituency in (
            ("resident1", "resident"),
            ("dept1", "department_board"),
            ("resident2", "resident"),
            ("resident3", "resident"),
        ):
            found[user_id] = applications.apply(
                group,
                api.user.get(username=user_id),
                {
                    "constituency": constituency,
                    "motivation": "Gammel grund",
                    "phone": "12 34 56 78",
                    "consent_public": True,
                },
            )
        for user_id in ("resident2", "resident3"):
            api.content.transition(found[user_id], transition="accept")
    transaction.commit()
    return {
        "portal": functional_portal,
        "group": group,
        **{user_id: app.getPhysicalPath() for user_id, app in found.items()},
    }


@pytest.fixture
def as_user(request_factory):
    def session(user_id=None, api=True):
        if user_id == MANAGER:
            return request_factory(role="Manager", api=api)
        if user_id is None:
            return request_factory(api=api)
        return request_factory(basic_auth=(user_id, PASSWORD), api=api)

    return session


def fresh(roads, key):
    transaction.begin()  # see what the server committed
    return roads["portal"].unrestrictedTraverse(roads[key])


def rel(roads, key):
    """The path of an application (or the group) below the site."""
    portal_path = len(roads["portal"].getPhysicalPath())
    if key == "group":
        return "/" + "/".join(roads["group"].getPhysicalPath()[portal_path:])
    return "/" + "/".join(roads[key][portal_path:])


SNAPSHOT = (
    "constituency",
    "department",
    "motivation",
    "availability",
    "phone",
    "consent_public",
    "applicant",
    "fullname",
    "email",
    "decision_message",
    "anonymised",
)


def snapshot(roads, key):
    application = fresh(roads, key)
    return {name: getattr(application, name, None) for name in SNAPSHOT}


def refused_fields(response):
    error = response.json()["error"]
    return error.get("fields") or [error.get("field")]


def roster_user_ids(roads):
    transaction.begin()
    with api.env.adopt_user(username="staff1"):
        data = roster.roster(roads["group"])
    return sorted(
        member["user_id"]
        for section in data["constituencies"]
        for member in section["members"]
    )


# The applicant's PATCH ------------------------------------------------------------


@pytest.mark.parametrize(
    "field,value",
    [
        ("motivation", "Ny grund"),
        ("availability", "Hverdagsaftener"),
        ("phone", "87 65 43 21"),
        ("consent_public", False),
        ("department", "Tingbjerg"),
    ],
)
def test_applicant_patches_a_pending_application(roads, as_user, field, value):
    response = as_user("resident1").patch(rel(roads, "resident1"), json={field: value})
    assert response.status_code == 204, response.text
    assert getattr(fresh(roads, "resident1"), field) == value


@pytest.mark.parametrize(
    "field,value",
    [
        ("constituency", "external"),
        ("applicant", "resident2"),
        ("fullname", "Et andet navn"),
        ("email", "andet@example.org"),
        ("decision_message", "Optaget"),
        ("anonymised", True),
    ],
)
def test_applicant_may_not_patch_the_rest(roads, as_user, field, value):
    before = snapshot(roads, "resident1")
    # With a field they may write: nothing of the request is stored.
    response = as_user("resident1").patch(
        rel(roads, "resident1"), json={field: value, "motivation": "Ny grund"}
    )
    assert response.status_code == 403, response.text
    assert refused_fields(response) == [field]
    assert snapshot(roads, "resident1") == before


def test_applicant_may_patch_nothing_once_accepted(roads, as_user):
    """Refused, not hidden: the applicant sees their own application, so a
    404 would tell them it does not exist."""
    before = snapshot(roads, "resident2")
    response = as_user("resident2").patch(
        rel(roads, "resident2"), json={"motivation": "Ny grund"}
    )
    # plone.restapi answers a logged-in caller without the permission 401.
    assert response.status_code == 401, response.text
    assert snapshot(roads, "resident2") == before


# Staff and the seat --------------------------------------------------------------


@pytest.mark.parametrize("user_id", ["staff1", "admin1"])
def test_staff_move_a_pending_application_to_a_seat_its_roles_allow(
    roads, as_user, user_id
):
    response = as_user(user_id).patch(
        rel(roads, "dept1"), json={"constituency": "resident"}
    )
    assert response.status_code == 204, response.text
    assert fresh(roads, "dept1").constituency == "resident"


def test_staff_may_not_move_it_to_a_seat_its_roles_do_not_allow(roads, as_user):
    response = as_user("staff1").patch(
        rel(roads, "dept1"), json={"constituency": "org_board"}
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "constituency"
    assert fresh(roads, "dept1").constituency == "department_board"


def test_staff_may_not_move_an_accepted_application(roads, as_user):
    response = as_user("staff1").patch(
        rel(roads, "resident2"), json={"constituency": "external"}
    )
    assert response.status_code == 403, response.text
    assert refused_fields(response) == ["constituency"]
    assert fresh(roads, "resident2").constituency == "resident"
    assert seats.filled(roads["group"])["resident"] == 2


@pytest.mark.parametrize("user_id", ["staff1", "admin1", MANAGER])
@pytest.mark.parametrize(
    "field,value",
    [("applicant", "resident3"), ("decision_message", "Hej"), ("anonymised", True)],
)
def test_nobody_patches_the_record(roads, as_user, user_id, field, value):
    before = snapshot(roads, "resident1")
    response = as_user(user_id).patch(rel(roads, "resident1"), json={field: value})
    assert response.status_code == 403, response.text
    assert refused_fields(response) == [field]
    assert snapshot(roads, "resident1") == before


# The Classic edit form of an application ------------------------------------------


def form_of(response, action_ends="@@edit"):
    page = lxml.html.fromstring(response.text)
    (form,) = [f for f in page.forms if (f.action or "").endswith(action_ends)]
    return form


def test_applicant_edit_form_shows_the_refused_fields_read_only(roads, as_user):
    browser = as_user("resident1", api=False)
    url = rel(roads, "resident1") + "/@@edit"
    response = browser.get(url)
    assert response.status_code == 200
    form = form_of(response)
    names = set(form.fields.keys())
    assert "form.widgets.motivation" in names
    for field in ("constituency", "applicant", "fullname", "email", "decision_message"):
        assert not any(name.startswith(f"form.widgets.{field}") for name in names), (
            field
        )
    assert "anonymised" not in " ".join(names)


def test_posting_refused_fields_in_the_edit_form_changes_nothing(roads, as_user):
    browser = as_user("resident1", api=False)
    url = rel(roads, "resident1") + "/@@edit"
    form = form_of(browser.get(url))
    before = snapshot(roads, "resident1")
    data = dict(form.form_values())
    data.update(
        {
            "form.widgets.motivation": "Ny grund",
            "form.widgets.constituency:list": "external",
            "form.widgets.applicant": "resident2",
            "form.widgets.fullname": "Et andet navn",
            "form.widgets.email": "andet@example.org",
            "form.widgets.decision_message": "Optaget",
            "form.widgets.anonymised": "selected",
            "form.buttons.save": "Save",
        }
    )
    response = browser.post(url, data=data, allow_redirects=False)
    assert response.status_code == 302, response.text
    after = snapshot(roads, "resident1")
    assert after["motivation"] == "Ny grund"
    assert {**after, "motivation": before["motivation"]} == before


# Seats not below those taken ----------------------------------------------------------


def test_patch_below_the_seats_taken_is_400(roads, as_user):
    response = as_user("staff1").patch(rel(roads, "group"), json={"seats_resident": 1})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "seats_resident"
    transaction.begin()
    assert roads["group"].seats_resident == 3


def test_patch_to_exactly_the_seats_taken_is_fine(roads, as_user):
    response = as_user("staff1").patch(rel(roads, "group"), json={"seats_resident": 2})
    assert response.status_code == 204, response.text
    transaction.begin()
    assert roads["group"].seats_resident == 2


@pytest.mark.parametrize("seats_resident,stored", [("1", 3), ("2", 2)])
def test_group_edit_form_keeps_seats_at_least_taken(
    roads, as_user, seats_resident, stored
):
    browser = as_user("staff1", api=False)
    url = rel(roads, "group") + "/@@edit"
    form = form_of(browser.get(url))
    data = dict(form.form_values())
    data["form.widgets.seats_resident"] = seats_resident
    data["form.buttons.save"] = "Save"
    response = browser.post(url, data=data, allow_redirects=False)
    if stored == 3:
        assert response.status_code == 200
        assert "cannot be fewer seats" in response.text
    else:
        assert response.status_code == 302, response.text
    transaction.begin()
    assert roads["group"].seats_resident == stored


# Deleting an accepted application ---------------------------------------------------


@pytest.mark.parametrize("user_id", ["admin1", MANAGER])
def test_deleting_an_accepted_application_ends_the_membership(roads, as_user, user_id):
    response = as_user(user_id).delete(rel(roads, "resident2"))
    assert response.status_code == 204, response.text
    transaction.begin()
    group = roads["group"]
    assert seats.filled(group)["resident"] == 1
    assert "TaskGroupMember" not in group.get_local_roles_for_userid("resident2")
    assert roster_user_ids(roads) == ["resident3"]


@pytest.mark.parametrize("user_id", ["resident2", "chair1"])
def test_the_applicant_may_not_delete_it(roads, as_user, user_id):
    """Both see the application: refused, not hidden (404)."""
    response = as_user(user_id).delete(rel(roads, "resident2"))
    assert response.status_code == 401, response.text
    transaction.begin()
    assert fresh(roads, "resident2") is not None
    assert seats.filled(roads["group"])["resident"] == 2
    assert roster_user_ids(roads) == ["resident2", "resident3"]


# @sharing does not make or unmake members -----------------------------------------------


@pytest.mark.parametrize("user_id", ["admin1", MANAGER])
@pytest.mark.parametrize("member,wanted", [("resident1", True), ("resident2", False)])
def test_sharing_may_not_give_or_take_membership(
    roads, as_user, user_id, member, wanted
):
    response = as_user(user_id).post(
        rel(roads, "group") + "/@sharing",
        json={
            "entries": [
                {"id": member, "type": "user", "roles": {"TaskGroupMember": wanted}}
            ]
        },
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "entries"
    transaction.begin()
    group = roads["group"]
    assert ("TaskGroupMember" in group.get_local_roles_for_userid(member)) is (
        not wanted
    )
    assert roster_user_ids(roads) == ["resident2", "resident3"]


# A renamed account -----------------------------------------------------------------


def test_a_renamed_account_shows_its_new_name_on_the_roster(roads, as_user):
    response = as_user("resident2").patch(
        "/@users/resident2", json={"fullname": "Rikke Nyborg"}
    )
    assert response.status_code == 204, response.text
    for user_id in ("staff1", None):
        listed = as_user(user_id).get(rel(roads, "group") + "/@roster")
        assert listed.status_code == 200, listed.text
        names = [
            member["name"]
            for section in listed.json()["constituencies"]
            for member in section["members"]
        ]
        assert "Rikke Nyborg" in names
        assert "Resident2 Hansen" not in names


def test_the_applicant_may_send_back_what_they_read(roads, as_user):
    """A client that echoes GET (an edit form) is not refused for the fields it
    may not change, as long as it does not change them."""
    session = as_user("resident1")
    current = session.get(rel(roads, "resident1")).json()
    response = session.patch(
        rel(roads, "resident1"),
        json={
            "constituency": current["constituency"],
            "applicant": current["applicant"],
            "motivation": "Ny grund",
        },
    )
    assert response.status_code == 204, response.text
    application = fresh(roads, "resident1")
    assert application.motivation == "Ny grund"
    assert application.constituency == "resident"
    response = session.patch(
        rel(roads, "resident1"), json={"constituency": "department_board"}
    )
    assert response.status_code == 403, response.text
    assert response.json()["error"]["field"] == "constituency"
