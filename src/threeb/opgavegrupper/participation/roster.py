"""Who sits in a group, and where a person takes part.

The roster of a group is its accepted members by constituency. The public
sees only the names of members who consented and counts the others; the
group itself, staff and the organisation board see every name and e-mail
address. Both are drawn from catalog brains (one unrestricted search), then
filtered by what the caller may see.

A person's places (the groups they sit in, their applications, the groups
they follow) are the same data seen from the person's side.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from DateTime import DateTime
from plone import api
from plone.restapi.serializer.converters import json_compatible
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.application import IApplication
from threeb.opgavegrupper.participation.applications import applications
from threeb.opgavegrupper.participation.applications import MEMBER_ROLE
from threeb.opgavegrupper.vocabularies.constituencies import KEYS
from threeb.opgavegrupper.vocabularies.constituencies import TITLES
from zope.schema import getFieldsInOrder


CHAIR_ROLE = "TaskGroupChair"

# Who sees the full roster of a group (the group itself, staff and the
# organisation board: docs/design.md, "Roles and access") is said once, by
# the roles rolemap.xml grants this permission.
VIEW_FULL_ROSTER = "threeb.opgavegrupper: View full roster"

# How a person's local roles on a group are named in their data.
ROLE_NAMES = ((CHAIR_ROLE, "chair"), (MEMBER_ROLE, "member"))


def _current(user):
    if user is None and not api.user.is_anonymous():
        user = api.user.get_current()
    return user


def sees_full_roster(group, user=None):
    """Whether the user (default: the current one) sees names and addresses."""
    user = _current(user)
    if user is None:
        return False
    return api.user.has_permission(VIEW_FULL_ROSTER, user=user, obj=group)


def _chairs(group):
    return {
        principal for principal, roles in group.get_local_roles() if CHAIR_ROLE in roles
    }


def account(brain):
    """The account of the person an application (brain) is about, or None.

    None for people staff added without an account, for anonymised
    applications (the link is gone) and for accounts since removed.
    """
    if not brain.applicant:
        return None
    return api.user.get(userid=brain.applicant)


_LOOK_UP = object()


def current_name(brain, user=_LOOK_UP):
    """The name to show for the person of an application (brain).

    The account's current full name for people with an account, so a change
    of name reaches every roster; the name stored on the application (its
    title) for people without one. Pass ``user`` (from ``account()``) when
    it is already at hand, to spare a second lookup.
    """
    if user is _LOOK_UP:
        user = account(brain)
    fullname = user.getProperty("fullname") if user is not None else None
    return fullname or brain.Title


def _email(brain, user):
    """The member's address: from their account, without waking the application.

    The catalog keeps no e-mail; a member with an account has it on the
    account. Only people staff added without an account (an external adviser)
    have their address on the application alone, so only those are woken.
    """
    if brain.applicant:
        return (user.getProperty("email") or None) if user is not None else None
    return getattr(brain._unrestrictedGetObject(), "email", None)


def _member(brain, user, full, chairs):
    member = {"name": current_name(brain, user), "chair": brain.applicant in chairs}
    if full:
        member["user_id"] = brain.applicant
        member["email"] = _email(brain, user)
    return member


def roster(group, user=None):
    """The roster of the group as the user (default: the current one) may see it.

    Returns ``{"full": bool, "total": int, "constituencies": [...],
    "chairs": [...]}``; ``chairs`` are the group's chairs without a seat
    (``{"name"}``, with ``user_id`` and ``email`` for the full roster). Each
    constituency that has seats or members is
    ``{"constituency", "title", "seats", "filled", "members", "unnamed"}``.
    ``members`` are ``{"name", "chair"}`` publicly and also carry ``user_id``
    and ``email`` for those who see the full roster; ``unnamed`` counts the
    members left out because they did not consent to be shown.
    """
    full = sees_full_roster(group, user)
    by_constituency = {}
    brains = applications(group, states=["accepted"])
    for brain in brains:
        by_constituency.setdefault(brain.constituency, []).append(brain)
    seats = group.seats()
    chairs = _chairs(group)
    sections = []
    for key in KEYS:
        members = by_constituency.get(key, [])
        if not members and not seats.get(key):
            continue
        # One account lookup per member shown (a group has about ten), for
        # the current name and address; applications are not woken.
        shown = sorted(
            (
                (brain, account(brain))
                for brain in members
                if full or brain.consent_public
            ),
            key=lambda pair: current_name(*pair).lower(),
        )
        sections.append(
            {
                "constituency": key,
                "title": TITLES[key],
                "seats": seats.get(key, 0),
                "filled": len(members),
                "members": [
                    _member(brain, person, full, chairs) for brain, person in shown
                ],
                "unnamed": len(members) - len(shown),
            }
        )
    seated = {brain.applicant for brain in brains if brain.applicant}
    return {
        "full": full,
        "total": len(brains),
        "constituencies": sections,
        "chairs": _unseated_chairs(chairs - seated, full),
    }


def _unseated_chairs(user_ids, full):
    """The chairs who hold no seat, so that the roster still names them.

    A chair is the group's public face (the tovholder runs its meetings),
    so the name is shown to everyone, like the contact person's; the
    address only to those who see the full roster. Groups given the chair
    role are left out: the roster names people.
    """
    chairs = []
    for user_id in user_ids:
        user = api.user.get(userid=user_id)
        if user is None:
            continue
        chair = {"name": user.getProperty("fullname") or user_id}
        if full:
            chair["user_id"] = user_id
            chair["email"] = user.getProperty("email") or None
        chairs.append(chair)
    return sorted(chairs, key=lambda chair: chair["name"].lower())


def seats_message(section):
    """The message "2 of 4 seats taken" of a roster section, in its plural form."""
    return _(
        "${filled} of ${seats} seat taken",
        msgid_plural="${filled} of ${seats} seats taken",
        number=section["seats"],
        mapping={"filled": section["filled"], "seats": section["seats"]},
    )


# A person's places -----------------------------------------------------------


def _catalog():
    return api.portal.get_tool("portal_catalog")


def _parent_path(path):
    return path.rsplit("/", 1)[0]


def _group_summary(brain):
    return {
        "@id": brain.getURL(),
        "UID": brain.UID,
        "title": brain.Title,
        "review_state": brain.review_state,
    }


def _groups_at(paths):
    """Group brains by path, unrestricted: a person's own groups, whatever state."""
    if not paths:
        return {}
    # The paths name the objects; asking for the type too would read the
    # index entries of every group on the site.
    brains = _catalog().unrestrictedSearchResults(
        path={"query": sorted(paths), "depth": 0}
    )
    return {
        brain.getPath(): brain for brain in brains if brain.portal_type == "TaskGroup"
    }


def applications_of(user_id):
    """Brains of every application the person made (or was added with)."""
    # By applicant alone: only applications have one, and adding the type
    # would read the index entries of every application on the site.
    return [
        brain
        for brain in _catalog().unrestrictedSearchResults(
            applicant=user_id, sort_on="created"
        )
        if brain.portal_type == "Application"
    ]


def memberships(user_id):
    """The groups the person sits in, by an accepted application or a local role.

    Returns summaries with ``roles`` ("chair", "member") and the
    ``constituency`` of the accepted application, if there is one, and
    ``visible``: a group the person may no longer see is given by its UID
    only (see ``_as_seen``).
    """
    accepted = {
        _parent_path(brain.getPath()): brain.constituency
        for brain in applications_of(user_id)
        if brain.review_state == "accepted"
    }
    # The taskgroup_people index finds the groups of the person's local roles.
    from threeb.opgavegrupper.participation.membership import groups_with_roles

    local = {
        path: [name for role, name in ROLE_NAMES if role in roles]
        for path, roles in groups_with_roles(user_id).items()
    }
    groups = _groups_at(set(accepted) | set(local))
    visible = _visible_uids(user_id, {brain.UID for brain in groups.values()})
    found = []
    # Groups the person may see, by title; then those they may not (by UID:
    # their titles are not the person's to read, not even as an order).
    ordered = sorted(
        groups.items(),
        key=lambda item: (
            item[1].UID not in visible,
            (item[1].Title or "") if item[1].UID in visible else item[1].UID,
        ),
    )
    for path, brain in ordered:
        roles = local.get(path, [])
        if path in accepted and "member" not in roles:
            roles = [*roles, "member"]
        summary = {
            **_group_summary(brain),
            "roles": roles,
            "constituency": accepted.get(path),
        }
        found.append(_as_seen(summary, visible, keep=("roles", "constituency")))
    return found


def application_summaries(user_id):
    """The person's applications with their group and status, from brains."""
    brains = list(applications_of(user_id))
    groups = _groups_at({_parent_path(brain.getPath()) for brain in brains})
    visible = _visible_uids(user_id, {group.UID for group in groups.values()})
    found = []
    for brain in brains:
        group = groups.get(_parent_path(brain.getPath()))
        found.append(
            {
                "@id": brain.getURL(),
                "id": brain.getId,
                # A group the person may no longer see (e.g. back in draft):
                # its UID only, as in the data download.
                "group": (
                    _as_seen(_group_summary(group), visible)
                    if group is not None
                    else None
                ),
                "constituency": brain.constituency,
                "consent_public": brain.consent_public,
                "review_state": brain.review_state,
                "created": brain.created.ISO8601(),
            }
        )
    # Newest first; the group's path breaks ties of the same second, so the
    # order is the same on every call.
    found.sort(key=lambda item: item["@id"])
    found.sort(key=lambda item: item["created"], reverse=True)
    return found


def followed(user_id, unrestricted=False):
    """Summaries of the groups the person follows.

    Restricted by default, so a group that went back to draft drops out of
    the person's page; the data export passes ``unrestricted`` to list every
    follow that is stored.
    """
    from threeb.opgavegrupper.participation.following import index_key

    key = index_key(user_id)
    if key is None:
        # A site without the secret has not been migrated: its index still
        # holds user ids (and a None value would match every group).
        key = user_id
    query = {
        "portal_type": "TaskGroup",
        "followers": key,
        "sort_on": "sortable_title",
    }
    catalog = _catalog()
    search = catalog.unrestrictedSearchResults if unrestricted else catalog
    return [_group_summary(brain) for brain in search(**query)]


def _history(application):
    """The application's decisions, without who took them (that is staff's data)."""
    # Read the history itself: the workflow's review_history variable is
    # guarded by a reviewer's permission the applicant does not have.
    workflow = api.portal.get_tool("portal_workflow")
    entries = []
    for workflow_id in workflow.getChainFor(application):
        entries.extend(application.workflow_history.get(workflow_id, ()))
    return [
        {
            "action": entry.get("action"),
            "review_state": entry.get("review_state"),
            "time": json_compatible(entry.get("time")),
            "comments": entry.get("comments") or None,
        }
        for entry in entries
    ]


def _visible_uids(user_id, uids):
    """The UIDs, of those given, of groups the person may see now.

    Asked of the catalog as the person (not as whoever runs the export), so
    the answer is the same for the person's own download and for staff.
    """
    user = api.user.get(userid=user_id) if uids else None
    if user is None:
        return set()
    catalog = _catalog()
    with api.env.adopt_user(user=user):
        # The catalog's own check of the publication dates reads every entry
        # of its date-range index; for a handful of groups it is done here,
        # as the catalog does it, unless the person may see inactive content.
        inactive = catalog.allow_inactive({})
        brains = catalog(UID=sorted(uids), show_inactive=True)
        now = DateTime()
        return {brain.UID for brain in brains if inactive or _active(brain, now)}


def _active(brain, now):
    """Published now: effective at or before now, expiring at or after it."""
    effective, expires = brain.effective, brain.expires
    return (effective is None or effective <= now) and (
        expires is None or now <= expires
    )


def _as_seen(summary, visible, keep=()):
    """A group summary as the person may see it now.

    A group the person can no longer see (e.g. back in draft) shows nothing
    of its current title or address: only its UID, which identifies what is
    stored about the person, and the person's own data named in ``keep``.
    """
    if summary["UID"] in visible:
        return {**summary, "visible": True}
    return {
        "UID": summary["UID"],
        **{key: summary[key] for key in keep},
        "visible": False,
    }


def export(user_id):
    """Everything the add-on stores about the person, ready for JSON.

    The person's applications with all their fields and decisions, the groups
    they sit in and the groups they follow (every stored follow, also of a
    group they can no longer see). Each group carries ``visible``; a group
    the person can no longer see is given by its UID only. Only the person's
    own applications are woken: a handful, and their fields are not in the
    catalog.
    """
    items = []
    for brain in applications_of(user_id):
        application = brain._unrestrictedGetObject()
        fields = {
            name: json_compatible(getattr(application, name, None))
            for name, _field in getFieldsInOrder(IApplication)
        }
        group = aq_parent(aq_inner(application))
        items.append(
            {
                "@id": brain.getURL(),
                "id": brain.getId,
                "group": {
                    "@id": group.absolute_url(),
                    "UID": group.UID(),
                    "title": group.Title(),
                },
                "review_state": brain.review_state,
                "created": json_compatible(application.created()),
                "modified": json_compatible(application.modified()),
                "history": _history(application),
                **fields,
            }
        )
    groups = memberships(user_id)
    follows = followed(user_id, unrestricted=True)
    visible = _visible_uids(
        user_id,
        {item["group"]["UID"] for item in items}
        | {group["UID"] for group in groups + follows},
    )
    for item in items:
        item["group"] = _as_seen(item["group"], visible)
    return {
        "user_id": user_id,
        "applications": items,
        "memberships": [
            _as_seen(group, visible, keep=("roles", "constituency")) for group in groups
        ],
        "following": [_as_seen(group, visible) for group in follows],
    }
