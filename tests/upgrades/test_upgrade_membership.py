"""From 20261127003 to 20261130001: membership follows the applications."""

from .test_upgrades import metadata_version
from AccessControl.Permission import Permission
from datetime import date
from persistent.mapping import PersistentMapping
from plone import api
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation import membership
from threeb.opgavegrupper.participation import seats
from threeb.opgavegrupper.participation.retention import anonymise_application
from zope.annotation.interfaces import IAnnotations

import hashlib
import pytest


PROFILE = "threeb.opgavegrupper:default"


def derived_id(group, user_id):
    """The id the earlier versions made from the group and the login."""
    digest = hashlib.sha256(f"{group.UID()}:{user_id}".encode()).hexdigest()
    return f"application-{digest[:12]}"


@pytest.fixture
def old_site(portal):
    """A group as 20261127003 left it, with what its roads allowed then."""
    for user_id in ("anna", "bodil", "carl", "dagny"):
        api.user.create(
            email=f"{user_id}@example.org", username=user_id, password="secret-pw-1"
        )
        api.group.add_user(groupname="beboere", username=user_id)
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        group = api.content.create(
            folder,
            "TaskGroup",
            id="vaskeri",
            title="Vaskeri",
            summary="S",
            theme="Udlejning",
            start=date(2026, 1, 1),
            deadline=date(2026, 6, 1),
            seats_resident=3,
        )
        api.content.transition(group, transition="open_signup")
        made = {}
        for user_id in ("anna", "bodil", "carl"):
            app = applications.apply(
                group, api.user.get(username=user_id), {"constituency": "resident"}
            )
            made[user_id] = app
        api.content.transition(made["anna"], transition="accept")
        api.content.transition(made["bodil"], transition="accept")
        anonymise_application(made["bodil"])
        # Old ids, derived from the person.
        for user_id, app in made.items():
            group.manage_renameObject(app.getId(), derived_id(group, user_id))
    annotations = IAnnotations(group)
    # The old ledger held ids; the applicants index did not exist.
    annotations[seats.KEY] = PersistentMapping(
        {"resident": (derived_id(group, "anna"), derived_id(group, "bodil"))}
    )
    del annotations[membership.APPLICANTS_KEY]
    # A member made on the sharing page, without an application.
    group.manage_setLocalRoles("dagny", ["TaskGroupMember"])
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "20261127003")
    return group


def test_the_upgrade_is_offered(old_site):
    steps = api.portal.get_tool("portal_setup").listUpgrades(PROFILE)
    flat = [s for step in steps for s in (step if isinstance(step, list) else [step])]
    assert "Membership follows the applications" in [step["title"] for step in flat]


def test_the_upgrade_carries_the_group_over(old_site):
    group = old_site
    old_ids = {derived_id(group, user_id) for user_id in ("anna", "bodil", "carl")}
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == (metadata_version(),)
    ids = set(group.objectIds())
    # No id is derived from a person any more, also not the anonymised one's.
    assert ids.isdisjoint(old_ids)
    assert len(ids) == 3
    anna = api.content.get(
        path=f"/plone/grupper/vaskeri/{applications.application_id(group, 'anna')}"
    )
    assert anna is not None and anna.applicant == "anna"
    # The ledger by UID, from the accepted applications (the anonymised one
    # still holds its seat).
    accepted = {
        app.UID()
        for app in group.objectValues()
        if api.content.get_state(app) == "accepted"
    }
    assert set(seats.holders(group, "resident")) == accepted
    assert len(accepted) == 2
    # Dan's role came from the sharing page, not from an application.
    assert "TaskGroupMember" not in group.get_local_roles_for_userid("dagny")
    assert "TaskGroupMember" in group.get_local_roles_for_userid("anna")
    assert set(membership.applicants_index(group).keys()) == {"anna", "carl"}
    assert membership.problems(group) == []
    # The application workflow's new permission is in place.
    carl = group[applications.application_id(group, "carl")]
    assert (
        api.user.has_permission(
            "threeb.opgavegrupper: Change seat", username="carl", obj=carl
        )
        is False
    )
    assert set(
        Permission("threeb.opgavegrupper: Change seat", (), carl).getRoles()
    ) == {
        "Manager",
        "Site Administrator",
        "Staff",
    }


def test_the_upgrade_sets_up_the_defences(old_site, portal):
    plugin = portal.acl_users["jwt_auth"]
    plugin.store_tokens = False
    portal.manage_permission(
        "List portal members", roles=["Member", "Manager"], acquire=True
    )
    api.portal.get_tool("portal_setup").upgradeProfile(PROFILE)
    assert plugin.store_tokens is True
    roles = {
        r["name"]
        for r in portal.rolesOfPermission("List portal members")
        if r["selected"]
    }
    assert "Member" not in roles
    assert "Staff" in roles


def test_a_second_run_changes_nothing(old_site):
    from threeb.opgavegrupper.upgrades.membership import upgrade_membership

    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE)
    ids = set(old_site.objectIds())
    upgrade_membership(setup)
    assert set(old_site.objectIds()) == ids
    assert membership.problems(old_site) == []
