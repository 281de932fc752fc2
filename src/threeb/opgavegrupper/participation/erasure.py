"""Erasing a person from the add-on: the right to erasure (GDPR Art. 17).

One function for two roads: an account that is deleted (``DELETE @users``,
the users control panel, a script) and staff who erase a person on request
while the account stays. In the same transaction, the person's applications
are anonymised as retention does it (nothing left that names them or leads
back to their account), the seats they held are freed, live applications end
as withdrawn, their local roles on task groups and their follows go. A new
account that later reuses the login finds nothing of the old person.

Constituency, department and dates of the applications stay, so the
participation figures still add up (GDPR Art. 4(1): anonymous data is no
personal data).
"""

from DateTime import DateTime
from plone import api
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.participation import following
from threeb.opgavegrupper.participation import membership
from threeb.opgavegrupper.participation import seats
from threeb.opgavegrupper.participation.applications import group_of
from threeb.opgavegrupper.participation.retention import anonymise_application


GROUP_ROLES = ("TaskGroupChair", "TaskGroupMember")
ERASED_ACTION = "erase"


def _end(application):
    """Put a live application into ``withdrawn`` without a transition.

    No transition: the transitions mail the person and run the decision
    rules, and there is nobody left to tell.
    """
    wftool = api.portal.get_tool("portal_workflow")
    for workflow in wftool.getWorkflowsFor(application):
        wftool.setStatusOf(
            workflow.getId(),
            application,
            {
                "review_state": "withdrawn",
                "action": ERASED_ACTION,
                "actor": None,
                "comments": "",
                "time": DateTime(),
            },
        )
        workflow.updateRoleMappingsFor(application)


def _forget_actor(obj, user_id):
    """Take ``user_id`` out of the actors of ``obj``'s workflow history."""
    history = getattr(obj, "workflow_history", None) or {}
    for workflow_id, entries in list(history.items()):
        if any(entry.get("actor") == user_id for entry in entries):
            history[workflow_id] = tuple(
                dict(entry, actor=None) if entry.get("actor") == user_id else entry
                for entry in entries
            )


def _groups_with_roles(user_id):
    # No index holds local roles (see roster.memberships); erasure is rare.
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="TaskGroup"):
        group = brain._unrestrictedGetObject()
        if set(group.get_local_roles_for_userid(user_id)) & set(GROUP_ROLES):
            yield group


def erase_person(user_id):
    """Remove everything the add-on keeps about ``user_id``; returns a summary.

    ``{"user_id", "applications": n anonymised, "seats_freed": n,
    "roles_removed": n groups, "follows_removed": n}``. Running it again
    finds nothing left and returns zeros.
    """
    from threeb.opgavegrupper.participation.roster import applications_of
    from threeb.opgavegrupper.participation.roster import followed

    summary = {
        "user_id": user_id,
        "applications": 0,
        "seats_freed": 0,
        "roles_removed": 0,
        "follows_removed": 0,
    }
    touched = {}
    for brain in applications_of(user_id):
        application = brain._unrestrictedGetObject()
        if application is None or application.applicant != user_id:
            continue
        group = group_of(application)
        state = api.content.get_state(application)
        if state in membership.LIVE_STATES:
            if state == membership.ACCEPTED:
                summary["seats_freed"] += 1
            _end(application)
        if group is not None:
            seats.release(group, application.UID())
            membership.unregister(group, user_id)
            touched["/".join(group.getPhysicalPath())] = group
        anonymise_application(application)
        summary["applications"] += 1
    for group in _groups_with_roles(user_id):
        if "TaskGroupChair" in group.get_local_roles_for_userid(user_id):
            # A chair decided on other people's applications: the history of
            # those decisions keeps the decision, not who took it.
            for application in membership.application_objects(group):
                _forget_actor(application, user_id)
        roles = set(group.get_local_roles_for_userid(user_id)) - set(GROUP_ROLES)
        if roles:
            group.manage_setLocalRoles(user_id, sorted(roles))
        else:
            group.manage_delLocalRoles([user_id])
        group.reindexObjectSecurity()
        summary["roles_removed"] += 1
    for item in followed(user_id, unrestricted=True):
        group = api.content.get(UID=item["UID"])
        if group is None:
            with api.env.adopt_roles(["Manager"]):
                group = api.content.get(UID=item["UID"])
        if group is not None:
            following.unfollow(group, user_id)
            summary["follows_removed"] += 1
    for group in touched.values():
        membership.sync_member_role(group, user_id)
    if any(value for key, value in summary.items() if key != "user_id"):
        # Counts only: the log must not keep the id that was just erased.
        logger.info(
            "Erased a person's data: %s",
            {key: value for key, value in summary.items() if key != "user_id"},
        )
    return summary
