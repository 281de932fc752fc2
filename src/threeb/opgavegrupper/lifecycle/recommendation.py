"""Rules for a recommendation's way to the board and the board's decision."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from plone.app.event.base import localized_today
from threeb.opgavegrupper import _
from threeb.opgavegrupper.lifecycle.errors import TransitionRefused


DECISIONS = ("adopt", "reject")


def _transition(event):
    return event.transition.getId() if event.transition is not None else None


def _comment(event):
    return ((event.kwargs or {}).get("comment") or "").strip()


def mandate_approved(recommendation):
    """True if the group holding the recommendation has an approved mandate."""
    group = aq_parent(aq_inner(recommendation))
    catalog = api.portal.get_tool("portal_catalog")
    # Unrestricted: the rule holds whoever submits, whatever they may see.
    brains = catalog.unrestrictedSearchResults(
        portal_type="Mandate",
        review_state="approved",
        path={"query": "/".join(group.getPhysicalPath()), "depth": 1},
    )
    return len(brains) > 0


def before_transition(recommendation, event):
    """Refuse a submission without an approved mandate, a decision without text."""
    transition = _transition(event)
    if transition == "submit" and not mandate_approved(recommendation):
        raise TransitionRefused(
            _(
                "A recommendation can be submitted to the board only when the "
                "group's mandate is approved. Have the mandate approved first."
            )
        )
    if transition in DECISIONS:
        text = (recommendation.decision_text or "").strip()
        if not text and not _comment(event):
            raise TransitionRefused(
                _(
                    "The board's decision needs a decision text. Fill in the "
                    "decision on the recommendation, or write it as the comment."
                )
            )


def after_transition(recommendation, event):
    """Complete the decision record: the text from the comment, today's date."""
    if _transition(event) not in DECISIONS:
        return
    if not (recommendation.decision_text or "").strip():
        recommendation.decision_text = _comment(event)
    if not recommendation.decision_date:
        recommendation.decision_date = localized_today(recommendation)
    recommendation.reindexObject()
