"""Staff and the chair decide; seats are enforced; membership follows."""

from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation import seats
from threeb.opgavegrupper.participation.errors import SeatsFull

import pytest


def apply(group, user_id, constituency="resident", **data):
    return applications.apply(
        group, api.user.get(username=user_id), {"constituency": constituency, **data}
    )


def decide(application, transition, user_id="staff1", comment=""):
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username=user_id):
        workflow.doActionFor(application, transition, comment=comment)


def roles_on(group, user_id):
    return api.user.get_roles(username=user_id, obj=group, inherit=False)


def test_accept_grants_member_role_and_takes_seat(group):
    application = apply(group, "resident1")
    decide(application, "accept", comment="Velkommen!")
    assert api.content.get_state(application) == "accepted"
    assert "TaskGroupMember" in roles_on(group, "resident1")
    assert seats.filled(group)["resident"] == 1
    assert application.decision_message == "Velkommen!"


def test_chair_may_decide(group):
    application = apply(group, "resident1")
    decide(application, "waitlist", user_id="chair1")
    assert api.content.get_state(application) == "waitlisted"


@pytest.mark.parametrize("user_id", ["board1", "resident2", "resident1"])
def test_others_may_not_decide(group, user_id):
    application = apply(group, "resident1")
    with pytest.raises(WorkflowException):
        decide(application, "accept", user_id=user_id)
    assert api.content.get_state(application) == "pending"


def test_full_constituency_refused_with_clear_message(group):
    first, second = apply(group, "resident1"), apply(group, "resident2")
    third = apply(group, "resident3")
    decide(first, "accept")
    decide(second, "accept")
    with pytest.raises(WorkflowException) as info:
        decide(third, "accept")
    assert "waiting list" in str(info.value)
    assert api.content.get_state(third) == "pending"
    assert "TaskGroupMember" not in roles_on(group, "resident3")
    decide(third, "waitlist")
    assert [b.getId for b in applications.waiting_list(group)] == [third.getId()]


def test_withdraw_frees_seat_and_revokes_membership(group):
    application = apply(group, "resident1")
    decide(application, "accept")
    decide(application, "withdraw", user_id="resident1")
    assert api.content.get_state(application) == "withdrawn"
    assert "TaskGroupMember" not in roles_on(group, "resident1")
    assert seats.filled(group)["resident"] == 0


def test_remove_keeps_other_local_roles(group):
    application = apply(group, "chair1")
    decide(application, "accept")
    assert {"TaskGroupChair", "TaskGroupMember"} <= set(roles_on(group, "chair1"))
    decide(application, "remove")
    assert roles_on(group, "chair1") == ["TaskGroupChair"]


def test_first_waiting_gets_free_seat(group):
    accepted = [apply(group, "resident1"), apply(group, "resident2")]
    for application in accepted:
        decide(application, "accept")
    waiting = apply(group, "resident3")
    decide(waiting, "waitlist")
    decide(accepted[0], "withdraw", user_id="resident1")
    first = applications.waiting_list(group)[0]._unrestrictedGetObject()
    decide(first, "accept")
    assert "TaskGroupMember" in roles_on(group, "resident3")


def test_staff_add_external_adviser_directly(group):
    application = applications.add_member(
        group,
        {
            "fullname": "Karin Madsen",
            "organisation": "Grøn Rådgivning ApS",
            "email": "karin@example.org",
            "constituency": "external",
        },
    )
    assert api.content.get_state(application) == "accepted"
    assert application.applicant is None
    assert seats.filled(group)["external"] == 1
    with pytest.raises(SeatsFull):
        applications.add_member(
            group, {"fullname": "Nummer to", "constituency": "external"}
        )


def test_add_member_needs_a_name(group):
    from threeb.opgavegrupper.participation.errors import ParticipationError

    with pytest.raises(ParticipationError) as info:
        applications.add_member(group, {"constituency": "external", "email": "x"})
    assert info.value.field == "fullname"


@pytest.mark.parametrize(
    "user_id,sees",
    [
        ("resident1", True),
        ("staff1", True),
        ("chair1", True),
        ("board1", False),
        ("resident2", False),
        ("outsider", False),
    ],
)
def test_application_privacy(group, user_id, sees):
    application = apply(group, "resident1", phone="12345678")
    member = apply(group, "resident2")
    decide(member, "accept")  # resident2 is now a group member
    with api.env.adopt_user(username=user_id):
        assert api.user.has_permission("View", obj=application) is sees
        found = api.content.find(portal_type="Application", applicant="resident1")
        assert bool(found) is sees


def test_listings_see_seats_filled_without_waking_the_group(group):
    application = apply(group, "resident1")
    decide(application, "accept")
    brain = api.content.find(UID=group.UID())[0]
    assert brain.seats_filled["resident"] == 1
    decide(application, "withdraw", user_id="resident1")
    brain = api.content.find(UID=group.UID())[0]
    assert brain.seats_filled["resident"] == 0
