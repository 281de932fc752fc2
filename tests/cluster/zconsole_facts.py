"""What the database holds about the cluster test's groups, read directly.

    zconsole run etc/zope.conf tests/cluster/zconsole_facts.py

Prints one JSON object: for each group in GROUPS its seats, the seat ledger
and every application (applicant, state), read from the objects themselves,
not from what an instance answered.
"""

from plone import api
from threeb.opgavegrupper.participation import seats
from zope.component.hooks import setSite

import json
import os
import sys


def main(app):
    site = app[os.environ["SITE_ID"]]
    setSite(site)
    wftool = site.portal_workflow
    facts = {}
    for group_id in os.environ["GROUPS"].split(","):
        group = site["opgavegrupper"][group_id]
        applications = [
            {
                "id": obj.getId(),
                "uid": obj.UID(),
                "applicant": obj.applicant,
                "state": wftool.getInfoFor(obj, "review_state"),
                "constituency": obj.constituency,
            }
            for obj in group.objectValues()
            if obj.portal_type == "Application"
        ]
        facts[group_id] = {
            "seats": group.seats(),
            "ledger": {key: list(seats.holders(group, key)) for key in group.seats()},
            "applications": applications,
            "indexed": len(
                api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
                    portal_type="Application",
                    path={"query": "/".join(group.getPhysicalPath()), "depth": 1},
                )
            ),
        }
    print(json.dumps(facts))


if __name__ == "__main__":
    main(globals().get("app") or sys.exit("Run me with: zconsole run zope.conf"))
