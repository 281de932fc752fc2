"""upgrade_people_index adds taskgroup_people and fills it from the local roles."""

from datetime import date
from plone import api


def test_the_upgrade_adds_and_fills_the_index(portal):
    from threeb.opgavegrupper.participation.following import index_key
    from threeb.opgavegrupper.upgrades.people_index import upgrade_people_index

    api.user.create(email="vagn@example.org", username="vagn", password="secret-pw-1")
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        for group_id in ("a", "b"):
            api.content.create(
                folder,
                "TaskGroup",
                id=group_id,
                title=group_id,
                summary="S",
                theme="Udlejning",
                start=date(2026, 1, 1),
                deadline=date(2026, 6, 1),
            )
    api.user.grant_roles(username="vagn", obj=folder["b"], roles=["TaskGroupChair"])
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delIndex("taskgroup_people")
    assert upgrade_people_index(portal) == 2
    found = catalog.unrestrictedSearchResults(taskgroup_people=index_key("vagn"))
    assert [brain.getId for brain in found] == ["b"]
    # Run twice, it changes nothing.
    assert upgrade_people_index(portal) == 2
