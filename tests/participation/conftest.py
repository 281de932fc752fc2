from .. import helpers

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
    helpers.make_people({user_id: (None, groups) for user_id, groups in PEOPLE.items()})


def make_group(portal, state="recruiting", seats_resident=2):
    return helpers.make_group(
        helpers.make_folder(portal),
        summary="Nye regler i vaskeriet",
        state=state,
        roles={"chair1": ["TaskGroupChair"]},
        seats_resident=seats_resident,
        seats_org_board=1,
        seats_department_board=1,
        seats_staff=1,
        seats_external=1,
        contact="staff1",
    )


@pytest.fixture
def people(portal):
    make_people()


@pytest.fixture
def group(portal, people):
    return make_group(portal)
