"""A transition a rule refuses, as a status message on the item.

The add-on's rules refuse a transition by raising ``TransitionRefused``
(lifecycle/errors.py) from a workflow event: accepting into a full
constituency, submitting a recommendation without an approved mandate, ...
Plone's state menu (``content_status_modify``) does not catch it, so the
person got Plone's error page. Drawn in the error's place, this view shows
the refusal as an error message and sends the person back to the item. The
transaction is aborted (the exception doomed it): nothing of the attempt is
kept, the status message lives in a cookie.

REST keeps its own answers: ``@workflow`` catches the refusal itself (400,
or 409 for a full constituency); one that escapes another REST road is a
400 in the add-on's error shape rather than a 500.
"""

from Acquisition import aq_inner
from plone import api
from plone.rest.interfaces import IAPIRequest
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate

import json


class TransitionRefusedView(BrowserView):
    def _item(self):
        """The object the refused transition was asked of."""
        published = aq_inner(self.__parent__) if self.__parent__ is not None else None
        # The published view's context, if a view was published.
        item = getattr(published, "context", published)
        if item is None or not hasattr(item, "absolute_url"):
            return api.portal.get()
        return item

    def __call__(self):
        error = self.context
        message = translate(error.message, context=self.request)
        response = self.request.response
        if IAPIRequest.providedBy(self.request):
            body = {"type": "BadRequest", "message": message}
            response.setHeader("Content-Type", "application/json")
            response.setStatus(400, lock=1)
            return json.dumps({**body, "error": body}, indent=2, sort_keys=True)
        IStatusMessage(self.request).add(error.message, type="error")
        response.redirect(self._item().absolute_url(), lock=1)
        return ""
