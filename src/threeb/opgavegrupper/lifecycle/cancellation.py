"""A cancelled group's coming meetings are withdrawn with it.

Cancelling a group ends its work, but its published meetings stayed on the
front page, in the "Kommende møder" portlet, in every calendar feed (as
confirmed) and in the members' own calendars. Withdrawing each meeting that
has not ended yet goes through the meeting's own transition, so the
meetings' own rules apply: they leave the public listings and the members
get the cancellation (METHOD:CANCEL) that their calendars need. Meetings
held already stay as they are: they are the group's record.
"""

from DateTime import DateTime
from plone import api


CANCELLED = "cancelled"


def group_cancelled(group, event):
    """IAfterTransitionEvent of a task group: withdraw its coming meetings."""
    if event.new_state is None or event.new_state.getId() != CANCELLED:
        return
    now = DateTime()
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Meeting",
        path="/".join(group.getPhysicalPath()),
        review_state="published",
        end={"query": now, "range": "min"},
    )
    with api.env.adopt_roles(["Manager"]):
        for brain in brains:
            api.content.transition(
                obj=brain._unrestrictedGetObject(), transition="retract"
            )
