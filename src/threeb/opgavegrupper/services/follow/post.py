"""POST @follow on a task group: the logged-in person follows it."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from threeb.opgavegrupper import _
from threeb.opgavegrupper.participation import following
from threeb.opgavegrupper.services.errors import error_response
from zope.interface import alsoProvides


class FollowService(Service):
    """Follow or unfollow; the answer says whether the caller now follows."""

    def change(self, user_id):
        raise NotImplementedError

    def reply(self):
        if api.user.is_anonymous():
            # The permission keeps anonymous out already; this is the second
            # lock, since following needs a user id.
            return error_response(
                self.request, 401, "Unauthorized", _("Log in to follow a group.")
            )
        if not api.user.has_permission("View", obj=self.context):
            return error_response(
                self.request, 403, "Forbidden", _("You cannot see this group.")
            )
        user_id = api.user.get_current().getId()
        # As @apply and plone.restapi's own write services: a JSON API call
        # carries no form token.
        alsoProvides(self.request, IDisableCSRFProtection)
        self.change(user_id)
        return {
            "@id": f"{self.context.absolute_url()}/@follow",
            "following": following.is_following(self.context, user_id),
        }


class FollowPost(FollowService):
    def change(self, user_id):
        following.follow(self.context, user_id)
