"""Staff add a member directly, e.g. an external adviser without an account."""

from plone import api
from plone.autoform.form import AutoExtensibleForm
from plone.supermodel import model
from threeb.opgavegrupper import _
from threeb.opgavegrupper.browser import csrf
from threeb.opgavegrupper.browser.forms.rules import show_refusal
from threeb.opgavegrupper.content.application import IApplication
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation.errors import ParticipationError
from z3c.form import button
from z3c.form import form
from z3c.form.interfaces import WidgetActionExecutionError
from zope import schema
from zope.interface import Invalid

import copy


def _from_application(name, **changes):
    """A copy of the application's field, with the form's own changes.

    The member that staff add is an application: its fields, limits and
    checks are the application's, declared once in content/application.py.
    The copy is numbered anew so the form's order is this schema's.
    """
    field = copy.copy(IApplication[name])
    field.interface = None
    field.order = schema.Field.order
    schema.Field.order += 1
    default = changes.pop("default", None)
    if default is not None:
        # Not through the validating setter: at import the vocabulary that
        # would check it is not registered yet (the form checks it).
        field.__dict__["default"] = default
    for attribute, value in changes.items():
        setattr(field, attribute, value)
    return field


class IAddMember(model.Schema):
    fullname = _from_application("fullname", required=True)
    organisation = _from_application("organisation")
    email = _from_application("email")
    constituency = _from_application("constituency", default="external")
    # Not the application's "applicant" (shown, never typed): the account
    # is looked up by this name and linked to the application.
    user_id = schema.TextLine(
        title=_("User name (if the person has an account)"),
        description=_("The person then becomes a member and sees the group."),
        required=False,
    )
    consent_public = _from_application(
        "consent_public",
        title=_("Show the name on the public list of members"),
        description="",
    )


class AddMemberForm(AutoExtensibleForm, form.Form):
    schema = IAddMember
    ignoreContext = True
    label = _("Add a member directly")

    @button.buttonAndHandler(_("Add member"), name="add")
    def handle_add(self, action):
        if not csrf.token_valid(self.request):
            csrf.refuse(
                self.request,
                _("The member was not added: the page was too old. Please try again."),
            )
            return
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        user_id = (data.get("user_id") or "").strip() or None
        if user_id and api.user.get(userid=user_id) is None:
            raise WidgetActionExecutionError(
                "user_id", Invalid(_("There is no user with that user name."))
            )
        try:
            applications.add_member(self.context, data, user_id=user_id)
        except ParticipationError as error:
            show_refusal(self, error)
            return
        api.portal.show_message(_("The member has been added."), self.request)
        self.request.response.redirect(
            self.context.absolute_url() + "/@@manage-applications"
        )
