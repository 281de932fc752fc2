"""The error a lifecycle rule raises to refuse a workflow transition."""

from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate

import transaction


class TransitionRefused(WorkflowException):
    """A business rule refuses a transition; nothing changes.

    A WorkflowException, because plone.restapi answers those with a 400 and
    the message. plone.restapi shows ``str(error)``, which drops the message's
    domain, so ``str()`` translates for the current request here.

    Raising it dooms the transaction. Whoever runs a transition may have
    written before it: plone.restapi's ``@workflow`` sets the effective date
    (and any dates sent with it), and so do Plone's forms; plone.restapi then
    answers the refusal with a 400, which the publisher would commit like any
    answer. A doomed transaction is aborted instead, so a refused transition
    leaves nothing behind whichever way it came, and the answer (a 400 with
    the message, a status message, which lives in a cookie) is unchanged.
    Only raise it to refuse a transition: code that goes on to commit after
    catching one cannot.
    """

    def __init__(self, message):
        super().__init__(message)
        self.message = message
        transaction.doom()

    def __str__(self):
        return translate(self.message, context=getRequest())
