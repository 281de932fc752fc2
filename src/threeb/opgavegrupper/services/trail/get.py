"""GET @trail on a task group, and ?expand=trail on the group itself.

The group's timeline as its page shows it, from the same overview.trail
module, so a visitor gets only the entries they may see.
"""

from plone.restapi.interfaces import IExpandableElement
from plone.restapi.services import Service
from threeb.opgavegrupper.content.taskgroup import ITaskGroup
from threeb.opgavegrupper.interfaces import IBrowserLayer
from threeb.opgavegrupper.overview.trail import trail
from zope.component import adapter
from zope.interface import implementer


@implementer(IExpandableElement)
@adapter(ITaskGroup, IBrowserLayer)
class Trail:
    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, expand=False):
        url = f"{self.context.absolute_url()}/@trail"
        if not expand:
            return {"trail": {"@id": url}}
        items = trail(self.context)
        return {"trail": {"@id": url, "items": items, "items_total": len(items)}}


class TrailGet(Service):
    def reply(self):
        return Trail(self.context, self.request)(expand=True)["trail"]
