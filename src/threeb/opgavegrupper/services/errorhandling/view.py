"""One error shape for every REST error on a site with the add-on.

plone.rest renders an error as {"type", "message", ...}. Clients of the
add-on's own endpoints get {"error": {"type", "message"[, "field"]}}. This
view adds that `error` object to plone.rest's answer for the errors a client
meets (not logged in, not allowed, not found, bad input), so one shape holds
everywhere, and leaves the rest of the answer as plone.rest wrote it.
"""

from plone.rest.errors import ErrorHandling
from plone.rest.interfaces import IAPIRequest
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from threeb.opgavegrupper import _
from threeb.opgavegrupper.interfaces import IBrowserLayer
from zope.i18n import translate

import json


def _field_errors(exception):
    # plone.restapi's deserializer raises BadRequest with a list of dicts.
    errors = exception.args[0] if exception.args else None
    if isinstance(errors, list):
        return [e for e in errors if isinstance(e, dict)]
    return []


class AddOnErrorHandling(ErrorHandling):
    def render_exception(self, exception):
        result = super().render_exception(exception)
        if result is None or not IBrowserLayer.providedBy(self.request):
            return result
        error = {"type": result["type"], "message": result["message"]}
        fields = [e["field"] for e in _field_errors(exception) if e.get("field")]
        if fields:
            error["field"] = fields[0]
            error["fields"] = fields
            error["message"] = "; ".join(
                str(e.get("message")) for e in _field_errors(exception)
            )
        result["error"] = error
        return result


# When ZODB reports a conflict, Zope retries the whole request (three times
# by default). Only when every retry conflicted does the error get here. Its
# text names the object id, the serials and the class that conflicted: what
# the database does inside, which no visitor needs and nobody outside should
# read. The answer says what happened in words and when to come back.
BUSY_MESSAGE = _(
    "The site was busy and could not save this just now. Nothing was "
    "changed. Please try again in a moment."
)
RETRY_AFTER_SECONDS = "5"


def _busy_status(request):
    response = request.response
    response.setStatus(503, lock=1)
    response.setHeader("Retry-After", RETRY_AFTER_SECONDS)


class BusyErrorHandling(AddOnErrorHandling):
    """REST: a conflict that outlived Zope's retries, as a 503 to retry."""

    def __call__(self):
        data = self.render_exception(self.context)
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        _busy_status(self.request)
        response.setBody(json.dumps(data, indent=2, sort_keys=True), lock=1)

    def render_exception(self, exception):
        # Not plone.rest's: that one repeats the exception's text, and its
        # traceback for a Manager ends in it.
        message = translate(BUSY_MESSAGE, context=self.request)
        error = {"type": "ServiceUnavailable", "message": message}
        return {**error, "error": error}


class BusyPage(BrowserView):
    """Classic UI: the same, as a page of the site (or JSON if asked)."""

    index = ViewPageTemplateFile("busy.pt")

    def __call__(self):
        if IAPIRequest.providedBy(self.request):
            return BusyErrorHandling(self.context, self.request)()
        # The page is drawn in the error's place (its parent is the context).
        self.context = self.__parent__
        _busy_status(self.request)
        if "text/html" not in (self.request.getHeader("Accept") or ""):
            self.request.response.setHeader("Content-Type", "application/json")
            message = translate(BUSY_MESSAGE, context=self.request)
            return json.dumps(
                {"error": {"type": "ServiceUnavailable", "message": message}}
            )
        self.request.set("disable_border", True)
        return self.index(message=BUSY_MESSAGE)
