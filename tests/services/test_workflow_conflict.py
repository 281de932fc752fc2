"""Deciding on an application someone has just decided on: a clear 409."""

from ..participation.conftest import make_group
from ..participation.conftest import make_people
from concurrent.futures import ThreadPoolExecutor
from plone import api
from threeb.opgavegrupper.participation import applications

import pytest
import threading
import transaction


@pytest.fixture
def application_path(functional_portal, request_factory):
    make_people()
    group = make_group(functional_portal, seats_resident=2)
    transaction.commit()
    resident = request_factory(basic_auth=("resident1", "secret-pw-1"))
    response = resident.post(
        f"/grupper/{group.getId()}/@apply", json={"constituency": "resident"}
    )
    assert response.status_code == 201, response.text
    transaction.begin()  # see what the server committed
    return f"/grupper/{group.getId()}/{applications.application_id(group, 'resident1')}"


@pytest.fixture
def staff(request_factory):
    def session(user_id):
        return request_factory(basic_auth=(user_id, "secret-pw-1"))

    return session


def history(path):
    transaction.begin()
    application = api.content.get(path="/plone" + path)
    return [
        entry["action"]
        for entry in application.workflow_history["application_workflow"]
        if entry["action"]
    ]


def test_second_accept_finds_it_accepted(application_path, staff):
    first = staff("staff1").post(f"{application_path}/@workflow/accept")
    assert first.status_code == 200, first.text

    second = staff("chair1").post(f"{application_path}/@workflow/accept")

    assert second.status_code == 409
    error = second.json()["error"]
    assert error["type"] == "Conflict"
    assert "already decided" in error["message"]
    assert "Accepted" in error["message"]
    assert history(application_path) == ["accept"]


def test_decline_after_accept_is_409(application_path, staff):
    assert (
        staff("staff1").post(f"{application_path}/@workflow/accept").status_code == 200
    )
    response = staff("chair1").post(f"{application_path}/@workflow/decline")
    assert response.status_code == 409
    assert "already decided" in response.json()["error"]["message"]
    assert history(application_path) == ["accept"]


def danish_site():
    api.portal.set_registry_record("plone.available_languages", ["da", "en"])
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()


def test_the_message_in_danish(application_path, staff):
    danish_site()
    staff("staff1").post(f"{application_path}/@workflow/waitlist")
    response = staff("chair1").post(f"{application_path}/@workflow/waitlist")
    assert response.status_code == 409
    assert "allerede" in response.json()["error"]["message"]


def test_a_transition_that_never_exists_stays_400(application_path, staff):
    response = staff("staff1").post(f"{application_path}/@workflow/publish")
    assert response.status_code == 400
    assert history(application_path) == []


def test_a_full_constituency_stays_409(functional_portal, request_factory, staff):
    make_people()
    group = make_group(functional_portal, seats_resident=1)
    transaction.commit()
    for user_id in ("resident1", "resident2"):
        response = request_factory(basic_auth=(user_id, "secret-pw-1")).post(
            f"/grupper/{group.getId()}/@apply", json={"constituency": "resident"}
        )
        assert response.status_code == 201
    transaction.begin()
    first, second = (
        f"/grupper/{group.getId()}/{applications.application_id(group, user_id)}"
        for user_id in ("resident1", "resident2")
    )
    assert staff("staff1").post(f"{first}/@workflow/accept").status_code == 200
    response = staff("staff1").post(f"{second}/@workflow/accept")
    assert response.status_code == 409
    assert "seats" in response.json()["error"]["message"]
    assert "already decided" not in response.json()["error"]["message"]


def test_two_staff_accept_at_the_same_moment(application_path, staff):
    """Whichever commits first wins; the other conflicts in ZODB, is retried
    by Zope and then finds it decided. Either way: one 200, one 409."""
    sessions = [staff("staff1"), staff("chair1")]
    barrier = threading.Barrier(len(sessions))

    def accept(session):
        barrier.wait()
        return session.post(f"{application_path}/@workflow/accept").status_code

    with ThreadPoolExecutor(max_workers=len(sessions)) as pool:
        statuses = sorted(pool.map(accept, sessions))

    assert statuses == [200, 409]
    assert history(application_path) == ["accept"]
