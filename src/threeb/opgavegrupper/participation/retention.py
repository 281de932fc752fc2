"""Applications are anonymised once their group has ended long enough ago.

A group that is concluded or cancelled keeps its applications for
``retention_days`` (a setting, 180 by default), counted from the day the group
entered that state, as the workflow history records it. After that, the
personal data goes: name, contact details, motivation, availability,
organisation, the decision message and every link to the person's account.
Constituency, department and the dates stay, so the participation figures
still add up. The member role follows the applications (``membership``):
once no application names a person, the person is no member either.

Run it from the zconsole script scripts/anonymise_applications.py (e.g.
nightly from cron) or from the staff-only view @@anonymise-applications.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from DateTime import DateTime
from plone import api
from threeb.opgavegrupper import _
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.participation import membership
from threeb.opgavegrupper.participation.applications import applications
from zope.i18n import translate


ENDED_STATES = ("concluded", "cancelled")
RETENTION_RECORD = "threeb.opgavegrupper.retention_days"
DEFAULT_RETENTION_DAYS = 180

PERSONAL_FIELDS = (
    "fullname",
    "email",
    "phone",
    "motivation",
    "availability",
    "organisation",
    # Written to the applicant and often names them.
    "decision_message",
)

PLACEHOLDER = _("Anonymised application")


def retention_days():
    days = api.portal.get_registry_record(RETENTION_RECORD, default=None)
    return DEFAULT_RETENTION_DAYS if days is None else days


def _as_datetime(now):
    if now is None:
        return DateTime()
    return now if isinstance(now, DateTime) else DateTime(now)


def ended_on(group):
    """When the group entered its current state, from its workflow history.

    The earliest entry of the last run of entries in that state: an entry
    that only records a comment does not move the date. None without history.
    """
    state = api.content.get_state(obj=group)
    workflow = api.portal.get_tool("portal_workflow")
    entries = []
    for workflow_id in workflow.getChainFor(group):
        entries.extend(group.workflow_history.get(workflow_id, ()))
    entered = None
    for entry in reversed(entries):
        if entry.get("review_state") != state:
            break
        entered = entry.get("time")
    return entered


def _not_yet_anonymised(group):
    # The flag is not in the catalog, so each application is woken; this runs
    # as a batch job over ended groups only.
    found = []
    for brain in applications(group):
        application = brain._unrestrictedGetObject()
        if not getattr(application, "anonymised", False):
            found.append(application)
    return found


def due(portal, now=None):
    """The ended groups past retention that still hold personal data.

    Returns ``[{"group", "ended", "applications"}]`` with the objects, oldest
    end first; ``now`` (a DateTime or datetime) defaults to this moment.
    """
    now = _as_datetime(now)
    days = retention_days()
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="TaskGroup",
        review_state=list(ENDED_STATES),
        path="/".join(portal.getPhysicalPath()),
    )
    found = []
    for brain in brains:
        group = brain._unrestrictedGetObject()
        ended = ended_on(group)
        if ended is None:
            # Without a date there is no deadline to have passed; say so
            # rather than guess.
            logger.warning("No date in the workflow history of %s", brain.getPath())
            continue
        if now - ended <= days:
            continue
        pending = _not_yet_anonymised(group)
        if pending:
            found.append({"group": group, "ended": ended, "applications": pending})
    return sorted(found, key=lambda item: item["ended"])


def _placeholder():
    return translate(PLACEHOLDER, target_language=api.portal.get_default_language())


def _scrub_history(application, user_id):
    # The person's own actions (their withdrawal) carry their id, and the
    # comments are the decision messages removed above.
    for workflow_id, entries in list(application.workflow_history.items()):
        scrubbed = []
        for entry in entries:
            entry = dict(entry, comments="")
            if user_id and entry.get("actor") == user_id:
                entry["actor"] = None
            scrubbed.append(entry)
        application.workflow_history[workflow_id] = tuple(scrubbed)


def anonymise_application(application, placeholder=None):
    """Remove the personal data from one application; returns it."""
    user_id = application.applicant
    for name in PERSONAL_FIELDS:
        setattr(application, name, None)
    application.title = placeholder or _placeholder()
    application.applicant = None
    # There is no name left to show: the public roster counts the seat.
    application.consent_public = False
    application.anonymised = True
    if user_id:
        # The link to the account: the Owner role, creator and ownership.
        if application.get_local_roles_for_userid(user_id):
            application.manage_delLocalRoles([user_id])
        application.setCreators(
            [creator for creator in application.listCreators() if creator != user_id]
        )
        owner = application.__dict__.get("_owner")
        if owner and owner[1] == user_id:
            # Without an owner of its own the application acquires its group's.
            del application._owner
    _scrub_history(application, user_id)
    # No modified event: nothing about this should notify anyone.
    application.reindexObject()
    application.reindexObjectSecurity()
    return _new_id(application)


def _new_id(application):
    """Give the application a fresh random id; returns it, renamed.

    The old address went out in mails next to the person's name ("Anna has
    applied: <link>"); under a new one the anonymous record cannot be tied
    back to that mail.
    """
    from threeb.opgavegrupper.participation.applications import new_application_id

    group = aq_parent(aq_inner(application))
    new_id = new_application_id()
    while new_id in group.objectIds():
        new_id = new_application_id()
    with api.env.adopt_roles(["Manager"]):
        group.manage_renameObject(application.getId(), new_id)
    return group[new_id]


def anonymise(portal, now=None):
    """Anonymise every application that is due; returns what it did.

    ``[{"group": path, "title", "state", "ended": ISO date,
    "applications": [ids]}]``, empty when nothing was due. A second run
    finds nothing left to do.
    """
    placeholder = _placeholder()
    done = []
    for item in due(portal, now):
        group = item["group"]
        renamed = [
            anonymise_application(application, placeholder)
            for application in item["applications"]
        ]
        membership.sync_group(group)
        done.append(
            {
                "group": "/".join(group.getPhysicalPath()),
                "title": group.Title(),
                "state": api.content.get_state(obj=group),
                "ended": item["ended"].ISO8601(),
                # The new ids: the old ones are gone with the personal data.
                "applications": [app.getId() for app in renamed],
            }
        )
        logger.info(
            "Anonymised %d applications of %s",
            len(item["applications"]),
            done[-1]["group"],
        )
    return done
