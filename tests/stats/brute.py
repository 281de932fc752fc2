"""The participation figures counted the slow way, from every catalog brain.

The add-on keeps its figures as counters (stats/counters.py); this is the
brute-force count they are checked against: the way the figures were counted
before, reading every matching catalog record.
"""

from collections import Counter
from DateTime import DateTime
from datetime import date
from datetime import datetime
from plone import api

import statistics


# "implemented" comes after "adopted": an implemented recommendation was adopted.
ADOPTED_STATES = ("adopted", "implemented")
DECIDED_STATES = ("adopted", "rejected", "implemented")
IMPLEMENTATION_STATUSES = ("not_started", "in_progress", "done")
NO_DEPARTMENT = "none"


def _search(context, **query):
    catalog = api.portal.get_tool("portal_catalog")
    query.setdefault("path", "/".join(context.getPhysicalPath()))
    return catalog.unrestrictedSearchResults(**query)


def as_date(value):
    """A date from catalog metadata (DateTime, datetime or date), else None."""
    if value is None:
        return None
    if isinstance(value, DateTime):
        # Plone's "no date" placeholders (year 1000 or 2499) are not dates.
        if value.year() < 1001 or value.year() > 2498:
            return None
        return value.asdatetime().date()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def _sorted(counter):
    return {key: counter[key] for key in sorted(counter)}


def _group_path(brain):
    """The path of the group holding a brain's object (its parent)."""
    return brain.getPath().rsplit("/", 1)[0]


def groups_by_state(context):
    return _sorted(
        Counter(b.review_state for b in _search(context, portal_type="TaskGroup"))
    )


def accepted_applications(context):
    return _search(context, portal_type="Application", review_state="accepted")


def participants_by_constituency(context):
    return _sorted(Counter(b.constituency for b in accepted_applications(context)))


def participants_by_department(context):
    # An application without a department (staff, an external adviser) is
    # counted under "none", so the figures add up to the participants.
    return _sorted(
        Counter(b.department or NO_DEPARTMENT for b in accepted_applications(context))
    )


def first_time_participants_per_year(context):
    """Per year, the people whose first accepted application ever was made then.

    "Ever" looks at the whole site: someone who took part in a group in
    another folder is not new here. Counted in the folder of that first
    application. Anonymised applications no longer name their person and
    cannot tell a first time from a second one; they are left out.
    """
    portal = api.portal.get()
    first = {}
    for brain in accepted_applications(portal):
        created = as_date(brain.created)
        if not brain.applicant or not created:
            continue
        # The earliest by the moment it was made; the UID breaks a tie.
        order = (brain.created.timeTime(), brain.UID)
        known = first.get(brain.applicant)
        if known is None or order < known[0]:
            first[brain.applicant] = (order, created, brain.getPath())
    prefix = "/".join(context.getPhysicalPath()) + "/"
    return _sorted(
        Counter(
            str(created.year)
            for _order, created, path in first.values()
            if path.startswith(prefix)
        )
    )


def applications_per_month(context):
    """Every application made, whatever became of it, by month ("2026-03")."""
    months = Counter()
    for brain in _search(context, portal_type="Application"):
        created = as_date(brain.created)
        if created:
            months[created.strftime("%Y-%m")] += 1
    return _sorted(months)


def _summary(days):
    if not days:
        return {"count": 0, "median": None, "mean": None}
    return {
        "count": len(days),
        "median": float(statistics.median(days)),
        "mean": round(statistics.fmean(days), 1),
    }


def days_to_recommendation_and_decision(context):
    """Days from each group's start to its first submitted recommendation and
    to the board's first decision on one, summarised as median and mean."""
    starts = {}
    for brain in _search(context, portal_type="TaskGroup"):
        start = as_date(brain.start)
        if start:
            starts[brain.getPath()] = start
    submitted = {}
    decided = {}
    for brain in _search(context, portal_type="Recommendation"):
        group = _group_path(brain)
        if group not in starts:
            continue
        for found, day in (
            (submitted, brain.submitted_date),
            (decided, brain.decision_date),
        ):
            day = as_date(day)
            if day and (group not in found or day < found[group]):
                found[group] = day
    return {
        "to_first_recommendation": _summary(
            [(day - starts[group]).days for group, day in submitted.items()]
        ),
        "to_decision": _summary(
            [(day - starts[group]).days for group, day in decided.items()]
        ),
    }


def decisions(context):
    brains = _search(context, portal_type="Recommendation", review_state=DECIDED_STATES)
    adopted = sum(1 for b in brains if b.review_state in ADOPTED_STATES)
    return {"adopted": adopted, "rejected": len(brains) - adopted}


def implementation(context):
    """How far the adopted recommendations have come."""
    brains = _search(context, portal_type="Recommendation", review_state=ADOPTED_STATES)
    status = Counter(dict.fromkeys(IMPLEMENTATION_STATUSES, 0))
    progress = []
    for brain in brains:
        status[brain.implementation_status or "not_started"] += 1
        # An implemented recommendation is done, whatever its last figure.
        value = 100 if brain.review_state == "implemented" else brain.progress
        progress.append(value or 0)
    return {
        "count": len(brains),
        "status": {key: status[key] for key in IMPLEMENTATION_STATUSES},
        "average_progress": round(statistics.fmean(progress), 1) if progress else None,
    }


def figures(context):
    """All figures for the site or a folder of groups, as one dict."""
    participants = accepted_applications(context)
    return {
        "groups_by_state": groups_by_state(context),
        "participants_total": len(participants),
        "participants_by_constituency": participants_by_constituency(context),
        "participants_by_department": participants_by_department(context),
        "first_time_participants_per_year": first_time_participants_per_year(context),
        "applications_per_month": applications_per_month(context),
        "days_from_start": days_to_recommendation_and_decision(context),
        "decisions": decisions(context),
        "implementation": implementation(context),
    }
