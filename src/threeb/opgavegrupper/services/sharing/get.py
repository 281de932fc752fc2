"""@sharing on a site with the add-on: refusals in the one error shape, and
searching people only for those who may list them.

plone.restapi answers a caller without "Delegate roles" with a 403 and the
body ``null``, and lets anyone who may delegate a role search every user
and group of the site through ``?search=``. A task group's chair may
delegate (the member role is theirs to see), so a chair listed every
account: the listing "List portal members" withholds from them elsewhere
(hardening/setup.py). Here the refusal is a Forbidden in the add-on's
shape, and ``search`` needs "List portal members" on the site.
"""

from plone import api
from plone.restapi.services.content.sharing import SharingGet
from plone.restapi.services.content.sharing import SharingPost
from threeb.opgavegrupper import _
from zExceptions import Forbidden
from zope.i18n import translate
from zope.security import checkPermission


LIST_MEMBERS = "List portal members"


def _forbidden(request, message, field=None):
    text = translate(message, context=request)
    raise Forbidden([{"field": field, "message": text}] if field else text)


def _may_delegate(context, request):
    if not checkPermission("plone.DelegateRoles", context):
        _forbidden(request, _("You may not see or change who may do what here."))


class AddOnSharingGet(SharingGet):
    def reply(self):
        _may_delegate(self.context, self.request)
        search = self.request.form.get("search")
        if search and not api.user.has_permission(LIST_MEMBERS, obj=api.portal.get()):
            _forbidden(
                self.request,
                _(
                    "Only staff may search the site's people. Ask staff to "
                    "give the person a role."
                ),
                field="search",
            )
        return super().reply()


class AddOnSharingPost(SharingPost):
    def reply(self):
        _may_delegate(self.context, self.request)
        return super().reply()
