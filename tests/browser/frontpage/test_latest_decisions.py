"""The front page's latest decisions come from the decision_date index."""

from DateTime import DateTime
from datetime import date
from datetime import timedelta
from plone import api
from plone.app.testing import logout
from threeb.opgavegrupper.overview import entrance


def test_the_install_adds_the_decision_date_index(portal):
    catalog = api.portal.get_tool("portal_catalog")
    assert catalog._catalog.getIndex("decision_date").meta_type == "DateIndex"


def test_a_decision_changed_long_ago_is_still_the_latest(portal, folder, in_state):
    """Many recommendations decided earlier but changed since do not push the
    board's latest decision off the list."""
    group = folder["arbejder"]
    with api.env.adopt_roles(["Manager"]):
        latest = api.content.create(group, "Recommendation", id="seneste")
        latest.decision_date = date(2026, 9, 1)
        in_state(latest, "adopted")
        for number in range(60):
            older = api.content.create(group, "Recommendation", id=f"aeldre-{number}")
            older.decision_date = date(2026, 6, 2) + timedelta(days=number)
            in_state(older, "implemented" if number % 2 else "adopted")
    logout()
    ids = [brain.getId for brain in entrance.latest_decisions(3)]
    assert ids == ["seneste", "aeldre-59", "aeldre-58"]


def test_the_same_day_last_changed_first(portal, folder, in_state):
    group = folder["arbejder"]
    with api.env.adopt_roles(["Manager"]):
        for id_, changed in (("sidst", "2026/08/03"), ("foerst", "2026/08/02")):
            recommendation = api.content.create(group, "Recommendation", id=id_)
            recommendation.decision_date = date(2026, 8, 1)
            in_state(recommendation, "adopted")
            recommendation.setModificationDate(DateTime(changed))
            recommendation.reindexObject(idxs=["modified"])
    logout()
    ids = [brain.getId for brain in entrance.latest_decisions(2)]
    assert ids == ["sidst", "foerst"]
