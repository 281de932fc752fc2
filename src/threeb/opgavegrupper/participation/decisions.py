"""The decisions on an application, as the application workflow has them.

A decision is a transition of the application workflow that is guarded by
"Decide on applications" (accept, waitlist, decline, remove; the applicant's
own withdrawal is not one). Which decisions a state allows are the state's
exit transitions: read from the workflow, so the pages follow it.
"""

from plone import api


WORKFLOW_ID = "application_workflow"
DECIDE = "threeb.opgavegrupper: Decide on applications"


def workflow():
    return api.portal.get_tool("portal_workflow")[WORKFLOW_ID]


def is_decision(transition):
    """Whether a transition definition is a decision on the application."""
    guard = transition.getGuard() if transition is not None else None
    return guard is not None and DECIDE in (guard.permissions or ())


def ids():
    """The ids of the decisions, in the workflow's order."""
    return [t.getId() for t in workflow().transitions.objectValues() if is_decision(t)]


def by_state():
    """{state id: [{"id", "title"}]}: the decisions each state allows."""
    definition = workflow()
    transitions = definition.transitions
    found = {}
    for state in definition.states.objectValues():
        found[state.getId()] = [
            {"id": transition_id, "title": transitions[transition_id].title}
            for transition_id in state.transitions
            if transition_id in transitions and is_decision(transitions[transition_id])
        ]
    return found
