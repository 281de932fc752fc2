from pathlib import Path

import glob
import os
import shutil


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


# Tests that need programs from outside Python: without them (someone not
# root, with no Chromium), `make test` runs the others and names these as not
# run, with the reason. CI (CI=true, as root) installs the programs first and
# runs them all: there a missing program fails the tests instead.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(__file__).parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def _missing_chromium_or_axe():
    missing = [path for path in (CHROMIUM, str(AXE_JS)) if not Path(path).exists()]
    if missing:
        return (
            f"{' and '.join(missing)} missing: run `sudo scripts/install-system-deps.sh`"
            " and `make npm-install`"
        )


def _missing_postgresql_or_haproxy():
    missing = []
    if not (shutil.which("initdb") or glob.glob("/usr/lib/postgresql/*/bin/initdb")):
        missing.append("PostgreSQL (initdb)")
    if not (shutil.which("haproxy") or Path("/usr/sbin/haproxy").exists()):
        missing.append("haproxy")
    if missing:
        return f"{' and '.join(missing)} missing: run `sudo scripts/install-system-deps.sh`"


# folder or file under tests/: what tells whether its programs are there
NEEDS_PROGRAMS = {
    "browser/e2e": _missing_chromium_or_axe,
    "browser/insight/test_aarshjul_print.py": _missing_chromium_or_axe,
    "cluster": _missing_postgresql_or_haproxy,
}


def pytest_collection_modifyitems(config, items):
    if os.environ.get("CI"):
        return
    here = Path(__file__).parent
    not_run = {}
    for folder, check in NEEDS_PROGRAMS.items():
        reason = check()
        if not reason:
            continue
        prefix = here / folder
        chosen = [
            item
            for item in items
            if prefix == Path(item.path) or prefix in Path(item.path).parents
        ]
        if chosen:
            not_run[folder] = (reason, chosen)
    if not not_run:
        return
    deselected = [item for _reason, chosen in not_run.values() for item in chosen]
    config.hook.pytest_deselected(items=deselected)
    items[:] = [item for item in items if item not in deselected]
    config.stash[NOT_RUN] = not_run


NOT_RUN = pytest.StashKey[dict]()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    not_run = config.stash.get(NOT_RUN, {})
    for folder, (reason, chosen) in not_run.items():
        files = sorted({Path(item.path).name for item in chosen})
        terminalreporter.write_line(
            f"NOT RUN: {len(chosen)} tests of tests/{folder} ({', '.join(files)}):"
            f" {reason}",
            yellow=True,
            bold=True,
        )
