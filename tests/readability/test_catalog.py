"""The catalog keeps each object's hardest text: index and metadata."""

from datetime import date
from Missing import MV
from plone import api
from zope.lifecycleevent import modified


def brain(obj):
    catalog = api.portal.get_tool("portal_catalog")
    (found,) = catalog.unrestrictedSearchResults(UID=obj.UID())
    return found


def test_the_hardest_field_is_kept_and_follows_edits(portal):
    from plone.app.textfield.value import RichTextValue

    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        group = api.content.create(
            folder,
            "TaskGroup",
            id="g",
            title="G",
            # Vi(2) ses(3) |: 2.0
            summary="Vi ses.",
            theme="Udlejning",
            start=date(2026, 1, 1),
            deadline=date(2026, 6, 1),
        )
        mandate = api.content.create(group, "Mandate", id="k", title="K")
    assert (brain(group).readability, brain(group).readability_field) == (
        2.0,
        "summary",
    )
    # Beboerne(8 L) bestemmer(9 L) selv |: 3 + 66.7 = 69.7
    group.challenge = RichTextValue("<p>Beboerne bestemmer selv.</p>")
    modified(group)
    assert (brain(group).readability, brain(group).readability_field) == (
        69.7,
        "challenge",
    )
    # A mandate has no readable field: neither index nor metadata.
    assert brain(mandate).readability is MV
    catalog = api.portal.get_tool("portal_catalog")
    indexed = catalog.unrestrictedSearchResults(
        readability={"query": 0, "range": "min"}
    )
    assert [found.getId for found in indexed] == ["g"]
