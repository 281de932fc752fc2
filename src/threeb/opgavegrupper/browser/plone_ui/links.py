"""Whether a person may follow a link to a view: the view's own permission.

Plone's toolbar offers links by the permissions of portal actions and menus,
and those are not always the permission of the view the link opens: a board
member who may approve a mandate (Review portal content) is offered the
workflow's "Advanced…" page, which needs Modify portal content, and is sent
to the login page. Here the link is judged by the view it opens, with the
permission that view is registered with, so the two cannot drift apart.
"""

from AccessControl import getSecurityManager
from AccessControl.PermissionRole import PermissionRole
from zope.component import queryMultiAdapter


def view_name(obj, url):
    """The name of the view ``url`` opens on ``obj`` (``obj``'s URL and one
    more step), or None when it is no such link."""
    if not url:
        return None
    base = obj.absolute_url() + "/"
    if not url.startswith(base):
        return None
    name = url[len(base) :].split("?", 1)[0].split("#", 1)[0]
    if not name or "/" in name:
        return None
    # A method alias of the type ("edit" for "@@edit").
    type_info = getattr(obj, "getTypeInfo", None)
    fti = type_info() if type_info is not None else None
    if fti is not None:
        alias = fti.queryMethodID(name, default=None)
        if alias and not alias.startswith("("):
            name = alias
    return name.removeprefix("@@")


def may_open(obj, request, url):
    """False when ``url`` opens a view on ``obj`` whose permission the
    current user lacks; True for anything else (another page checks its own)."""
    name = view_name(obj, url)
    if name is None:
        return True
    view = queryMultiAdapter((obj, request), name=name)
    if view is None:
        # Not a view: a skin script or a content attribute checks itself.
        return True
    # What Five declared for the view's __call__, as the publisher reads it.
    roles = getattr(view, "__call____roles__", None)
    if roles is None:
        return True
    security = getSecurityManager()
    if isinstance(roles, PermissionRole):
        return bool(security.checkPermission(roles.__name__, obj))
    return bool(security.getUser().allowed(obj, roles))
