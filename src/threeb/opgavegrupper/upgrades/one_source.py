"""Existing sites get what "one source for each fact" moved into the profile.

- The rolemap: "View full roster" and "View participation figures", which
  replace role lists in Python (participation/roster.py, stats/access.py).
- The board desk's and the figures' actions in the personal menu ask for
  "View participation figures" (profiles/default/actions.xml).
- The stylesheets as bundles of Plone's resource registry instead of <link>
  tags in the templates (profiles/default/registry/opgavegrupper.xml).
- Task-group folders closed by the transparency switch open to every role
  but Anonymous, as lifecycle/transparency.py now sets them.

Only these are written: importing the whole actions or registry step again
would set a site's own changes back to the profile's.
"""

from plone import api
from plone.base.interfaces.resources import IBundleRegistry
from plone.registry.interfaces import IRegistry
from threeb.opgavegrupper.lifecycle import transparency
from threeb.opgavegrupper.stats.access import VIEW_FIGURES
from zope.component import getUtility


PROFILE = "profile-threeb.opgavegrupper:default"
ACTIONS = ("board-desk", "participation-dashboard")
BUNDLES = {
    "plone.bundles/threeb-opgavegrupper": {
        "enabled": True,
        "csscompilation": "++resource++threeb.opgavegrupper/opgavegrupper.css",
        "depends": "plone",
        "load_async": False,
        "load_defer": False,
    },
    "plone.bundles/threeb-opgavegrupper-print": {
        "enabled": False,
        "csscompilation": "++resource++threeb.opgavegrupper.insight/print.css",
        "depends": "plone",
        "load_async": False,
        "load_defer": False,
    },
}


def _actions():
    category = api.portal.get_tool("portal_actions").get("user")
    for name in ACTIONS:
        action = category.get(name) if category is not None else None
        if action is not None:
            action._setPropValue("permissions", (VIEW_FIGURES,))


def _bundles():
    registry = getUtility(IRegistry)
    for prefix, values in BUNDLES.items():
        registry.registerInterface(IBundleRegistry, prefix=prefix)
        for name, value in values.items():
            registry[f"{prefix}.{name}"] = value


def upgrade_one_source(context):
    api.portal.get_tool("portal_setup").runImportStepFromProfile(
        PROFILE, "rolemap", run_dependencies=False
    )
    _actions()
    _bundles()
    if not transparency.is_public():
        # Public folders acquire from the site and need nothing.
        transparency.apply_everywhere(False)
