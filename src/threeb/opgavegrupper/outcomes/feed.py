"""The feed of published outcomes: a Collection "Resultater" with Plone's syndication.

The association's other channels (its website, newsletter, social media
tools) read outcomes from a feed. Plone's own syndication already writes RSS
1.0 (``RSS``), RSS 2.0 (``rss.xml``) and Atom (``atom.xml``) for a folder or
a collection, with the item's title, description (the outcome's summary),
link and date (its effective date, the day it was published). A collection
at the site root of published outcomes, newest first, is what it needs:
nothing of ours renders XML. The collection is public itself and its search
runs as the reader, so a feed never lists what its reader may not see.
"""

from plone import api
from plone.base.interfaces.syndication import IFeedSettings
from threeb.opgavegrupper import _
from zope.globalrequest import getRequest
from zope.i18n import translate


FEED_ID = "resultater"
FEED_TYPES = ("RSS", "rss.xml", "atom.xml")
QUERY = [
    {
        "i": "portal_type",
        "o": "plone.app.querystring.operation.selection.any",
        "v": ["Outcome"],
    },
    {
        "i": "review_state",
        "o": "plone.app.querystring.operation.selection.any",
        "v": ["published"],
    },
]


def feed_collection(portal=None):
    """The collection of the feed, or None."""
    portal = portal or api.portal.get()
    collection = portal.get(FEED_ID)
    if collection is None or collection.portal_type != "Collection":
        return None
    return collection


def ensure_feed(portal=None):
    """Create the feed's collection if it is not there; return it.

    Made public and syndicated; a site that already has something else
    called ``resultater`` keeps it, and gets no feed (logged by the caller).
    """
    portal = portal or api.portal.get()
    collection = feed_collection(portal)
    if collection is None:
        if FEED_ID in portal.objectIds():
            return None
        language = api.portal.get_default_language()
        with api.env.adopt_roles(["Manager"]):
            collection = api.content.create(
                container=portal,
                type="Collection",
                id=FEED_ID,
                title=translate(
                    _("Outcomes"), target_language=language, context=getRequest()
                ),
                description=translate(
                    _(
                        "What the task groups achieved, told in plain "
                        "language: the newest first."
                    ),
                    target_language=language,
                    context=getRequest(),
                ),
                query=QUERY,
                sort_on="effective",
                sort_reversed=True,
                # A feed reader leaves it out of the site's own navigation.
                exclude_from_nav=True,
            )
    settings = IFeedSettings(collection)
    settings.enabled = True
    settings.feed_types = FEED_TYPES
    # Plone names each item's author (login id when there is no full name):
    # who wrote an outcome is nobody's business outside the association.
    settings.show_author_info = False
    with api.env.adopt_roles(["Manager"]):
        if _has_workflow(collection) and api.content.get_state(collection) != (
            "published"
        ):
            api.content.transition(collection, to_state="published")
    return collection


def _has_workflow(obj):
    return bool(api.portal.get_tool("portal_workflow").getChainFor(obj))
