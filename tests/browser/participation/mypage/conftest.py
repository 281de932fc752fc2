"""Two people and four groups, for a person's own page and data.

Anna: accepted in Vaskeriet (resident), chair of Cykler (a local role, no
application), follows Haver and a group that went back to draft (Udkast).
Bjarne: a pending application to Vaskeriet, follows Vaskeriet.
"""

from .... import helpers
from plone import api

import pytest
import transaction


PASSWORD = "secret-pw-1"
PEOPLE = {
    "anna": ("Anna Andersen", "beboere"),
    "bjarne": ("Bjarne Bertelsen", "beboere"),
    "staff1": ("Sofie Staff", "medarbejdere"),
}
# What only Bjarne's data may contain.
BJARNES = ("Bjarne Bertelsen", "bjarne@example.org", "87 65 43 21", "Bjarnes grund")


def make_people():
    helpers.make_people(PEOPLE, PASSWORD)


def make_group(folder, group_id, title, state="recruiting"):
    return helpers.make_group(folder, title, state=state, id=group_id)


def make_scenario(portal):
    from threeb.opgavegrupper.participation import applications
    from threeb.opgavegrupper.participation import following

    make_people()
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        vaskeriet = make_group(folder, "vaskeriet", "Vaskeriet")
        cykler = make_group(folder, "cykler", "Cykler")
        haver = make_group(folder, "haver", "Haver")
        udkast = make_group(folder, "udkast", "Udkast")
        api.user.grant_roles(username="anna", obj=cykler, roles=["TaskGroupChair"])
        mine = applications.apply(
            vaskeriet,
            api.user.get(username="anna"),
            {
                "constituency": "resident",
                "motivation": "Annas grund",
                "phone": "12 34 56 78",
                "consent_public": True,
            },
        )
        api.content.transition(mine, transition="accept", comment="Velkommen, Anna")
        applications.apply(
            vaskeriet,
            api.user.get(username="bjarne"),
            {
                "constituency": "resident",
                "motivation": "Bjarnes grund",
                "phone": "87 65 43 21",
            },
        )
        following.follow(haver, "anna")
        following.follow(udkast, "anna")
        following.follow(vaskeriet, "bjarne")
        api.content.transition(udkast, transition="back_to_draft")
    return folder


@pytest.fixture
def groups(portal):
    return make_scenario(portal)


@pytest.fixture
def functional_groups(functional_portal):
    folder = make_scenario(functional_portal)
    transaction.commit()
    return folder


@pytest.fixture
def browser_as(request_factory, functional_groups):
    """A Classic UI session (not the REST API) as the user, or anonymous."""

    def session(user_id=None):
        if user_id is None:
            browser = request_factory(api=False)
        else:
            browser = request_factory(api=False, basic_auth=(user_id, PASSWORD))
        browser.headers["Accept"] = "text/html"
        return browser

    return session


@pytest.fixture
def rest_as(request_factory, functional_groups):
    def session(user_id=None):
        if user_id is None:
            return request_factory()
        return request_factory(basic_auth=(user_id, PASSWORD))

    return session
