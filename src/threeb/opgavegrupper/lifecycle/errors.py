"""The error a lifecycle rule raises to refuse a workflow transition."""

from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate


class TransitionRefused(WorkflowException):
    """A business rule refuses a transition; the state does not change.

    A WorkflowException, because plone.restapi answers those with a 400 and
    the message. plone.restapi shows ``str(error)``, which drops the message's
    domain, so ``str()`` translates for the current request here.
    """

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return translate(self.message, context=getRequest())
