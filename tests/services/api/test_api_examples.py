"""Every endpoint of our own, called for real, checked against the OpenAPI
document, and written down as docs/api.md."""

from ...readability.api_examples import readability_calls
from .conftest import check_doc


GROUP = "/opgavegrupper/energi-i-opgangene"  # recruiting in the demo
ACTIVE = "/opgavegrupper/groenne-gaarde"  # working, with a chair and members
WAITING = "/opgavegrupper/faellesskab-paa-tvaers"  # recruiting, with sign-ups


def test_endpoints_as_documented(recorder):
    call = recorder.call

    assert (
        call("GET", "/@taskgroups-openapi", operation="openapi").json()["openapi"]
        == "3.1.0"
    )

    call(
        "GET",
        "/@taskgroups?open=true",
        operation="listTaskGroups",
        note=", only groups open for sign-up",
    )
    response = call(
        "GET",
        "/opgavegrupper/@taskgroups?theme=Grøn omstilling&b_size=1",
        operation="listTaskGroupsInFolder",
        note=", filtered and batched",
    )
    assert response.json()["items_total"] == 2
    staff_view = call(
        "GET",
        "/@taskgroups?review_state=draft",
        user="mette",
        operation="listTaskGroups",
        note=" (staff), drafts too",
    )
    assert staff_view.json()["items_total"] == 1
    assert (
        call(
            "GET",
            "/@taskgroups?b_size=many",
            operation="listTaskGroups",
            note=", bad input",
        ).status_code
        == 400
    )

    response = call(
        "POST",
        f"{GROUP}/@apply",
        user="jens",
        body={
            "constituency": "resident",
            "motivation": "Jeg vil gerne spare på varmen.",
            "consent_public": True,
        },
        operation="apply",
        note=" (a resident)",
    )
    assert response.status_code == 201
    assert (
        call(
            "POST",
            f"{GROUP}/@apply",
            user="jens",
            body={"constituency": "resident"},
            operation="apply",
            note=", a second time",
        ).status_code
        == 409
    )
    assert (
        call(
            "POST",
            f"{GROUP}/@apply",
            user="aisha",
            body={"constituency": "org_board"},
            operation="apply",
            note=", a seat her roles do not allow",
        ).status_code
        == 400
    )
    assert (
        call(
            "POST",
            f"{GROUP}/@apply",
            body={"constituency": "resident"},
            operation="apply",
        ).status_code
        == 401
    )

    assert call(
        "GET",
        f"{WAITING}/@applications",
        user="mette",
        operation="listApplications",
        note=" (staff)",
    ).json()["waiting_list"]
    own = call(
        "GET",
        f"{WAITING}/@applications",
        user="jens",
        operation="listApplications",
        note=" (an applicant: only his own)",
    ).json()
    assert {item["applicant"] for item in own["items"]} == {"jens"}

    public = call(
        "GET",
        f"{ACTIVE}/@roster",
        operation="roster",
        note=": named only with consent, no contact details",
    ).json()
    assert public["full"] is False
    assert "@example.org" not in str(public)
    assert (
        call(
            "GET",
            f"{ACTIVE}/@roster",
            user="jens",
            operation="roster",
            note=" (a member): the full roster",
        ).json()["full"]
        is True
    )

    assert (
        call("POST", f"{ACTIVE}/@follow", user="aisha", operation="follow").json()[
            "following"
        ]
        is True
    )
    assert (
        call("DELETE", f"{ACTIVE}/@follow", user="aisha", operation="unfollow").json()[
            "following"
        ]
        is False
    )
    assert call("POST", f"{ACTIVE}/@follow", operation="follow").status_code == 401

    mine = call("GET", "/@my-taskgroups", user="jens", operation="myTaskGroups").json()
    assert mine["user_id"] == "jens"
    assert call("GET", "/@my-taskgroups", operation="myTaskGroups").status_code == 401

    trail = call(
        "GET", f"{ACTIVE}/@trail", operation="trail", note=": what is public"
    ).json()
    assert [item for item in trail["items"] if item.get("state") == "adopted"]
    figures = call(
        "GET",
        "/@participation",
        user="ole",
        operation="participation",
        note=" (the board)",
    )
    assert figures.status_code == 200
    assert (
        call(
            "GET",
            "/@participation",
            user="jens",
            operation="participation",
            note=" (a resident)",
        ).status_code
        == 403
    )
    calendar = call("GET", "/@calendar", operation="calendar")
    assert calendar.text.startswith("BEGIN:VCALENDAR")

    created = call(
        "POST",
        "/opgavegrupper",
        user="mette",
        body={
            "@type": "TaskGroup",
            "title": "Vaskeriet om natten",
            "summary": "Skal vaskeriet være åbent om natten?",
            "theme": "Fællesskab og trivsel",
            "start": "2027-02-01",
            "deadline": "2027-06-01",
            "seats_resident": 4,
        },
        operation="createTaskGroup",
        note=" (staff)",
    )
    assert created.status_code == 201
    site = recorder.base.removesuffix("/++api++")
    new_group = created.json()["@id"].removeprefix(site)
    assert (
        call(
            "POST",
            "/opgavegrupper",
            user="jens",
            body={"@type": "TaskGroup", "title": "Min egen gruppe"},
            operation="createTaskGroup",
            note=" (a resident: plone.restapi answers Unauthorized as 401)",
        ).status_code
        == 401
    )
    assert (
        call(
            "PATCH",
            new_group,
            user="mette",
            body={"seats_resident": 10**20},
            operation="updateTaskGroup",
            note=" (staff), a value out of range",
        ).json()["error"]["field"]
        == "seats_resident"
    )
    meeting = call(
        "POST",
        new_group,
        user="mette",
        body={
            "@type": "Meeting",
            "title": "Første møde",
            "start": "2027-02-10T17:00:00+01:00",
            "end": "2027-02-10T19:00:00+01:00",
            "location": "Beboerhuset",
        },
        operation="createMandateMeetingRecommendation",
        note=" (staff), a meeting",
    )
    assert meeting.status_code == 201
    assert (
        call(
            "PATCH",
            meeting.json()["@id"].removeprefix(site),
            user="mette",
            body={"start": "2027-02-30T17:00:00"},
            operation="updateMandateMeetingRecommendation",
            note=" (staff), an impossible date",
        ).json()["error"]["field"]
        == "start"
    )

    readability_calls(call)
    check_doc(recorder)
