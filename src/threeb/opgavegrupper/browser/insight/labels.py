"""Translated labels for the keys the figures and the årshjul use."""

from plone import api
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.recommendation import IMPLEMENTATION_STATUS
from threeb.opgavegrupper.dates import MONTHS
from threeb.opgavegrupper.vocabularies.constituencies import CONSTITUENCIES
from zope.i18n import translate
from zope.i18nmessageid import MessageFactory


# The workflows' state titles are translated in the "plone" domain, as
# Plone's own state menu shows them.
_plone = MessageFactory("plone")


OTHER = {
    "none": _("No department"),
}


def tr(request, message):
    return translate(message, context=request)


def state_title(request, state, portal_type):
    wftool = api.portal.get_tool("portal_workflow")
    title = wftool.getTitleForStateOnType(state, portal_type) or state
    return tr(request, _plone(title))


def constituency_title(request, key):
    return tr(request, dict(CONSTITUENCIES).get(key, key))


def implementation_title(request, key):
    try:
        return tr(request, IMPLEMENTATION_STATUS.getTerm(key).title)
    except LookupError:
        return key


def month_title(request, number):
    return tr(request, MONTHS[number - 1])


def month_of(request, key):
    """ "2026-03" as "March 2026", translated."""
    year, month = key.split("-")
    return f"{month_title(request, int(month))} {year}"
