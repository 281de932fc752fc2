"""Upgrade steps that bring a site to what the default profile now says."""

from plone import api
from threeb.opgavegrupper import logger


PROFILE = "profile-threeb.opgavegrupper:default"
OUR_TYPES = (
    "TaskGroupFolder",
    "TaskGroup",
    "Mandate",
    "Meeting",
    "Recommendation",
    "Application",
)


def reapply_profile(context):
    """Import every step of the default profile again and catch up.

    New types, workflows, permissions, indexes and the placeful policy land;
    objects get their workflow's current permissions and a fresh catalog row,
    so new indexes and metadata are filled for existing content.
    """
    setup = api.portal.get_tool("portal_setup")
    setup.runAllImportStepsFromProfile(PROFILE, purge_old=False)
    api.portal.get_tool("portal_workflow").updateRoleMappings()
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=list(OUR_TYPES)):
        obj = brain._unrestrictedGetObject()
        obj.reindexObject()
        count += 1
    logger.info("Reapplied the profile; reindexed %s objects", count)
