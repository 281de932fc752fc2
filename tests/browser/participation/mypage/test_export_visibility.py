"""The data download tells the truth about groups the person can no longer see.

A followed group that went back to draft is listed as a stored follow, by
its UID only: not by its current title or address, which the person may no
longer see.
"""

from plone import api
from threeb.opgavegrupper.participation.roster import export as roster_export

import json


DOWNLOAD = "/@@mine-opgavegrupper/data.json"


def by_uid(items):
    return {item["UID"]: item for item in items}


def test_a_follow_of_a_hidden_group_shows_only_its_uid(groups):
    udkast, haver = groups["udkast"], groups["haver"]
    with api.env.adopt_user(username="anna"):
        data = roster_export("anna")
    assert data["following"] == [
        {
            "@id": haver.absolute_url(),
            "UID": haver.UID(),
            "title": "Haver",
            "review_state": "recruiting",
            "visible": True,
        },
        {"UID": udkast.UID(), "visible": False},
    ]
    assert "Udkast" not in json.dumps(data, ensure_ascii=False)
    assert udkast.absolute_url() not in json.dumps(data)


def test_a_new_title_of_a_hidden_group_is_not_given_away(groups):
    udkast = groups["udkast"]
    with api.env.adopt_roles(["Manager"]):
        udkast.title = "Hemmelig ny plan"
        udkast.reindexObject()
    with api.env.adopt_user(username="anna"):
        text = json.dumps(roster_export("anna"), ensure_ascii=False)
    assert "Hemmelig ny plan" not in text
    assert udkast.UID() in text


def test_visibility_is_the_persons_whoever_runs_the_export(groups):
    """Staff see draft groups; the export still says what Anna may see."""
    with api.env.adopt_user(username="staff1"):
        data = roster_export("anna")
    following = by_uid(data["following"])
    assert following[groups["udkast"].UID()] == {
        "UID": groups["udkast"].UID(),
        "visible": False,
    }
    assert following[groups["haver"].UID()]["visible"] is True


def test_groups_the_person_sees_are_as_before(groups):
    with api.env.adopt_user(username="anna"):
        data = roster_export("anna")
    (application,) = data["applications"]
    assert application["group"] == {
        "@id": groups["vaskeriet"].absolute_url(),
        "UID": groups["vaskeriet"].UID(),
        "title": "Vaskeriet",
        "visible": True,
    }
    assert [
        (m["title"], m["roles"], m["constituency"], m["visible"])
        for m in data["memberships"]
    ] == [
        ("Cykler", ["chair"], None, True),
        ("Vaskeriet", ["member"], "resident", True),
    ]


def test_an_application_to_a_hidden_group_shows_only_its_uid(groups, in_state):
    vaskeriet = groups["vaskeriet"]
    with api.env.adopt_roles(["Manager"]):
        in_state(vaskeriet, "draft")
    with api.env.adopt_user(username="bjarne"):
        data = roster_export("bjarne")
    (application,) = data["applications"]
    assert application["group"] == {"UID": vaskeriet.UID(), "visible": False}
    # The person's own application is all there.
    assert application["motivation"] == "Bjarnes grund"
    assert "Vaskeriet" not in json.dumps(data, ensure_ascii=False)


def test_the_download_over_http(browser_as, functional_groups):
    response = browser_as("anna").get(DOWNLOAD)
    assert response.status_code == 200
    following = response.json()["following"]
    udkast = functional_groups["udkast"]
    assert {"UID": udkast.UID(), "visible": False} in following
    assert [g["title"] for g in following if g["visible"]] == ["Haver"]
    assert "Udkast" not in response.text
