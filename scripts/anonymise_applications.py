"""Anonymise the applications of groups that ended long enough ago.

Run through Zope's own console, e.g. nightly from cron:

    zconsole run instance/etc/zope.conf scripts/anonymise_applications.py

Environment:
    SITE_ID   id of the site (default: Plone)

The rules (which groups, how many days, what is removed) are in
threeb.opgavegrupper.participation.retention; this only runs them and
commits. Running it twice is harmless: the second run finds nothing due.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import os
import sys
import transaction


def main(app, site_id=None):
    """Anonymise what is due in the site; returns what was done."""
    from threeb.opgavegrupper.participation.retention import anonymise

    site_id = site_id or os.environ.get("SITE_ID") or "Plone"
    app = makerequest(app)
    if site_id not in app.objectIds():
        sys.exit(f"There is no site {site_id!r}; set SITE_ID.")
    site = app[site_id]
    setSite(site)
    # A Zope manager runs it, so the catalog and the workflow see everything.
    admin = app.acl_users.getUserById("admin") or app.acl_users.getUsers()[0]
    newSecurityManager(None, admin.__of__(app.acl_users))
    try:
        done = anonymise(site)
        transaction.get().note(f"Anonymised applications in {site_id}")
        transaction.commit()
    finally:
        noSecurityManager()
    count = sum(len(item["applications"]) for item in done)
    for item in done:
        print(
            f"{item['group']} ({item['state']} {item['ended'][:10]}): "
            f"{len(item['applications'])} applications"
        )
    print(f"Anonymised {count} applications in {len(done)} groups of {site_id}.")
    return done


if __name__ == "__main__":
    # zconsole puts the Zope application in the globals as `app`.
    main(globals().get("app") or sys.exit("Run me with: zconsole run zope.conf"))
