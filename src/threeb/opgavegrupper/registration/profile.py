"""What a person may change of their own registration afterwards.

The registration's rules hold on every road that writes member data:
``PATCH @users/<id>`` (plone.restapi's, replaced here) and Plone's
*Personal information* form (``@@personal-information``, a validator).

- ``privacy_accepted_on`` and ``privacy_accepted`` are the person's consent
  as the add-on recorded it: nobody writes them by hand (403).
- ``department_board`` is what staff confirm: not by the person (403);
  those who manage users may correct it.
- ``email`` was verified by the link to set the password: the person does
  not change it by hand (403 over REST, an error on the form); those who
  manage users may. The form shows it read-only to the person, with a help
  text saying that staff change it (``PersonalInformation``).
- ``fullname`` and ``address_or_tenancy`` keep the registration's limits
  (not blank, at most 200 characters); ``department`` is one in the
  settings. A department change is the person's own; staff see it on the
  person's data as before.
- Any other key of the person's own PATCH must be a field of *Personal
  information* (400 naming it otherwise).
"""

from AccessControl import getSecurityManager
from plone import api
from plone.app.users.browser.userdatapanel import getUserDataSchema
from plone.app.users.browser.userdatapanel import UserDataConfiglet
from plone.app.users.browser.userdatapanel import UserDataPanel
from plone.restapi.deserializer import json_body
from plone.restapi.permissions import PloneManageUsers
from plone.restapi.services.users import update
from threeb.opgavegrupper import _
from threeb.opgavegrupper.registration import requests
from threeb.opgavegrupper.registration.requests import RegistrationError
from threeb.opgavegrupper.registration.setup import ACCEPTED_ON
from threeb.opgavegrupper.services.errors import error_response
from z3c.form import validator
from zope.interface import Invalid
from zope.schema.interfaces import ITextLine


# Written by the add-on alone, whoever calls.
NOBODY = (ACCEPTED_ON, "privacy_accepted")
EMAIL_VERIFIED = _(
    "Your e-mail address was verified when you set your password; ask the "
    "site's administrators to change it."
)
EMAIL_HELP = _(
    "Your e-mail address was verified when you chose your password. If you "
    "get a new address, the site's administrators change it for you."
)
# The sign-up form's words for an empty department (browser/forms/apply.py).
NO_DEPARTMENT = _("No department given")
# Not by the person themselves; those who manage users may.
NOT_BY_THE_PERSON = {
    "department_board": _(
        "Staff confirm whether you sit on your department's board; ask staff "
        "to change it."
    ),
    "email": EMAIL_VERIFIED,
    "username": _("You cannot change your user name yourself."),
    "roles": _("You cannot change your roles yourself."),
}
# plone.restapi's own keys for the person's own account besides the fields.
OWN_EXTRA = ("password", "portrait")


def can_manage_users():
    return bool(
        getSecurityManager().checkPermission(PloneManageUsers, api.portal.get())
    )


def check_values(data, manager):
    """Raise RegistrationError for the first value the rules refuse."""
    for name, message in (
        ("fullname", _("Write your name.")),
        ("address_or_tenancy", _("Write your address or your tenancy number.")),
    ):
        if name not in data:
            continue
        value = data[name]
        if manager and value in (None, ""):
            continue  # an account without it, as staff's own accounts are
        requests._text(value, name, message)
    if "department" in data:
        department = data["department"]
        if manager and department in (None, ""):
            return
        if department not in requests.departments():
            raise RegistrationError(
                _("Choose one of the departments on the list."), field="department"
            )


class UsersPatch(update.UsersPatch):
    def reply(self):
        if len(self.params) != 1:
            return error_response(
                self.request,
                404,
                "NotFound",
                _("Send the changes to @users/<user id>."),
            )
        try:
            data = json_body(self.request)
        except Exception:  # noqa: BLE001 - any unreadable body is a 400
            data = None
        if not isinstance(data, dict):
            return error_response(
                self.request,
                400,
                "BadRequest",
                _("Send a JSON object with the fields to change."),
            )
        manager = can_manage_users()
        if not manager and self._get_current_user != self.params[0]:
            return super().reply()  # plone.restapi's 401/403
        try:
            self.check(data, manager)
        except RegistrationError as error:
            names = {403: "Forbidden"}
            return error_response(
                self.request,
                error.status,
                names.get(error.status, "BadRequest"),
                error.message,
                field=error.field,
            )
        return super().reply()

    def check(self, data, manager):
        for name in sorted(data):
            if name in NOBODY:
                raise Forbidden(
                    _(
                        "${name} is recorded by the site and cannot be changed.",
                        mapping={"name": name},
                    ),
                    field=name,
                )
        if not manager:
            allowed = set(getUserDataSchema()) | set(OWN_EXTRA)
            for name in sorted(data):
                if name in NOT_BY_THE_PERSON:
                    raise Forbidden(NOT_BY_THE_PERSON[name], field=name)
                if name not in allowed:
                    raise RegistrationError(
                        _(
                            "${name} is not a field of your personal information.",
                            mapping={"name": name[:50]},
                        ),
                        field=name[:50],
                    )
        check_values(data, manager)


class Forbidden(RegistrationError):
    status = 403


class PersonalInformationValidator(validator.SimpleFieldValidator):
    """Plone's personal-information form: the same limits as over REST."""

    def validate(self, value, force=False):
        super().validate(value, force)
        name = self.field.__name__
        manager = can_manage_users()
        if name in ("fullname", "address_or_tenancy") and value:
            try:
                check_values({name: value}, manager)
            except RegistrationError as error:
                raise Invalid(error.message) from None
        if name == "email" and not manager:
            member = self.view.member
            current = (member.getProperty("email") or "").strip().lower()
            if (value or "").strip().lower() != current:
                raise Invalid(EMAIL_VERIFIED)


validator.WidgetValidatorDiscriminators(
    PersonalInformationValidator, view=UserDataPanel, field=ITextLine
)


def adapt_widgets(form):
    """Plone's personal-information form as the person reads it.

    - The department's empty choice in the sign-up form's words, not
      z3c.form's "No value" (which reads as an error).
    - The e-mail address is plainly read-only for the person (Bootstrap's
      read-only plain text) with a help text saying who changes it, instead
      of a field that looks editable and refuses every change on saving.
      Still sent with the form, so the validator above refuses a forged
      change; those who manage users (site administrators) edit it as
      before.
    """
    department = form.widgets.get("department")
    if department is not None and hasattr(department, "noValueMessage"):
        department.noValueMessage = NO_DEPARTMENT
    email = form.widgets.get("email")
    if email is None or can_manage_users() or email.mode != "input":
        return
    email.readonly = "readonly"
    # Nothing to fill in: no "required" mark on the label or the input.
    email.required = False
    classes = {"form-control": "form-control-plaintext", "required": None}
    email.klass = " ".join(
        classes.get(name, name)
        for name in (email.klass or "").split()
        if classes.get(name, name)
    )
    email.description = EMAIL_HELP


class PersonalInformation(UserDataPanel):
    """``@@personal-information`` with the add-on's widgets (above)."""

    def updateWidgets(self):
        super().updateWidgets()
        adapt_widgets(self)


class UserInformation(UserDataConfiglet):
    """``@@user-information``, staff's form for a person: the same words."""

    def updateWidgets(self):
        super().updateWidgets()
        adapt_widgets(self)
