"""POST @erase-person on the site: staff erase one person's data.

Body ``{"user_id": "..."}``; answers 200 with what was erased (the counts
of ``erasure.erase_person``) and a sentence for people. 400 naming
``user_id`` for a missing or non-text value, 404 naming it for a name with
neither an account nor data (see ``participation.erasure_request``).
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from threeb.opgavegrupper import _
from threeb.opgavegrupper.participation import erasure_request
from threeb.opgavegrupper.participation.errors import ParticipationError
from threeb.opgavegrupper.services.errors import error_response
from threeb.opgavegrupper.services.errors import from_participation_error
from threeb.opgavegrupper.services.request_body import read_object
from zope.i18n import translate
from zope.interface import alsoProvides


MANAGE_MEMBERS = "threeb.opgavegrupper: Manage members"


class ErasePersonPost(Service):
    def reply(self):
        if api.user.is_anonymous():
            # The registration keeps anonymous out already; second lock.
            return error_response(
                self.request, 401, "Unauthorized", _("Log in to erase a person.")
            )
        if not api.user.has_permission(MANAGE_MEMBERS, obj=self.context):
            return error_response(
                self.request,
                403,
                "Forbidden",
                _("Only staff may erase a person's data."),
            )
        # As plone.restapi's own write services: a JSON API call carries no
        # form token (cookie-borne calls are held to the site's Origin by
        # the hardening layer).
        alsoProvides(self.request, IDisableCSRFProtection)
        data, refused = read_object(
            self.request,
            _("Send a JSON object with the user_id of the person to erase."),
            field=erasure_request.FIELD,
            known=(erasure_request.FIELD,),
        )
        if refused:
            return refused
        try:
            summary = erasure_request.erase(data.get(erasure_request.FIELD))
        except ParticipationError as error:
            return from_participation_error(self.request, error)
        return {
            "@id": f"{self.context.absolute_url()}/@erase-person",
            **summary,
            "message": translate(
                erasure_request.summary_message(summary), context=self.request
            ),
        }
