"""Resultat: the plain-language story of what a group achieved.

An editor writes it for residents, not for the board: what the group
proposed, what the board decided, what happens next and when. It is shown at
the end of the group's trail, on the overview card of a concluded group, on
the front page next to the latest decisions and in the feed of published
outcomes, and mailed to the group's members and followers when published.

Why a type of our own and not Plone's News Item with a behavior: an outcome
belongs to one group and lives inside it, next to the recommendation it tells
about, so it inherits the group's readers (the transparency switch, a draft
group) the way the rest of the trail does. It needs its own lifecycle
(draft, published, retracted) in which Plone's Contributor drafts, Editor
edits and Reviewer publishes, and none of them gets any other right in the
group. A News Item carries the site's workflow and Plone's global add
permission: inside a group it would need a placeful policy and a filtered add
menu to keep it from meaning something else there than everywhere else, and
its fields (lead image, rich text body) are not the four questions a
resident asks. Plone's conventions for a thing with its own lifecycle and
schema are a Dexterity type with its own add permission and workflow (as
plone.app.contenttypes does for each of its types); syndication works on it
all the same, through the "Resultater" collection (outcomes/feed.py).
"""

from DateTime import DateTime
from plone.dexterity.content import Item
from plone.supermodel import model
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.limits import LINE_MAX_LENGTH
from threeb.opgavegrupper.content.limits import TEXT_MAX_LENGTH
from threeb.opgavegrupper.content.summary import summary_as_description
from zope import schema
from zope.interface import implementer


SUMMARY_MAX_LENGTH = 300

# The parts of the story in the order they are told.
STORY_FIELDS = ("proposed", "decided", "next_steps")


class IOutcome(model.Schema):
    """One outcome of a group, told in plain language."""

    title = schema.TextLine(title=_("Title"), max_length=LINE_MAX_LENGTH, required=True)

    summary = schema.Text(
        title=_("Summary"),
        description=_(
            "The outcome in one or two plain sentences. At most 300 "
            "characters; shown on the overview, the front page and in the feed."
        ),
        max_length=SUMMARY_MAX_LENGTH,
        required=True,
    )

    proposed = schema.Text(
        title=_("What the group proposed"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
    )

    decided = schema.Text(
        title=_("What the board decided"),
        description=_("In plain words, not the wording of the decision record."),
        max_length=TEXT_MAX_LENGTH,
        required=False,
    )

    next_steps = schema.Text(
        title=_("What happens next"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
    )

    next_date = schema.Date(
        title=_("When"),
        description=_("When the next step happens or is done."),
        required=False,
    )


@implementer(IOutcome)
class Outcome(Item):
    """Resultat."""

    description = summary_as_description  # content/summary.py


def published(outcome, event):
    """Published: the day it was told is its effective date, once.

    The trail, the front page and the feed order outcomes by it; publishing
    again after a correction keeps the first day.
    """
    if event.transition is None or event.transition.getId() != "publish":
        return
    if outcome.effective_date is None:
        outcome.setEffectiveDate(DateTime())
        outcome.reindexObject(idxs=["effective", "EffectiveDate"])
