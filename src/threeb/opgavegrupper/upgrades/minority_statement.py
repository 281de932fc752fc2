"""A minority statement recorded at the board's decision.

The new permission "Edit minority statement" (rolemap) and the maps of it
in the recommendation workflow and the group workflow (where a new
recommendation's add form takes it from); only recommendations and groups
get their permissions recomputed, as nothing else changed.
"""

from plone import api
from threeb.opgavegrupper import logger


PROFILE = "profile-threeb.opgavegrupper:default"
STEPS = ("rolemap", "workflow")
WORKFLOWS = {
    "TaskGroup": "taskgroup_workflow",
    "Recommendation": "recommendation_workflow",
}


def upgrade_minority_statement(context):
    setup = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    wftool = api.portal.get_tool("portal_workflow")
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for portal_type, workflow_id in WORKFLOWS.items():
        workflow = wftool.getWorkflowById(workflow_id)
        for brain in catalog.unrestrictedSearchResults(portal_type=portal_type):
            workflow.updateRoleMappingsFor(brain._unrestrictedGetObject())
            count += 1
    logger.info("Minority statements: permissions of %d objects", count)
