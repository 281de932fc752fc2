"""REST: a resident registers through ``POST @users``; staff decide through
``@registration-requests``.

``POST @users`` is plone.restapi's, for anonymous callers on a site that
allows self-registration: the resident's fields are checked here first
(``{"error": {"type", "message", "field"}}``, 400, naming the field), a key
that is no field of the registration form is refused (it would otherwise be
stored as a member property: a date of acceptance, say), and a registration
that went through waits for staff. Those who manage users create accounts
and import CSV files as plone.restapi does; anyone else logged in gets 403
(see ``UsersPost``). A reset of a password is plone.restapi's.
"""

from plone import api
from plone.app.users.browser.register import getRegisterSchema
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from plone.restapi.services.users import add
from smtplib import SMTPException
from threeb.opgavegrupper import _
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.registration import requests
from threeb.opgavegrupper.registration.requests import RegistrationError
from threeb.opgavegrupper.services.errors import error_response
from threeb.opgavegrupper.services.errors import from_participation_error
from threeb.opgavegrupper.services.request_body import read_object
from zope.i18n import translate
from zope.interface import alsoProvides
from ZPublisher.HTTPRequest import FileUpload

import transaction


# plone.restapi's own keys of a registration.
PLONE_KEYS = ("username", "email", "password", "sendPasswordReset")
# The form's own helpers, not data.
FORM_ONLY = ("password_ctl", "mail_me")
MANAGE_MEMBERS = "threeb.opgavegrupper: Manage members"


def registration_keys():
    """What a registration may send: Plone's keys and the form's fields."""
    fields = [name for name in getRegisterSchema() if name not in FORM_ONLY]
    return set(PLONE_KEYS) | set(fields)


def _user_name_free(registration, username):
    """Plone's check of a new user name, and no account or group that
    differs from it only in case ("Admin", "Beboere"): people read them as
    the same name."""
    if not registration.isMemberIdAllowed(username):
        return False
    if not registration.isMemberIdAllowed(username.lower()):
        return False
    name = username.casefold()
    acl_users = api.portal.get_tool("acl_users")
    for found in acl_users.searchUsers(id=username, exact_match=False):
        if (found.get("userid") or found.get("id") or "").casefold() == name:
            return False
    return not any(
        group_id.casefold() == name
        for group_id in api.portal.get_tool("portal_groups").getGroupIds()
    )


class UsersPost(add.UsersPost):
    """Three roads, chosen by who calls (not by what they send).

    - those who manage users (Manager, Site Administrator: "Plone Site
      Setup: Users and Groups") create accounts and import a CSV file as
      plone.restapi does; staff approve registrations instead
      (``@registration-requests``) and create no accounts;
    - anyone else logged in (a resident, a person still waiting) has an
      account already: 403, nothing is created;
    - anonymous callers register, checked by the registration's rules.

    ``@users/<id>/reset-password`` stays plone.restapi's for everyone: the
    token or the old password is its check.
    """

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        if self.request.form:
            return self.import_file()
        if self.params:
            if len(self.params) != 2 or self.params[1] != "reset-password":
                return error_response(
                    self.request,
                    404,
                    "NotFound",
                    _("Post to @users/<user id>/reset-password, or to @users."),
                )
            return super().reply()
        if self.can_manage_users:
            return super().reply()
        if not api.user.is_anonymous():
            return error_response(
                self.request,
                403,
                "Forbidden",
                _(
                    "You already have an account. Only those who manage the "
                    "site's users may create accounts."
                ),
            )
        return self.self_registration()

    def import_file(self):
        """plone.restapi's CSV import, for those who manage users only.

        Its rows are created without any of the registration's checks, so
        nobody else may send a file (a query string counts: ``?file=abc``).
        """
        if not self.can_manage_users:
            return error_response(
                self.request,
                403,
                "Forbidden",
                _("Only those who manage the site's users may import users."),
                field="file",
            )
        upload = self.request.form.get("file")
        if not isinstance(upload, FileUpload) or self.params:
            return error_response(
                self.request,
                400,
                "BadRequest",
                _("Send the users as a CSV file in the field file."),
                field="file",
            )
        return super().reply()

    def self_registration(self):
        if not self.can_add_member:
            return error_response(
                self.request,
                403,
                "Forbidden",
                _("This site does not let people register themselves."),
            )
        data, refused = read_object(
            self.request, _("Send a JSON object with the registration's fields.")
        )
        if refused:
            return refused
        if "password" in data and not api.portal.get_registry_record(
            "plone.enable_user_pwd_choice", default=False
        ):
            # Plone's own answer named the field's title ("Property
            # 'Adgangskode' is not allowed") after listing it as a field.
            return error_response(
                self.request,
                400,
                "BadRequest",
                _(
                    "Leave out the password: you choose it from the link in "
                    "the e-mail we send when you register."
                ),
                field="password",
            )
        unknown = sorted(name for name in data if name not in registration_keys())
        if unknown:
            return error_response(
                self.request,
                400,
                "BadRequest",
                _(
                    "${name} is not a field of the registration. The fields "
                    "are: ${fields}.",
                    mapping={
                        "name": unknown[0][:50],
                        "fields": ", ".join(sorted(registration_keys())),
                    },
                ),
                field=unknown[0][:50],
            )
        try:
            values = requests.check(data)
            requests.check_email_free(data.get("email"))
        except RegistrationError as error:
            return from_participation_error(self.request, error)
        refused = self.refuse_login(data)
        if refused:
            return refused
        data.update(values)
        return self.register(data)

    def refuse_login(self, data):
        """The e-mail address and user name as Plone's form checks them.

        plone.restapi leaves both to ``api.user.create``, whose refusal is
        English and names no field.
        """
        registration = api.portal.get_tool("portal_registration")
        email = data.get("email")
        if isinstance(email, str) and not registration.isValidEmail(email.strip()):
            return error_response(
                self.request,
                400,
                "BadRequest",
                _("Enter an e-mail address such as name@example.org."),
                field="email",
            )
        username = data.get("username")
        if isinstance(username, str) and not _user_name_free(registration, username):
            return error_response(
                self.request,
                400,
                "BadRequest",
                _(
                    "This user name cannot be used: it is taken, reserved or "
                    "has characters a user name may not have. Choose another."
                ),
                field="username",
            )
        return None

    def register(self, data):
        """plone.restapi's checks and creation, then the request waits."""
        self.validate_input_data(api.portal.get(), data)
        if self.errors:
            first = self.errors[0]
            return error_response(
                self.request,
                400,
                "BadRequest",
                first["message"],
                field=first["field"],
            )
        self.request.response.setStatus(201)
        try:
            result = self._add_user(data)
        except (OSError, SMTPException, ValueError):
            # Plone's mail with the link could not go (a refused address, a
            # mail server down): nothing is kept, as Plone's own form does.
            logger.exception("Registration: the e-mail to set a password failed")
            transaction.doom()
            return error_response(
                self.request,
                400,
                "BadRequest",
                _(
                    "We could not send the e-mail with the link to set your "
                    "password to this address. Check it, or try again later."
                ),
                field="email",
            )
        if self.request.response.getStatus() == 201:
            requests.start(result["id"])
            result["registration"] = {
                "status": "waiting",
                "message": translate(requests.WAITING, context=self.request),
            }
        return result


class RequestsGet(Service):
    """The registrations that wait, oldest first (staff only)."""

    def reply(self):
        refused = _refuse(self.request, self.context)
        if refused:
            return refused
        items = requests.pending()
        return {
            "@id": f"{self.context.absolute_url()}/@registration-requests",
            "items": items,
            "items_total": len(items),
        }


# What a decision may send.
DECISION_KEYS = ("user_id", "decision", "approve_as", "confirmed", "message")
DECISIONS = ("approve", "reject")


class RequestsPost(Service):
    """Approve or reject one registration.

    ``{"user_id", "decision": "approve", "approve_as": "resident" |
    "department_board", "confirmed": true}`` (``confirmed`` is needed for a
    board seat) or ``{"user_id", "decision": "reject", "message"}``.
    """

    def reply(self):
        refused = _refuse(self.request, self.context)
        if refused:
            return refused
        # As plone.restapi's own write services: a JSON call carries no form
        # token (cookie-borne calls are held to the site's Origin by the
        # hardening layer).
        alsoProvides(self.request, IDisableCSRFProtection)
        data, refused = read_object(
            self.request,
            _("Send a JSON object with the user_id and the decision."),
            field="decision",
            known=DECISION_KEYS,
        )
        if refused:
            return refused
        decision = data.get("decision")
        if decision not in DECISIONS:
            return error_response(
                self.request,
                400,
                "BadRequest",
                _("The decision is approve or reject."),
                field="decision",
            )
        confirmed = data.get("confirmed", False)
        if not isinstance(confirmed, bool):
            return error_response(
                self.request,
                400,
                "BadRequest",
                _("Answer yes or no."),
                field="confirmed",
            )
        user_id = data.get("user_id")
        try:
            if decision == "approve":
                approve_as = data.get("approve_as", requests.RESIDENT)
                requests.approve(user_id, approve_as, confirmed=confirmed)
                return {
                    "user_id": user_id,
                    "decision": "approved",
                    "approved_as": approve_as,
                }
            requests.reject(user_id, data.get("message"))
        except RegistrationError as error:
            return from_participation_error(self.request, error)
        return {"user_id": user_id, "decision": "rejected"}


def _refuse(request, context):
    if api.user.is_anonymous():
        return error_response(
            request, 401, "Unauthorized", _("Log in to see registration requests.")
        )
    if not api.user.has_permission(MANAGE_MEMBERS, obj=context):
        return error_response(
            request,
            403,
            "Forbidden",
            _("Only staff may see and decide registration requests."),
        )
    return None
