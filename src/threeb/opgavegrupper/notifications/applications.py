"""Sign-ups: the chair and the contact hear of them, the applicant of the decision."""

from plone import api
from threeb.opgavegrupper import _
from threeb.opgavegrupper.notifications import recipients
from threeb.opgavegrupper.notifications.mails import guarded
from threeb.opgavegrupper.notifications.mails import Mail
from threeb.opgavegrupper.notifications.mails import send
from threeb.opgavegrupper.participation.applications import group_of
from threeb.opgavegrupper.vocabularies.constituencies import CONSTITUENCIES


SEAT_TITLES = dict(CONSTITUENCIES)


def new_application_mail(application, group):
    # Name and seat only: the motivation and the phone number stay on the
    # site, where only those allowed to can read them, not in mailboxes.
    facts = [
        (_("Name"), application.fullname or application.Title()),
        (
            _("Seat"),
            SEAT_TITLES.get(application.constituency, application.constituency),
        ),
    ]
    if getattr(application, "department", None):
        facts.append((_("Department"), application.department))
    return Mail(
        subject=_("New application to ${group}", mapping={"group": group.Title()}),
        paragraphs=[
            _(
                "${name} has applied for a seat in the task group ${group}. "
                "The application waits for a decision.",
                mapping={
                    "name": application.fullname or application.Title(),
                    "group": group.Title(),
                },
            )
        ],
        facts=facts,
        link=(application.absolute_url(), _("Decide on the application")),
        reason=_(
            "You get this e-mail because you are the group's chair or its "
            "contact person."
        ),
    )


@guarded
def added(application, event):
    """Someone signed up; tell the chair(s) and the contact person.

    Only a sign-up by the applicants themselves: staff who add a member
    directly (an external adviser) decide at once, there is nothing to decide.
    """
    if not application.applicant:
        return
    if application.applicant != api.user.get_current().getId():
        return
    group = group_of(application)
    if group is None:
        return
    people = recipients.chairs(group) + recipients.contact(group)
    send(
        new_application_mail(application, group),
        recipients.who_may_see(application, people),
    )


DECISION_TEXTS = {
    "accept": (
        _("You have a seat in ${group}"),
        _(
            "Your application to the task group ${group} is accepted. You are "
            "now a member of the group."
        ),
    ),
    "waitlist": (
        _("You are on the waiting list for ${group}"),
        _(
            "All seats of your kind in the task group ${group} are taken, so "
            "your application is on the waiting list. You get the next free "
            "seat when it is your turn."
        ),
    ),
    "decline": (
        _("Your application to ${group}"),
        _("Unfortunately we cannot give you a seat in the task group ${group}."),
    ),
}


def decision_mail(application, group, transition, message):
    subject, text = DECISION_TEXTS[transition]
    mapping = {"group": group.Title()}
    facts = [(_("A message for you"), message)] if message else []
    return Mail(
        subject=_(subject, mapping=mapping),
        paragraphs=[_(text, mapping=mapping)],
        facts=facts,
        link=(application.absolute_url(), _("See your application")),
        reason=_("You get this e-mail because you applied to the group."),
    )


@guarded
def after_transition(application, event):
    """Accepted, waitlisted or declined: the applicant hears it, with the message."""
    transition = event.transition.getId() if event.transition else None
    if transition not in DECISION_TEXTS or not application.applicant:
        return
    group = group_of(application)
    # The comment is this decision's message (participation stores it as
    # decision_message too); read from the event, it cannot be an older one.
    message = ((event.kwargs or {}).get("comment") or "").strip()
    to = recipients.who_may_see(application, [application.applicant])
    send(decision_mail(application, group, transition, message), to)
