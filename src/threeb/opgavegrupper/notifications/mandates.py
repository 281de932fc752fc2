"""A mandate waiting for approval: the organisation board hears of it."""

from threeb.opgavegrupper import _
from threeb.opgavegrupper.notifications import recipients
from threeb.opgavegrupper.notifications.mails import guarded
from threeb.opgavegrupper.notifications.mails import Mail
from threeb.opgavegrupper.notifications.mails import send
from threeb.opgavegrupper.participation.applications import group_of


def for_approval_mail(mandate, group):
    facts = []
    questions = [q for q in (mandate.questions or []) if (q or "").strip()]
    if questions:
        facts.append(
            (
                _("Questions the group must answer"),
                "\n".join(f"- {q}" for q in questions),
            )
        )
    if mandate.budget is not None:
        facts.append((_("Budget (DKK)"), f"{mandate.budget:,}".replace(",", ".")))
    return Mail(
        subject=_(
            "For the board's approval: the mandate of ${group}",
            mapping={"group": group.Title()},
        ),
        paragraphs=[
            _(
                "The task group ${group} has submitted its mandate for the "
                "organisation board's approval.",
                mapping={"group": group.Title()},
            )
        ],
        facts=facts,
        link=(
            mandate.absolute_url(),
            _("Read the mandate and approve it or send it back"),
        ),
        reason=_(
            "You get this e-mail because you are a member of the organisation board."
        ),
    )


@guarded
def after_transition(mandate, event):
    """Submitted for approval: each board member who may open it is told."""
    if event.transition is None or event.transition.getId() != "submit_for_approval":
        return
    group = group_of(mandate)
    if group is None:
        return
    to = recipients.who_may_see(mandate, recipients.board())
    send(for_approval_mail(mandate, group), to)
