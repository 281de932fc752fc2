"""Refuse a write sent without a valid CSRF token, and say so.

plone.protect aborts the transaction of a request that writes without the
``_authenticator`` token only after the view has run, so a view that writes
and then adds "saved" to the status messages would tell the person it
succeeded while nothing was kept. Every view and form of the add-on that
writes therefore checks the token first and, without it, answers 403 with
the page again and an error that says nothing was saved.
"""

from plone.protect import CheckAuthenticator
from Products.statusmessages.interfaces import IStatusMessage
from threeb.opgavegrupper import _
from zExceptions import Forbidden


STALE = _("Nothing was saved: the page was too old. Please try again.")


def token_valid(request):
    """Whether the request carries a valid ``_authenticator`` token."""
    try:
        CheckAuthenticator(request)
    except Forbidden:
        return False
    return True


def refuse(request, message=STALE):
    """Mark the response as refused (403) with ``message`` as an error.

    The caller renders its page as the answer; the status message viewlet
    shows ``message`` on it.
    """
    request.response.setStatus(403)
    IStatusMessage(request).add(message, type="error")
