"""A resident signs up in the browser, staff accept, the resident withdraws."""

from .conftest import make_group
from .conftest import make_people
from plone import api
from plone.testing.zope import Browser
from threeb.opgavegrupper.participation.applications import application_id

import pytest
import transaction


@pytest.fixture
def group(functional_portal):
    make_people()
    group = make_group(functional_portal, seats_resident=1)
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            group, "Mandate", id="kommissorium", title="Kommissorium", questions=["?"]
        )
    transaction.commit()
    return group


def browser_for(app, user_id=None):
    browser = Browser(app)
    browser.handleErrors = False
    if user_id:
        browser.addHeader("Authorization", f"Basic {user_id}:secret-pw-1")
    return browser


def test_anonymous_is_sent_to_log_in(functional_app, group):
    browser = browser_for(functional_app)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.open(group.absolute_url() + "/@@apply")
    assert "login" in browser.url
    assert "came_from" in browser.url


def test_apply_accept_see_withdraw(functional_app, group):
    mandate_url = group["kommissorium"].absolute_url()
    resident = browser_for(functional_app, "resident1")
    resident.open(group.absolute_url() + "/@@apply")
    resident.getControl(name="form.widgets.constituency:list").value = ["resident"]
    resident.getControl(name="form.widgets.motivation").value = "Jeg vil gerne hjælpe"
    resident.getControl(name="form.buttons.apply").click()
    assert "Your application has been sent" in resident.contents

    # The draft mandate is internal material: not visible before acceptance.
    resident.raiseHttpErrors = False
    resident.handleErrors = True
    resident.open(mandate_url)
    assert "insufficient-privileges" in resident.url or "require_login" in resident.url

    resident.open(group.absolute_url() + "/@@apply")
    resident.getControl(name="form.widgets.constituency:list").value = ["resident"]
    resident.getControl(name="form.buttons.apply").click()
    assert "You have already applied" in resident.contents

    staff = browser_for(functional_app, "staff1")
    staff.open(group.absolute_url() + "/@@manage-applications")
    assert "Resident1 Hansen" in staff.contents
    staff.getControl(name="message").value = "Velkommen i gruppen"
    staff.getControl(name="transition", index=0).click()  # accept
    assert "The decision has been saved." in staff.contents

    resident.open(mandate_url)
    assert resident.url == mandate_url
    assert "Kommissorium" in resident.contents

    transaction.begin()
    application = group[application_id(group, "resident1")]
    assert api.content.get_state(application) == "accepted"
    assert application.decision_message == "Velkommen i gruppen"

    resident.open(application.absolute_url())
    resident.getLink(id="workflow-transition-withdraw").click()
    transaction.begin()
    assert api.content.get_state(application) == "withdrawn"
    resident.open(mandate_url)
    assert resident.url != mandate_url


def test_full_seat_shows_message_in_manage_view(functional_app, group):
    from threeb.opgavegrupper.participation import applications

    for user_id in ("resident1", "resident2"):
        applications.apply(
            group, api.user.get(username=user_id), {"constituency": "resident"}
        )
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles(["Manager"]):
        workflow.doActionFor(group[application_id(group, "resident1")], "accept")
    transaction.commit()
    staff = browser_for(functional_app, "staff1")
    staff.open(group.absolute_url() + "/@@manage-applications")
    form = staff.getForm(index=1)
    assert form.getControl(name="application").value == application_id(
        group, "resident2"
    )
    form.getControl(name="transition", index=0).click()
    assert "All seats of this kind are taken" in staff.contents
    transaction.begin()
    assert api.content.get_state(group[application_id(group, "resident2")]) == "pending"


def test_chair_sees_manage_view_board_does_not(functional_app, group):
    chair = browser_for(functional_app, "chair1")
    chair.open(group.absolute_url() + "/@@manage-applications")
    assert "Seats" in chair.contents
    board = browser_for(functional_app, "board1")
    board.handleErrors = True
    board.raiseHttpErrors = False
    board.open(group.absolute_url() + "/@@manage-applications")
    assert "insufficient-privileges" in board.url


def test_staff_add_external_member(functional_app, group):
    staff = browser_for(functional_app, "staff1")
    staff.open(group.absolute_url() + "/@@add-member")
    staff.getControl(name="form.widgets.fullname").value = "Karin Madsen"
    staff.getControl(name="form.widgets.email").value = "ikke-en-adresse"
    staff.getControl(name="form.buttons.add").click()
    assert "Write a valid e-mail address" in staff.contents
    staff.getControl(name="form.widgets.email").value = "karin@example.org"
    staff.getControl(name="form.buttons.add").click()
    assert "The member has been added." in staff.contents


def test_mails_follow_the_browser_story(functional_app, functional_portal, group):
    from ..notifications.conftest import mock_mailhost
    from ..notifications.conftest import Outbox

    with mock_mailhost(functional_portal) as mailhost:
        transaction.commit()
        outbox = Outbox(mailhost)
        resident = browser_for(functional_app, "resident1")
        resident.open(group.absolute_url() + "/@@apply")
        resident.getControl(name="form.widgets.constituency:list").value = ["resident"]
        resident.getControl(name="form.buttons.apply").click()
        transaction.begin()
        assert {"chair1@example.org", "staff1@example.org"} <= set(outbox.recipients)
        seen = len(outbox.mails)

        staff = browser_for(functional_app, "staff1")
        staff.open(group.absolute_url() + "/@@manage-applications")
        staff.getControl(name="message").value = "Vi ses til første møde"
        staff.getControl(name="transition", index=0).click()
        transaction.begin()
        (mail,) = outbox.mails[seen:]
        assert mail.to == "resident1@example.org"
        assert "Vi ses til første møde" in mail.text
