"""Browser tests: the demo site on a real WSGI server, driven by headless Chromium.

One Chromium per session; the acceptance layer (the demo site) is set up once for
this folder (it is a package, so ``scope="package"`` ends with its last test) and
every test gets a fresh copy of its database (``testSetUp``/``testTearDown``).
Chromium comes from Debian (``scripts/install-system-deps.sh``), axe-core from
npm (``make npm-install``, which ``make test`` runs).
"""

from pathlib import Path
from threeb.opgavegrupper.testing import ACCEPTANCE_TESTING
from urllib.parse import urlsplit
from zope.pytestlayer import fixture as layer_fixture

import importlib
import os
import pytest


ROOT = Path(__file__).parents[3]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 900}
PASSWORD = "opgave-demo"
# The WCAG 2.1 A/AA rules, as in docs/design.md ("Accessibility").
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_IMPACTS = ("serious", "critical")
# A ceiling for each page and action, not a wait: a loaded machine (the suite
# five times slower than on an idle one) took more than 15 s for some pages.
TIMEOUT_MS = 120_000


def shared_helpers():
    """tests/helpers.py: people, groups and the notifications' mail helpers.

    This folder is a package of its own (``e2e``), so ``..helpers`` is out of
    its reach; pytest's importlib mode makes ``tests`` a package it can import.
    """
    return importlib.import_module("tests.helpers")


def mail_helpers():
    """tests/notifications/conftest.py: the SMTP sink (``sink_mailhost``) and
    the mail reader (``read``), the one copy the other folders use too."""
    return shared_helpers().notification_helpers()


def _layers_bottom_up(layer, result):
    for base in layer.__bases__:
        _layers_bottom_up(base, result)
    if layer not in result:
        result.append(layer)
    return result


@pytest.fixture(scope="package")
def e2e_layer(request):
    """Set up the demo site and its WSGI server once for the browser tests."""
    missing = [str(path) for path in (Path(CHROMIUM), AXE_JS) if not path.exists()]
    if missing:
        pytest.fail(
            f"Missing {', '.join(missing)}: run `sudo scripts/install-system-deps.sh`"
            " and `make npm-install` (or `make test`)."
        )
    state = request.session.zopelayer_state
    started = []
    for layer in _layers_bottom_up(ACCEPTANCE_TESTING, []):
        if layer not in state.current:
            layer_fixture.setup_layer(layer, request)
            started.append(layer)
    yield ACCEPTANCE_TESTING
    for layer in reversed(started):
        layer_fixture.teardown_layer(layer, request)


@pytest.fixture
def site(e2e_layer):
    """The URL of the demo site, on a fresh copy of its database for this test."""
    e2e_layer.testSetUp()
    try:
        portal_url = e2e_layer["portal"].absolute_url()
        assert portal_url.startswith("http://localhost:"), portal_url
        yield portal_url
    finally:
        e2e_layer.testTearDown()


@pytest.fixture
def demo_portal(site, e2e_layer):
    """The demo site object of this test, to arrange data (then ``transaction.commit()``)."""
    return e2e_layer["portal"]


# ``chromium``: one browser for the whole run (tests/browser/conftest.py).


@pytest.fixture
def new_page(chromium):
    """Open a page in a fresh browser context (own cookies) at the test viewport."""
    contexts = []

    def open_page():
        context = chromium.new_context(viewport=VIEWPORT, locale="da-DK")
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def log_in(page, portal_url, user_id, password=PASSWORD):
    """Log in through Plone's login form, as a person would."""
    page.goto(f"{portal_url}/login")
    page.fill("#__ac_name", user_id)
    page.fill("#__ac_password", password)
    page.click("#buttons-login")
    page.wait_for_load_state()
    cookies = {cookie["name"] for cookie in page.context.cookies()}
    assert "__ac" in cookies, f"{user_id} could not log in: {page.url}"
    return page


@pytest.fixture
def page_as(site, new_page):
    """``page_as("jens")`` is a page logged in as a demo user; ``None`` is anonymous.

    Each test logs in through the form: its fresh database does not know the
    session cookie of an earlier test.
    """

    def open_as(user_id=None):
        page = new_page()
        if user_id:
            log_in(page, site, user_id)
        page.demo_user = user_id
        return page

    return open_as


def goto(page, url):
    """Open ``url`` and fail unless it answered 200 at that URL, as the page's user."""
    response = page.goto(url)
    assert response is not None and response.status == 200, (
        f"{url}: {response and response.status}"
    )
    path = urlsplit(page.url).path
    assert not path.endswith(
        ("/login", "/require_login", "/insufficient-privileges")
    ), f"{url} sent us to {page.url}"
    authenticated = page.evaluate(
        "document.body.classList.contains('userrole-authenticated')"
    )
    assert authenticated == bool(getattr(page, "demo_user", None)), (
        f"{url}: expected to be {getattr(page, 'demo_user', None) or 'anonymous'}"
    )
    return response


def axe(page, include="#content", impacts=AXE_IMPACTS):
    """Run axe-core on ``include`` and return the violations of those impacts."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """([include, tags]) => axe.run(
            {include: [include]},
            {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]}
        )""",
        [include, AXE_TAGS],
    )
    return [
        violation
        for violation in result["violations"]
        if violation["impact"] in impacts
    ]


def describe(violations):
    """One line per rule and element: what a failing assertion shows."""
    return "\n".join(
        f"{violation['id']} ({violation['impact']}): {node['target']} {node['html'][:160]}"
        for violation in violations
        for node in violation["nodes"]
    )


def screenshot(page, name):
    """Save what the page shows in the viewport as docs/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
