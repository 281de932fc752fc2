"""The same notifications when people act through plone.restapi, over HTTP."""

from plone import api

import transaction


PASSWORD = "secret-pw-1"
MEMBERS_AND_FOLLOWER = [
    "chair1@example.org",
    "follower1@example.org",
    "member1@example.org",
    "member2@example.org",
]


def as_user(request_factory, user_id):
    return request_factory(basic_auth=(user_id, PASSWORD))


def sent(outbox):
    # The web server committed in its own connection; look at the new state.
    transaction.begin()
    return outbox.mails


def test_sign_up_and_decision_over_rest(rest_group, request_factory):
    group, outbox = rest_group
    path = "/grupper/vaskeriet"
    response = as_user(request_factory, "resident1").post(
        f"{path}/@apply", json={"constituency": "resident"}
    )
    assert response.status_code == 201, response.text
    assert sorted(mail.to for mail in sent(outbox)) == [
        "chair1@example.org",
        "staff1@example.org",
    ]

    application = response.json()["@id"].split("/")[-1]
    response = as_user(request_factory, "chair1").post(
        f"{path}/{application}/@workflow/accept",
        json={"comment": "Velkommen i gruppen!"},
    )
    assert response.status_code == 200, response.text
    # The SMTP server keeps all it got since the test began: the two sign-up
    # mails, then the decision.
    (mail,) = sent(outbox)[2:]
    assert mail.to == "resident1@example.org"
    assert "Velkommen i gruppen!" in mail.text


def test_progress_patched_over_rest_is_news(rest_group, request_factory, in_state):
    group, outbox = rest_group
    with api.env.adopt_roles(["Manager"]):
        recommendation = api.content.create(
            group,
            "Recommendation",
            id="anbefaling",
            title="Faste vasketider",
            summary="Hver opgang får sine faste vasketider.",
            decision_text="Vedtaget.",
        )
    in_state(recommendation, "adopted")
    transaction.commit()

    response = as_user(request_factory, "staff1").patch(
        "/grupper/vaskeriet/anbefaling",
        json={"implementation_status": "in_progress", "progress": 30},
    )
    assert response.status_code == 204, response.text
    mails = sent(outbox)
    assert sorted(mail.to for mail in mails) == MEMBERS_AND_FOLLOWER
    assert "30 %" in mails[0].text
