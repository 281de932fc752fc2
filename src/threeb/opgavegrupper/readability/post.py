"""POST @readability: the LIX of a draft, for those who write.

On the site, or on the object or folder a form edits or adds to (the form's
live score asks there, so that a local Editor or Contributor may).

The body is ``{"text": "...", "html": false}``; ``html`` true reads the text
as a rich text field's HTML. Nothing is stored. Only editors may ask (the
edit forms' live score uses it): anonymous callers get 401, people who edit
nothing 403, so the endpoint is no free text service for anyone.
"""

from plone import api
from plone.restapi.services import Service
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.limits import RICHTEXT_MAX_LENGTH
from threeb.opgavegrupper.readability.fields import summary
from threeb.opgavegrupper.readability.fields import threshold
from threeb.opgavegrupper.readability.lix import score
from threeb.opgavegrupper.services.errors import error_response
from threeb.opgavegrupper.services.errors import json_object


# The longest text a readable field holds (rich text, in characters of HTML).
TEXT_MAX_LENGTH = RICHTEXT_MAX_LENGTH
KEYS = frozenset({"text", "html"})
# Global roles of people who write what residents read.
EDITOR_ROLES = frozenset(
    {"Manager", "Site Administrator", "Editor", "Contributor", "Staff", "BoardMember"}
)


# Where someone may write or add, they may score what they write there:
# Plone's Editor and Contributor given on the sharing page (local roles).
WRITE_PERMISSIONS = ("Modify portal content", "Add portal content")


def is_editor(user, context=None):
    """Whether ``user`` writes texts: an editing role on the site, the right
    to edit or add in ``context`` (local roles count), or a group's chair or
    member."""
    if EDITOR_ROLES & set(api.user.get_roles(user=user)):
        return True
    if context is not None and any(
        api.user.has_permission(permission, user=user, obj=context)
        for permission in WRITE_PERMISSIONS
    ):
        return True
    from threeb.opgavegrupper.participation.following import index_key
    from threeb.opgavegrupper.participation.membership import PEOPLE_INDEX

    key = index_key(user.getId())
    if key is None:
        return False
    catalog = api.portal.get_tool("portal_catalog")
    return bool(catalog.unrestrictedSearchResults(**{PEOPLE_INDEX: key}, sort_limit=1))


class ReadabilityPost(Service):
    def _bad(self, message, field):
        return error_response(self.request, 400, "BadRequest", message, field=field)

    def reply(self):
        if api.user.is_anonymous():
            return error_response(
                self.request, 401, "Unauthorized", _("Log in to score a text.")
            )
        if not is_editor(api.user.get_current(), self.context):
            return error_response(
                self.request,
                403,
                "Forbidden",
                _("Only those who write texts for the site can score a draft."),
            )
        data = json_object(self.request)
        if data is None:
            return self._bad(
                _('Send a JSON object such as {"text": "..."}.'), field="body"
            )
        unknown = sorted(set(data) - KEYS)
        if unknown:
            return self._bad(
                _(
                    "Unknown key: ${key}. Send text and, for HTML, html: true.",
                    mapping={"key": unknown[0][:100]},
                ),
                field=unknown[0][:100],
            )
        text = data.get("text")
        if not isinstance(text, str):
            return self._bad(_("text must be a string."), field="text")
        if len(text) > TEXT_MAX_LENGTH:
            return self._bad(
                _(
                    "text is too long: at most ${max} characters.",
                    mapping={"max": TEXT_MAX_LENGTH},
                ),
                field="text",
            )
        html = data.get("html", False)
        if not isinstance(html, bool):
            return self._bad(_("html must be true or false."), field="html")
        limit = threshold()
        result = summary(score(text, html=html), limit)
        result["threshold"] = limit
        return result
