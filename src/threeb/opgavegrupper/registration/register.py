"""Plone's own registration form, with a resident's fields required.

The fields come from the site's member fields (``userschema.xml``); Plone
keeps them optional because staff and board members have no department.
Here, on the form anonymous visitors use, they are required, checked by the
same rules as ``POST @users`` (``requests.problems``), and a registration
that went through (the e-mail with the link to set a password was sent)
waits for staff (``requests.start``).
"""

from plone import api
from plone.app.users.browser import register
from plone.app.users.utils import notifyWidgetActionExecutionError
from threeb.opgavegrupper.registration import requests


# Marked required on the form; the rules check them all.
REQUIRED = ("fullname", "department", "address_or_tenancy", "privacy_accepted")


class RegistrationForm(register.RegistrationForm):
    def is_resident_form(self):
        """Whether the site's member fields still have the add-on's fields.

        An association that removed them gets Plone's plain registration.
        """
        return all(name in self.fields for name in requests.FIELDS)

    def updateWidgets(self):
        super().updateWidgets()
        if not self.showForm or not self.is_resident_form():
            return
        for name in REQUIRED:
            self.widgets[name].required = True
        # A required list shows its first department chosen: someone who
        # does not look registers in Bellahøj. A prompt makes them choose.
        self.widgets["department"].prompt = True

    def validate_registration(self, action, data):
        super().validate_registration(action, data)
        if not self.is_resident_form():
            return
        failed = {error.field.getName() for error in action.form.widgets.errors}
        _values, errors = requests.problems(data)
        for name in requests.FIELDS:
            if name in errors and name not in failed:
                notifyWidgetActionExecutionError(action, name, errors[name])
        if "email" not in failed:
            try:
                requests.check_email_free(data.get("email"))
            except requests.RegistrationError as error:
                notifyWidgetActionExecutionError(action, "email", error.message)

    def handle_join_success(self, data):
        response = super().handle_join_success(data)
        if self._finishedRegister and self.is_resident_form():
            requests.start(data["username"])
            api.portal.show_message(requests.WAITING, self.request, type="info")
        return response
