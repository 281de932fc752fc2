"""upgrade_calendar: meetings' own location and attendees move to
plone.app.event's behaviors; published meetings start their calendar record."""

from datetime import datetime
from plone import api
from plone.app.event.dx.behaviors import IEventAttendees
from plone.app.event.dx.behaviors import IEventLocation
from threeb.opgavegrupper.notifications import sequence
from threeb.opgavegrupper.upgrades.calendar import BEHAVIORS
from threeb.opgavegrupper.upgrades.calendar import upgrade_calendar

import pytest
import pytz


COPENHAGEN = pytz.timezone("Europe/Copenhagen")


def meeting_fti():
    return api.portal.get_tool("portal_types").getTypeInfo("Meeting")


@pytest.fixture
def old_site(portal):
    """Meetings as the earlier version kept them: the type without the
    behaviors, the values in the meeting's own fields (a list of names)."""
    fti = meeting_fti()
    fti._updateProperty(
        "behaviors", tuple(b for b in fti.behaviors if b not in BEHAVIORS)
    )
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        group = api.content.create(
            folder,
            "TaskGroup",
            id="vaskeri",
            title="Vaskeri",
            summary="S",
            theme="Udlejning",
        )
        meetings = {}
        for meeting_id in ("offentligt", "internt", "tomt"):
            meetings[meeting_id] = api.content.create(
                group,
                "Meeting",
                id=meeting_id,
                title=meeting_id,
                start=COPENHAGEN.localize(datetime(2027, 6, 10, 17, 0)),
                end=COPENHAGEN.localize(datetime(2027, 6, 10, 19, 0)),
            )
    public, internal = meetings["offentligt"], meetings["internt"]
    public.location = " Fælleshuset "
    public.attendees = ["Ole Rasmussen", "", "Mette Holm"]
    internal.location = "Salen"
    internal.attendees = ["Jens Nielsen"]
    # Published twice before (SEQUENCE 0 and 1 were mailed), no record kept.
    wftool = api.portal.get_tool("portal_workflow")
    for action, state in (
        ("publish", "published"),
        ("retract", "internal"),
        ("publish", "published"),
    ):
        wftool.setStatusOf(
            "meeting_workflow",
            public,
            {
                "action": action,
                "review_state": state,
                "actor": "admin",
                "comments": "",
                "time": datetime.now(),
            },
        )
    for meeting in meetings.values():
        meeting.reindexObject()
        assert not sequence.has_record(meeting)
    return meetings


def brain(meeting):
    catalog = api.portal.get_tool("portal_catalog")
    (found,) = catalog.unrestrictedSearchResults(UID=meeting.UID())
    return found


def test_the_type_gets_plone_app_event_s_behaviors(old_site):
    assert not set(BEHAVIORS) & set(meeting_fti().behaviors)
    upgrade_calendar(api.portal.get_tool("portal_setup"))
    behaviors = meeting_fti().behaviors
    assert set(BEHAVIORS) <= set(behaviors)
    # The others stay, in their order.
    assert behaviors[:2] == ("plone.basic", "plone.eventbasic")


def test_values_move_to_the_behaviors_and_the_catalog(old_site):
    # The catalog has no value for it (Missing.Value).
    assert not brain(old_site["offentligt"]).location
    upgrade_calendar(api.portal.get_tool("portal_setup"))
    public, internal, empty = (old_site[k] for k in ("offentligt", "internt", "tomt"))
    assert IEventLocation(public).location == "Fælleshuset"
    assert IEventAttendees(public).attendees == ("Ole Rasmussen", "Mette Holm")
    assert IEventLocation(internal).location == "Salen"
    assert IEventAttendees(internal).attendees == ("Jens Nielsen",)
    assert IEventLocation(empty).location is None
    assert IEventAttendees(empty).attendees == ()
    # plone.app.event's own location indexer fills the catalog.
    assert brain(public).location == "Fælleshuset"
    assert brain(internal).location == "Salen"
    assert not brain(empty).location


def test_a_published_meeting_starts_its_record_from_its_mails(old_site):
    upgrade_calendar(api.portal.get_tool("portal_setup"))
    public = old_site["offentligt"]
    # Its last mail had SEQUENCE 1; the members hold it as it is.
    assert sequence.current(public) == 1
    assert dict(sequence.sent(public)) == sequence.facts(public)
    assert sequence.next_sequence(public) == 2
    # Never published: nothing to remember.
    assert not sequence.has_record(old_site["internt"])


def test_running_it_again_changes_nothing(old_site):
    setup = api.portal.get_tool("portal_setup")
    upgrade_calendar(setup)
    behaviors = meeting_fti().behaviors
    upgrade_calendar(setup)
    assert meeting_fti().behaviors == behaviors
    public = old_site["offentligt"]
    assert IEventAttendees(public).attendees == ("Ole Rasmussen", "Mette Holm")
    assert sequence.current(public) == 1
