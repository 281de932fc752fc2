"""The Plone groups that carry the add-on's global roles."""

from plone import api


# Group id, Danish title (the people who use it read it), global role.
GROUPS = (
    ("organisationsbestyrelse", "Organisationsbestyrelsen", "BoardMember"),
    ("afdelingsbestyrelser", "Afdelingsbestyrelser", "DepartmentBoardMember"),
    ("beboere", "Beboere", "Resident"),
    ("medarbejdere", "Medarbejdere", "Staff"),
)

ROLES = (
    "BoardMember",
    "DepartmentBoardMember",
    "Resident",
    "Staff",
    "TaskGroupChair",
    "TaskGroupMember",
)


def create_groups():
    """Create the groups, or give an existing one its role back; idempotent."""
    for group_id, title, role in GROUPS:
        group = api.group.get(groupname=group_id)
        if group is None:
            api.group.create(groupname=group_id, title=title, roles=[role])
        elif role not in group.getRoles():
            api.group.grant_roles(groupname=group_id, roles=[role])


def remove_groups():
    for group_id, _title, _role in GROUPS:
        if api.group.get(groupname=group_id) is not None:
            api.group.delete(groupname=group_id)


def remove_roles():
    """Remove the roles from the site, which also drops their local grants."""
    portal = api.portal.get()
    existing = [role for role in ROLES if role in portal.valid_roles()]
    if existing:
        portal._delRoles(existing)
