"""The demo content tells a believable story: dates in order, a waitlist only
where the seats are taken, and building it logs no error."""

from plone import api
from threeb.opgavegrupper.participation.seats import filled
from zope.component.hooks import setSite

import logging
import pytest


@pytest.fixture
def demo(acceptance):
    portal = acceptance["portal"]
    setSite(portal)
    return portal


def _brains(portal_type, **query):
    return api.content.find(portal_type=portal_type, unrestricted=True, **query)


def test_decisions_come_after_the_meetings_they_decide(demo):
    decided = [
        b._unrestrictedGetObject()
        for b in _brains(
            "Recommendation", review_state=["adopted", "rejected", "implemented"]
        )
    ]
    assert decided
    for recommendation in decided:
        group = recommendation.__parent__
        held = [
            meeting.start.date()
            for meeting in group.objectValues()
            if meeting.portal_type == "Meeting"
            and api.content.get_state(meeting) == "published"
        ]
        assert recommendation.decision_date > max(held), recommendation.getId()
        assert recommendation.decision_date <= group.deadline


def test_mandates_are_approved_before_the_work_starts(demo):
    approved = [
        b._unrestrictedGetObject() for b in _brains("Mandate", review_state="approved")
    ]
    assert approved
    for mandate in approved:
        group = mandate.__parent__
        assert mandate.approval_date < group.start, group.getId()
        meetings = [
            m.start.date() for m in group.objectValues() if m.portal_type == "Meeting"
        ]
        assert all(mandate.approval_date < day for day in meetings)


def test_nobody_waits_for_a_seat_that_is_free(demo):
    waiting = [
        b._unrestrictedGetObject()
        for b in _brains("Application", review_state="waitlisted")
    ]
    assert waiting  # the demo shows a waitlist
    for application in waiting:
        group = application.__parent__
        key = application.constituency
        assert filled(group)[key] >= group.seats().get(key, 0), group.getId()


def test_building_the_demo_logs_no_error(integration, caplog):
    from threeb.opgavegrupper.setuphandlers import demo

    with caplog.at_level(logging.ERROR):
        demo.post_install(None)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []
    assert "opgavegrupper" in integration["portal"].objectIds()
