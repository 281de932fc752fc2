"""Documents, files, images and links in a task group: the material workflow.

On a real site Plone's documents and links have simple_publication_workflow
(private to their owner, or public to everyone) and files and images have no
workflow (as public as their folder). Inside a task group the placeful policy
gives them the material workflow instead, so they follow the visibility
principle: internal to staff, the board and the group until made public, then
as public as the group or meeting that holds them.
"""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from contextlib import contextmanager
from plone import api
from plone.app.testing import logout
from Products.CMFPlacefulWorkflow.PlacefulWorkflowTool import WorkflowPolicyConfig_id
from threeb.opgavegrupper.lifecycle.material import POLICY
from threeb.opgavegrupper.lifecycle.material import policy_config
from threeb.opgavegrupper.lifecycle.material import TYPES
from threeb.opgavegrupper.lifecycle.material import WORKFLOW
from threeb.opgavegrupper.lifecycle.transparency import RECORD
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest


SIMPLE = ("simple_publication_workflow",)


@pytest.fixture(autouse=True)
def real_site_chains(portal):
    """The chains a site made with Plone's classic distribution has."""
    wftool = api.portal.get_tool("portal_workflow")
    wftool.setDefaultChain("simple_publication_workflow")
    wftool.setChainForPortalTypes(("Document", "Link"), SIMPLE)
    wftool.setChainForPortalTypes(("File", "Image"), ())


@contextmanager
def acting_as(username):
    if username is None:
        before = getSecurityManager()
        logout()
        try:
            yield
        finally:
            setSecurityManager(before)
    else:
        with api.env.adopt_user(username=username):
            yield


def sees(obj, username):
    """Whether the user may view ``obj`` and finds it in the catalog."""
    with acting_as(username):
        may_view = api.user.has_permission("View", obj=obj)
        found = len(api.content.find(UID=api.content.get_uuid(obj))) == 1
    assert may_view == found, "permission and catalog disagree"
    return may_view


def state(obj):
    return api.content.get_state(obj=obj)


@pytest.fixture
def recruiting(group, people, do_transition):
    do_transition(group, "open_signup", "mette")
    return group


@pytest.fixture
def member_document(recruiting):
    """An internal note a member adds to a group open for sign-up."""
    with api.env.adopt_user(username="mads"):
        return api.content.create(recruiting, "Document", id="notat", title="Notat")


# Which workflow


@pytest.mark.parametrize("portal_type", TYPES)
def test_material_in_a_group_gets_the_material_workflow(recruiting, portal_type):
    with api.env.adopt_user(username="mads"):
        obj = api.content.create(recruiting, portal_type, id="item", title="Item")
    wftool = api.portal.get_tool("portal_workflow")
    assert wftool.getChainFor(obj) == (WORKFLOW,)
    assert state(obj) == "internal"
    assert api.content.find(UID=api.content.get_uuid(obj))[0].review_state == (
        "internal"
    )


def test_material_in_a_meeting_gets_it_too(group, in_state):
    in_state(group, "active")
    meeting = api.content.create(group, "Meeting", id="m1", title="Møde 1")
    attachment = api.content.create(meeting, "File", id="referat", title="Referat")
    wftool = api.portal.get_tool("portal_workflow")
    assert wftool.getChainFor(attachment) == (WORKFLOW,)


def test_plone_content_elsewhere_keeps_the_site_workflows(portal, group):
    wftool = api.portal.get_tool("portal_workflow")
    document = api.content.create(portal, "Document", id="om", title="Om")
    image = api.content.create(portal, "Image", id="logo", title="Logo")
    assert wftool.getChainFor(document) == SIMPLE
    assert wftool.getChainFor(image) == ()


@pytest.mark.parametrize(
    "portal_type,chain",
    [
        ("Mandate", ("mandate_workflow",)),
        ("Meeting", ("meeting_workflow",)),
        ("Recommendation", ("recommendation_workflow",)),
    ],
)
def test_other_types_in_a_group_keep_their_own(group, portal_type, chain):
    obj = api.content.create(group, portal_type, id="item", title="Item")
    assert api.portal.get_tool("portal_workflow").getChainFor(obj) == chain


def test_the_policy_binds_exactly_the_material_types(portal):
    placeful = api.portal.get_tool("portal_placeful_workflow")
    policy = placeful.getWorkflowPolicyById(POLICY)
    bound = {
        fti.getId()
        for fti in api.portal.get_tool("portal_types").listTypeInfo()
        if policy.getChainFor(fti.getId()) is not None
    }
    assert bound == set(TYPES)
    assert all(policy.getChainFor(type_id) == (WORKFLOW,) for type_id in TYPES)


def test_a_new_group_has_the_policy_below_it_not_among_its_items(group):
    config = policy_config(group)
    assert config.getPolicyBelowId() == POLICY
    assert config.getPolicyInId() == ""
    assert WorkflowPolicyConfig_id not in group.objectIds()


# Internal material


@pytest.mark.parametrize(
    "username,expected",
    [
        ("mads", True),  # who added it
        ("lise", True),  # another member
        ("tove", True),  # the chair
        ("mette", True),  # staff
        ("ole", True),  # the organisation board
        ("jens", False),  # a resident outside the group
        (None, False),  # Anonymous
    ],
)
def test_a_members_internal_document_is_for_the_group(
    member_document, username, expected
):
    assert state(member_document) == "internal"
    assert sees(member_document, username) is expected


def test_internal_material_is_hidden_even_with_the_switch_on(member_document):
    assert api.portal.get_registry_record(RECORD) is True
    assert not sees(member_document, None)


@pytest.mark.parametrize(
    "username,expected",
    [("mads", True), ("tove", True), ("mette", True), ("lise", False), ("ole", False)],
)
def test_who_edits_an_internal_document(member_document, username, expected):
    with api.env.adopt_user(username=username):
        may = api.user.has_permission("Modify portal content", obj=member_document)
    assert may is expected


def test_staff_edit_a_members_document_and_it_is_versioned(member_document):
    # Plone keeps versions of documents: saving one needs CMFEditions'
    # permissions, which the material workflow gives to whoever may edit.
    with api.env.adopt_user(username="mette"):
        member_document.title = "Notat, rettet"
        notify(ObjectModifiedEvent(member_document))
    history = api.portal.get_tool("portal_repository").getHistoryMetadata(
        member_document
    )
    assert history.getLength(countPurged=False) >= 2


@pytest.mark.parametrize("username", ["mads", "lise", "ole", "jens"])
def test_only_staff_and_the_chair_make_material_public(member_document, username):
    wftool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username=username):
        assert not wftool.getTransitionsFor(member_document)


# Published material: as public as its group


def test_chair_publishes_and_retracts(member_document, do_transition):
    assert do_transition(member_document, "publish", "tove") == "published"
    assert sees(member_document, None)
    assert do_transition(member_document, "retract", "mette") == "internal"
    assert not sees(member_document, None)


@pytest.fixture
def published(member_document, do_transition):
    do_transition(member_document, "publish", "tove")
    return member_document


@pytest.mark.parametrize("username", [None, "jens"])
def test_published_in_a_public_group_is_public(published, username):
    assert sees(published, username)


@pytest.mark.parametrize("username", [None, "jens"])
def test_published_in_a_working_group_is_public(
    published, recruiting, do_transition, username
):
    do_transition(recruiting, "start_work", "mette")
    assert sees(published, username)


def test_published_in_a_draft_group_stays_internal(
    published, recruiting, do_transition
):
    do_transition(recruiting, "back_to_draft", "mette")
    assert not sees(published, None)
    assert not sees(published, "jens")
    assert sees(published, "lise")


def test_published_with_transparency_off_is_for_logged_in_users(published):
    api.portal.set_registry_record(RECORD, False)
    assert not sees(published, None)
    assert sees(published, "jens")


# In a meeting: as public as the meeting, when made public itself


@pytest.mark.parametrize(
    "meeting_public,file_public,expected",
    [
        (False, False, False),
        (True, False, False),
        (False, True, False),
        (True, True, True),
    ],
)
def test_a_file_in_a_meeting(
    group, people, in_state, do_transition, meeting_public, file_public, expected
):
    in_state(group, "active")
    with api.env.adopt_user(username="tove"):
        meeting = api.content.create(group, "Meeting", id="m1", title="Møde 1")
        attachment = api.content.create(meeting, "File", id="referat", title="Referat")
    if meeting_public:
        do_transition(meeting, "publish", "tove")
    if file_public:
        do_transition(attachment, "publish", "tove")
    assert sees(attachment, None) is expected
    assert sees(attachment, "jens") is expected
    assert sees(attachment, "lise")


# Groups that existed before


def test_importing_the_profile_puts_the_policy_below_existing_groups(
    recruiting, people
):
    # A group from before the policy: its material has the site's workflow.
    delattr(recruiting, WorkflowPolicyConfig_id)
    with api.env.adopt_user(username="mads"):
        old = api.content.create(recruiting, "Document", id="gammel", title="Gammel")
    wftool = api.portal.get_tool("portal_workflow")
    assert wftool.getChainFor(old) == SIMPLE
    assert not sees(old, "lise")  # private to its owner

    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(
        "profile-threeb.opgavegrupper:default", "placeful_workflow"
    )

    assert policy_config(recruiting).getPolicyBelowId() == POLICY
    assert wftool.getChainFor(old) == (WORKFLOW,)
    assert state(old) == "internal"
    assert api.content.find(UID=api.content.get_uuid(old))[0].review_state == (
        "internal"
    )
    assert sees(old, "lise")
    assert not sees(old, "jens")


# Moved in from elsewhere


def test_a_public_page_moved_into_a_draft_group_becomes_internal(
    portal, group, people, do_transition
):
    page = api.content.create(portal, "Document", id="side", title="Side")
    api.content.transition(obj=page, transition="publish")
    assert sees(page, None)

    moved = api.content.move(source=page, target=group)

    assert state(moved) == "internal"
    assert not sees(moved, None)
    assert not sees(moved, "jens")
    assert sees(moved, "lise")


def test_a_copy_into_a_group_starts_internal(portal, recruiting):
    page = api.content.create(portal, "Document", id="side", title="Side")
    api.content.transition(obj=page, transition="publish")
    copy = api.content.copy(source=page, target=recruiting)
    assert state(copy) == "internal"
    assert not sees(copy, None)
