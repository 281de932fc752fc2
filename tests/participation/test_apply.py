"""Signing up: who may take which seat, one application per person."""

from plone import api
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation.errors import AlreadyApplied
from threeb.opgavegrupper.participation.errors import NotOpen
from threeb.opgavegrupper.participation.errors import ParticipationError

import pytest


def user(user_id):
    return api.user.get(username=user_id)


@pytest.mark.parametrize(
    "user_id,allowed",
    [
        ("resident1", ["resident"]),
        ("dept1", ["department_board", "resident"]),
        ("board1", ["org_board", "resident"]),
        ("staff1", ["staff"]),
        ("outsider", ["external"]),
    ],
)
def test_allowed_constituencies(people, user_id, allowed):
    assert applications.allowed_constituencies(user(user_id)) == allowed


def test_apply_creates_private_application(group):
    application = applications.apply(
        group,
        user("resident1"),
        {
            "constituency": "resident",
            "department": "Tingbjerg",
            "motivation": "Jeg vasker tit",
            "phone": "12 34 56 78",
            "consent_public": True,
        },
    )
    assert application.portal_type == "Application"
    assert api.content.get_state(application) == "pending"
    assert application.applicant == "resident1"
    assert application.fullname == "Resident1 Hansen"
    assert application.email == "resident1@example.org"
    assert "Owner" in application.get_local_roles_for_userid("resident1")
    assert application.Creator() in ("resident1", "test_user_1_")


def test_second_application_refused(group):
    applications.apply(group, user("resident1"), {"constituency": "resident"})
    with pytest.raises(AlreadyApplied) as info:
        applications.apply(group, user("resident1"), {"constituency": "resident"})
    assert info.value.status == 409


def test_may_apply_again_after_withdrawing(group):
    first = applications.apply(group, user("resident1"), {"constituency": "resident"})
    with api.env.adopt_user(username="resident1"):
        api.content.transition(first, transition="withdraw")
    second = applications.apply(group, user("resident1"), {"constituency": "resident"})
    assert second.getId() != first.getId()


@pytest.mark.parametrize(
    "data,field",
    [
        ({"constituency": "org_board"}, "constituency"),
        ({}, "constituency"),
        ({"constituency": "resident", "motivation": "x" * 1001}, "motivation"),
        ({"constituency": "resident", "phone": "ring til mig"}, "phone"),
        ({"constituency": "resident", "department": "Atlantis"}, "department"),
        ({"constituency": "resident", "consent_public": "ja"}, "consent_public"),
    ],
)
def test_bad_application_names_the_field(group, data, field):
    with pytest.raises(ParticipationError) as info:
        applications.apply(group, user("resident1"), data)
    assert info.value.field == field
    assert info.value.status == 400
    assert (
        applications.applications(group) == []
        or len(applications.applications(group)) == 0
    )


def test_only_recruiting_groups_take_applications(portal, people):
    from .conftest import make_group

    draft = make_group(portal, state="draft")
    with pytest.raises(NotOpen):
        applications.apply(draft, user("resident1"), {"constituency": "resident"})
