"""The workflow definitions: bindings, states, transitions, guards, Danish titles."""

from plone import api
from zope.i18n import translate

import pytest


CHAINS = {
    "TaskGroupFolder": (),
    "TaskGroup": ("taskgroup_workflow",),
    "Mandate": ("mandate_workflow",),
    "Recommendation": ("recommendation_workflow",),
    "Meeting": ("meeting_workflow",),
}

INITIAL = {
    "taskgroup_workflow": "draft",
    "mandate_workflow": "draft",
    "recommendation_workflow": "draft",
    "meeting_workflow": "internal",
    "taskgroup_material_workflow": "internal",
}

MANAGE = "threeb.opgavegrupper: Manage task group lifecycle"
SUBMIT = "threeb.opgavegrupper: Submit for decision"
DECIDE = "threeb.opgavegrupper: Decide"
PUBLISH = "threeb.opgavegrupper: Publish meeting"
PUBLISH_MATERIAL = "threeb.opgavegrupper: Publish material"

# workflow, transition, from states, to state, guard permission
TRANSITIONS = [
    ("taskgroup_workflow", "open_signup", {"draft"}, "recruiting", MANAGE),
    ("taskgroup_workflow", "back_to_draft", {"recruiting"}, "draft", MANAGE),
    ("taskgroup_workflow", "start_work", {"recruiting"}, "active", MANAGE),
    ("taskgroup_workflow", "conclude", {"active"}, "concluded", MANAGE),
    (
        "taskgroup_workflow",
        "cancel",
        {"draft", "recruiting", "active"},
        "cancelled",
        MANAGE,
    ),
    (
        "mandate_workflow",
        "submit_for_approval",
        {"draft"},
        "pending_approval",
        SUBMIT,
    ),
    ("mandate_workflow", "approve", {"pending_approval"}, "approved", DECIDE),
    ("mandate_workflow", "send_back", {"pending_approval"}, "draft", DECIDE),
    ("recommendation_workflow", "submit", {"draft"}, "submitted", SUBMIT),
    ("recommendation_workflow", "adopt", {"submitted"}, "adopted", DECIDE),
    ("recommendation_workflow", "reject", {"submitted"}, "rejected", DECIDE),
    ("recommendation_workflow", "send_back", {"submitted"}, "draft", DECIDE),
    (
        "recommendation_workflow",
        "mark_implemented",
        {"adopted"},
        "implemented",
        MANAGE,
    ),
    ("meeting_workflow", "publish", {"internal"}, "published", PUBLISH),
    ("meeting_workflow", "retract", {"published"}, "internal", PUBLISH),
    (
        "taskgroup_material_workflow",
        "publish",
        {"internal"},
        "published",
        PUBLISH_MATERIAL,
    ),
    (
        "taskgroup_material_workflow",
        "retract",
        {"published"},
        "internal",
        PUBLISH_MATERIAL,
    ),
]

PUBLIC_STATES = {
    "taskgroup_workflow": {"recruiting", "active", "concluded", "cancelled"},
    "mandate_workflow": {"approved"},
    "recommendation_workflow": {"adopted", "rejected", "implemented"},
    "meeting_workflow": {"published"},
    "taskgroup_material_workflow": {"published"},
}

INTERNAL_ROLES = {
    "Manager",
    "Site Administrator",
    "Staff",
    "BoardMember",
    "TaskGroupChair",
    "TaskGroupMember",
}

DANISH_STATES = {
    ("taskgroup_workflow", "draft"): "Kladde",
    ("taskgroup_workflow", "recruiting"): "Åben for tilmelding",
    ("taskgroup_workflow", "active"): "I arbejde",
    ("taskgroup_workflow", "concluded"): "Afsluttet",
    ("taskgroup_workflow", "cancelled"): "Aflyst",
    ("mandate_workflow", "pending_approval"): "Til godkendelse",
    ("mandate_workflow", "approved"): "Godkendt",
    ("recommendation_workflow", "submitted"): "Indsendt til bestyrelsen",
    ("recommendation_workflow", "adopted"): "Vedtaget",
    ("recommendation_workflow", "rejected"): "Forkastet",
    ("recommendation_workflow", "implemented"): "Gennemført",
    ("meeting_workflow", "internal"): "Intern",
    ("meeting_workflow", "published"): "Offentliggjort",
    ("taskgroup_material_workflow", "internal"): "Intern",
    ("taskgroup_material_workflow", "published"): "Offentliggjort",
}

# Who sees internal things besides INTERNAL_ROLES: material, whoever added it.
READERS = dict.fromkeys(INITIAL, INTERNAL_ROLES)
READERS["taskgroup_material_workflow"] = INTERNAL_ROLES | {"Owner"}


@pytest.fixture
def wftool(portal):
    return api.portal.get_tool("portal_workflow")


@pytest.mark.parametrize("portal_type,chain", CHAINS.items())
def test_chain(wftool, portal_type, chain):
    assert wftool.getChainForPortalType(portal_type) == chain


@pytest.mark.parametrize("portal_type", ["Document", "File", "Image", "Link"])
def test_material_workflow_is_not_bound_site_wide(wftool, portal_type):
    # Only below task groups, through the placeful policy (test_material.py).
    assert "taskgroup_material_workflow" not in wftool.getChainForPortalType(
        portal_type
    )


def test_folder_has_no_workflow_whatever_the_site_default(wftool):
    # The folder must acquire View from the site: see lifecycle/transparency.py.
    wftool.setDefaultChain("simple_publication_workflow")
    assert wftool.getChainForPortalType("TaskGroupFolder") == ()
    assert wftool.getChainForPortalType("Document") == ("simple_publication_workflow",)


@pytest.mark.parametrize("workflow_id,initial", INITIAL.items())
def test_initial_state(wftool, workflow_id, initial):
    assert wftool[workflow_id].initial_state == initial


@pytest.mark.parametrize("workflow_id", INITIAL)
def test_transitions_are_exactly_these(wftool, workflow_id):
    ours = {row[1] for row in TRANSITIONS if row[0] == workflow_id}
    assert set(wftool[workflow_id].transitions.objectIds()) == ours


@pytest.mark.parametrize(
    "workflow_id,transition,sources,target,guard",
    TRANSITIONS,
    ids=[f"{row[0]}-{row[1]}" for row in TRANSITIONS],
)
def test_transition(wftool, workflow_id, transition, sources, target, guard):
    workflow = wftool[workflow_id]
    tdef = workflow.transitions[transition]
    assert tdef.new_state_id == target
    found = {
        state.getId()
        for state in workflow.states.values()
        if transition in state.transitions
    }
    assert found == sources
    # Guards are permissions only: the rules live in tested Python.
    assert tdef.getGuard().permissions == (guard,)
    assert not tdef.getGuard().roles
    assert tdef.getGuard().expr is None


@pytest.mark.parametrize("workflow_id", INITIAL)
def test_only_public_states_acquire_view(wftool, workflow_id):
    for state in wftool[workflow_id].states.values():
        for permission in ("View", "Access contents information"):
            roles = state.permission_roles[permission]
            # DCWorkflow stores an acquiring setting as a list, a closed one as a tuple.
            assert isinstance(roles, list) == (
                state.getId() in PUBLIC_STATES[workflow_id]
            )
            assert set(roles) == READERS[workflow_id]


@pytest.mark.parametrize("workflow_id", INITIAL)
def test_every_title_and_description_is_in_danish(wftool, workflow_id):
    workflow = wftool[workflow_id]
    texts = [workflow.title, workflow.description]
    for state in workflow.states.values():
        texts += [state.title, state.description]
    for transition in workflow.transitions.values():
        texts += [transition.title, transition.description, transition.actbox_name]
    untranslated = [
        text
        for text in texts
        if not text or translate(text, domain="plone", target_language="da") == text
    ]
    assert untranslated == []


@pytest.mark.parametrize("workflow_id,state_id", DANISH_STATES)
def test_state_title_in_danish(wftool, workflow_id, state_id):
    title = wftool[workflow_id].states[state_id].title
    expected = DANISH_STATES[(workflow_id, state_id)]
    assert translate(title, domain="plone", target_language="da") == expected


def test_plone_keeps_its_own_danish(portal):
    # Our catalogue in Plone's domain adds msgids; it must not replace Plone's.
    assert translate("Published", domain="plone", target_language="da") == "Publiceret"


def test_board_worklist_holds_what_awaits_a_decision(wftool, mandate):
    api.content.transition(obj=mandate, transition="submit_for_approval")
    api.user.create(username="ole", email="ole@example.org", password="secret-pw-1")
    api.group.add_user(groupname="organisationsbestyrelse", username="ole")
    with api.env.adopt_user(username="ole"):
        results = wftool.getWorklistsResults()
    assert list(results) == [mandate]
