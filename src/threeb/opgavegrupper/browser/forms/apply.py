"""The sign-up form of a task group."""

from plone import api
from plone.autoform.form import AutoExtensibleForm
from threeb.opgavegrupper import _
from threeb.opgavegrupper.browser import csrf
from threeb.opgavegrupper.browser.forms.rules import show_refusal
from threeb.opgavegrupper.content.application import IApplicationForm
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation.errors import ParticipationError
from threeb.opgavegrupper.registration import requests
from z3c.form import button
from z3c.form import form
from z3c.form.interfaces import NO_VALUE


class ApplyForm(AutoExtensibleForm, form.Form):
    schema = IApplicationForm
    ignoreContext = True
    label = _("Sign up for this group")
    description = _(
        "Staff and the group's chair read your application and answer you by e-mail."
    )

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        # z3c.form's "No value" reads as an error; the choice is optional.
        department = self.widgets.get("department")
        if department is not None:
            department.noValueMessage = _("No department given")
            self.prefill_department(department)

    def prefill_department(self, widget):
        """Show the department the person registered with as chosen.

        Only on a form not yet sent: a choice the person sent (also "no
        department") stays theirs. The form ignores any context, so the
        value is the widget's, not a field default shared by every form.
        """
        if widget.extract() is not NO_VALUE or widget.value:
            return
        department = requests.member_department(api.user.get_current())
        if department is None:
            return
        try:
            widget.value = [widget.terms.getTerm(department).token]
        except LookupError:
            return

    def updateActions(self):
        super().updateActions()
        # The form's one real action looks like it, as Plone's "save" does.
        action = self.actions["apply"]
        action.klass = action.klass.replace("btn-secondary", "btn-primary")

    def update(self):
        super().update()
        if api.content.get_state(self.context) != "recruiting":
            api.portal.show_message(
                _("This group is not open for sign-up."), self.request, type="info"
            )
            self.request.response.redirect(self.context.absolute_url())
        elif self.request.method == "GET" and requests.is_pending(
            api.user.get_current().getId()
        ):
            api.portal.show_message(requests.WAITING, self.request, type="info")

    @button.buttonAndHandler(_("Send my application"), name="apply")
    def handle_apply(self, action):
        if not csrf.token_valid(self.request):
            csrf.refuse(
                self.request,
                _(
                    "Your application was not sent: the page was too old. "
                    "Please try again."
                ),
            )
            return
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        try:
            applications.apply(self.context, api.user.get_current(), data)
        except ParticipationError as error:
            show_refusal(self, error)
            return
        api.portal.show_message(
            _("Thank you. Your application has been sent."), self.request
        )
        self.request.response.redirect(self.context.absolute_url())

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.request.response.redirect(self.context.absolute_url())
