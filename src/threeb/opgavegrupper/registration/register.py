"""Plone's own registration form, with a resident's fields required.

The fields come from the site's member fields (``userschema.xml``); Plone
keeps them optional because staff and board members have no department.
Here, on the form anonymous visitors use, they are required, checked by the
same rules as ``POST @users`` (``requests.problems``), and a registration
that went through (the e-mail with the link to set a password was sent)
waits for staff (``requests.start``).

Plone's "registered" page says only that the account exists. A resident's
registration has steps left before the person can take a seat that needs a
role, so the page shown afterwards names them (``templates/registered.pt``):
confirm the e-mail address, staff approve, and what the person can do
until then, as ``requests`` and the participation rules have it.
"""

from datetime import datetime
from datetime import timedelta
from datetime import UTC
from plone import api
from plone.app.users.browser import register
from plone.app.users.utils import notifyWidgetActionExecutionError
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from threeb.opgavegrupper import _
from threeb.opgavegrupper import dates
from threeb.opgavegrupper.participation.applications import SEAT_ROLES
from threeb.opgavegrupper.registration import requests
from threeb.opgavegrupper.vocabularies.constituencies import KEYS
from zope.i18n import translate


# Marked required on the form; the rules check them all.
REQUIRED = ("fullname", "department", "address_or_tenancy", "privacy_accepted")


class RegistrationForm(register.RegistrationForm):
    welcome = ViewPageTemplateFile("templates/registered.pt")
    # What the person registered, for the page shown afterwards.
    registered = None

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
            self.registered = {
                "email": data.get("email") or "",
                "board": bool(data.get("department_board")),
                # Plone's own condition for mailing the link (register.py).
                "mailed": bool(
                    data.get("mail_me")
                    or not (
                        api.portal.get_registry_record(
                            "plone.enable_user_pwd_choice", default=False
                        )
                        or data.get("password")
                    )
                ),
            }
        return response

    def render(self):
        if self._finishedRegister and self.registered is not None:
            return self.welcome()
        return super().render()

    # The page after a resident registered ------------------------------

    def _tr(self, message):
        return translate(message, context=self.request)

    def lead(self):
        return self._tr(
            _(
                "You are registered. Before you can sign up for a seat that "
                "needs a role, you confirm your e-mail address and a member "
                "of staff approves your registration."
            )
        )

    def confirm_text(self):
        email = self.registered["email"]
        if self.registered["mailed"]:
            return self._tr(
                _(
                    "Open the e-mail we have just sent to ${email} and follow "
                    "its link to choose your password. The link works until "
                    "${time}; after that, ask for a new one through "
                    '"Trouble logging in?" on the login page.',
                    mapping={"email": email, "time": self.link_expires()},
                )
            )
        # Passwords chosen on the form: no link was mailed. Setting a
        # password through the reset link is what verifies the address
        # (requests.credentials_updated).
        return self._tr(
            _(
                'Ask for a link through "Trouble logging in?" on the login '
                "page: it goes to ${email}. Choosing your password through it "
                "confirms the address.",
                mapping={"email": email},
            )
        )

    def link_expires(self):
        """When the mailed link stops working, as Plone's page computes it."""
        days = api.portal.get_tool("portal_password_reset").getExpirationTimeout()
        return dates.datetime_text(datetime.now(UTC) + timedelta(days=days))

    def approve_text(self):
        texts = [
            _(
                "A member of staff checks that you live in the department you "
                "gave. They can approve your registration only when you have "
                "confirmed your e-mail address. You get an e-mail when it is "
                "approved. If staff cannot confirm it, you get an e-mail "
                "saying why, and your account and the data you registered "
                "are deleted."
            )
        ]
        if self.registered["board"]:
            texts.append(
                _(
                    "You said you sit on your department's board: staff "
                    "confirm that too before you can take a department board "
                    "member's seat."
                )
            )
        return " ".join(self._tr(text) for text in texts)

    def until_text(self):
        # The rules' own lists: a person waiting holds no role, so only the
        # seats no role is asked for are open to them.
        open_now = [key for key in KEYS if key not in SEAT_ROLES]
        return self._tr(
            _(
                "You can log in, follow task groups and sign up for the seats "
                "that need no role: ${seats}. A seat as a resident or as a "
                "department board member needs the approval.",
                mapping={"seats": requests.titles(open_now)},
            )
        )
