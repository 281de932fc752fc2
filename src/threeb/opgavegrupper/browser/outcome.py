"""Words for a group's seats left and the board's decisions on its work.

Shared by the overview's cards and "Mine opgavegrupper"; the numbers come
from catalog metadata (overview/listing.py), never from a woken object.
Each count has its own sentence, so that the Danish says "1 ledig plads"
and "2 ledige pladser", not "1 ledige pladser".
"""

from threeb.opgavegrupper import _
from threeb.opgavegrupper.dates import date_text


def seats_left_message(count):
    """How many seats are free: "No seats left", "1 seat left", "3 seats left"."""
    if count <= 0:
        return _("No seats left")
    if count == 1:
        return _("1 seat left")
    return _("${count} seats left", mapping={"count": count})


def outcome_message(outcome, concluded=False):
    """What the board made of the group's recommendations, or None.

    ``outcome`` is listing.outcome(brain). A concluded group without any
    decision says so; a working group without one says nothing.
    """
    if not outcome:
        if concluded:
            return _("The board has not decided on recommendations from this group.")
        return None
    if outcome["decided"] == 1:
        if outcome["adopted"]:
            return _("The board adopted the group's recommendation.")
        return _("The board rejected the group's recommendation.")
    return _(
        "The board adopted ${adopted} of ${decided} recommendations.",
        mapping={"adopted": outcome["adopted"], "decided": outcome["decided"]},
    )


VERDICTS = {
    "adopted": _("Adopted by the board"),
    "rejected": _("Rejected by the board"),
    "partly": _("Partly adopted by the board"),
}


def decision_summary(outcome):
    """{"verdict", "title", "date", "date_text"} for a person's own page, or None."""
    if not outcome:
        return None
    return {
        "verdict": outcome["verdict"],
        "title": VERDICTS[outcome["verdict"]],
        "date": outcome["decision_date"],
        "date_text": date_text(outcome["decision_date"]),
    }
