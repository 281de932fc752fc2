"""Rules for a mandate's approval by the organisation board."""

from plone.app.event.base import localized_today


def after_transition(mandate, event):
    """Record the day the board approved the mandate, in the portal's time zone."""
    if event.transition is None or event.transition.getId() != "approve":
        return
    mandate.approval_date = localized_today(mandate)
    mandate.reindexObject()
