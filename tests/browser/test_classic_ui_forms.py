"""The Classic UI forms and the state menu, through Zope's test browser."""

from datetime import date
from plone import api
from plone.testing.zope import Browser

import pytest
import transaction


PASSWORD = "secret-pw-1"


@pytest.fixture
def folder(functional_portal):
    for user_id, group in (
        ("staff1", "medarbejdere"),
        ("board1", "organisationsbestyrelse"),
        ("resident1", "beboere"),
    ):
        api.user.create(
            email=f"{user_id}@example.org", username=user_id, password=PASSWORD
        )
        api.group.add_user(groupname=group, username=user_id)
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(functional_portal, "TaskGroupFolder", id="grupper")
    transaction.commit()
    return folder


def browser_for(app, user_id):
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
    return browser


def fill_group_form(browser, deadline):
    browser.getControl(name="form.widgets.title").value = "Legepladsen"
    browser.getControl(name="form.widgets.summary").value = "En ny legeplads i gården"
    browser.getControl(name="form.widgets.theme:list").value = [
        "faellesskab-og-trivsel"
    ]
    browser.getControl(name="form.widgets.start").value = "2026-04-01"
    browser.getControl(name="form.widgets.deadline").value = deadline


def test_staff_adds_group_and_opens_signup(functional_app, folder):
    browser = browser_for(functional_app, "staff1")
    browser.open(folder.absolute_url() + "/++add++TaskGroup")
    fill_group_form(browser, deadline="2026-03-01")
    browser.getControl(name="form.buttons.save").click()
    assert "The deadline must be after the start." in browser.contents
    transaction.begin()
    assert folder.objectIds() == []

    fill_group_form(browser, deadline="2026-08-01")
    browser.getControl(name="form.buttons.save").click()
    assert "/grupper/legepladsen" in browser.url
    assert "En ny legeplads i gården" in browser.contents

    browser.getLink(id="workflow-transition-open_signup").click()
    transaction.begin()
    assert api.content.get_state(folder["legepladsen"]) == "recruiting"


def test_resident_has_no_add_form(functional_app, folder):
    browser = browser_for(functional_app, "resident1")
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.open(folder.absolute_url() + "/++add++TaskGroup")
    # Plone answers a logged-in user without permission with its
    # "insufficient privileges" page, never with the form.
    assert "form.widgets.summary" not in browser.contents
    assert browser.url.endswith("/insufficient-privileges")


def test_board_approves_mandate_in_the_state_menu(functional_app, folder):
    with api.env.adopt_roles(["Manager"]):
        group = api.content.create(
            folder,
            "TaskGroup",
            id="g",
            title="G",
            summary="S",
            theme="Udlejning",
            start=date(2026, 1, 1),
            deadline=date(2026, 2, 1),
        )
        mandate = api.content.create(
            group, "Mandate", id="kommissorium", title="K", questions=["Q?"]
        )
        api.content.transition(mandate, transition="submit_for_approval")
    transaction.commit()

    browser = browser_for(functional_app, "board1")
    browser.open(mandate.absolute_url())
    browser.getLink(id="workflow-transition-approve").click()
    transaction.begin()
    assert api.content.get_state(mandate) == "approved"
    assert mandate.approval_date is not None
