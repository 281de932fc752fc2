"""A write posted without the CSRF token is refused and never called a success.

Each Classic UI form of a group, over the real server: with the token the
write is kept; without it the answer is 403, the page again with an error,
nothing is stored and no success message is left for the next page.
"""

from ..participation.conftest import make_group
from ..participation.conftest import make_people
from lxml import html as lxml_html
from plone import api
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.participation import following

import pytest
import transaction


PASSWORD = "secret-pw-1"


@pytest.fixture
def group(functional_portal):
    make_people()
    group = make_group(functional_portal)
    with api.env.adopt_roles(["Manager"]):
        applications.apply(
            group, api.user.get(username="resident2"), {"constituency": "resident"}
        )
    transaction.commit()
    return group


@pytest.fixture
def browser_as(request_factory, group):
    def session(user_id):
        browser = request_factory(api=False, basic_auth=(user_id, PASSWORD))
        browser.headers["Accept"] = "text/html"
        return browser

    return session


def text(response):
    return " ".join(response.text.split())


def form_values(response, action):
    """The values the page's form posting to ``action`` would send."""
    doc = lxml_html.fromstring(response.text)
    (form,) = (f for f in doc.forms if (f.action or "").endswith(action))
    return dict(form.form_values())


def fresh_group():
    transaction.begin()  # see what the server committed
    return api.portal.get()["grupper"]["vaskeriet"]


def names_in_group():
    return sorted(brain.Title for brain in applications.applications(fresh_group()))


def assert_refused(response, error, success):
    assert response.status_code == 403
    page = text(response)
    assert error in page
    assert "statusmessage-error" in response.text
    assert success not in page


def assert_no_message_left(session, success):
    """The refused request set no message that a later page would show."""
    page = session.get("/grupper/vaskeriet")
    assert page.status_code == 200
    assert success not in text(page)


# Sign-up ------------------------------------------------------------------

APPLY = "/grupper/vaskeriet/@@apply"
APPLIED = "Thank you. Your application has been sent."
APPLY_STALE = "Your application was not sent: the page was too old. Please try again."


def apply_values(session):
    values = form_values(session.get(APPLY), "@@apply")
    values["form.widgets.constituency:list"] = "resident"
    values["form.widgets.motivation"] = "Jeg vil gerne hjælpe"
    values["form.buttons.apply"] = "Send my application"
    return values


def test_apply_with_the_token(browser_as):
    session = browser_as("resident1")
    values = apply_values(session)
    assert values["_authenticator"]
    response = session.post(APPLY, data=values)
    assert response.status_code == 200
    assert APPLIED in text(response)
    assert names_in_group() == ["Resident1 Hansen", "Resident2 Hansen"]


@pytest.mark.parametrize("token", [None, "", "0123456789abcdef"])
def test_apply_without_a_valid_token_is_refused(browser_as, token):
    session = browser_as("resident1")
    values = apply_values(session)
    if token is None:
        del values["_authenticator"]
    else:
        values["_authenticator"] = token
    response = session.post(APPLY, data=values, allow_redirects=False)
    assert_refused(response, APPLY_STALE, APPLIED)
    # The form again, with what the person wrote and a fresh token to retry.
    again = form_values(response, "@@apply")
    assert again["form.widgets.motivation"] == "Jeg vil gerne hjælpe"
    assert again["_authenticator"]
    assert names_in_group() == ["Resident2 Hansen"]
    assert_no_message_left(session, APPLIED)
    retry = session.post(APPLY, data={**again, "form.buttons.apply": "Send"})
    assert APPLIED in text(retry)
    assert names_in_group() == ["Resident1 Hansen", "Resident2 Hansen"]


def test_apply_refusal_in_danish(browser_as):
    api.portal.set_registry_record("plone.available_languages", ["da", "en"])
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    session = browser_as("resident1")
    values = apply_values(session)
    del values["_authenticator"]
    response = session.post(APPLY, data=values, allow_redirects=False)
    assert_refused(
        response,
        "Din tilmelding blev ikke sendt: siden var for gammel. Prøv igen.",
        "Tak. Din tilmelding er sendt.",
    )
    assert names_in_group() == ["Resident2 Hansen"]


# Staff add a member --------------------------------------------------------

ADD = "/grupper/vaskeriet/@@add-member"
ADDED = "The member has been added."
ADD_STALE = "The member was not added: the page was too old. Please try again."


def add_values(session):
    values = form_values(session.get(ADD), "@@add-member")
    values["form.widgets.fullname"] = "Eva Ekstern"
    values["form.widgets.constituency:list"] = "external"
    values["form.buttons.add"] = "Add member"
    return values


def test_add_member_with_the_token(browser_as):
    session = browser_as("staff1")
    response = session.post(ADD, data=add_values(session))
    assert response.status_code == 200
    assert ADDED in text(response)
    assert names_in_group() == ["Eva Ekstern", "Resident2 Hansen"]


def test_add_member_without_the_token_is_refused(browser_as):
    session = browser_as("staff1")
    values = add_values(session)
    del values["_authenticator"]
    response = session.post(ADD, data=values, allow_redirects=False)
    assert_refused(response, ADD_STALE, ADDED)
    assert form_values(response, "@@add-member")["form.widgets.fullname"] == (
        "Eva Ekstern"
    )
    assert names_in_group() == ["Resident2 Hansen"]
    assert_no_message_left(session, ADDED)


# Decisions on applications -------------------------------------------------

MANAGE = "/grupper/vaskeriet/@@manage-applications"
DECIDED = "The decision has been saved."
DECIDE_STALE = "The decision was not saved: the page was too old. Please try again."


def decide_values(session):
    values = form_values(session.get(MANAGE), "@@manage-applications")
    values["transition"] = "accept"
    return values


def states():
    return [brain.review_state for brain in applications.applications(fresh_group())]


def test_decide_with_the_token(browser_as):
    session = browser_as("staff1")
    response = session.post(MANAGE, data=decide_values(session))
    assert response.status_code == 200
    assert DECIDED in text(response)
    assert states() == ["accepted"]


def test_decide_without_the_token_is_refused(browser_as):
    session = browser_as("staff1")
    values = decide_values(session)
    del values["_authenticator"]
    response = session.post(MANAGE, data=values, allow_redirects=False)
    assert_refused(response, DECIDE_STALE, DECIDED)
    # The list again, to decide anew.
    assert "Resident2 Hansen" in text(response)
    assert states() == ["pending"]
    assert_no_message_left(session, DECIDED)


# Follow ----------------------------------------------------------------------

FOLLOW = "/grupper/vaskeriet/@@follow"
FOLLOWED = "You now follow this group."
FOLLOW_STALE = "Nothing was changed: the page was too old. Please try again."


def followers():
    return following.followers(fresh_group())


def test_follow_with_the_token(browser_as):
    session = browser_as("resident3")
    response = session.post(FOLLOW, data=form_values(session.get(FOLLOW), "@@follow"))
    assert FOLLOWED in text(response)
    assert followers() == ("resident3",)


def test_follow_without_the_token_is_refused(browser_as):
    session = browser_as("resident3")
    values = form_values(session.get(FOLLOW), "@@follow")
    del values["_authenticator"]
    response = session.post(FOLLOW, data=values, allow_redirects=False)
    assert_refused(response, FOLLOW_STALE, FOLLOWED)
    # The follow button again, with a fresh token.
    assert "Follow the group" in text(response)
    assert form_values(response, "@@follow")["_authenticator"]
    assert followers() == ()
    assert_no_message_left(session, FOLLOWED)
