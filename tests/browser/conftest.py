"""One headless Chromium for every browser test of the run.

Playwright's sync API allows one instance at a time in a process: the
browser tests in e2e/ and the årshjul's print test (insight/) share this
one, whatever order they run in.
"""

import pytest


@pytest.fixture(scope="session")
def chromium():
    from .e2e.conftest import CHROMIUM
    from .e2e.conftest import CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
