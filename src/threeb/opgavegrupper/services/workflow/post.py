"""POST @workflow on an application: plone.restapi's, with 409 for conflicts.

plone.restapi answers every refused transition with a 400. Accepting into a
full constituency is no bad input but a conflict with the group's seats, and
the add-on's endpoints answer conflicts with a 409.
"""

from plone.restapi.services.workflow.transition import WorkflowTransition
from threeb.opgavegrupper.participation import seats
from threeb.opgavegrupper.participation.applications import group_of


class ApplicationWorkflowTransition(WorkflowTransition):
    def reply(self):
        result = super().reply()
        if (
            self.request.response.getStatus() == 400
            and self.transition == "accept"
            and not seats.is_free(group_of(self.context), self.context.constituency)
        ):
            self.request.response.setStatus(409)
            result["error"]["type"] = "Conflict"
        return result
