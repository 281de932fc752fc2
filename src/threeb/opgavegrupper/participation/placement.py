"""An application stays in the group it was made for, and is never copied.

The application is the record of one person's membership of one group: its
seat in the group's ledger, the person's ``TaskGroupMember`` role and the
roster all follow from where it is. Moved to another group it would leave
the first group's seat and role behind and arrive in the second without
either; copied, it would be a sign-up the person never made. Renaming it
inside its group (the upgrade steps and anonymisation do) changes none of
that and stays possible.

The content class enforces it for every road that goes through Zope's copy
support (REST ``@copy``/``@move``, folder contents, ``object_paste``,
``manage_pasteObjects``, ``plone.api``). The views here only check the same
rule first, so that the person gets a clear answer instead of Zope's "Move
Error" or a permission error that hides the reason.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from OFS.CopySupport import _cb_decode
from OFS.Moniker import loadMoniker
from plone import api
from threeb.opgavegrupper import _
from ZODB.POSException import ConflictError
from zope.globalrequest import getRequest
from zope.i18n import translate


STAYS = _(
    "An application stays in the group it was made for: it cannot be copied, "
    "or moved to another place. Nothing was changed."
)

COPY = 0
MOVE = 1


class ApplicationStays(Exception):
    """Copying an application, or moving it out of its group."""

    def __init__(self, message=STAYS):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return translate(self.message, context=getRequest())


def _is_application(obj):
    from threeb.opgavegrupper.content.application import IApplication

    return IApplication.providedBy(obj)


def check_destination(application, container, op):
    """Raise ApplicationStays unless ``op`` renames in place.

    ``op`` is OFS's: 0 copies, 1 moves (a rename is a move into the
    same container).
    """
    if op != MOVE:
        raise ApplicationStays()
    parent = aq_parent(aq_inner(application))
    if parent is None or aq_base(parent) is not aq_base(container):
        raise ApplicationStays()


def _holds_applications(obj):
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(obj.getPhysicalPath())
    return bool(catalog.unrestrictedSearchResults(portal_type="Application", path=path))


def refused(target, objects, op):
    """Whether copying (op 0) or moving (op 1) ``objects`` into ``target``
    would take an application out of its group or copy one."""
    for obj in objects:
        if op == COPY:
            # A copied group would copy its applications with it.
            if _is_application(obj) or _holds_applications(obj):
                return True
        elif _is_application(obj):
            parent = aq_parent(aq_inner(obj))
            if parent is None or aq_base(parent) is not aq_base(target):
                return True
    return False


def refused_clipboard(target, cp):
    """``refused`` for the objects on a clipboard cookie; False when the
    clipboard cannot be read (Zope's paste then answers that itself)."""
    try:
        op, mdatas = _cb_decode(cp)
        app = target.getPhysicalRoot()
        objects = [loadMoniker(mdata).bind(app) for mdata in mdatas]
    except ConflictError:
        raise
    except Exception:  # noqa: BLE001 - an unreadable clipboard is Zope's to answer
        return False
    return refused(target, objects, op)
