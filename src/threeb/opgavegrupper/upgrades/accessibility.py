"""Existing sites get the accessibility bundle: colours, focus, the skip link,
phone widths and names for Plone's unnamed widgets (browser/static), and the
skip link first in the header (the profile's viewlets step).

The bundle's records are written as profiles/default/registry/accessibility.xml
has them; the rest of the registry is left alone (importing the whole registry
step again would set the navigation's values back to the profile's).
"""

from plone import api
from plone.base.interfaces.resources import IBundleRegistry
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


PROFILE = "profile-threeb.opgavegrupper:default"
BUNDLE = "plone.bundles/threeb-opgavegrupper-accessibility"
VALUES = {
    "enabled": True,
    "csscompilation": "++resource++threeb.opgavegrupper/accessibility.css",
    "jscompilation": "++resource++threeb.opgavegrupper/accessibility.js",
    "depends": "plone",
    "load_async": False,
    "load_defer": True,
}


def upgrade_accessibility(context):
    registry = getUtility(IRegistry)
    registry.registerInterface(IBundleRegistry, prefix=BUNDLE)
    for name, value in VALUES.items():
        registry[f"{BUNDLE}.{name}"] = value
    api.portal.get_tool("portal_setup").runImportStepFromProfile(
        PROFILE, "viewlets", run_dependencies=False
    )
