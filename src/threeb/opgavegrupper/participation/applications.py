"""Signing up for a task group, and deciding on the applications.

Views, REST services and event subscribers call these functions; the rules
live here once.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.application import email_constraint
from threeb.opgavegrupper.content.application import IApplication
from threeb.opgavegrupper.content.application import phone_constraint
from threeb.opgavegrupper.participation import membership
from threeb.opgavegrupper.participation import seats
from threeb.opgavegrupper.participation.errors import AlreadyApplied
from threeb.opgavegrupper.participation.errors import NotOpen
from threeb.opgavegrupper.participation.errors import ParticipationError
from threeb.opgavegrupper.participation.errors import SeatsFull
from threeb.opgavegrupper.vocabularies.constituencies import KEYS
from zope.schema import ValidationError

import uuid


# Which global roles let a person take a seat of a constituency (keys of
# vocabularies/constituencies.py). A constituency without roles here is for
# those who hold none of the others: someone from outside.
SEAT_ROLES = {
    "org_board": {"BoardMember"},
    "department_board": {"DepartmentBoardMember"},
    "resident": {"Resident", "DepartmentBoardMember", "BoardMember"},
    "staff": {"Staff"},
}

# States in which an application still counts as the person's application.
LIVE_STATES = membership.LIVE_STATES
MEMBER_ROLE = membership.MEMBER_ROLE


def allowed_constituencies(user):
    """The constituencies a user's global roles allow, in display order."""
    if user is None:
        return []
    roles = set(user.getRoles())
    allowed = [key for key in KEYS if roles & SEAT_ROLES.get(key, set())]
    # Someone from outside holds none of the association's roles.
    if not allowed and "Authenticated" in roles:
        allowed = [key for key in KEYS if key not in SEAT_ROLES]
    return allowed


def group_of(obj):
    from threeb.opgavegrupper.content.taskgroup import ITaskGroup

    while obj is not None and not ITaskGroup.providedBy(obj):
        obj = aq_parent(aq_inner(obj))
    return obj


def _catalog():
    return api.portal.get_tool("portal_catalog")


def applications(group, user_id=None, states=None, restricted=False):
    """Catalog brains of the group's applications, oldest first.

    The one query for "the applications of a group": rules, pages and
    services all ask here.

    :param user_id: only this person's applications.
    :param states: only applications in these review states.
    :param restricted: ask the catalog as the current user, so it keeps out
        what they may not see (for pages and services that list them).
        Unrestricted by default, because rules must see applications the
        caller may not (a second application, a full constituency).
    """
    query = {
        "portal_type": "Application",
        "path": {"query": "/".join(group.getPhysicalPath()), "depth": 1},
        "sort_on": "created",
    }
    if user_id is not None:
        query["applicant"] = user_id
    if states is not None:
        query["review_state"] = list(states)
    catalog = _catalog()
    search = catalog.searchResults if restricted else catalog.unrestrictedSearchResults
    return search(**query)


def application_of(group, user_id):
    """The person's live application to the group, or None."""
    brains = applications(group, user_id=user_id, states=LIVE_STATES)
    return brains[0]._unrestrictedGetObject() if brains else None


def _check_text(value, field, max_length=None, constraint=None, one_line=False):
    if value is None:
        return None
    if not isinstance(value, str):
        raise ParticipationError(_("Write text here."), field=field)
    value = value.strip()
    if one_line and ("\n" in value or "\r" in value):
        raise ParticipationError(_("Write this on one line."), field=field)
    if max_length and len(value) > max_length:
        raise ParticipationError(
            _(
                "At most ${max} characters, please.",
                mapping={"max": max_length},
            ),
            field=field,
        )
    if constraint and value:
        try:
            constraint(value)
        except ValidationError as error:
            raise ParticipationError(error.doc(), field=field) from error
    return value or None


def _constituency_titles(keys):
    # Titles, not keys, in the person's language (the vocabulary's).
    from threeb.opgavegrupper.registration.requests import titles

    return titles(keys)


def validate(group, user, data):
    """Check an application's data; returns the clean values or raises."""
    constituency = data.get("constituency")
    allowed = allowed_constituencies(user)
    if not constituency:
        raise ParticipationError(
            _("Choose the seat you apply for."), field="constituency"
        )
    if constituency not in allowed:
        raise ParticipationError(
            _(
                "You cannot apply for that seat. You can apply as: ${allowed}.",
                mapping={"allowed": _constituency_titles(allowed)},
            ),
            field="constituency",
        )
    department = data.get("department")
    if department is not None and not isinstance(department, str):
        raise ParticipationError(
            _("Choose one of the departments on the list."), field="department"
        )
    department = department or None
    if department is not None:
        departments = api.portal.get_registry_record(
            "threeb.opgavegrupper.departments", default=[]
        )
        if department not in departments:
            raise ParticipationError(
                _("Choose one of the departments on the list."), field="department"
            )
    consent = data.get("consent_public", False)
    if not isinstance(consent, bool):
        raise ParticipationError(_("Answer yes or no."), field="consent_public")
    return {
        "constituency": constituency,
        "department": department,
        "motivation": _check_text(
            data.get("motivation"),
            "motivation",
            IApplication["motivation"].max_length,
        ),
        "availability": _check_text(
            data.get("availability"),
            "availability",
            IApplication["availability"].max_length,
            one_line=True,
        ),
        "phone": _check_text(
            data.get("phone"),
            "phone",
            IApplication["phone"].max_length,
            phone_constraint,
            one_line=True,
        ),
        "consent_public": consent,
    }


# What a person sends when signing up (the form's fields, @apply's body).
APPLY_FIELDS = (
    "constituency",
    "department",
    "motivation",
    "availability",
    "phone",
    "consent_public",
)


def check_known(data):
    """Refuse a key that is no field of a sign-up (it would be dropped).

    :raises ParticipationError: 400 naming the first unknown key.
    """
    for key in sorted(data):
        if key not in APPLY_FIELDS:
            raise ParticipationError(
                _(
                    "${name} is not a field of an application. The fields "
                    "are: ${fields}.",
                    mapping={"name": key[:50], "fields": ", ".join(APPLY_FIELDS)},
                ),
                field=key[:50],
            )


def check_open(group):
    if api.content.get_state(group) != "recruiting":
        raise NotOpen(_("This group is not open for sign-up."))


def new_application_id(prefix="application"):
    """A fresh, random id: it says nothing about the person or the group."""
    return f"{prefix}-{uuid.uuid4().hex[:16]}"


def application_id(group, user_id):
    """The id of the person's newest application to the group, or None.

    Ids are random; this looks the id up (for scripts and tests), it cannot
    be computed from the person.
    """
    brains = applications(group, user_id=user_id)
    return brains[-1].getId if brains else None


def _check_not_applied(group, user_id):
    if membership.live_uid(group, user_id) or application_of(group, user_id):
        raise AlreadyApplied(
            _(
                "You have already applied to this group. Your page "
                "'Mine opgavegrupper' shows your application."
            )
        )


def apply(group, user, data):
    """Create the user's application to the group; returns it.

    Raises ParticipationError (with the field) for bad input, NotOpen when the
    group does not recruit, AlreadyApplied for a second live application.
    """
    check_open(group)
    values = validate(group, user, data)
    user_id = user.getId()
    _check_not_applied(group, user_id)
    fullname = user.getProperty("fullname") or user_id
    with api.env.adopt_roles(["Manager"]):
        application = api.content.create(
            container=group,
            type="Application",
            id=new_application_id(),
            title=fullname,
            applicant=user_id,
            fullname=fullname,
            email=user.getProperty("email") or None,
            **values,
        )
    # Two applications of the same person sent at the same moment write the
    # same key here and conflict; the retry finds the first one above.
    membership.register(group, user_id, application.UID())
    _make_owner(application, user_id)
    return application


def add_member(group, data, user_id=None):
    """Staff add a member without an application (e.g. an external adviser).

    ``data`` has fullname, email, organisation and constituency; ``user_id``
    links an existing account, which then gets the member role.
    """
    constituency = data.get("constituency")
    if constituency not in KEYS:
        raise ParticipationError(_("Choose the seat."), field="constituency")
    fullname = _check_text(data.get("fullname"), "fullname", 200)
    if not fullname:
        raise ParticipationError(_("Write the person's name."), field="fullname")
    email = _check_text(data.get("email"), "email", 200, email_constraint)
    organisation = _check_text(data.get("organisation"), "organisation", 200)
    if user_id:
        if api.user.get(userid=user_id) is None:
            raise ParticipationError(
                _("There is no user with that user name."), field="user_id"
            )
        _check_not_applied(group, user_id)
    if not seats.is_free(group, constituency):
        raise SeatsFull(_("All seats of this kind are taken."), field="constituency")
    with api.env.adopt_roles(["Manager"]):
        application = api.content.create(
            container=group,
            type="Application",
            # Not from the name: the URL must not name the person.
            id=new_application_id("member"),
            title=fullname,
            fullname=fullname,
            email=email,
            organisation=organisation,
            constituency=constituency,
            applicant=user_id,
            consent_public=bool(data.get("consent_public", False)),
        )
        if user_id:
            membership.register(group, user_id, application.UID())
        api.content.transition(obj=application, transition="accept")
    if user_id:
        _make_owner(application, user_id)
    return application


def _make_owner(application, user_id):
    user = api.user.get(userid=user_id)
    if user is not None:
        application.changeOwnership(user.getUser())
    creators = [
        principal
        for principal, roles in application.get_local_roles()
        if "Owner" in roles and principal != user_id
    ]
    if creators:
        application.manage_delLocalRoles(creators)
    if user is not None:
        application.manage_setLocalRoles(user_id, ["Owner"])
    application.reindexObjectSecurity()


def check_seat(application):
    """Refuse accepting into a full constituency."""
    group = group_of(application)
    if not seats.is_free(group, application.constituency):
        raise SeatsFull(
            _(
                "All seats of this kind are taken. Put the application on the "
                "waiting list instead; the first on the list gets the next "
                "free seat."
            ),
            field="constituency",
        )


def on_accepted(application):
    group = group_of(application)
    seats.take(group, application.constituency, application.UID())
    membership.sync_member_role(group, application.applicant)


def on_left(application):
    """Withdrawn, removed or declined: the seat is free, the member role goes."""
    group = group_of(application)
    seats.release(group, application.UID())
    if application.applicant:
        membership.unregister(group, application.applicant, application.UID())
        membership.sync_member_role(group, application.applicant)


def waiting_list(group):
    """Waitlisted applications, first come first served (brains)."""
    return applications(group, states=["waitlisted"])
