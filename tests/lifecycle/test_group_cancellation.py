"""Cancelling a group withdraws its coming meetings; held ones stay."""

from datetime import datetime
from datetime import timedelta
from plone import api


def _meeting(group, meeting_id, start):
    meeting = api.content.create(
        group,
        "Meeting",
        id=meeting_id,
        title=meeting_id,
        start=start,
        end=start + timedelta(hours=2),
    )
    api.content.transition(obj=meeting, transition="publish")
    return meeting


def test_cancelling_withdraws_coming_meetings_only(group):
    api.content.transition(obj=group, transition="open_signup")
    coming = _meeting(group, "kommende", datetime.now() + timedelta(days=20))
    held = _meeting(group, "afholdt", datetime.now() - timedelta(days=20))
    api.content.transition(obj=group, transition="cancel")
    assert api.content.get_state(group) == "cancelled"
    assert api.content.get_state(coming) == "internal"
    assert api.content.get_state(held) == "published"
    catalog = api.portal.get_tool("portal_catalog")
    published = [
        brain.getId
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Meeting", review_state="published"
        )
    ]
    assert published == ["afholdt"]


def test_other_transitions_leave_meetings_alone(group):
    api.content.transition(obj=group, transition="open_signup")
    coming = _meeting(group, "kommende", datetime.now() + timedelta(days=20))
    api.content.transition(obj=group, transition="start_work")
    assert api.content.get_state(coming) == "published"
