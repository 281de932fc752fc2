from datetime import date
from plone import api

import pytest


PEOPLE = {
    "staff1": ["medarbejdere"],
    "board1": ["organisationsbestyrelse"],
    "dept1": ["afdelingsbestyrelser"],
    "chair1": ["beboere"],
    "resident1": ["beboere"],
    "resident2": ["beboere"],
    "resident3": ["beboere"],
    "outsider": [],
}


def make_people():
    for user_id, groups in PEOPLE.items():
        api.user.create(
            email=f"{user_id}@example.org",
            username=user_id,
            password="secret-pw-1",
            properties={"fullname": user_id.capitalize() + " Hansen"},
        )
        for group in groups:
            api.group.add_user(groupname=group, username=user_id)


def make_group(portal, state="recruiting", seats_resident=2):
    with api.env.adopt_roles(["Manager"]):
        if "grupper" not in portal.objectIds():
            api.content.create(portal, "TaskGroupFolder", id="grupper")
        group = api.content.create(
            portal["grupper"],
            "TaskGroup",
            title="Vaskeriet",
            summary="Nye regler i vaskeriet",
            theme="Udlejning",
            start=date(2026, 1, 1),
            deadline=date(2026, 6, 1),
            seats_resident=seats_resident,
            seats_org_board=1,
            seats_department_board=1,
            seats_staff=1,
            seats_external=1,
            contact="staff1",
        )
        api.user.grant_roles(username="chair1", obj=group, roles=["TaskGroupChair"])
        if state in ("recruiting", "active"):
            api.content.transition(group, transition="open_signup")
        if state == "active":
            api.content.transition(group, transition="start_work")
    return group


@pytest.fixture
def people(portal):
    make_people()


@pytest.fixture
def group(portal, people):
    return make_group(portal)
