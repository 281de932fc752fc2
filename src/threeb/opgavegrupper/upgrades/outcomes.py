"""Outcomes and Plone's editorial roles on an existing site.

The type ``Outcome`` and its workflow, the group's new permissions (adding
outcomes, Editor's right to edit a public group's texts, staff's "Edit group
set-up") and the feed's collection. Only the steps that carry them run
(types, workflows, rolemap), and only the groups get their permissions
recomputed: their children keep theirs, which did not change.
"""

from plone import api
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.outcomes.feed import ensure_feed


PROFILE = "profile-threeb.opgavegrupper:default"
STEPS = ("typeinfo", "workflow", "rolemap")


def upgrade_outcomes(context):
    setup = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    wftool = api.portal.get_tool("portal_workflow")
    workflow = wftool.getWorkflowById("taskgroup_workflow")
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="TaskGroup"):
        workflow.updateRoleMappingsFor(brain._unrestrictedGetObject())
        count += 1
    if ensure_feed() is None:
        logger.warning(
            "The site has something called 'resultater' that is no collection: "
            "no feed of outcomes was made"
        )
    logger.info("Outcomes installed; permissions of %d task groups updated", count)
