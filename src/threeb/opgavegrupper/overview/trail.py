"""A group's trail: mandate → meetings → recommendations → decision →
implementation, and at its end the outcomes told in plain language.

Shared by the group's page and `GET @trail`. The entries are plain,
JSON-friendly dicts (dates as ISO strings, rich text as HTML strings).

Everything is read from catalog brains of the group's children, found with
a restricted search: a visitor gets only the entries they may see. Only the
one mandate (for its questions) and the decided recommendations (for the
decision record and implementation, which the catalog does not hold) are
woken; meetings and undecided recommendations never are. Outcomes are few
and short, and woken for the parts of their story.
"""

from plone import api


TYPES = ("Mandate", "Meeting", "Recommendation")
DECIDED = ("adopted", "rejected", "implemented")

# The mandate frames the work, so it leads whenever it was approved; meetings
# and recommendations then follow in the order they happened.
TYPE_ORDER = {"Mandate": 0, "Meeting": 1, "Recommendation": 1}


def _iso(value):
    """ISO 8601 text of a DateTime, date or datetime; None stays None."""
    if not value:
        return None
    if hasattr(value, "ISO8601"):
        return value.ISO8601()
    return value.isoformat()


def _html(richtext):
    """The rich text's safe HTML output, or None when empty."""
    if richtext is None:
        return None
    output = richtext.output
    return output if output and output.strip() else None


def _base(brain):
    return {
        "type": brain.portal_type,
        "id": brain.getId,
        "title": brain.Title,
        "url": brain.getURL(),
        "state": brain.review_state,
        "description": brain.Description or "",
    }


def _mandate(brain):
    entry = _base(brain)
    mandate = brain.getObject()
    entry.update(
        {
            "approved": brain.review_state == "approved",
            "approval_date": _iso(getattr(mandate, "approval_date", None)),
            "questions": list(getattr(mandate, "questions", None) or ()),
        }
    )
    entry["date"] = entry["approval_date"] or _iso(brain.created)
    return entry


def _meeting(brain):
    entry = _base(brain)
    published = brain.review_state == "published"
    entry.update(
        {
            "start": _iso(brain.start),
            "end": _iso(brain.end),
            "location": brain.location or None,
            # The minutes are on the meeting's page; the catalog cannot say
            # whether they are written, so the trail links to published ones.
            "minutes_published": published,
            "minutes_url": f"{entry['url']}#minutes" if published else None,
        }
    )
    entry["date"] = entry["start"] or _iso(brain.created)
    return entry


def _decision(recommendation):
    return {
        "text": recommendation.decision_text or "",
        "date": _iso(recommendation.decision_date),
        "votes": {
            "for": recommendation.votes_for,
            "against": recommendation.votes_against,
            "abstain": recommendation.votes_abstain,
        },
    }


def _implementation(recommendation):
    milestones = [
        {
            "title": row.get("title") or "",
            "due": _iso(row.get("due")),
            "done": bool(row.get("done")),
        }
        for row in recommendation.implementation_milestones or ()
    ]
    return {
        "status": recommendation.implementation_status or "not_started",
        "progress": recommendation.progress or 0,
        "milestones": milestones,
    }


def _recommendation(brain):
    entry = _base(brain)
    entry.update(
        {
            "decided": brain.review_state in DECIDED,
            "decision": None,
            "minority_statement": None,
            "answers": [],
            "implementation": None,
        }
    )
    entry["date"] = _iso(brain.created)
    if not entry["decided"]:
        return entry
    # A decided recommendation is part of the public record: its decision,
    # minority statement and implementation live only on the object.
    recommendation = brain.getObject()
    entry["decision"] = _decision(recommendation)
    entry["minority_statement"] = _html(recommendation.minority_statement)
    entry["answers"] = list(recommendation.answers or ())
    if brain.review_state != "rejected":
        entry["implementation"] = _implementation(recommendation)
    entry["date"] = entry["decision"]["date"] or entry["date"]
    return entry


def _outcome(brain):
    entry = _base(brain)
    outcome = brain.getObject()
    entry.update(
        {
            "published": brain.review_state == "published",
            "summary": getattr(outcome, "summary", None) or "",
            "proposed": getattr(outcome, "proposed", None) or "",
            "decided": getattr(outcome, "decided", None) or "",
            "next_steps": getattr(outcome, "next_steps", None) or "",
            "next_date": _iso(getattr(outcome, "next_date", None)),
        }
    )
    # When it was told (content/outcome.py sets it on publishing), else
    # when it was written.
    told = getattr(outcome, "effective_date", None) if entry["published"] else None
    entry["date"] = _iso(told) or _iso(brain.created)
    return entry


BUILDERS = {"Mandate": _mandate, "Meeting": _meeting, "Recommendation": _recommendation}


def _sort_key(entry):
    # ISO dates of one time zone sort as text; the day leads so that a date
    # and a date-time of the same day compare sensibly.
    return (TYPE_ORDER[entry["type"]], entry["date"][:10], entry["date"])


def trail(group):
    """The entries of the group's trail the current user may see, in order.

    Each entry has type, id, title, url, state, description and date (ISO);
    per type also: Mandate approved, approval_date, questions; Meeting
    start, end, location, minutes_published, minutes_url; Recommendation
    decided, decision {text, date, votes {for, against, abstain}},
    minority_statement (HTML), answers, implementation {status, progress,
    milestones [{title, due, done}]}. The group's start and deadline frame
    the list as entries of type "start" and "end". After the end come the
    outcomes (type "Outcome", oldest first): published, summary, proposed,
    decided, next_steps, next_date; their date is when they were published.
    """
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(
        portal_type=list(TYPES),
        path={"query": "/".join(group.getPhysicalPath()), "depth": 1},
    )
    entries = [BUILDERS[brain.portal_type](brain) for brain in brains]
    entries.sort(key=_sort_key)
    start = _frame(group, "start", group.start)
    end = _frame(group, "end", group.deadline)
    return [start, *entries, end, *outcomes(group)]


def outcomes(group):
    """The trail's entries of the group's outcomes the current user may see,
    the oldest first: the story of what the group achieved ends the trail."""
    brains = api.portal.get_tool("portal_catalog")(
        portal_type="Outcome",
        path={"query": "/".join(group.getPhysicalPath()), "depth": 1},
        sort_on="created",
    )
    return [_outcome(brain) for brain in brains]


def _frame(group, kind, day):
    return {
        "type": kind,
        "id": None,
        "title": group.Title(),
        "url": group.absolute_url(),
        "state": None,
        "description": "",
        "date": _iso(day),
    }
