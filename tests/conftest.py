import os


# Compile the committed .po files to .mo when the ZCML registers them, as the
# instance's zope.conf does, so the tests see the real Danish catalogue.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

from pytest_plone import fixtures_factory  # noqa: E402
from threeb.opgavegrupper.testing import ACCEPTANCE_TESTING  # noqa: E402
from threeb.opgavegrupper.testing import FUNCTIONAL_TESTING  # noqa: E402
from threeb.opgavegrupper.testing import INTEGRATION_TESTING  # noqa: E402

import pytest  # noqa: E402


globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)
# The demo layer stacks on the add-on's layer; kept up for the whole session
# its users would show up in the integration tests' site too.
globals().update(
    fixtures_factory(((ACCEPTANCE_TESTING, "acceptance"),), keep_session=False)
)


@pytest.fixture
def package_name() -> str:
    return "threeb.opgavegrupper"


def set_state(obj, state):
    """Put ``obj`` straight into ``state``, skipping the way there, so a
    state's permissions are tested on their own, without the rules that guard
    the transitions."""
    from DateTime import DateTime
    from plone import api
    from plone.app.testing import TEST_USER_ID

    wftool = api.portal.get_tool("portal_workflow")
    (workflow,) = wftool.getWorkflowsFor(obj)
    assert state in workflow.states.objectIds()
    wftool.setStatusOf(
        workflow.getId(),
        obj,
        {
            "review_state": state,
            "action": None,
            "actor": TEST_USER_ID,
            "comments": "",
            "time": DateTime(),
        },
    )
    workflow.updateRoleMappingsFor(obj)
    obj.reindexObject()
    obj.reindexObjectSecurity()


@pytest.fixture
def in_state():
    """``in_state(obj, "adopted")``: see set_state()."""
    return set_state


@pytest.fixture
def do_transition():
    """Run a transition as a user, as the workflow tool does for a click."""
    from plone import api

    def run(obj, transition, user_id, comment=""):
        wftool = api.portal.get_tool("portal_workflow")
        with api.env.adopt_user(username=user_id):
            wftool.doActionFor(obj, transition, comment=comment)
        return api.content.get_state(obj=obj)

    return run
