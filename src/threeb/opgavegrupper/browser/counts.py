"""Sentences with a number in them, in the number's plural form.

Danish, like English, says "1 opgavegruppe" but "0 opgavegrupper" and
"2 opgavegrupper"; a template's ``i18n:translate`` cannot choose between the
two, so each sentence is a message with ``msgid_plural`` and ``number``
(zope.i18n picks the form by the catalogue's Plural-Forms) and the templates
show the message these functions return.
"""

from threeb.opgavegrupper import _


def groups_found_message(count):
    """The overview's "3 task groups found"."""
    return _(
        "${count} task group found",
        msgid_plural="${count} task groups found",
        number=count,
        mapping={"count": count},
    )


def open_groups_link_message(count):
    """The front page's link to all groups open for sign-up."""
    return _(
        "The ${count} group open for sign-up",
        msgid_plural="All ${count} groups open for sign-up",
        number=count,
        mapping={"count": count},
    )


def applications_anonymised_message(count):
    """The status message after anonymising."""
    return _(
        "${count} application anonymised.",
        msgid_plural="${count} applications anonymised.",
        number=count,
        mapping={"count": count},
    )


def applications_due_message(count):
    """How many applications are due for anonymising now."""
    return _(
        "Due now: ${count} application.",
        msgid_plural="Due now: ${count} applications.",
        number=count,
        mapping={"count": count},
    )


def retention_message(days):
    """The rule of anonymising, with the site's number of days."""
    return _(
        "Applications are anonymised ${days} day after their group was "
        "concluded or cancelled. Name, contact details and motivation are "
        "removed; seat and department are kept for the participation figures.",
        msgid_plural="Applications are anonymised ${days} days after their group "
        "was concluded or cancelled. Name, contact details and motivation are "
        "removed; seat and department are kept for the participation figures.",
        number=days,
        mapping={"days": days},
    )
