"""Catalog values of applications."""

from plone.indexer import indexer
from threeb.opgavegrupper.content.application import IApplication


@indexer(IApplication)
def searchable_text(obj):
    """Staff find an application by the person's name or organisation.

    Not by its id, which Plone's default puts in SearchableText: the id is
    random, so every sign-up would add a new word to the full-text index,
    and two sign-ups at the same moment would conflict on it.
    """
    words = (obj.title, getattr(obj, "organisation", None))
    return " ".join(word for word in words if word)
