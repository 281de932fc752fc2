"""A meeting that has ended stays in the members' calendars: deleting it or
its concluded group, withdrawing it or correcting its time sends nothing."""

from datetime import datetime
from datetime import timedelta
from plone import api
from threeb.opgavegrupper.notifications.meetings import has_ended
from zope.lifecycleevent import modified

import pytest
import pytz


COPENHAGEN = pytz.timezone("Europe/Copenhagen")


def days_from_today(days, hour=17):
    today = datetime.now(COPENHAGEN).date() + timedelta(days=days)
    return COPENHAGEN.localize(datetime(today.year, today.month, today.day, hour))


@pytest.fixture
def past_meeting(group, outbox, do_transition):
    """Held last month, published (its invitation went out then)."""
    with api.env.adopt_user(username="chair1"):
        meeting = api.content.create(
            group,
            "Meeting",
            id="holdt-mode",
            title="Holdt møde",
            start=days_from_today(-30),
            end=days_from_today(-30, hour=19),
        )
    do_transition(meeting, "publish", "chair1")
    outbox.clear()
    return meeting


def test_deleting_a_concluded_group_cancels_no_past_meeting(past_meeting, outbox):
    group = past_meeting.__parent__
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(group, check_linkintegrity=False)
    assert outbox.mails == []


def test_deleting_a_past_meeting_sends_nothing(past_meeting, outbox):
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(past_meeting, check_linkintegrity=False)
    assert outbox.mails == []


def test_withdrawing_a_past_meeting_sends_nothing(past_meeting, outbox, do_transition):
    do_transition(past_meeting, "retract", "chair1")
    assert outbox.mails == []


def test_correcting_a_past_meeting_s_time_sends_nothing(past_meeting, outbox):
    with api.env.adopt_user(username="chair1"):
        past_meeting.start = days_from_today(-31)
        past_meeting.end = days_from_today(-31, hour=19)
        modified(past_meeting)
    assert outbox.mails == []


def test_a_past_meeting_moved_to_the_future_is_an_update(past_meeting, outbox):
    with api.env.adopt_user(username="chair1"):
        past_meeting.start = days_from_today(30)
        past_meeting.end = days_from_today(30, hour=19)
        modified(past_meeting)
    assert len(outbox.mails) == 3
    assert {mail.calendar.get_param("method") for mail in outbox.mails} == {"REQUEST"}


def test_a_meeting_going_on_has_not_ended(group):
    with api.env.adopt_user(username="chair1"):
        meeting = api.content.create(
            group,
            "Meeting",
            id="nu",
            title="Nu",
            start=days_from_today(-1),
            end=days_from_today(1),
        )
    assert not has_ended(meeting)
    assert has_ended(meeting, now=days_from_today(2))
