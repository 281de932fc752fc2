"""Staff erase a person on request: which person, and what to tell staff.

The Classic UI page ``@@erase-person`` and ``POST @erase-person`` share the
checks here; the erasing itself is ``erasure.erase_person``.

A login whose account is gone can still be erased when the add-on keeps data
under it (an account deleted before account deletion erased, or removed
straight from the user source): the right to erasure does not end with the
account. A name that is neither an account nor found in any data is refused
as unknown (404), so a typing error is not reported as an erasure.
"""

from plone import api
from threeb.opgavegrupper import _
from threeb.opgavegrupper.participation import erasure
from threeb.opgavegrupper.participation import membership
from threeb.opgavegrupper.participation.errors import ParticipationError


FIELD = "user_id"
# Longer than any login Plone makes; a longer value is a mistake, not a name.
MAX_LENGTH = 200


def stored_about(user_id):
    """Whether the add-on keeps anything under ``user_id``."""
    from threeb.opgavegrupper.participation.roster import applications_of
    from threeb.opgavegrupper.participation.roster import followed

    if len(applications_of(user_id)):
        return True
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="TaskGroup"):
        group = brain._unrestrictedGetObject()
        roles = set(group.get_local_roles_for_userid(user_id))
        if roles & set(erasure.GROUP_ROLES) or membership.live_uid(group, user_id):
            return True
    return bool(followed(user_id, unrestricted=True))


def resolve(value):
    """The user id to erase for what staff wrote (a user id or a login).

    Raises ``ParticipationError`` naming ``user_id``: 400 for a missing or
    non-text value, 404 for a name with neither an account nor data.
    """
    if not isinstance(value, str) or not value.strip():
        raise ParticipationError(
            _("Write the user name of the person to erase."), field=FIELD
        )
    value = value.strip()
    if len(value) > MAX_LENGTH:
        raise ParticipationError(
            _("That is not a user name: it is too long."), field=FIELD
        )
    user = api.user.get(userid=value) or api.user.get(username=value)
    if user is not None:
        return user.getId()
    if stored_about(value):
        return value
    raise ParticipationError(
        _("There is no user with that user name, and nothing is stored about it."),
        field=FIELD,
        status=404,
    )


def erase(value):
    """Resolve ``value`` and erase the person; returns ``erase_person``'s summary."""
    return erasure.erase_person(resolve(value))


def summary_message(summary):
    """What was erased, in a sentence for staff."""
    counts = {
        "user_id": summary["user_id"],
        "applications": summary["applications"],
        "seats": summary["seats_freed"],
        "groups": summary["roles_removed"],
        "follows": summary["follows_removed"],
    }
    if not any(value for key, value in counts.items() if key != "user_id"):
        return _(
            "Nothing was stored about ${user_id}; nothing was erased.",
            mapping=counts,
        )
    return _(
        "The data of ${user_id} has been erased. Applications anonymised: "
        "${applications}. Seats freed: ${seats}. Groups whose roles were "
        "removed: ${groups}. Groups no longer followed: ${follows}.",
        mapping=counts,
    )
