"""The public-transparency switch: whether Anonymous sees what is public.

The workflows make public things as public as their parent (View acquired).
Every task group lives in a TaskGroupFolder, which has no workflow, so one
local permission setting on each folder decides for everything inside it:
acquired from the site when the switch is on, logged-in users only when off.
"""

from plone import api


RECORD = "threeb.opgavegrupper.public_transparency"
PERMISSIONS = ("View", "Access contents information")
ANONYMOUS = "Anonymous"


def logged_in_roles(folder):
    """Every role the site knows but Anonymous: "logged-in users only".

    Read from the site rather than listed here, so a role the site adds
    later is not shut out; the roles besides Authenticated count for code
    that runs with adopted roles only (``api.env.adopt_roles``).
    """
    return [role for role in folder.valid_roles() if role != ANONYMOUS]


def is_public():
    return bool(api.portal.get_registry_record(RECORD, default=True))


def apply(folder, public):
    """Open the folder to what the site allows, or to logged-in users only."""
    for permission in PERMISSIONS:
        if public:
            folder.manage_permission(permission, roles=[], acquire=True)
        else:
            folder.manage_permission(
                permission, roles=logged_in_roles(folder), acquire=False
            )
    # The catalog filters listings by allowedRolesAndUsers of every object
    # below the folder; without this, searches would still show old results.
    folder.reindexObjectSecurity()


def apply_everywhere(public):
    catalog = api.portal.get_tool("portal_catalog")
    # Unrestricted: folders hidden from the user who flips the switch count too.
    for brain in catalog.unrestrictedSearchResults(portal_type="TaskGroupFolder"):
        apply(brain._unrestrictedGetObject(), public)


def record_modified(event):
    if event.record.__name__ != RECORD:
        return
    # plone.registry notifies on every write, also of an unchanged value (a
    # settings form saved as it was): reindexing every group's security for
    # nothing would be slow on a big site.
    if bool(event.oldValue) == bool(event.newValue):
        return
    apply_everywhere(bool(event.newValue))


def folder_added(folder, event):
    if not is_public():
        apply(folder, False)
