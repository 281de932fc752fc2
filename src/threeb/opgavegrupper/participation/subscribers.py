"""Workflow events of applications: seats and membership follow decisions."""

from threeb.opgavegrupper.lifecycle.errors import TransitionRefused
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation.errors import SeatsFull


DECISIONS = ("accept", "waitlist", "decline", "remove")


def _transition(event):
    return event.transition.getId() if event.transition is not None else None


def before_transition(application, event):
    if _transition(event) == "accept":
        try:
            applications.check_seat(application)
        except SeatsFull as error:
            raise TransitionRefused(error.message) from error


def after_transition(application, event):
    transition = _transition(event)
    if transition == "accept":
        applications.on_accepted(application)
    elif transition in ("withdraw", "remove"):
        applications.on_left(application)
    if transition in DECISIONS:
        # The comment given with a decision is the message to the applicant.
        comment = ((event.kwargs or {}).get("comment") or "").strip()
        application.decision_message = comment or None
    application.reindexObject()
