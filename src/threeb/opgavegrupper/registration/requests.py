"""Registration requests: what a resident sends, and staff's decision on it.

The Classic UI form (``@@register``), ``POST @users``, the staff page
``@@registration-requests`` and the ``@registration-requests`` service call
these functions; the rules live here once.

A registered person is in the group ``tilmeldte`` ("Afventer godkendelse"),
which carries no role: they are logged in and nothing more, so they can
follow groups and apply only for the seats that need no role (``external``,
see ``participation.applications.allowed_constituencies``). Staff approve
them into ``beboere`` (Resident) or, having confirmed the board seat, into
``afdelingsbestyrelser`` (DepartmentBoardMember); or reject them, and then
the account is deleted: someone staff could not confirm has no purpose here,
and their address or tenancy number must not stay (data minimisation).
Deleting the account runs the add-on's erasure (``participation.
subscribers.principal_deleted``), so a follow or an application the person
made while waiting goes too.
"""

from datetime import datetime
from datetime import UTC
from plone import api
from threeb.opgavegrupper import _
from threeb.opgavegrupper.notifications.mails import Mail
from threeb.opgavegrupper.notifications.mails import send
from threeb.opgavegrupper.participation.errors import ParticipationError
from threeb.opgavegrupper.registration.setup import ACCEPTED_ON
from threeb.opgavegrupper.registration.setup import PENDING_GROUP
from threeb.opgavegrupper.registration.setup import VERIFIED_ON


RESIDENT = "resident"
DEPARTMENT_BOARD = "department_board"
# What staff approve a person as, and the group that gives that role.
APPROVE_AS = {RESIDENT: "beboere", DEPARTMENT_BOARD: "afdelingsbestyrelser"}
MAX_TEXT = 200
MAX_MESSAGE = 2000
# The fields a resident sends besides Plone's own (username, e-mail, password).
FIELDS = (
    "fullname",
    "department",
    "address_or_tenancy",
    "department_board",
    "privacy_accepted",
)


# Told to the person wherever they look while they wait.
WAITING = _(
    "Your registration waits for a member of staff to approve it. Until "
    "then you can follow groups and apply only as an external adviser."
)


def titles(keys):
    """The constituencies' titles in the request's language, for a message."""
    from threeb.opgavegrupper.vocabularies.constituencies import CONSTITUENCIES
    from zope.globalrequest import getRequest
    from zope.i18n import translate

    known = dict(CONSTITUENCIES)
    return ", ".join(
        translate(known[key], context=getRequest()) if key in known else key
        for key in keys
    )


class RegistrationError(ParticipationError):
    """A registration rule says no; nothing was changed."""


class NotFound(RegistrationError):
    status = 404


class NotPending(RegistrationError):
    status = 409


def _text(value, field, required_message):
    if value is None or value == "":
        raise RegistrationError(required_message, field=field)
    if not isinstance(value, str):
        raise RegistrationError(_("Write text here."), field=field)
    value = " ".join(value.split())
    if not value:
        raise RegistrationError(required_message, field=field)
    if len(value) > MAX_TEXT:
        raise RegistrationError(
            _("At most ${max} characters, please.", mapping={"max": MAX_TEXT}),
            field=field,
        )
    return value


def departments():
    return (
        api.portal.get_registry_record("threeb.opgavegrupper.departments", default=[])
        or []
    )


def member_department(user):
    """The department the person gave when registering, or None.

    Only one still in the settings: a department staff have since removed
    is no choice a form or ``@apply`` may make for the person.
    """
    get_property = getattr(user, "getProperty", None)
    if get_property is None:  # no member: anonymous, or no account
        return None
    department = get_property("department", "") or ""
    return department if department in departments() else None


def problems(data):
    """(clean values, {field: message}) of a resident's registration.

    ``data`` has the names of ``FIELDS``; every wrong field is named, so a
    form can mark them all at once.
    """
    values, errors = {}, {}
    for name, required_message in (
        ("fullname", _("Write your name.")),
        ("address_or_tenancy", _("Write your address or your tenancy number.")),
    ):
        try:
            values[name] = _text(data.get(name), name, required_message)
        except RegistrationError as error:
            errors[name] = error.message
    department = data.get("department")
    if not department:
        errors["department"] = _("Choose the department you live in.")
    elif department not in departments():
        errors["department"] = _("Choose one of the departments on the list.")
    else:
        values["department"] = department
    board = data.get("department_board", False)
    if board is None:
        board = False
    if isinstance(board, bool):
        values["department_board"] = board
    else:
        errors["department_board"] = _("Answer yes or no.")
    if data.get("privacy_accepted") is True:
        values["privacy_accepted"] = True
    else:
        errors["privacy_accepted"] = _("Accept the privacy notice to register.")
    return values, errors


def check(data):
    """The clean values, or RegistrationError naming the first wrong field."""
    values, errors = problems(data)
    for name in FIELDS:
        if name in errors:
            raise RegistrationError(errors[name], field=name)
    return values


def check_email_free(email):
    """Refuse an address another account already has.

    Plone's link to set the password goes to the address; a second account
    with it would let someone register with another person's address, and
    staff could not tell the two apart.
    """
    if not isinstance(email, str) or not email.strip():
        return  # plone.restapi and the form say it is required
    address = email.strip().lower()
    acl_users = api.portal.get_tool("acl_users")
    for found in acl_users.searchUsers(email=address, exact_match=False):
        user = api.user.get(userid=found.get("userid") or found.get("id"))
        if user is not None and (user.getProperty("email") or "").strip().lower() == (
            address
        ):
            raise RegistrationError(
                _(
                    "Another account already has this e-mail address. If it "
                    "is yours, log in or ask for a new password."
                ),
                field="email",
            )


def now():
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def is_pending(user_id):
    return user_id in _pending_ids()


def _pending_ids():
    group = api.group.get(groupname=PENDING_GROUP)
    if group is None:
        return []
    return list(group.getGroupMemberIds())


def start(user_id):
    """A resident has just registered: waits for staff, staff are told."""
    user = api.user.get(userid=user_id)
    with api.env.adopt_roles(["Manager"]):
        user.setMemberProperties({ACCEPTED_ON: now()})
        api.group.add_user(groupname=PENDING_GROUP, username=user_id)
    send(new_request_mail(user), staff_recipients())


def verified_on(user):
    return user.getProperty(VERIFIED_ON, "") or ""


def credentials_updated(event):
    """ICredentialsUpdatedEvent: a waiting person set a password.

    Their password was made up by the site and sent nowhere; the only way
    they set one is the link Plone mailed to the address (the password
    reset, in Classic UI or ``@users/<id>/reset-password``). So the first
    password set while waiting verifies the address.
    """
    principal = getattr(event, "principal", None)
    user_id = principal.getId() if principal is not None else None
    if not user_id or not is_pending(user_id):
        return
    user = api.user.get(userid=user_id)
    if user is None or verified_on(user):
        return
    with api.env.adopt_roles(["Manager"]):
        user.setMemberProperties({VERIFIED_ON: now()})


def member_data(user_id):
    """What the site keeps of the person's account (their GDPR access)."""
    user = api.user.get(userid=user_id) if user_id else None
    if user is None:
        return {}
    return {
        "fullname": user.getProperty("fullname") or "",
        "email": user.getProperty("email") or "",
        "department": user.getProperty("department", "") or "",
        "address_or_tenancy": user.getProperty("address_or_tenancy", "") or "",
        "department_board": bool(user.getProperty("department_board", False)),
        "privacy_accepted": bool(user.getProperty("privacy_accepted", False)),
        "privacy_accepted_on": user.getProperty(ACCEPTED_ON, "") or "",
        "email_verified_on": verified_on(user),
        "waiting_for_approval": is_pending(user.getId()),
    }


def describe(user):
    """What staff see of a request (personal data: staff and the person only)."""
    return {
        "id": user.getId(),
        "fullname": user.getProperty("fullname") or "",
        "email": user.getProperty("email") or "",
        "department": user.getProperty("department", "") or "",
        "address_or_tenancy": user.getProperty("address_or_tenancy", "") or "",
        "department_board": bool(user.getProperty("department_board", False)),
        "registered": user.getProperty(ACCEPTED_ON, "") or "",
        "email_verified": bool(verified_on(user)),
        "email_verified_on": verified_on(user),
    }


def pending():
    """The requests that wait, oldest first."""
    found = []
    for user_id in _pending_ids():
        user = api.user.get(userid=user_id)
        if user is not None:
            found.append(describe(user))
    found.sort(key=lambda item: (item["registered"], item["id"]))
    return found


def _pending_user(user_id):
    if not isinstance(user_id, str) or not user_id.strip():
        raise RegistrationError(
            _("Name the registration: its user_id."), field="user_id"
        )
    user = api.user.get(userid=user_id.strip()[:MAX_TEXT])
    if user is None:
        raise NotFound(_("There is no registration of that name."), field="user_id")
    if not is_pending(user.getId()):
        raise NotPending(
            _("This registration has already been decided."), field="user_id"
        )
    return user


def approve(user_id, approve_as=RESIDENT, confirmed=False):
    """Give the person the role staff confirmed; returns the user.

    :raises RegistrationError: 400 for a wrong ``approve_as`` or a board seat
        not confirmed, 404 for an unknown user, 409 when already decided or
        when the e-mail address is not verified yet.
    """
    if approve_as not in APPROVE_AS:
        raise RegistrationError(
            _(
                "Approve as one of: ${choices}.",
                mapping={"choices": titles(APPROVE_AS)},
            ),
            field="approve_as",
        )
    user = _pending_user(user_id)
    if approve_as == DEPARTMENT_BOARD and confirmed is not True:
        raise RegistrationError(
            _(
                "Confirm that you have checked the seat on the department's "
                "board before you approve the person as a board member."
            ),
            field="confirmed",
        )
    if not verified_on(user):
        # Anyone can register with any address: until the link was used,
        # staff cannot know the person is the address's owner.
        raise NotPending(
            _(
                "The e-mail address is not verified yet: the person has not "
                "set a password through the link we mailed. Approve when "
                "they have, or reject the registration."
            ),
            field="user_id",
        )
    user_id = user.getId()
    with api.env.adopt_roles(["Manager"]):
        api.group.remove_user(groupname=PENDING_GROUP, username=user_id)
        api.group.add_user(groupname=APPROVE_AS[approve_as], username=user_id)
    send(approved_mail(user, approve_as), _own_address(user))
    return user


def reject(user_id, message):
    """Tell the person why, then delete the account and what it kept.

    :raises RegistrationError: 400 without a message, 404/409 as ``approve``.
    """
    if not isinstance(message, str) or not message.strip():
        raise RegistrationError(
            _("Write the person a message: why the registration is rejected."),
            field="message",
        )
    message = message.strip()
    if len(message) > MAX_MESSAGE:
        raise RegistrationError(
            _("At most ${max} characters, please.", mapping={"max": MAX_MESSAGE}),
            field="message",
        )
    user = _pending_user(user_id)
    user_id = user.getId()
    # Queued before the account goes: the mail needs its address and name.
    send(rejected_mail(message), _own_address(user))
    membership = api.portal.get_tool("portal_membership")
    with api.env.adopt_roles(["Manager"]):
        api.group.remove_user(groupname=PENDING_GROUP, username=user_id)
        # Plone's deletion of an account with its member data; PAS tells
        # the add-on's erasure. Not the site-wide walk over local roles:
        # the erasure removes the ones the add-on gave.
        membership.deleteMembers([user_id], delete_localroles=0)


def staff_recipients():
    from threeb.opgavegrupper.vocabularies.users import users_with_role

    found = []
    for user in users_with_role("Staff"):
        address = (user.getProperty("email") or "").strip()
        if address:
            found.append((user.getId(), address))
    return found


def _own_address(user):
    address = (user.getProperty("email") or "").strip()
    return [(user.getId(), address)] if address else []


def _site():
    return (
        api.portal.get_registry_record(
            "threeb.opgavegrupper.organisation_name", default=""
        )
        or api.portal.get().Title()
    )


def new_request_mail(user):
    # Name and department: the address or tenancy number stays on the site.
    name = user.getProperty("fullname") or user.getId()
    facts = [(_("Name"), name)]
    department = user.getProperty("department", "")
    if department:
        facts.append((_("Department"), department))
    if user.getProperty("department_board", False):
        facts.append((_("Department board"), _("Says they sit on the board")))
    return Mail(
        subject=_("A registration awaits approval"),
        paragraphs=[
            _(
                "${name} has registered as a resident and waits for staff to "
                "confirm it.",
                mapping={"name": name},
            )
        ],
        facts=facts,
        link=(
            f"{api.portal.get().absolute_url()}/@@registration-requests",
            _("See the registration requests"),
        ),
        reason=_("You get this e-mail because you are staff."),
    )


def approved_mail(user, approve_as):
    if approve_as == DEPARTMENT_BOARD:
        text = _(
            "Staff have confirmed that you are a resident and sit on your "
            "department's board. You can now sign up for a resident's or a "
            "department board member's seat in the task groups."
        )
    else:
        text = _(
            "Staff have confirmed that you are a resident. You can now sign "
            "up for a resident's seat in the task groups."
        )
    return Mail(
        subject=_("Your registration is approved"),
        paragraphs=[text],
        link=(api.portal.get().absolute_url(), _("Go to the task groups")),
        reason=_(
            "You get this e-mail because you registered on ${site}.",
            mapping={"site": _site()},
        ),
    )


def rejected_mail(message):
    return Mail(
        subject=_("Your registration was not approved"),
        paragraphs=[
            _(
                "Staff could not confirm your registration. Your account and "
                "the data you registered have been deleted."
            )
        ],
        facts=[(_("Message from staff"), message)],
        reason=_(
            "You get this e-mail because you registered on ${site}.",
            mapping={"site": _site()},
        ),
    )
