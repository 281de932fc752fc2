"""Existing sites get TinyMCE without its advertising.

New sites have it from profiles/default/registry/tinymce.xml: the editor's
"Other settings" (``plone.other_settings``, JSON that Plone merges into
TinyMCE's configuration) turn off the "Build with TinyMCE" link (branding)
and the offer of the paid version (promotion). Here the two keys are set in
a site's own settings, so whatever else its administrators put there stays.
"""

from plone import api
from threeb.opgavegrupper import logger

import json


RECORD = "plone.other_settings"
SETTINGS = {"branding": False, "promotion": False}


def upgrade_tinymce_branding(context):
    text = api.portal.get_registry_record(RECORD, default=None) or "{}"
    try:
        settings = json.loads(text)
    except ValueError:
        settings = None
    if not isinstance(settings, dict):
        # Plone ignores settings it cannot read; they are the site's to mend,
        # not to be replaced here.
        logger.warning(
            "TinyMCE's other settings are not a JSON object; branding left as it is"
        )
        return
    settings.update(SETTINGS)
    api.portal.set_registry_record(RECORD, json.dumps(settings, indent=2))
    logger.info("TinyMCE's branding and promotion turned off")
