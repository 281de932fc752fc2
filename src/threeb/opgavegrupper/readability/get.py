"""GET @readability on a content object: the LIX of each text residents read.

Whoever may view the object may read its scores: they are figures about
text the person can already read. A type without readable fields answers
with no fields.
"""

from plone.restapi.services import Service
from threeb.opgavegrupper.readability.fields import scores
from threeb.opgavegrupper.readability.fields import summary
from threeb.opgavegrupper.readability.fields import threshold


class ReadabilityGet(Service):
    def reply(self):
        limit = threshold()
        return {
            "@id": f"{self.context.absolute_url()}/@readability",
            "threshold": limit,
            "fields": {
                name: summary(result, limit)
                for name, result in scores(self.context).items()
            },
        }
