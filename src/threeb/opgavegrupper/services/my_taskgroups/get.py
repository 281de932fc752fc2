"""GET @my-taskgroups on the site: the caller's groups, applications, follows.

Only ever the current user's own data: the service takes no user parameter.
"""

from plone import api
from plone.restapi.services import Service
from threeb.opgavegrupper import _
from threeb.opgavegrupper.overview import listing
from threeb.opgavegrupper.participation import roster
from threeb.opgavegrupper.services.errors import error_response


class MyTaskGroupsGet(Service):
    def reply(self):
        if api.user.is_anonymous():
            return error_response(
                self.request, 401, "Unauthorized", _("Log in to see your groups.")
            )
        user_id = api.user.get_current().getId()
        groups = roster.memberships(user_id)
        decisions = listing.outcomes(
            {group["UID"] for group in groups if group["visible"]}
        )
        for group in groups:
            if group["visible"]:
                # The board's decisions on the group's recommendations.
                group["decision"] = decisions.get(group["UID"])
        return {
            "@id": f"{self.context.absolute_url()}/@my-taskgroups",
            "user_id": user_id,
            "groups": groups,
            "applications": roster.application_summaries(user_id),
            "following": roster.followed(user_id),
        }
