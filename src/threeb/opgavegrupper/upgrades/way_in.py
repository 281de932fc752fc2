"""A way in: the personal menu's actions, the meetings portlet, the tab.

Existing sites get "Mine opgavegrupper", the board desk and the dashboard in
the personal menu (actions.xml), the "Kommende møder" portlet offered in the
columns (portlets.xml) and their folders of task groups in the navigation
(plone.displayed_types). Only those steps run, and the navigation setting is
extended, not replaced, so a site's own changes elsewhere stay.
"""

from plone import api
from threeb.opgavegrupper import logger


PROFILE = "profile-threeb.opgavegrupper:default"


def upgrade_way_in(context):
    setup = api.portal.get_tool("portal_setup")
    for step in ("actions", "portlets"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    displayed = tuple(
        api.portal.get_registry_record("plone.displayed_types", default=()) or ()
    )
    if "TaskGroupFolder" not in displayed:
        api.portal.set_registry_record(
            "plone.displayed_types", (*displayed, "TaskGroupFolder")
        )
    logger.info("Personal menu actions, meetings portlet and navigation tab added")
