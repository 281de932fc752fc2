"""A published meeting moved, withdrawn or deleted: the members' calendars
get an update or a cancellation of the same entry (same UID, higher SEQUENCE).
"""

from datetime import datetime
from plone import api
from zope.lifecycleevent import modified

import icalendar
import pytest
import pytz


COPENHAGEN = pytz.timezone("Europe/Copenhagen")
MEMBERS = ["chair1@example.org", "member1@example.org", "member2@example.org"]


@pytest.fixture
def meeting(group, outbox, do_transition):
    """A published meeting whose members got the invitation (SEQUENCE 0)."""
    with api.env.adopt_user(username="chair1"):
        meeting = api.content.create(
            group,
            "Meeting",
            id="forste-mode",
            title="Første møde",
            start=COPENHAGEN.localize(datetime(2027, 6, 10, 17, 0)),
            end=COPENHAGEN.localize(datetime(2027, 6, 10, 19, 0)),
            location="Fælleshuset",
        )
    do_transition(meeting, "publish", "chair1")
    assert outbox.recipients == MEMBERS
    outbox.clear()
    return meeting


def itip(mail):
    """(METHOD, the VEVENT) of the mail's calendar file."""
    part = mail.calendar
    assert part.get_content_type() == "text/calendar"
    calendar = icalendar.Calendar.from_ical(part.get_content())
    assert part.get_param("method") == calendar["METHOD"]
    (event,) = calendar.walk("VEVENT")
    return str(calendar["METHOD"]), event


def move(meeting, day, location=None):
    with api.env.adopt_user(username="chair1"):
        meeting.start = COPENHAGEN.localize(datetime(2027, 6, day, 17, 0))
        meeting.end = COPENHAGEN.localize(datetime(2027, 6, day, 19, 0))
        if location:
            meeting.location = location
        modified(meeting)


def test_moving_sends_an_update_of_the_same_entry(meeting, outbox):
    move(meeting, 11)
    assert outbox.recipients == MEMBERS
    for mail in outbox.mails:
        method, event = itip(mail)
        assert method == "REQUEST"
        assert event["UID"].startswith(meeting.UID())
        assert event["SEQUENCE"] == 1
        assert event["STATUS"] == "CONFIRMED"
        assert event.decoded("DTSTART") == COPENHAGEN.localize(
            datetime(2027, 6, 11, 17, 0)
        )
        assert event["ATTENDEE"] == f"mailto:{mail.to}"
    mail = outbox.mails[0]
    assert mail.subject == "Ændret møde i Vaskeriet: Første møde"
    assert "Hvornår:\n11. juni 2027 kl. 17.00–19.00" in mail.text


def test_each_update_counts_the_sequence_on(meeting, outbox):
    move(meeting, 11)
    move(meeting, 12, location="Salen")
    sequences = sorted(itip(mail)[1]["SEQUENCE"] for mail in outbox.mails)
    assert sequences == [1, 1, 1, 2, 2, 2]
    last = [mail for mail in outbox.mails if itip(mail)[1]["SEQUENCE"] == 2]
    assert itip(last[0])[1]["LOCATION"] == "Salen"
    assert "Sted:\nSalen" in last[0].text


def test_a_new_place_alone_is_an_update(meeting, outbox):
    with api.env.adopt_user(username="chair1"):
        meeting.location = "Salen"
        modified(meeting)
    assert outbox.recipients == MEMBERS
    assert itip(outbox.mails[0])[1]["LOCATION"] == "Salen"


def test_an_edit_that_keeps_time_and_place_tells_nobody(meeting, outbox):
    with api.env.adopt_user(username="chair1"):
        meeting.title = "Første møde om vaskeriet"
        modified(meeting)
    assert outbox.mails == []


def test_moving_an_internal_meeting_tells_nobody(meeting, outbox, do_transition):
    do_transition(meeting, "retract", "chair1")
    outbox.clear()
    move(meeting, 11)
    assert outbox.mails == []


def test_withdrawing_cancels_the_entry(meeting, outbox, do_transition):
    do_transition(meeting, "retract", "chair1")
    assert outbox.recipients == MEMBERS
    for mail in outbox.mails:
        method, event = itip(mail)
        assert method == "CANCEL"
        assert event["UID"].startswith(meeting.UID())
        assert event["SEQUENCE"] == 1
        assert event["STATUS"] == "CANCELLED"
        assert event["ATTENDEE"] == f"mailto:{mail.to}"
        assert event["ORGANIZER"] == "mailto:opgavegrupper@example.org"
    assert outbox.mails[0].subject == "Møde trukket tilbage i Vaskeriet: Første møde"


def test_deleting_cancels_the_entry(meeting, outbox):
    uid = meeting.UID()
    move(meeting, 11)
    outbox.clear()
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(meeting, check_linkintegrity=False)
    assert outbox.recipients == MEMBERS
    for mail in outbox.mails:
        method, event = itip(mail)
        assert method == "CANCEL"
        assert event["UID"].startswith(uid)
        # After the invitation (0) and the update (1).
        assert event["SEQUENCE"] == 2
        assert event["STATUS"] == "CANCELLED"
    mail = outbox.mails[0]
    assert mail.subject == "Møde aflyst i Vaskeriet: Første møde"
    # The page is gone: no link to it.
    assert "/forste-mode" not in mail.text


def test_deleting_an_internal_meeting_tells_nobody(group, outbox):
    with api.env.adopt_user(username="chair1"):
        meeting = api.content.create(
            group,
            "Meeting",
            id="udkast",
            title="Udkast",
            start=COPENHAGEN.localize(datetime(2027, 6, 10, 17, 0)),
            end=COPENHAGEN.localize(datetime(2027, 6, 10, 19, 0)),
        )
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(meeting, check_linkintegrity=False)
    assert outbox.mails == []


def test_deleting_the_group_cancels_its_published_meetings(meeting, outbox):
    group = meeting.__parent__
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(group, check_linkintegrity=False)
    assert outbox.recipients == MEMBERS
    assert {itip(mail)[0] for mail in outbox.mails} == {"CANCEL"}


def test_withdrawn_and_published_again_the_entry_comes_back(
    meeting, outbox, do_transition
):
    do_transition(meeting, "retract", "chair1")
    do_transition(meeting, "publish", "chair1")
    told = [itip(mail) for mail in outbox.mails if mail.to == "member1@example.org"]
    assert [(method, event["SEQUENCE"]) for method, event in told] == [
        ("CANCEL", 1),
        ("REQUEST", 2),
    ]
    assert len({str(event["UID"]) for _method, event in told}) == 1


def test_the_uid_stays_whatever_host_the_request_came_from(meeting, outbox):
    first_uid = meeting.sync_uid
    assert first_uid.startswith(meeting.UID())
    meeting.REQUEST.environ["HTTP_HOST"] = "other.example.org"
    meeting.REQUEST.other.pop("HTTP_HOST", None)
    move(meeting, 11)
    assert {str(itip(mail)[1]["UID"]) for mail in outbox.mails} == {first_uid}


@pytest.mark.parametrize("change", ["move", "retract"])
def test_only_members_who_may_see_the_meeting_are_told(
    meeting, outbox, do_transition, change
):
    # member2 leaves the group; the follower, the board, staff and outsiders
    # never get a meeting's calendar mail.
    with api.env.adopt_roles(["Manager"]):
        api.user.revoke_roles(
            username="member2", obj=meeting.__parent__, roles=["TaskGroupMember"]
        )
    if change == "move":
        move(meeting, 11)
    else:
        do_transition(meeting, "retract", "chair1")
    assert outbox.recipients == ["chair1@example.org", "member1@example.org"]


def test_a_copy_is_a_new_calendar_entry(meeting, outbox, do_transition):
    move(meeting, 11)
    group = meeting.__parent__
    with api.env.adopt_roles(["Manager"]):
        copy = api.content.copy(meeting, group, "kopi")
    assert api.content.get_state(copy) == "internal"
    outbox.clear()
    do_transition(copy, "publish", "chair1")
    (method, event) = itip(outbox.mails[0])
    assert event["UID"].startswith(copy.UID())
    assert not event["UID"].startswith(meeting.UID())
    assert event["SEQUENCE"] == 0
