"""People, a folder of task groups and helpers for the pages' tests."""

from ... import helpers
from datetime import date
from datetime import datetime
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.testing.zope import Browser

import pytest
import pytz
import transaction


PASSWORD = "secret-pw-1"
PEOPLE = {
    "staff1": "medarbejdere",
    "board1": "organisationsbestyrelse",
    "resident1": "beboere",
    "chair1": "beboere",
}
# pytz, as plone.app.event stores it: ZODB cannot pickle zoneinfo zones.
COPENHAGEN = pytz.timezone("Europe/Copenhagen")


def browser_for(app, user_id=None):
    browser = Browser(app)
    browser.handleErrors = False
    if user_id:
        browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
    return browser


def make_group(folder, title, state="recruiting", **fields):
    """A task group put through its workflow to `state`, as Manager."""
    values = {
        "seats_resident": 4,
        "seats_org_board": 1,
        "seats_department_board": 0,
        "seats_staff": 1,
        "seats_external": 0,
        **fields,
    }
    return helpers.make_group(folder, title, state=state, **values)


def rich(text):
    return RichTextValue(text, "text/html", "text/x-html-safe")


@pytest.fixture
def people(functional_portal):
    helpers.make_people({user_id: (None, group) for user_id, group in PEOPLE.items()})
    return PEOPLE


@pytest.fixture
def folder(functional_portal, people):
    # The association's zone (the test site's is UTC): pages write times in it.
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Copenhagen")
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            functional_portal, "TaskGroupFolder", id="grupper", title="Opgavegrupper"
        )
    transaction.commit()
    return folder


@pytest.fixture
def trail_group(folder):
    """A group with its whole trail: approved mandate, meetings, decisions."""
    group = make_group(
        folder,
        "Vaskeriet",
        state="active",
        contact="staff1",
        departments=["Tingbjerg"],
        meeting_cadence="Hver anden tirsdag kl. 17",
        challenge=rich("<p>Vaskeriet er altid optaget.</p>"),
    )
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username="chair1", obj=group, roles=["TaskGroupChair"])
        mandate = api.content.create(
            group,
            "Mandate",
            id="kommissorium",
            title="Kommissorium for vaskeriet",
            purpose=rich("<p>Find bedre regler.</p>"),
            questions=["Hvordan booker vi tider?", "Hvad koster det?"],
            milestones=[{"title": "Første udkast", "date": date(2026, 3, 1)}],
            budget=150000,
        )
        api.content.transition(mandate, transition="submit_for_approval")
        api.content.transition(mandate, transition="approve")
        # Approved before the work began, as a group's mandate is.
        mandate.approval_date = date(2026, 1, 5)
        mandate.reindexObject()
        for id_, day, publish in (("moede-1", 10, True), ("moede-2", 24, False)):
            meeting = api.content.create(
                group,
                "Meeting",
                id=id_,
                title=f"Møde {day}. februar",
                start=COPENHAGEN.localize(datetime(2026, 2, day, 17, 0)),
                end=COPENHAGEN.localize(datetime(2026, 2, day, 19, 0)),
                location="Fælleshuset",
                agenda=rich("<p>Dagsorden: tider</p>"),
                minutes=rich("<p>Referat: vi blev enige</p>"),
                attendees=["Chair1 Hansen", "Resident1 Hansen"],
            )
            if publish:
                api.content.transition(meeting, transition="publish")
        adopted = api.content.create(
            group,
            "Recommendation",
            id="booking",
            title="Online booking",
            summary="Book vasketider på nettet",
            recommendation=rich("<p>Indfør online booking.</p>"),
            minority_statement=rich("<p>Mindretallet ønsker papirlister.</p>"),
            answers=["Hvordan booker vi tider?"],
            consequences_economy="Koster 20.000 kr.",
        )
        api.content.transition(adopted, transition="submit")
        adopted.decision_text = "Bestyrelsen vedtager online booking."
        adopted.decision_date = date(2026, 5, 12)
        adopted.votes_for, adopted.votes_against, adopted.votes_abstain = 7, 2, 1
        api.content.transition(adopted, transition="adopt")
        adopted.implementation_status = "in_progress"
        adopted.progress = 40
        adopted.implementation_milestones = [
            {"title": "System valgt", "due": date(2026, 8, 1), "done": True}
        ]
        adopted.reindexObject()
        api.content.create(
            group,
            "Recommendation",
            id="kladde",
            title="Hemmelig kladde",
            summary="Endnu ikke færdig",
            recommendation=rich("<p>Kladde</p>"),
        )
    transaction.commit()
    return group
