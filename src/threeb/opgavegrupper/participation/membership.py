"""Membership has one source of truth: the group's accepted applications.

Everything else about who sits in a group is derived from them and is put
right here whenever a road changes them (a workflow transition, an edit, a
deletion, the sharing page or ``@sharing``, a deleted account, erasure,
retention, an upgrade):

- the seat ledger (``seats``), by application UID;
- the ``TaskGroupMember`` local role: held by exactly the people with an
  accepted application and an account;
- the applicants index: ``{user id: UID of the live application}``, one
  per person and group. It is a BTree on the group, so many people applying
  at the same moment write different keys and ZODB resolves them, while the
  same person applying twice at once writes the same key and conflicts: the
  retry then finds the first application.

The roster, mails, "Mine opgavegrupper" and the figures read the applications
(through the catalog), so they follow by themselves.
"""

from Acquisition import aq_base
from BTrees.OOBTree import OOBTree
from plone import api
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.annotations import annotation
from threeb.opgavegrupper.participation import seats


APPLICANTS_KEY = "threeb.opgavegrupper.applicants"
MEMBER_ROLE = "TaskGroupMember"
CHAIR_ROLE = "TaskGroupChair"
GROUP_ROLES = (CHAIR_ROLE, MEMBER_ROLE)
PEOPLE_INDEX = "taskgroup_people"
ACCEPTED = "accepted"
LIVE_STATES = ("pending", "accepted", "waitlisted")


def _catalog():
    return api.portal.get_tool("portal_catalog")


def _state(obj):
    return api.portal.get_tool("portal_workflow").getInfoFor(obj, "review_state", None)


# The applicants index ---------------------------------------------------------


def applicants_index(group, create=False):
    """The group's ``OOBTree`` of ``{user id: live application UID}`` (or None)."""
    return annotation(group, APPLICANTS_KEY, OOBTree, create)


def live_uid(group, user_id):
    tree = applicants_index(group)
    return tree.get(user_id) if tree is not None else None


def register(group, user_id, application_uid):
    """Note the person's live application; writing the same key twice conflicts."""
    applicants_index(group, create=True)[user_id] = application_uid


def unregister(group, user_id, application_uid=None):
    tree = applicants_index(group)
    if tree is None or user_id not in tree:
        return
    if application_uid is None or tree[user_id] == application_uid:
        del tree[user_id]


# Reading the record -------------------------------------------------------------


def application_objects(group, user_id=None):
    """The group's application objects (optionally one person's), unrestricted.

    Woken from the catalog's brains: the workflow state on the object is the
    record, whether or not the catalog has caught up with it yet.
    """
    query = {
        "portal_type": "Application",
        "path": {"query": "/".join(group.getPhysicalPath()), "depth": 1},
    }
    if user_id is not None:
        query["applicant"] = user_id
    found = []
    for brain in _catalog().unrestrictedSearchResults(**query):
        obj = brain._unrestrictedGetObject()
        if obj is not None:
            found.append(obj)
    return found


def accepted_applications(group, exclude=None):
    """The accepted application objects of the group, except ``exclude``."""
    skip = aq_base(exclude) if exclude is not None else None
    return [
        app
        for app in application_objects(group)
        if aq_base(app) is not skip and _state(app) == ACCEPTED
    ]


def _persons_applications(group, user_id):
    """The person's application objects in the group, unrestricted.

    Asked by applicant alone and sorted out here: a person has a handful of
    applications, while the group's path would read the index entries of
    every application in the group.
    """
    prefix = "/".join(group.getPhysicalPath()) + "/"
    found = []
    for brain in _catalog().unrestrictedSearchResults(applicant=user_id):
        path = brain.getPath()
        if brain.portal_type != "Application" or not path.startswith(prefix):
            continue
        if "/" in path[len(prefix) :]:
            continue
        obj = brain._unrestrictedGetObject()
        if obj is not None:
            found.append(obj)
    return found


def _is_member(group, user_id, exclude=None):
    skip = aq_base(exclude) if exclude is not None else None
    return any(
        _state(app) == ACCEPTED
        for app in _persons_applications(group, user_id)
        if aq_base(app) is not skip and app.applicant == user_id
    )


# Putting the rest right -------------------------------------------------------


def reindex_group_security(group):
    """Reindex the security of the group and of what in it may change with it.

    Only the add-on's local roles change here, and no application's View
    names ``TaskGroupMember`` (application_workflow, never acquired): an
    application's ``allowedRolesAndUsers`` stays what it was. Skipping them
    keeps accepting a member as cheap in a group of 1,000 applications as in
    one of 10; the group's own reindex also updates ``taskgroup_people``.
    """
    catalog = _catalog()
    # As CMFCatalogAware.reindexObjectSecurity: no queue processing mid-request.
    search = getattr(
        catalog, "_unrestrictedSearchResults", catalog.unrestrictedSearchResults
    )
    indexes = group._cmf_security_indexes
    for brain in search(
        path="/".join(group.getPhysicalPath()),
        portal_type={"not": "Application"},
    ):
        obj = brain._unrestrictedGetObject()
        if obj is not None:
            obj.reindexObject(idxs=indexes, update_metadata=0)


def _set_local_roles(group, principal, roles):
    if roles:
        group.manage_setLocalRoles(principal, sorted(roles))
    else:
        group.manage_delLocalRoles([principal])


def sync_member_role(group, user_id, exclude=None):
    """Give or take ``TaskGroupMember`` so it matches the person's applications.

    Returns True when the role changed. ``exclude`` is an application that is
    on its way out (being deleted) and no longer counts.
    """
    if not user_id:
        return False
    should = _is_member(group, user_id, exclude) and (
        api.user.get(userid=user_id) is not None
    )
    roles = set(group.get_local_roles_for_userid(user_id))
    if should == (MEMBER_ROLE in roles):
        return False
    if should:
        roles.add(MEMBER_ROLE)
    else:
        roles.discard(MEMBER_ROLE)
    _set_local_roles(group, user_id, roles)
    reindex_group_security(group)
    return True


def member_role_holders(group):
    return {
        principal
        for principal, roles in group.get_local_roles()
        if MEMBER_ROLE in roles
    }


def people_with_roles(group):
    """The principals holding the add-on's roles (chair, member) on the group."""
    return sorted(
        principal
        for principal, roles in group.get_local_roles()
        if set(roles) & set(GROUP_ROLES)
    )


def groups_with_roles(user_id):
    """``{group path: [roles]}`` of the groups where the person is chair or member.

    Asks the ``taskgroup_people`` index, so only the person's own groups are
    woken (to read their roles, which also drops an index entry not yet
    caught up). A site whose upgrade has not added the index reads every
    group, as before: a query on a missing index would match them all.
    """
    from threeb.opgavegrupper.participation.following import index_key

    catalog = _catalog()
    if PEOPLE_INDEX in catalog.indexes():
        key = index_key(user_id)
        if key is None:
            # No secret yet: nothing was ever indexed with one.
            return {}
        # Only groups have the index; asking for the type too would read
        # the index entries of every group.
        query = {PEOPLE_INDEX: key}
    else:
        query = {"portal_type": "TaskGroup"}
    found = {}
    for brain in catalog.unrestrictedSearchResults(**query):
        group = brain._unrestrictedGetObject()
        roles = set(group.get_local_roles_for_userid(user_id))
        held = [role for role in GROUP_ROLES if role in roles]
        if held:
            found[brain.getPath()] = held
    return found


def sync_group(group, exclude=None):
    """Put everything derived right for a whole group; returns what changed.

    ``{"ledger": bool, "granted": [user ids], "revoked": [user ids],
    "applicants": bool}``. Used after roads that may touch several people at
    once (the sharing page, ``@sharing``) and by the upgrade.
    """
    accepted = accepted_applications(group, exclude)
    ledger_changed = seats.rebuild(
        group, [(app.constituency, app.UID()) for app in accepted]
    )
    should = {
        app.applicant
        for app in accepted
        if app.applicant and api.user.get(userid=app.applicant) is not None
    }
    has = member_role_holders(group)
    granted, revoked = sorted(should - has), sorted(has - should)
    for user_id in granted:
        roles = set(group.get_local_roles_for_userid(user_id)) | {MEMBER_ROLE}
        _set_local_roles(group, user_id, roles)
    for user_id in revoked:
        roles = set(group.get_local_roles_for_userid(user_id)) - {MEMBER_ROLE}
        _set_local_roles(group, user_id, roles)
    if granted or revoked:
        reindex_group_security(group)
    applicants_changed = rebuild_applicants_index(group, exclude)
    return {
        "ledger": ledger_changed,
        "granted": granted,
        "revoked": revoked,
        "applicants": applicants_changed,
    }


def rebuild_applicants_index(group, exclude=None):
    skip = aq_base(exclude) if exclude is not None else None
    wanted = {}
    for app in application_objects(group):
        if aq_base(app) is skip or not app.applicant:
            continue
        if _state(app) in LIVE_STATES:
            wanted[app.applicant] = app.UID()
    tree = applicants_index(group, create=True)
    if dict(tree.items()) == wanted:
        return False
    tree.clear()
    tree.update(wanted)
    return True


def problems(group):
    """What disagrees with the record in this group, as sentences; [] if none.

    The invariants the whole package keeps: seats taken never exceed seats;
    the ledger is the accepted applications; ``TaskGroupMember`` is held by
    exactly the accepted applicants with an account; each person has at most
    one live application.
    """
    found = []
    accepted = accepted_applications(group)
    ledger = seats.all_holders(group)
    wanted = {app.UID(): app.constituency for app in accepted}
    if ledger != wanted:
        found.append(f"ledger {ledger} != accepted {wanted}")
    for constituency, number in group.seats().items():
        taken = sum(1 for c in wanted.values() if c == constituency)
        if taken > number:
            found.append(f"{constituency}: {taken} taken of {number} seats")
    should = {
        app.applicant
        for app in accepted
        if app.applicant and api.user.get(userid=app.applicant) is not None
    }
    has = member_role_holders(group)
    if should != has:
        found.append(f"member role {sorted(has)} != accepted {sorted(should)}")
    live = {}
    for app in application_objects(group):
        if app.applicant and _state(app) in LIVE_STATES:
            live.setdefault(app.applicant, []).append(app.getId())
    for user_id, ids in live.items():
        if len(ids) > 1:
            found.append(f"{user_id} has {len(ids)} live applications")
    return found


def log_changes(group, changes, road):
    if changes["granted"] or changes["revoked"] or changes["ledger"]:
        logger.info(
            "Membership of %s put right after %s: %s",
            "/".join(group.getPhysicalPath()),
            road,
            changes,
        )
