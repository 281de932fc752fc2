"""A participation rule's refusal, shown on the form that asked for it."""

from plone import api
from z3c.form.interfaces import WidgetActionExecutionError
from zope.interface import Invalid


def show_refusal(form, error):
    """At the field the rule names, if the form has it; else as a message.

    :param form: the z3c.form form whose action ran.
    :param error: a ``ParticipationError`` (``message``, ``field``).
    :raises WidgetActionExecutionError: for a field of the form.
    """
    if error.field and error.field in form.widgets:
        raise WidgetActionExecutionError(error.field, Invalid(error.message)) from error
    api.portal.show_message(error.message, form.request, type="error")
