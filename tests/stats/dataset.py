"""A small, known data set of groups, applications and recommendations.

Shared by the stats, dashboard and REST tests (imported, as tests/ is no
package): every figure the tests assert can be counted by hand from here.
"""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import timedelta
from plone import api

import pytz


# id, start, deadline, state
GROUPS = [
    ("vaskeri", date(2025, 1, 10), date(2025, 6, 1), "concluded"),
    ("gaarde", date(2026, 2, 1), date(2026, 9, 1), "active"),
    ("energi", date(2026, 3, 1), date(2026, 11, 1), "recruiting"),
    ("breve", date(2026, 4, 1), date(2026, 12, 1), "draft"),
]

# group, applicant, constituency, department, created, state
APPLICATIONS = [
    ("vaskeri", "anna", "resident", "Tingbjerg", "2024/12/05", "accepted"),
    ("vaskeri", "bo", "department_board", "Hvidovre", "2024/12/20", "accepted"),
    ("vaskeri", "carl", "staff", None, "2025/01/03", "accepted"),
    ("gaarde", "anna", "resident", "Tingbjerg", "2026/01/15", "accepted"),
    ("gaarde", "dina", "resident", "Hvidovre", "2026/01/20", "accepted"),
    ("gaarde", "emil", "resident", "Tingbjerg", "2026/01/22", "declined"),
    ("energi", "fie", "resident", "Tingbjerg", "2026/02/10", "pending"),
]

# group, id, state, submitted (history time), decision_date, status, progress
RECOMMENDATIONS = [
    ("vaskeri", "r1", "implemented", "2025/04/10", date(2025, 5, 1), "done", 100),
    ("vaskeri", "r2", "rejected", "2025/04/20", date(2025, 5, 11), None, 0),
    ("gaarde", "r3", "adopted", "2026/03/03", date(2026, 4, 2), "in_progress", 40),
    ("gaarde", "r4", "submitted", "2026/05/01", None, "not_started", 0),
]

MEETINGS = [
    # group, id, published, start (Copenhagen time, two hours long)
    ("gaarde", "m1", True, datetime(2026, 3, 10, 17, 0)),
    ("gaarde", "m2", False, datetime(2026, 3, 24, 17, 0)),
    ("energi", "m4", True, datetime(2026, 5, 5, 17, 0)),
    ("breve", "m3", True, datetime(2026, 4, 15, 17, 0)),  # the group is a draft
]
COPENHAGEN = pytz.timezone("Europe/Copenhagen")


def set_state(obj, state, time=None):
    """Put obj straight into a state, with the history entry dated ``time``."""
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
            "time": DateTime(time) if time else DateTime(),
        },
    )
    workflow.updateRoleMappingsFor(obj)
    obj.reindexObject()


def build(portal, meetings=False):
    """The folder "grupper" with the data set; returns the folder."""
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        for group_id, start, deadline, state in GROUPS:
            group = api.content.create(
                folder,
                "TaskGroup",
                id=group_id,
                title=group_id.capitalize(),
                summary=f"Om {group_id}",
                theme="Udlejning",
                start=start,
                deadline=deadline,
                signup_deadline=start,
            )
            if state != "draft":
                set_state(group, state)
        for group_id, user, seat, department, created, state in APPLICATIONS:
            application = api.content.create(
                folder[group_id],
                "Application",
                id=f"a-{user}-{group_id}",
                title=user,
                applicant=user,
                constituency=seat,
                department=department,
            )
            application.creation_date = DateTime(created)
            set_state(application, state)
        for (
            group_id,
            rec_id,
            state,
            submitted,
            decided,
            status,
            progress,
        ) in RECOMMENDATIONS:
            rec = api.content.create(
                folder[group_id],
                "Recommendation",
                id=rec_id,
                title=f"Anbefaling {rec_id}",
                summary="Kort",
            )
            rec.decision_date = decided
            if decided:
                rec.decision_text = f"Bestyrelsens beslutning om {rec_id}."
            rec.implementation_status = status
            rec.progress = progress
            set_state(rec, "submitted", submitted)
            if state != "submitted":
                set_state(rec, state)
        if meetings:
            for group_id, meeting_id, published, start in MEETINGS:
                add_meeting(folder[group_id], meeting_id, published, start)
    return folder


def add_meeting(group, meeting_id, published, start):
    meeting = api.content.create(
        group,
        "Meeting",
        id=meeting_id,
        title=f"Møde {meeting_id}",
        start=COPENHAGEN.localize(start),
        end=COPENHAGEN.localize(start + timedelta(hours=2)),
    )
    if published:
        # Straight into the state: the real transition mails the members.
        set_state(meeting, "published")
    return meeting
