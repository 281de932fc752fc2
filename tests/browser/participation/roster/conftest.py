"""A recruiting group with members of every kind, as the roster tests need.

Members: Anna (resident, consents to be named), Bjarne and Carl (residents, do
not), Dorte (department board, consents), Eva (an external adviser staff
added without an account, does not). Frida has only applied. The chair has
no seat of her own.
"""

from .... import helpers
from plone import api

import pytest
import transaction


PASSWORD = "secret-pw-1"

# user id: (full name, Plone group)
PEOPLE = {
    "staff1": ("Sofie Staff", "medarbejdere"),
    "board1": ("Bent Board", "organisationsbestyrelse"),
    "chair1": ("Clara Chair", "beboere"),
    "anna": ("Anna Andersen", "beboere"),
    "bjarne": ("Bjarne Bertelsen", "beboere"),
    "carl": ("Carl Christensen", "beboere"),
    "dorte": ("Dorte Dahl", "afdelingsbestyrelser"),
    "frida": ("Frida Fisker", "beboere"),
    "outsider": ("Otto Udenfor", None),
}

# user id: (constituency, consent to be named)
MEMBERS = {
    "anna": ("resident", True),
    "bjarne": ("resident", False),
    "carl": ("resident", False),
    "dorte": ("department_board", True),
}
EXTERNAL = {
    "fullname": "Eva Ekstern",
    "email": "eva@raad.example",
    "organisation": "Rådgiverne",
    "constituency": "external",
}
HIDDEN = ("Bjarne Bertelsen", "Carl Christensen", "Eva Ekstern", "Frida Fisker")


def make_people():
    helpers.make_people(PEOPLE, PASSWORD)


def make_group(portal):
    from threeb.opgavegrupper.participation import applications

    group = helpers.make_group(
        helpers.make_folder(portal),
        id="vaskeriet",
        summary="Nye regler i vaskeriet",
        roles={"chair1": ["TaskGroupChair"]},
        seats_org_board=1,
        seats_department_board=1,
        seats_resident=3,
        seats_staff=1,
        seats_external=1,
    )
    with api.env.adopt_roles(["Manager"]):
        for user_id, (constituency, consent) in MEMBERS.items():
            application = applications.apply(
                group,
                api.user.get(username=user_id),
                {
                    "constituency": constituency,
                    "consent_public": consent,
                    "phone": "12 34 56 78",
                },
            )
            api.content.transition(application, transition="accept")
        applications.add_member(group, EXTERNAL)
        applications.apply(
            group, api.user.get(username="frida"), {"constituency": "resident"}
        )
    return group


@pytest.fixture
def group(portal):
    make_people()
    return make_group(portal)


@pytest.fixture
def functional_group(functional_portal):
    make_people()
    group = make_group(functional_portal)
    transaction.commit()
    return group


@pytest.fixture
def as_user(request_factory, functional_group):
    """A REST session logged in as the user, or anonymous for None."""

    def session(user_id):
        if user_id is None:
            return request_factory()
        return request_factory(basic_auth=(user_id, PASSWORD))

    return session
