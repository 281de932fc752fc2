"""Staff add a member directly, e.g. an external adviser without an account."""

from plone import api
from plone.autoform.form import AutoExtensibleForm
from plone.supermodel import model
from threeb.opgavegrupper import _
from threeb.opgavegrupper.browser import csrf
from threeb.opgavegrupper.content.application import email_constraint
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation.errors import ParticipationError
from z3c.form import button
from z3c.form import form
from z3c.form.interfaces import WidgetActionExecutionError
from zope import schema
from zope.interface import Invalid


class IAddMember(model.Schema):
    fullname = schema.TextLine(title=_("Name"), required=True)
    organisation = schema.TextLine(title=_("Organisation"), required=False)
    email = schema.TextLine(
        title=_("E-mail"), constraint=email_constraint, required=False
    )
    constituency = schema.Choice(
        title=_("Seat"),
        vocabulary="threeb.opgavegrupper.Constituencies",
        default="external",
        required=True,
    )
    user_id = schema.TextLine(
        title=_("User name (if the person has an account)"),
        description=_("The person then becomes a member and sees the group."),
        required=False,
    )
    consent_public = schema.Bool(
        title=_("Show the name on the public list of members"),
        default=False,
        required=False,
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
            if error.field and error.field in self.widgets:
                raise WidgetActionExecutionError(
                    error.field, Invalid(error.message)
                ) from error
            api.portal.show_message(error.message, self.request, type="error")
            return
        api.portal.show_message(_("The member has been added."), self.request)
        self.request.response.redirect(
            self.context.absolute_url() + "/@@manage-applications"
        )
