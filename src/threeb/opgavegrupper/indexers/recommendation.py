"""Catalog values of recommendations and applications, for the figures.

The participation figures, the årshjul and the board desk read these from
brains, so that none of them wakes a recommendation or an application.
"""

from DateTime import DateTime
from plone.indexer import indexer
from threeb.opgavegrupper.content.application import IApplication
from threeb.opgavegrupper.content.recommendation import IRecommendation


WORKFLOW = "recommendation_workflow"


@indexer(IRecommendation)
def decision_date(obj):
    # A plain date (picklable, JSON-friendly through isoformat); None until
    # the board has decided.
    return obj.decision_date


@indexer(IRecommendation)
def implementation_status(obj):
    return obj.implementation_status


@indexer(IRecommendation)
def progress(obj):
    return obj.progress


@indexer(IRecommendation)
def submitted_date(obj):
    """The day the recommendation first reached the board, from its history.

    The first entry in state "submitted", not the last: a recommendation sent
    back and submitted again was still first with the board on that day.
    """
    history = getattr(obj, "workflow_history", {}).get(WORKFLOW, ())
    for entry in history:
        if entry.get("review_state") == "submitted":
            time = entry.get("time")
            if isinstance(time, DateTime):
                return time.asdatetime().date()
    return None


@indexer(IApplication)
def department(obj):
    return obj.department
