"""The plain-language summary is what Plone shows as the description.

A group, a recommendation and an outcome are written with a summary: Plone
shows it as their description in listings, search results, the catalog's
Description metadata and the feed's items, so that one text is written once.

A property and not a mixin class: a plain class before Item or Container
gets zope.interface's own ``__providedBy__``, which hides Dexterity's (the
behaviors' interfaces) and so every behavior without an adapter factory.
"""


def _summary(content):
    return getattr(content, "summary", None) or ""


def _ignore(content, value):
    # The summary is the one place to write; ignore Dublin Core's setter.
    pass


# In a content class: ``description = summary_as_description``.
summary_as_description = property(_summary, _ignore)
