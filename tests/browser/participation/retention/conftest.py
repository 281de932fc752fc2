"""An ended group with applications of every kind, and one still open.

Vaskeriet: Anna accepted (with all her details), Bjarne withdrew himself,
Eva added by staff without an account; the group is concluded on ENDED.
Haver: still recruiting, Carl's application pending.
"""

from .... import helpers
from DateTime import DateTime
from datetime import date
from plone import api

import pytest
import transaction


PASSWORD = "secret-pw-1"
ENDED = DateTime("2026/01/10 12:00:00 UTC")
PEOPLE = {
    "anna": ("Anna Andersen", "beboere"),
    "bjarne": ("Bjarne Bertelsen", "beboere"),
    "carl": ("Carl Christensen", "beboere"),
    "staff1": ("Sofie Staff", "medarbejdere"),
}


def make_group(folder, group_id):
    return helpers.make_group(
        folder,
        group_id.capitalize(),
        id=group_id,
        summary="Om gruppen",
        start=date(2025, 6, 1),
        deadline=date(2025, 12, 1),
        seats_external=1,
    )


def set_state(obj, state, time):
    """Put the group in a state as if a transition had happened at ``time``."""
    workflow = api.portal.get_tool("portal_workflow")
    (chain,) = workflow.getChainFor(obj)
    workflow.setStatusOf(
        chain,
        obj,
        {
            "review_state": state,
            "action": "conclude",
            "actor": "staff1",
            "time": time,
            "comments": "",
        },
    )
    workflow.getWorkflowById(chain).updateRoleMappingsFor(obj)
    obj.reindexObject()


def make_scenario(portal, ended=ENDED):
    from threeb.opgavegrupper.participation import applications

    helpers.make_people(PEOPLE, PASSWORD)
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        ended_group = make_group(folder, "vaskeriet")
        open_group = make_group(folder, "haver")

        def apply(group, user_id, **data):
            return applications.apply(
                group,
                api.user.get(username=user_id),
                {"constituency": "resident", **data},
            )

        anna = apply(
            ended_group,
            "anna",
            department="Tingbjerg",
            motivation="Annas grund",
            availability="Tirsdage",
            phone="12 34 56 78",
            consent_public=True,
        )
        api.content.transition(anna, transition="accept", comment="Velkommen, Anna")
        bjarne = apply(ended_group, "bjarne", motivation="Bjarnes grund")
        with api.env.adopt_user(username="bjarne"):
            api.content.transition(bjarne, transition="withdraw")
        applications.add_member(
            ended_group,
            {
                "fullname": "Eva Ekstern",
                "email": "eva@raad.example",
                "organisation": "Rådgiverne",
                "constituency": "external",
            },
        )
        apply(open_group, "carl", motivation="Carls grund", phone="11 22 33 44")
        set_state(ended_group, "concluded", ended)
    return folder


@pytest.fixture
def groups(portal):
    return make_scenario(portal)


@pytest.fixture
def functional_groups(functional_portal):
    # Ended long enough ago that the views (which use the real clock) act.
    folder = make_scenario(functional_portal, ended=DateTime() - 200)
    transaction.commit()
    return folder
