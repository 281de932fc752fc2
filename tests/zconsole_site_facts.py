"""Print facts about a site, for tests/test_make_site.py (run by zconsole)."""

from plone import api
from plone.base.utils import get_installer
from zope.component.hooks import setSite

import os


site = app[os.environ["SITE_ID"]]  # noqa: F821 -- zconsole provides `app`
setSite(site)
print(f"title={site.title}")
print(f"language={api.portal.get_registry_record('plone.default_language')}")
print(f"timezone={api.portal.get_registry_record('plone.portal_timezone')}")
print(f"installed={get_installer(site).is_product_installed('threeb.opgavegrupper')}")
print(f"demo_user={api.user.get(username='mette').getProperty('fullname')}")
theme = site.portal_setup.getLastVersionForProfile("plonetheme.barceloneta:default")
print(f"classic={theme != 'unknown'}")
print(f"zope_admin={app.acl_users.getUserById('admin') is not None}")  # noqa: F821
