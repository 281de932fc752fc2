"""The demo site tells what came of its concluded group."""

from plone import api
from plone.app.testing import applyProfile
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID


def test_the_concluded_demo_group_has_a_published_outcome(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    applyProfile(portal, "threeb.opgavegrupper:demo")
    brains = api.content.find(portal_type="Outcome", review_state="published")
    assert len(brains) == 1
    outcome = brains[0].getObject()
    assert api.content.get_state(outcome.__parent__) == "concluded"
    assert outcome.summary and outcome.decided and outcome.next_steps
    assert outcome.effective_date is not None
