"""The cluster test's people and groups, made once on the demo site.

    zconsole run etc/zope.conf tests/cluster/zconsole_setup.py

Environment: SITE_ID, RESIDENTS (how many), SEATS (resident seats of each
group), GROUPS (comma-separated ids). Prints ``ready``.
"""

from AccessControl.SecurityManagement import newSecurityManager
from datetime import date
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from Testing.makerequest import makerequest
from threeb.opgavegrupper.setuphandlers.demo_content import FOLDER_ID
from zope.component.hooks import setSite

import os
import sys
import transaction


PASSWORD = "cluster-test-password"
BLOB_DATA = b"A file kept as a blob: it must survive backup and restore.\n" * 200


def main(app):
    app = makerequest(app)
    admin = app.acl_users.getUserById("admin")
    newSecurityManager(None, admin.__of__(app.acl_users))
    site = app[os.environ["SITE_ID"]]
    setSite(site)
    residents = int(os.environ["RESIDENTS"])
    seats = int(os.environ["SEATS"])
    for number in (1, 2):
        user_id = f"cluster-staff-{number}"
        api.user.create(
            username=user_id,
            email=f"{user_id}@example.org",
            password=PASSWORD,
            properties={"fullname": f"Staff {number}"},
        )
        api.group.add_user(groupname="medarbejdere", username=user_id)
    for number in range(residents):
        user_id = f"resident-{number:03d}"
        api.user.create(
            username=user_id,
            email=f"{user_id}@example.org",
            password=PASSWORD,
            properties={"fullname": f"Resident {number:03d}"},
        )
        api.group.add_user(groupname="beboere", username=user_id)
    today = date.today()
    folder = site[FOLDER_ID]
    with api.env.adopt_roles(["Manager"]):
        for group_id in os.environ["GROUPS"].split(","):
            group = api.content.create(
                folder,
                "TaskGroup",
                id=group_id,
                title=f"Cluster {group_id}",
                summary="Many people sign up at the same moment.",
                challenge=RichTextValue(
                    "<p>Nothing may be lost.</p>", "text/html", "text/x-html-safe"
                ),
                theme="Fællesskab og trivsel",
                departments=[],
                start=today + timedelta(days=45),
                deadline=today + timedelta(days=200),
                signup_deadline=today + timedelta(days=21),
                seats_org_board=0,
                seats_department_board=0,
                seats_resident=seats,
                seats_staff=0,
                seats_external=0,
                contact="mette",
            )
            api.content.transition(obj=group, transition="open_signup")
        api.content.create(
            site,
            "File",
            id="cluster-blob",
            title="A blob",
            file=NamedBlobFile(data=BLOB_DATA, filename="blob.txt"),
        )
    transaction.commit()
    print("ready")


if __name__ == "__main__":
    main(globals().get("app") or sys.exit("Run me with: zconsole run zope.conf"))
