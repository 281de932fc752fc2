"""Examples of what the membership state machine found, one road at a time.

See test_membership_state_machine.py; each test here is a bug it found,
written out as a plain example.
"""

from DateTime import DateTime
from plone import api
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation import retention

import pytest


def apply(group, user_id, constituency="resident"):
    return applications.apply(
        group, api.user.get(username=user_id), {"constituency": constituency}
    )


def decide(application, transition, user_id="staff1", comment=""):
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username=user_id):
        workflow.doActionFor(application, transition, comment=comment)


def conclude_long_ago(portal, group):
    """The group ended years ago; retention anonymises its applications."""
    workflow = api.portal.get_tool("portal_workflow")
    (chain,) = workflow.getChainFor(group)
    with api.env.adopt_roles(["Manager"]):
        workflow.setStatusOf(
            chain,
            group,
            {
                "review_state": "concluded",
                "action": "conclude",
                "actor": "staff1",
                "time": DateTime("2020/01/10 12:00:00 UTC"),
                "comments": "",
            },
        )
        workflow.getWorkflowById(chain).updateRoleMappingsFor(group)
        group.reindexObject()
        assert retention.anonymise(portal, now=DateTime())


def comments(application):
    return [
        entry.get("comments")
        for entries in application.workflow_history.values()
        for entry in entries
        if entry.get("comments")
    ]


@pytest.mark.parametrize(
    ("transition", "state"), [("accept", "accepted"), ("decline", "declined")]
)
def test_a_decision_on_an_anonymised_application_keeps_no_message(
    portal, group, transition, state
):
    application = apply(group, "resident1")
    conclude_long_ago(portal, group)
    assert application.anonymised is True
    decide(application, transition, comment="Kære Resident1 Hansen, velkommen")
    assert api.content.get_state(application) == state
    assert application.decision_message is None
    assert comments(application) == []


def test_a_decision_before_retention_keeps_its_message(group):
    application = apply(group, "resident1")
    decide(application, "accept", comment="Velkommen")
    assert application.decision_message == "Velkommen"
    assert comments(application) == ["Velkommen"]


def test_erasing_a_chair_forgets_who_decided(portal, group):
    """The chair's id leaves the history of the decisions they took."""
    from threeb.opgavegrupper.participation import erasure

    application = apply(group, "resident1")
    decide(application, "accept", user_id="chair1")
    history = application.workflow_history["application_workflow"]
    assert "chair1" in [entry.get("actor") for entry in history]
    erasure.erase_person("chair1")
    history = application.workflow_history["application_workflow"]
    assert "chair1" not in [entry.get("actor") for entry in history]
    assert [entry.get("action") for entry in history][-1] == "accept"
    assert "TaskGroupChair" not in group.get_local_roles_for_userid("chair1")
