"""GET @applications on a task group.

Staff and the group's chair get every application; anyone else logged in
gets only their own. Read from catalog brains the caller may see.
"""

from plone import api
from plone.restapi.services import Service
from threeb.opgavegrupper.participation.applications import applications
from threeb.opgavegrupper.participation.roster import current_name


def summary(brain):
    return {
        "@id": brain.getURL(),
        "id": brain.getId,
        # The account's current name (one lookup; the application stays asleep).
        "name": current_name(brain),
        "applicant": brain.applicant,
        "constituency": brain.constituency,
        "consent_public": brain.consent_public,
        "review_state": brain.review_state,
        "created": brain.created.ISO8601(),
    }


class ApplicationsGet(Service):
    def reply(self):
        may_decide = api.user.has_permission(
            "threeb.opgavegrupper: Decide on applications", obj=self.context
        )
        user_id = None if may_decide else api.user.get_current().getId()
        # Restricted search: the catalog itself keeps out what the caller may
        # not see, whatever the filter above says.
        brains = applications(self.context, user_id=user_id, restricted=True)
        items = [summary(brain) for brain in brains]
        waiting = [
            brain.getId
            for brain in applications(self.context, states=["waitlisted"])
            if may_decide
        ]
        return {
            "@id": f"{self.context.absolute_url()}/@applications",
            "items": items,
            "items_total": len(items),
            "waiting_list": waiting,
        }
