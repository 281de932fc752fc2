"""upgrade_readability adds the LIX limit, the index and columns, and fills them."""

from datetime import date
from plone import api


RECORD = "threeb.opgavegrupper.readability_threshold"


def make_groups(portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        for group_id, summary in (
            # Beboerne(8 L) bestemmer(9 L) selv |: 3 + 66.7 = 69.7
            ("svaer", "Beboerne bestemmer selv."),
            # Vi(2) ses(3) |: 2 + 0 = 2.0
            ("let", "Vi ses."),
        ):
            api.content.create(
                folder,
                "TaskGroup",
                id=group_id,
                title=group_id,
                summary=summary,
                theme="Udlejning",
                start=date(2026, 1, 1),
                deadline=date(2026, 6, 1),
            )
    return folder


def test_the_upgrade_adds_the_record_index_and_columns(portal):
    from plone.registry.interfaces import IRegistry
    from threeb.opgavegrupper.upgrades.readability import upgrade_readability
    from zope.component import getUtility

    make_groups(portal)
    registry = getUtility(IRegistry)
    # A site from before: no record, no index, no columns.
    del registry.records[RECORD]
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex("readability")
    catalog.delColumn("readability")
    catalog.delColumn("readability_field")

    assert upgrade_readability(portal) == 2
    assert registry[RECORD] == 40
    found = catalog.unrestrictedSearchResults(
        readability={"query": 0, "range": "min"}, sort_on="readability"
    )
    assert [(b.getId, b.readability, b.readability_field) for b in found] == [
        ("let", 2.0, "summary"),
        ("svaer", 69.7, "summary"),
    ]


def test_the_upgrade_keeps_a_chosen_limit_and_the_other_settings(portal):
    from threeb.opgavegrupper.upgrades.readability import upgrade_readability

    api.portal.set_registry_record(RECORD, 30)
    api.portal.set_registry_record("threeb.opgavegrupper.retention_days", 90)
    upgrade_readability(portal)
    # Run twice, it changes nothing.
    assert upgrade_readability(portal) == 0
    assert api.portal.get_registry_record(RECORD) == 30
    assert api.portal.get_registry_record("threeb.opgavegrupper.retention_days") == 90
