"""POST @apply on a task group: the logged-in person signs up.

A body without ``department`` takes the department the person registered
with, as the sign-up form shows it chosen.
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.services import Service
from threeb.opgavegrupper import _
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation.errors import ParticipationError
from threeb.opgavegrupper.registration import requests
from threeb.opgavegrupper.services.errors import from_participation_error
from threeb.opgavegrupper.services.request_body import read_object
from zope.component import getMultiAdapter
from zope.interface import alsoProvides


def with_own_department(data, user):
    """The body, with the person's own department when it names none.

    As the sign-up form shows the department the person registered with
    chosen: a body without the key takes it; ``"department": null`` says
    "no department" and stays so.
    """
    if "department" in data:
        return data
    department = requests.member_department(user)
    return data if department is None else {**data, "department": department}


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
        user = api.user.get_current()
        try:
            applications.check_known(data)
            application = applications.apply(
                self.context, user, with_own_department(data, user)
            )
        except ParticipationError as error:
            return from_participation_error(self.request, error)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", application.absolute_url())
        serializer = getMultiAdapter((application, self.request), ISerializeToJson)
        return serializer()
