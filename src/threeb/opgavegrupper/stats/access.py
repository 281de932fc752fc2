"""Who may see the figures and the board desk: the board and staff.

No new permission: the organisation board holds "Decide", staff hold
"Manage task group lifecycle"; either one opens these pages, so the rolemap
stays the one place that says who is board and who is staff.
"""

from plone import api


PERMISSIONS = (
    "threeb.opgavegrupper: Decide",
    "threeb.opgavegrupper: Manage task group lifecycle",
)


def is_board_or_staff(context):
    return any(api.user.has_permission(p, obj=context) for p in PERMISSIONS)
