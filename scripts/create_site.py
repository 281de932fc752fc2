"""Create (or reuse) the demo Plone site.

Run through Zope's own console so that it works on the instance's ZODB:

    zconsole run instance/etc/zope.conf scripts/create_site.py

Environment:
    SITE_ID          id of the site (default: Plone)
    DELETE_EXISTING  "true" drops an existing site of that id first
    MAIL_PORT        port of the demo's mail sink (default: 8025)

The demo site sends its mail to the local sink `make run` starts
(scripts/mailsink.py), with a sender address of its own. That is set after
the demo content is made, so building the site mails none of its demo
people, and only while the site still has Plone's default mail server: a
site whose mail settings someone has made keeps them.
"""

from AccessControl.SecurityManagement import newSecurityManager
from plone import api
from plone.base.utils import get_installer
from Products.CMFPlone.factory import addPloneSite
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import os
import sys
import transaction


PACKAGE = "threeb.opgavegrupper"
SITE_ID = os.environ.get("SITE_ID") or "Plone"
DELETE_EXISTING = os.environ.get("DELETE_EXISTING", "").lower() in ("1", "true", "yes")
MAIL_PORT = int(os.environ.get("MAIL_PORT") or 8025)
DEMO_MAIL = {
    "plone.smtp_host": "127.0.0.1",
    "plone.smtp_port": MAIL_PORT,
    "plone.email_from_address": "opgavegrupper@3b.example.org",
}

ANSWERS = {
    "title": "3B Opgavegrupper",
    "description": "Opgavegrupper i Boligforeningen 3B",
    "default_language": "da",
    "portal_timezone": "Europe/Copenhagen",
    "setup_content": False,
}


def configure_demo_mail():
    """Point the site's mail at the demo's sink, unless it has its own server."""
    host = api.portal.get_registry_record("plone.smtp_host")
    port = api.portal.get_registry_record("plone.smtp_port")
    if (host, port) not in {("localhost", 25), ("127.0.0.1", MAIL_PORT)}:
        print(f"The site sends its mail through {host}:{port}; kept as it is.")
        return
    for name, value in DEMO_MAIL.items():
        api.portal.set_registry_record(name, value)
    # Mail goes out in the organisation's name, as its title and logo show it.
    organisation = "threeb.opgavegrupper.organisation_name"
    name = api.portal.get_registry_record(organisation, default="")
    api.portal.set_registry_record("plone.email_from_name", name or ANSWERS["title"])
    transaction.commit()
    print(f"The site's mail goes to the demo's mail sink on port {MAIL_PORT}.")


def main(app):
    app = makerequest(app)
    app.REQUEST["PARENTS"] = [app]
    admin = app.acl_users.getUserById("admin") or app.acl_users.getUsers()[0]
    newSecurityManager(None, admin.__of__(app.acl_users))

    if SITE_ID in app.objectIds() and DELETE_EXISTING:
        app.manage_delObjects([SITE_ID])
        transaction.commit()
        print(f"Dropped the site {SITE_ID}.")

    if SITE_ID in app.objectIds():
        site = app[SITE_ID]
        setSite(site)
        installer = get_installer(site)
        if not installer.is_product_installed(PACKAGE):
            installer.install_product(PACKAGE)
            site.portal_setup.runAllImportStepsFromProfile(f"profile-{PACKAGE}:demo")
            transaction.commit()
            print(f"Installed {PACKAGE} in the existing site {SITE_ID}.")
        elif installer.upgrade_info(PACKAGE).get("required"):
            installer.upgrade_product(PACKAGE)
            # The demo profile only adds what is missing: a demo site made by
            # an older version gets the demo content that came later.
            site.portal_setup.runAllImportStepsFromProfile(f"profile-{PACKAGE}:demo")
            transaction.commit()
            print(f"Upgraded {PACKAGE} in the existing site {SITE_ID}.")
        else:
            print(f"The site {SITE_ID} exists; reusing it.")
        configure_demo_mail()
        return

    site = addPloneSite(app, SITE_ID, distribution_name="classic", **ANSWERS)
    setSite(site)
    get_installer(site).install_product(PACKAGE)
    site.portal_setup.runAllImportStepsFromProfile(f"profile-{PACKAGE}:demo")
    transaction.commit()
    print(f"Created the site {SITE_ID} with {PACKAGE} and its demo content.")
    configure_demo_mail()


if __name__ == "__main__":
    # zconsole puts the Zope application in the globals as `app`.
    main(globals().get("app") or sys.exit("Run me with: zconsole run zope.conf"))
