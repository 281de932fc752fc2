"""GET @roster on a task group: its accepted members by constituency.

Publicly only the members who consented are named and the others counted;
the group itself, staff and the board get every name and e-mail address.
"""

from plone.restapi.services import Service
from threeb.opgavegrupper.participation.roster import roster
from zope.i18n import translate


class RosterGet(Service):
    def reply(self):
        data = roster(self.context)
        for section in data["constituencies"]:
            section["title"] = translate(section["title"], context=self.request)
        return {"@id": f"{self.context.absolute_url()}/@roster", **data}
