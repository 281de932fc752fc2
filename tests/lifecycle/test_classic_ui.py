"""Classic UI: refused transitions as messages; the forms follow the states."""

from plone import api
from plone.protect.authenticator import createToken
from Products.statusmessages.interfaces import IStatusMessage
from threeb.opgavegrupper.interfaces import IBrowserLayer
from zope.component import getMultiAdapter
from zope.interface import alsoProvides

import pytest
import transaction


@pytest.fixture
def submitted(group, mandate, recommendation, people, in_state):
    in_state(group, "active")
    in_state(mandate, "approved")
    in_state(recommendation, "submitted")
    return recommendation


@pytest.fixture
def click(http_request):
    """What the state menu's link does: content_status_modify as a user."""
    alsoProvides(http_request, IBrowserLayer)

    def run(obj, transition, username, comment=""):
        with api.env.adopt_user(username=username):
            http_request.form.update(
                workflow_action=transition, _authenticator=createToken()
            )
            view = getMultiAdapter((obj, http_request), name="content_status_modify")
            view(workflow_action=transition, comment=comment)
        return IStatusMessage(http_request).show()

    return run


def test_refused_decision_is_a_status_message(submitted, click, http_request):
    messages = click(submitted, "adopt", "ole")
    assert [message.type for message in messages] == ["error"]
    assert "needs a decision text" in messages[0].message
    assert http_request.response.getStatus() == 302
    assert http_request.response.getHeader("location") == submitted.absolute_url()
    assert api.content.get_state(obj=submitted) == "submitted"
    # Nothing of the refused attempt may be committed.
    assert transaction.get().isDoomed()


def test_decision_with_comment_goes_through(submitted, click):
    messages = click(submitted, "adopt", "ole", comment="Vedtaget 4. maj.")
    assert [message.type for message in messages] == ["info"]
    assert api.content.get_state(obj=submitted) == "adopted"
    assert submitted.decision_text == "Vedtaget 4. maj."


def form_fields(context, view_name, username):
    """The field names a user's form shows, as the publisher would set it up."""
    request = context.REQUEST
    with api.env.adopt_user(username=username):
        # Without an authenticated user, plone.autoform skips permission checks.
        request.set("AUTHENTICATED_USER", api.user.get_current())
        form = context.restrictedTraverse(view_name).form_instance
        form.update()
    names = set(form.fields)
    for group in form.groups:
        names |= set(group.fields)
    return names


def test_chair_add_form_offers_the_proposal_not_the_decision(group, people, in_state):
    # The add form checks field permissions on the group, not on the new item.
    in_state(group, "active")
    names = form_fields(group, "++add++Recommendation", "tove")
    assert {"title", "summary", "recommendation", "minority_statement"} <= names
    assert not names & {"decision_text", "votes_for", "implementation_status"}


def test_board_edits_only_the_decision_of_a_submitted_recommendation(submitted):
    names = form_fields(submitted, "@@edit", "ole")
    assert {"decision_text", "decision_date", "votes_for"} <= names
    assert not names & {"title", "recommendation", "implementation_status"}


def test_staff_edit_only_the_implementation_of_an_adopted_one(submitted, in_state):
    in_state(submitted, "adopted")
    names = form_fields(submitted, "@@edit", "mette")
    assert {"implementation_status", "progress"} <= names
    assert not names & {"title", "recommendation", "decision_text"}


def shows_toolbar(obj, username):
    with api.env.adopt_user(username=username):
        return obj.restrictedTraverse("@@plone").showToolbar()


def test_board_gets_the_state_menu_on_a_mandate_awaiting_approval(
    group, mandate, people, in_state
):
    # Plone shows the toolbar, and so the state menu, only to users who may
    # modify, add or review; the board may only review a pending mandate.
    in_state(group, "active")
    in_state(mandate, "pending_approval")
    assert shows_toolbar(mandate, "ole")
    in_state(mandate, "approved")
    assert not shows_toolbar(mandate, "ole")
    assert not shows_toolbar(mandate, "jens")
