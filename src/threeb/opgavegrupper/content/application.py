"""Tilmelding: one person's sign-up for one group. Personal data, private."""

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.limits import LINE_MAX_LENGTH
from threeb.opgavegrupper.content.limits import TEXT_MAX_LENGTH
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant

import re


MOTIVATION_MAX_LENGTH = 1000
PHONE_MAX_LENGTH = 30
EMAIL_MAX_LENGTH = 254  # RFC 5321

PHONE = re.compile(r"^\+?[0-9 ()-]{8,20}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class InvalidPhone(schema.ValidationError):
    __doc__ = _("Write the phone number with digits, e.g. 12 34 56 78.")


class InvalidEmail(schema.ValidationError):
    __doc__ = _("Write a valid e-mail address, e.g. navn@example.org.")


def phone_constraint(value):
    if value and not PHONE.match(value.strip()):
        raise InvalidPhone(value)
    return True


def email_constraint(value):
    if value and not EMAIL.match(value.strip()):
        raise InvalidEmail(value)
    return True


class IApplicationForm(model.Schema):
    """What a person fills in to sign up for a group."""

    constituency = schema.Choice(
        title=_("I apply for a seat as"),
        vocabulary="threeb.opgavegrupper.MyConstituencies",
        required=True,
    )

    department = schema.Choice(
        title=_("My department"),
        vocabulary="threeb.opgavegrupper.Departments",
        required=False,
    )

    motivation = schema.Text(
        title=_("Why I want to take part"),
        description=_("At most 1000 characters."),
        max_length=MOTIVATION_MAX_LENGTH,
        required=False,
    )

    availability = schema.TextLine(
        title=_("When I can take part"),
        description=_("For example: weekday evenings."),
        max_length=LINE_MAX_LENGTH,
        required=False,
    )

    phone = schema.TextLine(
        title=_("Phone (optional)"),
        description=_("Only staff and the group's chair see it."),
        constraint=phone_constraint,
        max_length=PHONE_MAX_LENGTH,
        required=False,
    )

    consent_public = schema.Bool(
        title=_("Show my name on the public list of members"),
        description=_(
            "If you say no, you are counted but not named, for example '2 beboere'."
        ),
        default=False,
        required=False,
    )


class SeatNotAllowed(Invalid):
    __doc__ = _("The applicant's roles do not allow that seat.")
    field = "constituency"


# Who may change what (docs/permissions.md, "Applications"):
# - the applicant, while the application is pending, and staff: the fields of
#   the sign-up form except the seat ("Modify portal content", which the
#   workflow gives the Owner in "pending" only);
# - staff, while it is pending: the seat ("Change seat", workflow-managed);
# - staff: the name, address and organisation of a member ("Manage members");
# - nobody by hand: who applied, the decision message, the anonymised flag
#   ("Edit application record", held by no role): the rules write them.
class IApplication(IApplicationForm):
    """The stored application, with who applied and the decision."""

    # The vocabulary of the form depends on the person applying; the stored
    # value is checked against the roles by the participation rules.
    constituency = schema.Choice(
        title=_("Seat"),
        vocabulary="threeb.opgavegrupper.Constituencies",
        required=True,
    )

    directives.write_permission(constituency="threeb.opgavegrupper.ChangeSeat")

    applicant = schema.TextLine(
        title=_("User"), max_length=LINE_MAX_LENGTH, required=False
    )
    directives.mode(applicant="display")
    directives.write_permission(applicant="threeb.opgavegrupper.EditApplicationRecord")

    fullname = schema.TextLine(
        title=_("Name"), max_length=LINE_MAX_LENGTH, required=False
    )

    email = schema.TextLine(
        title=_("E-mail"),
        constraint=email_constraint,
        max_length=EMAIL_MAX_LENGTH,
        required=False,
    )

    organisation = schema.TextLine(
        title=_("Organisation"),
        description=_("For an external adviser."),
        max_length=LINE_MAX_LENGTH,
        required=False,
    )
    directives.write_permission(
        fullname="threeb.opgavegrupper.ManageMembers",
        email="threeb.opgavegrupper.ManageMembers",
        organisation="threeb.opgavegrupper.ManageMembers",
    )

    decision_message = schema.Text(
        title=_("Message with the decision"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
    )
    directives.write_permission(
        decision_message="threeb.opgavegrupper.EditApplicationRecord"
    )

    anonymised = schema.Bool(title=_("Anonymised"), default=False, required=False)
    directives.omitted("anonymised")
    directives.write_permission(anonymised="threeb.opgavegrupper.EditApplicationRecord")

    @invariant
    def seat_allowed(data):
        """A changed seat must be one the applicant's roles allow."""
        from plone import api
        from threeb.opgavegrupper.participation.applications import (
            allowed_constituencies,
        )

        context = getattr(data, "__context__", None)
        if not IApplication.providedBy(context):
            return
        constituency = getattr(data, "constituency", None)
        if constituency == getattr(context, "constituency", None):
            return
        user_id = getattr(context, "applicant", None)
        user = api.user.get(userid=user_id) if user_id else None
        if user is not None and constituency not in allowed_constituencies(user):
            raise SeatNotAllowed(_("The applicant's roles do not allow that seat."))


@implementer(IApplication)
class Application(Item):
    """Tilmelding.

    Never copied, and moved only within its group (a rename): see
    ``participation.placement``. Every copy, move and rename through Zope's
    copy support asks these two methods.
    """

    def _canCopy(self, op=0):
        # op 0 copies, 1 moves; a rename is a move, so moving stays possible
        # and _notifyOfCopyTo checks where to.
        return op == 1

    def _notifyOfCopyTo(self, container, op=0):
        from threeb.opgavegrupper.participation import placement

        placement.check_destination(self, container, op)
        super()._notifyOfCopyTo(container, op)
