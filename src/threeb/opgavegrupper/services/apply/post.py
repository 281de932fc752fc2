"""POST @apply on a task group: the logged-in person signs up."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.services import Service
from threeb.opgavegrupper import _
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation.errors import ParticipationError
from threeb.opgavegrupper.services.errors import from_participation_error
from threeb.opgavegrupper.services.request_body import read_object
from zope.component import getMultiAdapter
from zope.interface import alsoProvides


class ApplyPost(Service):
    def reply(self):
        # As plone.restapi's own write services: a JSON API call carries no
        # form token, and its authentication (token, basic) is not a cookie.
        alsoProvides(self.request, IDisableCSRFProtection)
        data, refused = read_object(
            self.request, _("Send the application as a JSON object."), field="body"
        )
        if refused:
            return refused
        try:
            applications.check_known(data)
            application = applications.apply(self.context, api.user.get_current(), data)
        except ParticipationError as error:
            return from_participation_error(self.request, error)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", application.absolute_url())
        serializer = getMultiAdapter((application, self.request), ISerializeToJson)
        return serializer()
