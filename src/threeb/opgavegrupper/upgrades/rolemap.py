"""The site's permission settings from the profile's rolemap.xml.

New permissions that the profile grants (or withholds from every role, as
"Edit workflow record": a mandate's approval date is the workflow's alone)
reach existing sites only through the rolemap import step; nothing else is
re-imported, so a site's own changes to other steps stay.
"""

from plone import api


PROFILE = "profile-threeb.opgavegrupper:default"


def upgrade_rolemap(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "rolemap", run_dependencies=False)
