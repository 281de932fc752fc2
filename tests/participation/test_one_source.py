"""Facts said once: the decisions come from the workflow, the applications of
a group from one query, the member form from the application's schema, who
sees what from permissions, and who is told from roles (not group names)."""

from .conftest import make_group
from plone import api
from threeb.opgavegrupper.browser.forms.member import IAddMember
from threeb.opgavegrupper.content.application import IApplication
from threeb.opgavegrupper.lifecycle import transparency
from threeb.opgavegrupper.notifications import recipients
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation import decisions
from threeb.opgavegrupper.participation.roster import sees_full_roster
from threeb.opgavegrupper.stats.access import is_board_or_staff
from threeb.opgavegrupper.vocabularies.users import users_with_role
from zope.component import getUtility
from zope.schema import getFieldNamesInOrder
from zope.schema.interfaces import IVocabularyFactory

import pytest


def ids_by_state():
    return {
        state: [decision["id"] for decision in found]
        for state, found in decisions.by_state().items()
    }


def test_the_decisions_each_state_allows_are_the_workflows(portal):
    assert ids_by_state() == {
        "pending": ["accept", "waitlist", "decline"],
        "waitlisted": ["accept", "decline"],
        "accepted": ["remove"],
        "declined": [],
        "withdrawn": [],
    }
    # The applicant's own withdrawal is no decision.
    assert decisions.ids() == ["accept", "waitlist", "decline", "remove"]


def test_a_transition_added_to_the_workflow_shows_on_the_page(portal):
    workflow = decisions.workflow()
    workflow.transitions.addTransition("reconsider")
    reconsider = workflow.transitions["reconsider"]
    reconsider.setProperties(
        title="Reconsider",
        new_state_id="pending",
        props={"guard_permissions": decisions.DECIDE},
    )
    workflow.states["declined"].setProperties(transitions=("reconsider",))
    assert ids_by_state()["declined"] == ["reconsider"]
    assert "reconsider" in decisions.ids()


def test_decision_titles_come_from_the_workflow(portal):
    titles = {d["id"]: d["title"] for d in decisions.by_state()["pending"]}
    assert titles["waitlist"] == "Put on the waiting list"


@pytest.fixture
def applied(group):
    for user_id in ("resident1", "resident2"):
        applications.apply(
            group, api.user.get(userid=user_id), {"constituency": "resident"}
        )
    return group


def test_the_applications_of_a_group_restricted_to_what_the_caller_sees(applied):
    everyone = applications.applications(applied)
    assert [brain.applicant for brain in everyone] == ["resident1", "resident2"]
    with api.env.adopt_user(username="resident1"):
        seen = applications.applications(applied, restricted=True)
        assert [brain.applicant for brain in seen] == ["resident1"]
    with api.env.adopt_user(username="chair1"):
        assert len(applications.applications(applied, restricted=True)) == 2
    pending = applications.applications(
        applied, user_id="resident2", states=["pending"]
    )
    assert [brain.applicant for brain in pending] == ["resident2"]


def test_the_member_form_has_the_applications_fields_and_limits():
    assert getFieldNamesInOrder(IAddMember) == [
        "fullname",
        "organisation",
        "email",
        "constituency",
        "user_id",
        "consent_public",
    ]
    for name in ("fullname", "organisation", "email"):
        assert IAddMember[name].max_length == IApplication[name].max_length
    assert IAddMember["email"].constraint is IApplication["email"].constraint
    assert IAddMember["constituency"].vocabularyName == (
        IApplication["constituency"].vocabularyName
    )
    assert IAddMember["constituency"].default == "external"
    assert IAddMember["fullname"].required
    assert not IApplication["fullname"].required
    # The copies belong to the form's schema, the originals stay the application's.
    assert IAddMember["email"].interface is IAddMember
    assert IApplication["email"].interface is IApplication


@pytest.mark.parametrize(
    ("user_id", "full"),
    [
        ("staff1", True),
        ("board1", True),
        ("chair1", True),  # a local role on the group
        ("resident1", False),
        ("dept1", False),
        ("outsider", False),
    ],
)
def test_who_sees_the_full_roster_is_the_permissions(group, user_id, full):
    assert sees_full_roster(group, api.user.get(userid=user_id)) is full


def test_a_role_granted_the_roster_permission_sees_the_full_roster(group):
    api.portal.get().manage_permission(
        "threeb.opgavegrupper: View full roster", roles=["Resident"], acquire=True
    )
    assert sees_full_roster(group, api.user.get(userid="resident1"))


@pytest.mark.parametrize(
    ("user_id", "sees"),
    [("staff1", True), ("board1", True), ("chair1", False), ("resident1", False)],
)
def test_who_sees_the_figures_is_the_permissions(group, user_id, sees):
    with api.env.adopt_user(username=user_id):
        assert is_board_or_staff(api.portal.get()) is sees


def test_the_board_is_whoever_holds_its_role_by_any_group(group):
    assert recipients.board() == ["board1"]
    api.group.create(groupname="bestyrelsen", roles=["BoardMember"])
    api.group.add_user(groupname="bestyrelsen", username="resident3")
    api.user.grant_roles(username="dept1", roles=["BoardMember"])
    api.group.remove_user(groupname="organisationsbestyrelse", username="board1")
    assert recipients.board() == ["dept1", "resident3"]


def test_staff_are_whoever_holds_the_staff_role(portal, people):
    api.group.create(groupname="administration", roles=["Staff"])
    api.group.create(groupname="kontoret", groups=[])
    api.group.add_user(groupname="kontoret", username="resident2")
    # A group inside a staff group: its members are staff too.
    portal.portal_groups.addPrincipalToGroup("kontoret", "administration")
    ids = [user.getId() for user in users_with_role("Staff")]
    assert ids == ["resident2", "staff1"]
    factory = getUtility(IVocabularyFactory, "threeb.opgavegrupper.StaffUsers")
    assert [term.value for term in factory(portal)] == ["resident2", "staff1"]


def test_a_closed_folder_lets_in_every_role_but_anonymous(portal, people):
    make_group(portal)
    api.portal.set_registry_record(transparency.RECORD, False)
    folder = portal["grupper"]
    roles = {
        setting["name"]
        for setting in folder.rolesOfPermission("View")
        if setting["selected"]
    }
    assert roles == set(portal.valid_roles()) - {"Anonymous"}
