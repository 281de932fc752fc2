"""A recommendation's way: the board hears of it, everyone around the group of its fate.

Telling residents what became of their input is what they ask for most, so
each step after the board's decision reaches the members and the followers.
"""

from plone import api
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.recommendation import IMPLEMENTATION_STATUS
from threeb.opgavegrupper.notifications import recipients
from threeb.opgavegrupper.notifications.mails import guarded
from threeb.opgavegrupper.notifications.mails import localized_time
from threeb.opgavegrupper.notifications.mails import Mail
from threeb.opgavegrupper.notifications.mails import send
from threeb.opgavegrupper.participation.applications import group_of
from zope.annotation.interfaces import IAnnotations


# The implementation (status, progress) the last mail told about.
TOLD = "threeb.opgavegrupper.notifications.implementation"
DECIDED_STATES = ("adopted", "implemented")
STEPS = ("adopt", "reject", "mark_implemented")
FOLLOWERS_REASON = _(
    "You get this e-mail because you are a member of the group or follow it."
)


def _transition(event):
    return event.transition.getId() if event.transition is not None else None


def _implementation(recommendation):
    return (
        recommendation.implementation_status or "not_started",
        recommendation.progress or 0,
    )


def _has_text(value):
    # A rich text field holds a RichTextValue, which is true even when empty.
    return bool((getattr(value, "raw", value) or "").strip())


def decision_facts(recommendation, comment=""):
    """The decision record: text, date and votes, as far as recorded."""
    facts = []
    # The lifecycle rules copy the transition's comment into decision_text;
    # the comment itself is the fallback, whichever subscriber runs first.
    text = (recommendation.decision_text or "").strip() or comment
    if text:
        facts.append((_("Decision"), text))
    if recommendation.decision_date:
        facts.append(
            (
                _("Decided on"),
                localized_time(
                    recommendation.decision_date, api.portal.get_default_language()
                ),
            )
        )
    votes = (
        recommendation.votes_for,
        recommendation.votes_against,
        recommendation.votes_abstain,
    )
    if any(vote is not None for vote in votes):
        for_, against, abstain = (vote or 0 for vote in votes)
        facts.append(
            (
                _("Votes"),
                _(
                    "${for} for, ${against} against, ${abstain} abstained",
                    mapping={"for": for_, "against": against, "abstain": abstain},
                ),
            )
        )
    if _has_text(recommendation.minority_statement):
        facts.append(
            (
                _("Minority statement"),
                _("The recommendation comes with a minority statement."),
            )
        )
    return facts


def implementation_facts(recommendation):
    status, progress = _implementation(recommendation)
    return [
        (_("Implementation status"), IMPLEMENTATION_STATUS.getTerm(status).title),
        (_("Progress (%)"), f"{progress} %"),
    ]


def submitted_mail(recommendation, group):
    facts = [(_("Summary"), recommendation.summary)]
    if _has_text(recommendation.minority_statement):
        facts.append(
            (
                _("Minority statement"),
                _("The recommendation comes with a minority statement."),
            )
        )
    return Mail(
        subject=_(
            "For the board's decision: ${title}",
            mapping={"title": recommendation.Title()},
        ),
        paragraphs=[
            _(
                "The task group ${group} has submitted a recommendation to the "
                "organisation board.",
                mapping={"group": group.Title()},
            )
        ],
        facts=facts,
        link=(
            recommendation.absolute_url(),
            _("Read the recommendation and record the decision"),
        ),
        reason=_(
            "You get this e-mail because you are a member of the organisation board."
        ),
    )


STEP_TEXTS = {
    "adopt": (
        _("The board has adopted: ${title}"),
        _(
            "The organisation board has adopted the recommendation from the "
            "task group ${group}."
        ),
    ),
    "reject": (
        _("The board has rejected: ${title}"),
        _(
            "The organisation board has rejected the recommendation from the "
            "task group ${group}."
        ),
    ),
    "mark_implemented": (
        _("Implemented: ${title}"),
        _("The recommendation from the task group ${group} has been implemented."),
    ),
    "implementation": (
        _("News on the implementation: ${title}"),
        _(
            "There is news on the implementation of the recommendation from "
            "the task group ${group}."
        ),
    ),
}


def step_mail(recommendation, group, step, comment=""):
    subject, text = STEP_TEXTS[step]
    facts = decision_facts(recommendation, comment)
    if step != "reject":
        facts += implementation_facts(recommendation)
    return Mail(
        subject=_(subject, mapping={"title": recommendation.Title()}),
        paragraphs=[_(text, mapping={"group": group.Title()})],
        facts=facts,
        link=(
            recommendation.absolute_url(),
            _("See the recommendation and the decision"),
        ),
        reason=FOLLOWERS_REASON,
    )


def _tell_everyone(recommendation, step, comment=""):
    group = group_of(recommendation)
    if group is None:
        return
    people = recipients.members_and_followers(group)
    send(
        step_mail(recommendation, group, step, comment),
        recipients.who_may_see(recommendation, people),
    )


@guarded
def after_transition(recommendation, event):
    transition = _transition(event)
    if transition == "submit":
        group = group_of(recommendation)
        send(
            submitted_mail(recommendation, group),
            recipients.who_may_see(recommendation, recipients.board()),
        )
    elif transition in STEPS:
        if transition == "adopt":
            # The implementation starts from here; only changes are news.
            IAnnotations(recommendation)[TOLD] = _implementation(recommendation)
        comment = ((event.kwargs or {}).get("comment") or "").strip()
        _tell_everyone(recommendation, transition, comment)


@guarded
def modified(recommendation, event):
    """The implementation status or progress changed: that is news.

    Compared with what the last mail said rather than read from the event's
    descriptions, so an edit form, a REST PATCH and a script all count, and
    saving other fields, or the same values again, sends nothing.
    """
    if api.content.get_state(recommendation) not in DECIDED_STATES:
        return
    current = _implementation(recommendation)
    annotations = IAnnotations(recommendation)
    if annotations.get(TOLD, ("not_started", 0)) == current:
        return
    annotations[TOLD] = current
    _tell_everyone(recommendation, "implementation")
