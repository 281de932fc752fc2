"""An outcome published: the group's members and followers read what became of it.

This is the mail residents asked for most: not the board's decision record
but the plain-language story, told once. Publishing an outcome again after a
correction (retract, publish) does not mail everyone a second time.
"""

from plone import api
from threeb.opgavegrupper import _
from threeb.opgavegrupper.notifications import recipients
from threeb.opgavegrupper.notifications.mails import guarded
from threeb.opgavegrupper.notifications.mails import localized_time
from threeb.opgavegrupper.notifications.mails import Mail
from threeb.opgavegrupper.notifications.mails import send
from threeb.opgavegrupper.participation.applications import group_of
from zope.annotation.interfaces import IAnnotations


# Set once the members and followers have been told of the outcome.
TOLD = "threeb.opgavegrupper.notifications.outcome"
FOLLOWERS_REASON = _(
    "You get this e-mail because you are a member of the group or follow it."
)


def story_facts(outcome):
    """The parts of the story an editor wrote, in the order they are told."""
    facts = []
    for label, value in (
        (_("What the group proposed"), outcome.proposed),
        (_("What the board decided"), outcome.decided),
        (_("What happens next"), outcome.next_steps),
    ):
        if (value or "").strip():
            facts.append((label, value.strip()))
    if outcome.next_date:
        facts.append(
            (
                _("When"),
                localized_time(outcome.next_date, api.portal.get_default_language()),
            )
        )
    return facts


def published_mail(outcome, group):
    return Mail(
        subject=_(
            "What came of ${group}: ${title}",
            mapping={"group": group.Title(), "title": outcome.Title()},
        ),
        paragraphs=[outcome.summary or ""],
        facts=story_facts(outcome),
        link=(outcome.absolute_url(), _("Read the outcome")),
        reason=FOLLOWERS_REASON,
    )


@guarded
def after_transition(outcome, event):
    if event.transition is None or event.transition.getId() != "publish":
        return
    annotations = IAnnotations(outcome)
    if annotations.get(TOLD):
        return
    group = group_of(outcome)
    if group is None:
        return
    annotations[TOLD] = True
    people = recipients.members_and_followers(group)
    send(published_mail(outcome, group), recipients.who_may_see(outcome, people))
