"""Anonymising applications once their group has ended long enough ago."""

from .conftest import ENDED
from .conftest import set_state
from DateTime import DateTime
from plone import api
from threeb.opgavegrupper.participation import membership
from threeb.opgavegrupper.participation import retention
from threeb.opgavegrupper.participation import roster
from threeb.opgavegrupper.participation import seats
from threeb.opgavegrupper.participation.applications import application_id

import pytest


PERSONAL = ("fullname", "email", "phone", "motivation", "availability", "organisation")


def catalog():
    return api.portal.get_tool("portal_catalog")


def test_nothing_before_the_days_have_passed(portal, groups):
    assert retention.anonymise(portal, now=ENDED + 180) == []
    anna = groups["vaskeriet"][application_id(groups["vaskeriet"], "anna")]
    assert anna.fullname == "Anna Andersen"
    assert anna.anonymised is False


def test_after_the_days_the_personal_data_is_gone(portal, groups):
    anna_id = application_id(groups["vaskeriet"], "anna")
    old_ids = set(groups["vaskeriet"].objectIds())
    done = retention.anonymise(portal, now=ENDED + 181)
    assert [(item["group"], item["state"]) for item in done] == [
        ("/plone/grupper/vaskeriet", "concluded")
    ]
    assert done[0]["ended"].startswith("2026-01-10")
    group = groups["vaskeriet"]
    assert len(done[0]["applications"]) == 3
    for application in group.objectValues():
        assert application.anonymised is True
        assert application.applicant is None
        assert application.consent_public is False
        assert application.decision_message is None
        assert application.Title() == "Anonymised application"
        for name in PERSONAL:
            assert getattr(application, name) is None, name
    # New ids: the old addresses went out in mails beside the names.
    assert old_ids.isdisjoint(group.objectIds())
    assert sorted(done[0]["applications"]) == sorted(group.objectIds())
    assert anna_id not in group
    (anna,) = [app for app in group.objectValues() if app.department == "Tingbjerg"]
    # Kept for the participation figures.
    assert anna.constituency == "resident"
    assert anna.department == "Tingbjerg"
    assert api.content.get_state(anna) == "accepted"


def applications_found(text):
    brains = catalog().unrestrictedSearchResults(SearchableText=text)
    return [brain.getId for brain in brains if brain.portal_type == "Application"]


def test_no_link_to_the_account_is_left(portal, groups):
    group = groups["vaskeriet"]
    anna, bjarne = (
        group[application_id(group, "anna")],
        group[application_id(group, "bjarne")],
    )
    assert anna.getOwnerTuple()[1] == "anna"
    # Applications are never in the full-text indexes (indexers/application.py).
    assert applications_found("Andersen") == []
    retention.anonymise(portal, now=ENDED + 181)
    assert anna.get_local_roles_for_userid("anna") == ()
    assert "anna" not in anna.listCreators()
    assert anna.getOwnerTuple()[1] != "anna"
    history = bjarne.workflow_history["application_workflow"]
    assert [entry["actor"] for entry in history if entry["action"] == "withdraw"] == [
        None
    ]
    assert all(
        not entry["comments"] for entry in anna.workflow_history["application_workflow"]
    )
    # The person's own page no longer finds it, nor does a search.
    assert list(roster.applications_of("anna")) == []
    assert applications_found("Andersen") == []


def test_the_member_role_follows_the_anonymised_applications(portal, groups):
    # Membership follows the applications: once none names Anna, she is no
    # member, while her seat still counts in the group's record.
    group = groups["vaskeriet"]
    assert "TaskGroupMember" in api.user.get_roles(
        username="anna", obj=group, inherit=False
    )
    retention.anonymise(portal, now=ENDED + 181)
    roles = api.user.get_roles(username="anna", obj=group, inherit=False)
    assert "TaskGroupMember" not in roles
    assert seats.filled(group)["resident"] == 1
    assert membership.problems(group) == []


def test_groups_still_open_are_untouched(portal, groups):
    retention.anonymise(portal, now=ENDED + 5000)
    carl = groups["haver"][application_id(groups["haver"], "carl")]
    assert carl.fullname == "Carl Christensen"
    assert carl.motivation == "Carls grund"
    assert carl.anonymised is False


def test_a_second_run_changes_nothing(portal, groups):
    anna = groups["vaskeriet"][application_id(groups["vaskeriet"], "anna")]
    assert retention.anonymise(portal, now=ENDED + 181)
    before = (anna.Title(), anna.constituency, anna.department, anna.modified())
    assert retention.due(portal, now=ENDED + 400) == []
    assert retention.anonymise(portal, now=ENDED + 400) == []
    assert (anna.Title(), anna.constituency, anna.department, anna.modified()) == before


def test_days_come_from_the_setting(portal, groups):
    api.portal.set_registry_record(retention.RETENTION_RECORD, 10)
    assert retention.anonymise(portal, now=ENDED + 10) == []
    assert retention.anonymise(portal, now=ENDED + 11)


def test_date_is_when_the_group_entered_the_state(portal, groups):
    group = groups["vaskeriet"]
    # A later entry in the same state (a comment) does not move the date.
    set_state(group, "concluded", ENDED + 100)
    assert retention.ended_on(group) == ENDED


def test_cancelled_by_the_real_transition(portal, groups):
    haver = groups["haver"]
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(haver, transition="cancel")
    carl = haver[application_id(haver, "carl")]
    now = DateTime()
    due = retention.due(portal, now=now + 181)
    assert [item["group"].getId() for item in due] == ["vaskeriet", "haver"]
    assert retention.due(portal, now=now + 179)[0]["group"].getId() == "vaskeriet"
    retention.anonymise(portal, now=now + 181)
    assert carl.anonymised is True


def test_due_lists_what_would_be_done(portal, groups):
    (item,) = retention.due(portal, now=ENDED + 181)
    assert item["group"].getId() == "vaskeriet"
    assert item["ended"] == ENDED
    group = groups["vaskeriet"]
    assert {a.getId() for a in item["applications"]} >= {
        application_id(group, "anna"),
        application_id(group, "bjarne"),
    }
    # Nothing was changed by asking.
    assert (
        groups["vaskeriet"][application_id(groups["vaskeriet"], "anna")].anonymised
        is False
    )


@pytest.mark.parametrize("user_id,full", [(None, False), ("staff1", True)])
def test_roster_counts_anonymised_members(portal, groups, user_id, full):
    from plone.app.testing import logout

    retention.anonymise(portal, now=ENDED + 181)
    group = groups["vaskeriet"]
    if user_id is None:
        logout()
        data = roster.roster(group)
    else:
        with api.env.adopt_user(username=user_id):
            data = roster.roster(group)
    resident = next(
        s for s in data["constituencies"] if s["constituency"] == "resident"
    )
    assert resident["filled"] == 1
    if full:
        assert resident["members"][0]["email"] is None
    else:
        assert resident["members"] == []
        assert resident["unnamed"] == 1
    assert "Anna" not in repr(data)
