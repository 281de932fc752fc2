"""Deleting a task group needs the right to delete in its folder as well.

The task group workflow gives staff and the chair "Delete objects" on an open
group, so that they may delete what is in it: meetings, drafts and material
acquire it from the group. Plone's own delete action asks for the permission
on the parent too, as Zope always has, but Dexterity's ``manage_delObjects``
(which plone.restapi and the delete confirmation form use) checks only the
object itself. This puts the parent's check back for groups: the chair may
clean up inside a group, not delete the group.
"""

from AccessControl import getSecurityManager
from Products.CMFCore.permissions import DeleteObjects
from zExceptions import Unauthorized


def group_will_be_removed(group, event):
    if event.object is not group:
        # Removed together with its folder, whose deletion was checked.
        return
    if not getSecurityManager().checkPermission(DeleteObjects, event.oldParent):
        raise Unauthorized(
            "Deleting a task group needs 'Delete objects' in its folder as well."
        )
