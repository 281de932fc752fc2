"""Upgrade to 20261130001: membership follows the applications.

- Application ids become random: an id made from the group and the login
  (``application-<sha256[:12]>``) let anyone test whether a person applied,
  and stayed on anonymised applications as a key back to the person.
- The seat ledger is kept by application UID and rebuilt from the accepted
  applications; each group gets its applicants index; ``TaskGroupMember`` is
  held by exactly the accepted applicants (a role given on the sharing page
  without an application is taken back, and logged).
- Applications leave the groups' order list (concurrent sign-ups conflicted
  on it).
- Applications' full text without their id (a new word per sign-up made
  concurrent sign-ups conflict in the full-text index).
- The application workflow's new "Change seat" permission, the rolemap's
  "Edit application record" and the sharing page without ``TaskGroupMember``.
"""

from plone import api
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.participation import membership
from threeb.opgavegrupper.participation.applications import new_application_id

import re


PROFILE = "profile-threeb.opgavegrupper:default"
# The ids the earlier versions made: a hash of group UID and login, with a
# counter for a second application of the same person.
DERIVED_ID = re.compile(r"^application-[0-9a-f]{12}(-\d+)?$")


def _import_steps():
    setup = api.portal.get_tool("portal_setup")
    for step in ("rolemap", "workflow", "sharing"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)


def _refresh_application_security(catalog):
    wftool = api.portal.get_tool("portal_workflow")
    workflow = wftool["application_workflow"]
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        application = brain._unrestrictedGetObject()
        workflow.updateRoleMappingsFor(application)
        application.reindexObjectSecurity()
        # The full-text index no longer holds the (random) id.
        application.reindexObject(idxs=["SearchableText"])


def rename_derived_ids(group):
    """Give every application with a derived id a random one; returns how many."""
    renamed = 0
    for old_id in [i for i in group.objectIds() if DERIVED_ID.match(i)]:
        if group[old_id].portal_type != "Application":
            continue
        new_id = new_application_id()
        while new_id in group.objectIds():
            new_id = new_application_id()
        group.manage_renameObject(old_id, new_id)
        renamed += 1
    return renamed


def _drop_from_order(group):
    try:
        from threeb.opgavegrupper.content.ordering import drop_applications_from_order
    except ImportError:
        return
    drop_applications_from_order(group)


def upgrade_membership(context):
    _import_steps()
    catalog = api.portal.get_tool("portal_catalog")
    renamed = revoked = 0
    with api.env.adopt_roles(["Manager"]):
        for brain in catalog.unrestrictedSearchResults(portal_type="TaskGroup"):
            group = brain._unrestrictedGetObject()
            _drop_from_order(group)
            renamed += rename_derived_ids(group)
            changes = membership.sync_group(group)
            revoked += len(changes["revoked"])
            membership.log_changes(group, changes, "the upgrade")
        _refresh_application_security(catalog)
    logger.info(
        "Membership upgrade: %d application ids made random, %d member roles "
        "without an accepted application taken back",
        renamed,
        revoked,
    )
