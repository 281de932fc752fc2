"""Events that change the record of membership, from any road.

Workflow transitions are the decisions; the other events are the roads that
nobody clicks as a decision (an edit, a deletion, the sharing page or
``@sharing``, a deleted account). Each puts the derived state right from the
applications (see ``membership``).
"""

from Acquisition import aq_base
from plone import api
from threeb.opgavegrupper.content.taskgroup import ITaskGroup
from threeb.opgavegrupper.lifecycle.errors import TransitionRefused
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation import decisions
from threeb.opgavegrupper.participation import erasure
from threeb.opgavegrupper.participation import membership
from threeb.opgavegrupper.participation import seats
from threeb.opgavegrupper.participation.errors import SeatsFull


LEAVING = ("withdraw", "remove", "decline")


def _transition(event):
    return event.transition.getId() if event.transition is not None else None


def before_transition(application, event):
    if _transition(event) == "accept":
        try:
            applications.check_seat(application)
        except SeatsFull as error:
            raise TransitionRefused(error.message) from error


def _forget_comment(application):
    """Blank the comment of the transition just recorded in the history."""
    for workflow_id, entries in list(application.workflow_history.items()):
        if entries and entries[-1].get("comments"):
            application.workflow_history[workflow_id] = (
                *entries[:-1],
                dict(entries[-1], comments=""),
            )


def after_transition(application, event):
    transition = _transition(event)
    comment = ((event.kwargs or {}).get("comment") or "").strip()
    if getattr(application, "anonymised", False):
        # An anonymised application (retention) can still be decided on, but
        # there is nobody to write to, and a comment would bring personal
        # data back onto a record that must hold none.
        comment = ""
        _forget_comment(application)
    if decisions.is_decision(event.transition):
        # The comment given with a decision is the message to the applicant.
        application.decision_message = comment or None
    application.reindexObject()
    if transition == "accept":
        applications.on_accepted(application)
    elif transition in LEAVING:
        applications.on_left(application)


def application_modified(application, event):
    """An edit of an accepted application moves its seat with it."""
    group = applications.group_of(application)
    if group is None or api.content.get_state(application) != "accepted":
        return
    if seats.all_holders(group).get(application.UID()) != application.constituency:
        seats.take(group, application.constituency, application.UID())


def application_removed(application, event):
    """A deleted application gives up its seat, its membership and its place.

    Only when the application itself is deleted: when its group is deleted,
    everything goes with it.
    """
    if event.object is not application:
        return
    group = event.oldParent
    if group is None or not ITaskGroup.providedBy(group):
        return
    seats.release(group, application.UID())
    if application.applicant:
        membership.unregister(group, application.applicant, application.UID())
        membership.sync_member_role(group, application.applicant, exclude=application)


def group_added(group, event):
    # Made before anyone applies, so the first two applicants at the same
    # moment do not both create it (and conflict).
    if event.object is group:
        membership.applicants_index(group, create=True)


def local_roles_modified(group, event):
    """The sharing page or ``@sharing`` cannot make or unmake members."""
    if aq_base(event.object) is not aq_base(group):
        return
    changes = membership.sync_group(group)
    membership.log_changes(group, changes, "a change of local roles")


def principal_deleted(event):
    """A deleted account leaves nothing of the person in the add-on.

    PlonePAS notifies with the user id as the principal, once for each
    plugin that deleted it; erasing twice finds nothing the second time.
    """
    user_id = event.principal
    if isinstance(user_id, str) and user_id:
        erasure.erase_person(user_id)
