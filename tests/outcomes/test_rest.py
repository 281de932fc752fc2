"""The whole road through plone.restapi: an editor with Plone's standard roles
writes, a reviewer publishes, members and followers get the mail, and the
outcome is on the trail, in the group's summary and in the feed."""

from .conftest import MEMBERS_AND_FOLLOWER
from .conftest import REVIEWER
from .conftest import STORY
from .conftest import WRITER
from plone import api

import transaction


GROUP = "/grupper/vaskeriet"


def sent(outbox):
    # The web server committed in its own connection; look at the new state.
    transaction.begin()
    return outbox.mails


def write(as_user):
    response = as_user(WRITER).post(GROUP, json={"@type": "Outcome", **STORY})
    assert response.status_code == 201, response.text
    return GROUP + "/" + response.json()["@id"].rsplit("/", 1)[1]


def outcomes_on_trail(session):
    response = session.get(GROUP + "/@trail")
    assert response.status_code == 200, response.text
    return [item for item in response.json()["items"] if item["type"] == "Outcome"]


def test_editor_writes_reviewer_publishes(rest_group, as_user, request_factory):
    _group, outbox = rest_group
    path = write(as_user)
    anonymous = request_factory()
    assert outcomes_on_trail(anonymous) == []
    assert anonymous.get(path).status_code == 401

    response = as_user(WRITER).patch(path, json={"next_steps": "Låsene kommer i juli."})
    assert response.status_code == 204, response.text
    # Writing is not publishing.
    response = as_user(WRITER).post(path + "/@workflow/publish")
    assert response.status_code == 400
    # Said in full: the transition's name, not "${action_id}".
    assert "publish" in response.json()["error"]["message"]
    assert "${" not in response.json()["error"]["message"]
    assert sent(outbox) == []

    response = as_user(REVIEWER).post(path + "/@workflow/publish")
    assert response.status_code == 200, response.text
    mails = sent(outbox)
    assert sorted(mail.to for mail in mails) == MEMBERS_AND_FOLLOWER
    assert mails[0].subject == (
        "Det kom der ud af Vaskeriet: Faste vasketider i alle opgange"
    )
    assert STORY["summary"] in mails[0].text
    assert "Låsene kommer i juli." in mails[0].text

    (entry,) = outcomes_on_trail(anonymous)
    assert entry["title"] == STORY["title"]
    assert entry["summary"] == STORY["summary"]
    assert entry["decided"] == STORY["decided"]
    assert entry["next_date"] == "2026-08-01"
    assert entry["published"] is True
    # At the end of the trail, after the deadline.
    response = anonymous.get(GROUP + "/@trail")
    assert response.json()["items"][-1]["type"] == "Outcome"
    assert response.json()["items"][-2]["type"] == "end"


def test_the_reviewer_retracts_and_nobody_is_mailed_twice(rest_group, as_user):
    _group, outbox = rest_group
    path = write(as_user)
    reviewer = as_user(REVIEWER)
    assert reviewer.post(path + "/@workflow/publish").status_code == 200
    assert reviewer.post(path + "/@workflow/retract").status_code == 200
    assert outcomes_on_trail(as_user("resident1")) == []
    assert reviewer.post(path + "/@workflow/publish").status_code == 200
    assert len(sent(outbox)) == len(MEMBERS_AND_FOLLOWER)


def test_the_reviewer_does_not_edit_and_the_writer_does_not_delete(rest_group, as_user):
    path = write(as_user)
    response = as_user(REVIEWER).patch(path, json={"title": "Andet"})
    assert response.status_code == 401
    assert as_user(WRITER).delete(path).status_code == 401
    transaction.begin()
    assert (
        api.content.get(path="/grupper/vaskeriet")
        .objectIds()
        .count(path.rsplit("/", 1)[1])
        == 1
    )


def test_a_resident_may_not_write_an_outcome(rest_group, as_user):
    response = as_user("resident1").post(GROUP, json={"@type": "Outcome", **STORY})
    assert response.status_code == 401


def test_a_bad_outcome_is_a_400_naming_the_field(rest_group, as_user):
    response = as_user(WRITER).post(
        GROUP, json={"@type": "Outcome", **STORY, "summary": "x" * 301}
    )
    assert response.status_code == 400
    assert "summary" in response.text
