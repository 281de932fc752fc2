"""A site with groups, meetings and decisions around "now", and its people."""

from ... import helpers
from ...helpers import PASSWORD as PASSWORD  # test_actions.py logs in with it
from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import timedelta
from plone import api
from threeb.opgavegrupper.dates import today

import pytest
import pytz


PEOPLE = {
    "staff1": "medarbejdere",
    "board1": "organisationsbestyrelse",
    "resident1": "beboere",
}
COPENHAGEN = pytz.timezone("Europe/Copenhagen")


def set_state(obj, state):
    wftool = api.portal.get_tool("portal_workflow")
    (workflow,) = wftool.getWorkflowsFor(obj)
    wftool.setStatusOf(
        workflow.getId(),
        obj,
        {
            "review_state": state,
            "action": None,
            "actor": "admin",
            "comments": "",
            "time": DateTime(),
        },
    )
    workflow.updateRoleMappingsFor(obj)
    obj.reindexObject()
    obj.reindexObjectSecurity()


def at(days, hour=17):
    """A meeting time ``days`` from now, in Copenhagen."""
    day = today() + timedelta(days=days)
    return COPENHAGEN.localize(datetime(day.year, day.month, day.day, hour))


def make_people():
    helpers.make_people({user_id: (None, group) for user_id, group in PEOPLE.items()})


def _group(folder, id_, state, signup_days=None, deadline_days=60):
    """A group begun a month ago, its dates counted from today."""
    return helpers.make_group(
        folder,
        title=f"Gruppe {id_}",
        state=state,
        id=id_,
        summary=f"Om {id_}",
        start=today() - timedelta(days=30),
        deadline=today() + timedelta(days=deadline_days),
        signup_deadline=(
            today() + timedelta(days=signup_days) if signup_days is not None else None
        ),
        seats_resident=3,
    )


def _meeting(group, id_, start, published):
    meeting = api.content.create(
        group,
        "Meeting",
        id=id_,
        title=f"Møde {id_}",
        start=start,
        end=start + timedelta(hours=2),
        location="Beboerhuset",
    )
    if published:
        set_state(meeting, "published")
    return meeting


def _decision(group, id_, state, decided_on):
    recommendation = api.content.create(
        group, "Recommendation", id=id_, title=f"Anbefaling {id_}"
    )
    recommendation.decision_date = decided_on
    set_state(recommendation, state)
    return recommendation


def build(portal):
    """The folder "grupper": open, working and draft groups with meetings
    (past, next, internal, in a draft group) and decisions."""
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Copenhagen")
    folder = helpers.make_folder(
        portal, title="Opgavegrupper", description="Midlertidige arbejdsgrupper."
    )
    with api.env.adopt_roles(["Manager"]):
        _group(folder, "aaben-sen", "recruiting", signup_days=20, deadline_days=90)
        _group(folder, "aaben-snart", "recruiting", signup_days=5, deadline_days=40)
        working = _group(folder, "arbejder", "active")
        draft = _group(folder, "kladde", "draft")
        _meeting(working, "forbi", at(-3), published=True)
        _meeting(working, "naeste", at(2), published=True)
        _meeting(working, "senere", at(9), published=True)
        _meeting(working, "internt", at(4), published=False)
        _meeting(draft, "skjult", at(6), published=True)
        _decision(working, "vedtaget", "adopted", date(2026, 3, 1))
        _decision(working, "forkastet", "rejected", date(2026, 5, 1))
        _decision(working, "indsendt", "submitted", None)
        _decision(working, "udateret", "adopted", None)
        _decision(draft, "hemmelig", "adopted", date(2026, 6, 1))
    return folder


@pytest.fixture
def folder(portal):
    make_people()
    return build(portal)
