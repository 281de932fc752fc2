"""Participation through plone.restapi, including people acting at once."""

from ..participation.conftest import make_group
from ..participation.conftest import make_people
from concurrent.futures import ThreadPoolExecutor
from plone import api
from threeb.opgavegrupper.participation import applications

import pytest
import requests
import transaction


@pytest.fixture
def group(functional_portal):
    make_people()
    group = make_group(functional_portal, seats_resident=1)
    transaction.commit()
    return group


@pytest.fixture
def as_user(request_factory):
    def session(user_id):
        return request_factory(basic_auth=(user_id, "secret-pw-1"))

    return session


def application_id(group, user_id):
    """The id the server gave the person's application (ids are random)."""
    transaction.begin()  # see what the server committed
    return applications.application_id(group, user_id)


def path(group):
    return "/grupper/" + group.getId()


def test_apply_and_see_own_application(group, as_user, anon_request):
    response = as_user("resident1").post(
        f"{path(group)}/@apply",
        json={
            "constituency": "resident",
            "motivation": "Gerne",
            "consent_public": True,
        },
    )
    assert response.status_code == 201, response.text
    assert response.json()["review_state"] == "pending"
    assert response.json()["motivation"] == "Gerne"

    mine = as_user("resident1").get(f"{path(group)}/@applications").json()
    assert [item["applicant"] for item in mine["items"]] == ["resident1"]
    others = as_user("resident2").get(f"{path(group)}/@applications").json()
    assert others["items"] == []
    chair = as_user("chair1").get(f"{path(group)}/@applications").json()
    assert [item["applicant"] for item in chair["items"]] == ["resident1"]
    board = as_user("board1").get(f"{path(group)}/@applications").json()
    assert board["items"] == []
    assert anon_request.get(f"{path(group)}/@applications").status_code == 401
    assert anon_request.post(f"{path(group)}/@apply", json={}).status_code == 401


@pytest.mark.parametrize(
    "body,field",
    [
        ({"constituency": "org_board"}, "constituency"),
        ({"constituency": "resident", "motivation": "x" * 1001}, "motivation"),
        ({"constituency": "resident", "phone": "ring"}, "phone"),
        ({"constituency": "resident", "phone": "1" * 21}, "phone"),
        ({"constituency": "resident", "availability": "x" * 201}, "availability"),
        ({"constituency": "resident", "availability": 5}, "availability"),
        # Not a field: refused by name, never dropped.
        ({"constituency": "resident", "note": "hej"}, "note"),
        ({"constituency": "resident", "applicant": "someone"}, "applicant"),
        ({"constituency": "resident", "department": False}, "department"),
        ({"constituency": "resident", "availability": "a\nb"}, "availability"),
        ([1], "body"),
    ],
)
def test_bad_application_is_400_naming_the_field(group, as_user, body, field):
    response = as_user("resident1").post(f"{path(group)}/@apply", json=body)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field
    assert response.json()["error"]["message"]
    transaction.begin()  # see what the server committed
    assert group.objectIds() == []


def test_not_json_is_400(group, as_user):
    response = as_user("resident1").post(
        f"{path(group)}/@apply",
        data="constituency=resident",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400


def test_duplicate_application_is_409(group, as_user):
    session = as_user("resident1")
    assert (
        session.post(
            f"{path(group)}/@apply", json={"constituency": "resident"}
        ).status_code
        == 201
    )
    response = session.post(f"{path(group)}/@apply", json={"constituency": "resident"})
    assert response.status_code == 409
    assert "already applied" in response.json()["error"]["message"]


def test_decide_through_workflow_and_full_seat(group, as_user):
    for user_id in ("resident1", "resident2"):
        assert (
            as_user(user_id)
            .post(f"{path(group)}/@apply", json={"constituency": "resident"})
            .status_code
            == 201
        )
    staff = as_user("staff1")
    first = f"{path(group)}/{application_id(group, 'resident1')}"
    response = staff.post(f"{first}/@workflow/accept", json={"comment": "Velkommen"})
    assert response.status_code == 200, response.text
    second = f"{path(group)}/{application_id(group, 'resident2')}"
    response = staff.post(f"{second}/@workflow/accept")
    assert response.status_code == 409
    assert "seats" in response.text
    assert staff.post(f"{second}/@workflow/waitlist").status_code == 200
    listing = staff.get(f"{path(group)}/@applications").json()
    assert listing["waiting_list"] == [application_id(group, "resident2")]


def _url(functional_portal, group):
    return f"{functional_portal.absolute_url()}/++api++{path(group)}"


def test_people_applying_at_the_same_moment_are_all_kept(functional_portal, group):
    url = _url(functional_portal, group)
    users = ["resident1", "resident2", "resident3", "dept1", "board1"]

    def apply(user_id):
        return requests.post(
            f"{url}/@apply",
            json={"constituency": "resident"},
            auth=(user_id, "secret-pw-1"),
            headers={"Accept": "application/json"},
            timeout=60,
        ).status_code

    with ThreadPoolExecutor(max_workers=5) as pool:
        statuses = list(pool.map(apply, users))
    assert statuses == [201] * 5
    transaction.begin()
    applicants = sorted(
        brain.applicant
        for brain in api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            portal_type="Application"
        )
    )
    assert applicants == sorted(users)


def test_same_person_twice_at_once_gets_one_application(functional_portal, group):
    url = _url(functional_portal, group)

    def apply(_):
        return requests.post(
            f"{url}/@apply",
            json={"constituency": "resident"},
            auth=("resident1", "secret-pw-1"),
            headers={"Accept": "application/json"},
            timeout=60,
        ).status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = sorted(pool.map(apply, range(4)))
    assert statuses == [201, 409, 409, 409]


def test_two_staff_accepting_the_last_seat(functional_portal, group, as_user):
    for user_id in ("resident1", "resident2", "resident3"):
        as_user(user_id).post(
            f"{path(group)}/@apply", json={"constituency": "resident"}
        )
    url = _url(functional_portal, group)
    ids = {
        user_id: application_id(group, user_id)
        for user_id in ("resident1", "resident2", "resident3")
    }

    def accept(user_id):
        staff = "staff1" if user_id != "resident3" else "chair1"
        return requests.post(
            f"{url}/{ids[user_id]}/@workflow/accept",
            auth=(staff, "secret-pw-1"),
            headers={"Accept": "application/json"},
            timeout=60,
        ).status_code

    with ThreadPoolExecutor(max_workers=3) as pool:
        statuses = sorted(pool.map(accept, ["resident1", "resident2", "resident3"]))
    assert statuses == [200, 409, 409]
    transaction.begin()
    accepted = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="Application", review_state="accepted"
    )
    assert len(accepted) == 1
    from threeb.opgavegrupper.participation import seats

    assert seats.filled(group)["resident"] == 1
