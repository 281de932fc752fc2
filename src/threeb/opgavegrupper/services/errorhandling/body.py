"""A request body that is not a JSON object is bad input: a 400 naming it.

plone.restapi reads the body with ``json_body``, which raises
DeserializationError for text that is not JSON (or not UTF-8) and for JSON
that is not an object (``[1]``, ``null``). Where a service does not catch it
(content creation, ``@workflow``) plone.rest answers it as a 500; where it does
(``PATCH``), as a 400 of its own type. Both are bad input from the client:
the error view below answers it as the add-on's BadRequest naming ``body``,
and the subscriber reads the body of a ``PATCH`` before plone.restapi's
service does, so that a ``PATCH`` fails the same way. The exception aborts
the transaction: nothing is stored.
"""

from plone.rest.interfaces import IAPIRequest
from plone.restapi.deserializer import json_body
from plone.restapi.services.content.update import ContentPatch
from threeb.opgavegrupper import _
from threeb.opgavegrupper.interfaces import IBrowserLayer
from threeb.opgavegrupper.services.errorhandling.view import AddOnErrorHandling
from zope.i18n import translate

import json


BODY_MESSAGE = _(
    "The body of the request must be a JSON object: UTF-8 text in curly "
    "braces with the fields by name."
)


def answer_bad_body(request, message, field="body"):
    """Answer the request with a 400 naming ``field`` (the body unless
    told), saying ``message`` (an error view's answer: status and body
    locked)."""
    message = translate(message, context=request)
    error = {"type": "BadRequest", "message": message, "field": field}
    response = request.response
    response.setHeader("Content-Type", "application/json")
    response.setStatus(400, lock=1)
    response.setBody(
        json.dumps({**error, "error": error}, indent=2, sort_keys=True), lock=1
    )
    # As plone.rest's: no login challenge for a REST error.
    response._has_challenged = True


class DeserializationErrorHandling(AddOnErrorHandling):
    """plone.restapi's DeserializationError as a 400 naming the body."""

    def __call__(self):
        if not IBrowserLayer.providedBy(self.request):
            # A site without the add-on keeps plone.rest's answer.
            return super().__call__()
        answer_bad_body(self.request, BODY_MESSAGE)


class RecordValueErrorHandling(AddOnErrorHandling):
    """A registry record refused a value written through @registry (the
    add-on's settings subscribers): a 400 naming the record."""

    def __call__(self):
        if not IBrowserLayer.providedBy(self.request):
            return super().__call__()
        answer_bad_body(
            self.request, self.context.args[0], field=self.context.record_name
        )


def read_patch_body_first(event):
    """IPubAfterTraversal: a PATCH whose body is not a JSON object fails here.

    plone.restapi's PATCH catches the error itself and answers with a type
    of its own; failing before it runs gives the one answer above.
    """
    request = event.request
    if not (IAPIRequest.providedBy(request) and IBrowserLayer.providedBy(request)):
        return
    if (request.get("REQUEST_METHOD") or "").upper() != "PATCH":
        return
    if isinstance(request.get("PUBLISHED"), ContentPatch):
        json_body(request)
