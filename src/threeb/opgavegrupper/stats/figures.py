"""Participation figures the board can act on, read from kept counters.

The counters (``stats.counters``) follow every change of a group, a
recommendation or an application, so reading the figures costs the same at
100 groups as at 10,000: a few dozen counters, no catalog records. They count
what exists, not what the caller may see, so the callers (the dashboard view,
GET @participation) check the permission first. The result is plain
JSON-friendly data: dicts of str to int or float.
"""

from threeb.opgavegrupper.stats import counters
from threeb.opgavegrupper.stats.dates import as_date  # noqa: F401 (kept here for callers)


# "implemented" comes after "adopted": an implemented recommendation was adopted.
ADOPTED_STATES = counters.ADOPTED_STATES
DECIDED_STATES = counters.DECIDED_STATES
IMPLEMENTATION_STATUSES = ("not_started", "in_progress", "done")
NO_DEPARTMENT = counters.NO_DEPARTMENT


def _sorted(values):
    return {key: values[key] for key in sorted(values)}


def _summary(histogram):
    """Count, median and mean of ``{str(days): how many groups}``."""
    days = sorted((int(key), number) for key, number in histogram.items())
    count = sum(number for _day, number in days)
    if not count:
        return {"count": 0, "median": None, "mean": None}

    def nth(index):
        for day, number in days:
            if index < number:
                return day
            index -= number
        raise IndexError(index)

    middle = count // 2
    median = nth(middle) if count % 2 else (nth(middle - 1) + nth(middle)) / 2
    total = sum(day * number for day, number in days)
    return {"count": count, "median": float(median), "mean": round(total / count, 1)}


def figures(context):
    """All figures for the site or a folder of groups, as one dict."""
    found = counters.counts(context)

    def get(figure):
        return found.get(figure, {})

    decided = get("decisions")
    implementation = get("implementation")
    count = implementation.get("count", 0)
    status = get("implementation_status")
    progress = get("implementation_progress").get("sum", 0)
    return {
        "groups_by_state": _sorted(get("groups_by_state")),
        "participants_total": get("participants").get("total", 0),
        "participants_by_constituency": _sorted(get("participants_by_constituency")),
        "participants_by_department": _sorted(get("participants_by_department")),
        "first_time_participants_per_year": _sorted(
            get("first_time_participants_per_year")
        ),
        "applications_per_month": _sorted(get("applications_per_month")),
        "days_from_start": {
            "to_first_recommendation": _summary(get("to_first_recommendation")),
            "to_decision": _summary(get("to_decision")),
        },
        "decisions": {
            "adopted": decided.get("adopted", 0),
            "rejected": decided.get("rejected", 0),
        },
        "implementation": {
            "count": count,
            "status": {key: status.get(key, 0) for key in IMPLEMENTATION_STATUSES},
            "average_progress": round(progress / count, 1) if count else None,
        },
    }
