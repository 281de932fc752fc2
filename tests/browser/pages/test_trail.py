"""The trail's data: plain, JSON-friendly, in order, only what one may see."""

from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from threeb.opgavegrupper.content.meeting import Meeting
from threeb.opgavegrupper.content.recommendation import Recommendation
from threeb.opgavegrupper.overview.trail import trail

import json
import transaction


def test_trail_is_plain_data_in_order(functional_portal, trail_group):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    entries = trail(trail_group)
    json.dumps(entries)  # what `GET @trail` will serve
    assert [(e["type"], e["id"]) for e in entries] == [
        ("start", None),
        ("Mandate", "kommissorium"),
        ("Meeting", "moede-1"),
        ("Meeting", "moede-2"),
        # The draft has no decision: it is dated by its creation (today).
        ("Recommendation", "booking"),
        ("Recommendation", "kladde"),
        ("end", None),
    ]
    mandate, meeting = entries[1], entries[2]
    assert mandate["approved"] is True
    assert mandate["questions"] == ["Hvordan booker vi tider?", "Hvad koster det?"]
    assert meeting["start"].startswith("2026-02-10T17:00:00")
    assert meeting["location"] == "Fælleshuset"
    assert meeting["minutes_published"] is True
    assert entries[3]["minutes_url"] is None


def test_decided_recommendation_carries_the_record(functional_portal, trail_group):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    adopted = next(e for e in trail(trail_group) if e["id"] == "booking")
    assert adopted["decision"] == {
        "text": "Bestyrelsen vedtager online booking.",
        "date": "2026-05-12",
        "votes": {"for": 7, "against": 2, "abstain": 1},
    }
    assert "Mindretallet ønsker papirlister." in adopted["minority_statement"]
    assert adopted["answers"] == ["Hvordan booker vi tider?"]
    assert adopted["implementation"] == {
        "status": "in_progress",
        "progress": 40,
        "milestones": [{"title": "System valgt", "due": "2026-08-01", "done": True}],
    }


def test_anonymous_trail_leaves_out_internal_items(functional_portal, trail_group):
    logout()
    ids = [e["id"] for e in trail(trail_group)]
    assert "kladde" not in ids
    assert "moede-2" not in ids
    assert {"kommissorium", "moede-1", "booking"} <= set(ids)


def test_trail_wakes_no_meeting_and_no_undecided_recommendation(
    functional_portal, trail_group, monkeypatch
):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    woken = []
    for cls in (Meeting, Recommendation):
        original = cls.__setstate__

        def counting(self, state, original=original):
            woken.append(state.get("id") if isinstance(state, dict) else state)
            return original(self, state)

        monkeypatch.setattr(cls, "__setstate__", counting)
    transaction.commit()
    functional_portal._p_jar.db().cacheMinimize()
    trail(trail_group)
    assert woken == ["booking"]
