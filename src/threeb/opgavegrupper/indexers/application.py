"""Catalog values of applications.

Applications stay out of the site's full-text search (``SearchableText``,
``Description``): they are personal data, found by staff on the group's
applications page, not through site search. And a full-text index gives
each new word the next word id: two sign-ups at the same moment that bring
new words (Plone's default puts the random id in SearchableText) write the
same key of its lexicon and conflict in ZODB. The ``Title`` index shares its
attribute with the ``Title`` metadata the listings show, so it stays; a name
new to the site still adds a word there.
"""

from plone.indexer import indexer
from threeb.opgavegrupper.content.application import IApplication


def _not_indexed(obj):
    # plone.indexer: an AttributeError leaves the object out of that index.
    raise AttributeError("applications are not in the full-text indexes")


searchable_text = indexer(IApplication)(_not_indexed)


@indexer(IApplication)
def description(obj):
    """Empty: no word for the index, and a text for the ``Description``
    metadata, which Plone's search results crop (its missing value was a 500
    on ``@@search`` for staff and the board, who may see applications)."""
    return ""
