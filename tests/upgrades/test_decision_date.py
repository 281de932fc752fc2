"""upgrade_decision_date adds the decision_date index and fills it."""

from datetime import date
from plone import api


def test_the_upgrade_adds_and_fills_the_index(portal, in_state):
    from threeb.opgavegrupper.overview.entrance import latest_decisions
    from threeb.opgavegrupper.upgrades.decision_date import upgrade_decision_date

    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        group = api.content.create(
            folder,
            "TaskGroup",
            id="g",
            title="G",
            summary="S",
            theme="Udlejning",
            start=date(2026, 1, 1),
            deadline=date(2026, 6, 1),
        )
        in_state(group, "active")
        for id_, decided_on, state in (
            ("tidlig", date(2026, 2, 1), "adopted"),
            ("sen", date(2026, 4, 1), "rejected"),
            ("aaben", None, "submitted"),
        ):
            recommendation = api.content.create(
                group, "Recommendation", id=id_, title=id_
            )
            recommendation.decision_date = decided_on
            in_state(recommendation, state)
    catalog = api.portal.get_tool("portal_catalog")
    # A site from before the index.
    catalog.delIndex("decision_date")
    assert "decision_date" not in catalog.indexes()

    assert upgrade_decision_date(portal) == 3
    assert catalog._catalog.getIndex("decision_date").meta_type == "DateIndex"
    found = catalog.unrestrictedSearchResults(
        decision_date={"query": date(2026, 3, 1), "range": "min"}
    )
    assert [brain.getId for brain in found] == ["sen"]
    assert [brain.getId for brain in latest_decisions(5)] == ["sen", "tidlig"]
    # Run twice, it changes nothing.
    assert upgrade_decision_date(portal) == 3
    assert [brain.getId for brain in latest_decisions(5)] == ["sen", "tidlig"]
