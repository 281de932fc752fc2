"""Who may see the figures and the board desk: the board and staff.

Said once, by the roles rolemap.xml grants "View participation figures"
(the organisation board and staff); the views, the REST service and the
personal menu's actions ask for that permission.
"""

from plone import api


VIEW_FIGURES = "threeb.opgavegrupper: View participation figures"


def is_board_or_staff(context):
    return api.user.has_permission(VIEW_FIGURES, obj=context)
