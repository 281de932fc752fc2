"""POST @workflow on an application: plone.restapi's, with 409 for conflicts.

plone.restapi answers every refused transition with a 400, and a transition
to the state the object is in already with a 200, as if it had just been
done. Two conflicts are no bad input, and the add-on's endpoints answer
conflicts with a 409:

- accepting into a full constituency (a conflict with the group's seats);
- deciding on an application someone else has just decided on: the
  transition exists, but not from the state the application is in now. Two
  staff pressing "accept" at the same moment both write the application, so
  ZODB makes one of them conflict; Zope retries it, and the retry lands here.
"""

from plone.restapi.services.workflow.transition import WorkflowTransition
from threeb.opgavegrupper import _
from threeb.opgavegrupper.participation import seats
from threeb.opgavegrupper.participation.applications import group_of
from zope.i18n import translate


class ApplicationWorkflowTransition(WorkflowTransition):
    def reply(self):
        decided = self._decided_already()
        if decided is not None:
            self.request.response.setStatus(409)
            return {"error": {"type": "Conflict", "message": decided}}
        result = super().reply()
        if (
            self.request.response.getStatus() == 400
            and self.transition == "accept"
            and not seats.is_free(group_of(self.context), self.context.constituency)
        ):
            self.request.response.setStatus(409)
            result["error"]["type"] = "Conflict"
        return result

    def _decided_already(self):
        """The message if the transition exists, but not from the state now.

        None for a transition the workflow does not have at all: that stays
        plone.restapi's 400.
        """
        if self.transition is None:
            return None
        for workflow in self.wftool.getWorkflowsFor(self.context):
            if self.transition not in workflow.transitions.objectIds():
                continue
            state = workflow._getWorkflowStateOf(self.context)
            if state is None or self.transition in state.transitions:
                return None
            title = translate(
                state.title or state.getId(), domain="plone", context=self.request
            )
            return translate(
                _(
                    "Someone already decided on this application: it is now "
                    "${state}. Reload it to see the decision.",
                    mapping={"state": title},
                ),
                context=self.request,
            )
        return None
