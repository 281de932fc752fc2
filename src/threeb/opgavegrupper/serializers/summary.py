"""Task-group metadata in every plone.restapi listing summary.

Clients that list groups (@search, folder items) get state, theme, dates and
seats from the catalog row, with no extra call and no object woken.
"""

from plone.restapi.interfaces import IJSONSummarySerializerMetadata
from zope.interface import implementer


@implementer(IJSONSummarySerializerMetadata)
class TaskGroupSummaryMetadata:
    def default_metadata_fields(self):
        return {
            "theme",
            "departments",
            "start",
            "deadline",
            "signup_deadline",
            "seats",
            "seats_filled",
        }
