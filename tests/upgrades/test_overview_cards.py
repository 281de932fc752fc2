"""upgrade_overview_cards adds the phase index and the outcome column, filled."""

from datetime import date
from plone import api
from plone.app.textfield.value import RichTextValue


def _group(folder, group_id, transitions=()):
    group = api.content.create(
        folder,
        "TaskGroup",
        id=group_id,
        title=group_id,
        summary="S",
        theme="Udlejning",
        start=date(2026, 1, 1),
        deadline=date(2026, 6, 1),
    )
    for transition in transitions:
        api.content.transition(group, transition=transition)
    return group


def test_the_upgrade_adds_and_fills_index_and_column(portal):
    from threeb.opgavegrupper.upgrades.overview_cards import upgrade_overview_cards

    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        _group(folder, "aaben", ["open_signup"])
        done = _group(folder, "faerdig", ["open_signup", "start_work"])
        mandate = api.content.create(done, "Mandate", id="kommissorium", title="K")
        api.content.transition(mandate, transition="submit_for_approval")
        api.content.transition(mandate, transition="approve")
        rec = api.content.create(
            done,
            "Recommendation",
            id="r",
            title="R",
            summary="S",
            recommendation=RichTextValue("<p>R</p>", "text/html", "text/x-html-safe"),
        )
        api.content.transition(rec, transition="submit")
        rec.decision_date = date(2026, 5, 4)
        api.content.transition(rec, transition="adopt", comment="Ja.")
        api.content.transition(done, transition="conclude")
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex("taskgroup_phase_order")
    catalog.delColumn("taskgroup_outcome")

    assert upgrade_overview_cards(portal) == 2
    brains = catalog.unrestrictedSearchResults(
        portal_type="TaskGroup", sort_on="taskgroup_phase_order", sort_order="reverse"
    )
    assert [brain.getId for brain in brains] == ["faerdig", "aaben"]
    assert brains[0].taskgroup_outcome == {
        "adopted": 1,
        "rejected": 0,
        "decided": 1,
        "decision_date": date(2026, 5, 4),
    }
    # Run twice, it changes nothing.
    assert upgrade_overview_cards(portal) == 2
    assert len(catalog.unrestrictedSearchResults(taskgroup_phase_order=3)) == 1
