"""A meeting made by a script with naive times stores them with the site's zone."""

from datetime import datetime
from plone import api


def test_naive_times_are_read_as_the_sites_wall_clock(portal):
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Copenhagen")
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        group = api.content.create(folder, "TaskGroup", id="g", title="G")
        meeting = api.content.create(
            group,
            "Meeting",
            id="moede",
            title="Møde",
            start=datetime(2027, 6, 10, 17, 0),
            end=datetime(2027, 6, 10, 19, 0),
        )
    assert meeting.start.tzinfo is not None
    assert meeting.start.hour == 17
    assert meeting.start.utcoffset().total_seconds() == 7200
    assert meeting.end > meeting.start
